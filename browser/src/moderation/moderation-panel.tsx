import { useState } from 'react'
import { fingerprint, keyFromText } from '../../../src/identity/index.ts'
import { Right } from '../../../src/moderation/index.ts'
import { useEvents } from '../use-ticker.ts'
import { modFailureText } from './mod-feedback.ts'
import type { ChannelModeration, ActionRecord } from '../../../src/moderation/index.ts'
import type { Identity } from '../../../src/identity/index.ts'

const POLICY_EVENTS = ['policy-changed'] as const

/** Rights held by `identity` in the channel, as the page acts on them. */
export function rightsOf (mod: ChannelModeration, identity: Identity): { moderator: boolean, owner: boolean, rights: number } {
  const rights = mod.policy.rightsOf(identity.key)
  return { moderator: (rights & (Right.Ban | Right.Mute)) !== 0, owner: identity.key === mod.policy.owner, rights }
}

function short (key: string): string {
  try {
    return fingerprint(keyFromText(key))
  } catch {
    return key.slice(0, 9)
  }
}

/**
 * The channel's moderation as this viewer sees it: its role, the channel's
 * bans and mutes (moderators can lift them), and the extra lists it follows,
 * whose bans and mutes hide authors for this viewer only.
 */
export function ModerationPanel ({ mod, identity }: { mod: ChannelModeration, identity: Identity }): React.JSX.Element {
  useEvents(mod, POLICY_EVENTS)
  const [listDraft, setListDraft] = useState('')
  const [feedback, setFeedback] = useState<{ text: string, error: boolean } | null>(null)
  const { moderator, owner, rights } = rightsOf(mod, identity)
  const report = mod.policy.report()
  const lists = mod.subscriptions()

  const run = async (what: () => Promise<unknown>, done: string): Promise<void> => {
    setFeedback(null)
    try {
      await what()
      setFeedback({ text: done, error: false })
    } catch (err) {
      setFeedback({ text: modFailureText(err), error: true })
    }
  }
  const subscribe = async (evt: React.FormEvent): Promise<void> => {
    evt.preventDefault()
    const key = listDraft.trim()
    await run(async () => { await mod.subscribe(key); setListDraft('') }, `Following list ${short(key)}: its bans and mutes now hide authors for you.`)
  }
  const lift = (a: ActionRecord): void => {
    void run(async () => await mod.act(a.type === 'ban' ? 'unban' : 'unmute', a.target), `${a.type === 'ban' ? 'Unbanned' : 'Unmuted'} ${short(a.target)}.`)
  }
  const role = owner ? 'You own this channel.' : moderator ? `You are a moderator here (${[rights & Right.Ban ? 'ban' : '', rights & Right.Mute ? 'mute' : ''].filter(Boolean).join(', ')}): ban and mute buttons are on each chat line.` : 'You are a viewer here.'

  return (
    <section className='moderation' aria-labelledby='mod-title'>
      <h2 id='mod-title' className='panel-title'>Moderation</h2>
      <p>{role}</p>
      {(['bans', 'mutes'] as const).map(kind => (
        <div key={kind}>
          <h3>{kind === 'bans' ? 'Banned' : 'Muted'} ({report[kind].length})</h3>
          {report[kind].length > 0 && (
            <ul className='mod-list'>
              {report[kind].map(a => (
                <li key={a.id} data-target={a.target}>
                  <abbr title={a.target}>{short(a.target)}</abbr> by <abbr title={a.list}>{short(a.list)}</abbr>
                  {a.reason !== '' && <>: {a.reason}</>}
                  {a.duration > 0 && <> (until {new Date(a.timestamp + a.duration).toLocaleString()})</>}
                  {moderator && <button type='button' onClick={() => { lift(a) }}>{kind === 'bans' ? 'Unban' : 'Unmute'}</button>}
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      <h3>Lists you follow ({lists.length})</h3>
      {lists.length > 0 && (
        <ul className='mod-list'>
          {lists.map(list => (
            <li key={list}>
              <abbr title={list}>{short(list)}</abbr>
              <button type='button' onClick={() => { void run(async () => { await mod.unsubscribe(list) }, `Stopped following ${short(list)}.`) }}>Unfollow</button>
            </li>
          ))}
        </ul>
      )}
      <form className='mod-subscribe' onSubmit={(e) => { void subscribe(e) }}>
        <label htmlFor='list-input'>Follow a moderation list (the key of a person whose bans and mutes you trust)</label>
        <input id='list-input' type='text' value={listDraft} onChange={(e) => { setListDraft(e.target.value) }} autoComplete='off' spellCheck={false} />
        <button type='submit' disabled={listDraft.trim() === ''}>Follow</button>
      </form>
      <p className={`mod-feedback${feedback?.error === true ? ' is-error' : ''}`} role={feedback?.error === true ? 'alert' : 'status'}>{feedback?.text ?? ''}</p>
    </section>
  )
}
