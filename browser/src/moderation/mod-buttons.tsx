import { useState } from 'react'
import { modFailureText } from './mod-feedback.ts'
import type { ChannelModeration } from '../../../src/moderation/index.ts'

/** Ban and mute buttons on a chat line, for a page whose identity holds a grant. */
export function ModButtons ({ mod, author, label }: { mod: ChannelModeration, author: string, label: string }): React.JSX.Element {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const act = async (type: 'ban' | 'mute'): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await mod.act(type, author, { reason: 'from the web app' })
    } catch (err) {
      setError(modFailureText(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <span className='mod-buttons'>
      <button type='button' disabled={busy} onClick={() => { void act('mute') }} aria-label={`Mute ${label}`}>Mute</button>
      <button type='button' disabled={busy} onClick={() => { void act('ban') }} aria-label={`Ban ${label}`}>Ban</button>
      {error != null && <span role='alert' className='mod-error'>{error}</span>}
    </span>
  )
}
