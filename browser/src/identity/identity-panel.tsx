import { useState } from 'react'
import { identityFromText, identityToText } from './key-export.ts'
import { IDENTITY_KEY } from '../node/browser-node.ts'
import type { Identity } from '../../../src/identity/index.ts'
import type { BrowserDatabase } from '../node/indexeddb.ts'

/**
 * The page's identity: its fingerprint and full key (what a channel owner
 * needs to make you a moderator), and export/import of the private key as text
 * to move it to another browser. Importing replaces this browser's identity
 * and reloads the page.
 */
export function IdentityPanel ({ identity, db }: { identity: Identity, db: BrowserDatabase }): React.JSX.Element {
  const [exported, setExported] = useState<string | null>(null)
  const [draft, setDraft] = useState('')
  const [feedback, setFeedback] = useState<{ text: string, error: boolean } | null>(null)

  const copy = async (text: string, what: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text)
      setFeedback({ text: `${what} copied.`, error: false })
    } catch {
      setFeedback({ text: `Copy failed: select the ${what.toLowerCase()} and copy it by hand.`, error: true })
    }
  }
  const importKey = async (evt: React.FormEvent): Promise<void> => {
    evt.preventDefault()
    try {
      const next = identityFromText(draft)
      if (next.key === identity.key) {
        setFeedback({ text: 'That is the identity this browser already uses.', error: false })
        return
      }
      if (!confirm(`Replace this browser's identity (${identity.fingerprint}) with ${next.fingerprint}? Export the current one first if you want to keep it.`)) return
      await db.keyStore(IDENTITY_KEY).save(next.toBytes())
      location.reload()
    } catch (err) {
      setFeedback({ text: (err as Error).message, error: true })
    }
  }

  return (
    <section className='identity' aria-labelledby='identity-title'>
      <h2 id='identity-title' className='panel-title'>Your identity</h2>
      <p>
        Fingerprint <strong data-testid='fingerprint'>{identity.fingerprint}</strong>. Your key (give it to a channel owner to be made a moderator):
      </p>
      <p className='identity-key'>
        <code>{identity.key}</code>{' '}
        <button type='button' onClick={() => { void copy(identity.key, 'Key') }}>Copy key</button>
      </p>
      <p>It lives in this browser only. Export it to use the same identity elsewhere; anyone holding the export can sign as you.</p>
      {exported == null
        ? <button type='button' onClick={() => { setExported(identityToText(identity)) }}>Export identity…</button>
        : (
          <div className='identity-export'>
            <label htmlFor='export-text'>Exported identity (secret)</label>
            <textarea id='export-text' readOnly value={exported} rows={3} onFocus={(e) => { e.target.select() }} />
            <button type='button' onClick={() => { void copy(exported, 'Identity') }}>Copy</button>
            <button type='button' onClick={() => { setExported(null) }}>Hide</button>
          </div>
          )}
      <form className='identity-import' onSubmit={(e) => { void importKey(e) }}>
        <label htmlFor='import-text'>Import an identity</label>
        <textarea id='import-text' value={draft} rows={2} spellCheck={false} autoComplete='off' placeholder='swarmcast-identity-v1:…' onChange={(e) => { setDraft(e.target.value) }} />
        <button type='submit' disabled={draft.trim() === ''}>Import and reload</button>
      </form>
      <p className={`identity-feedback${feedback?.error === true ? ' is-error' : ''}`} role={feedback?.error === true ? 'alert' : 'status'}>{feedback?.text ?? ''}</p>
    </section>
  )
}
