import { useEffect, useMemo, useState } from 'react'
import { useEvents } from '../use-ticker.ts'
import type { ChatMessage, ChatRoom } from '../../../src/chat/index.ts'
import type { ChannelModeration } from '../../../src/moderation/index.ts'

/** Chat lines kept on the page (older ones stay in the store and with peers). */
export const MAX_SHOWN = 500

/**
 * The chat lines to show: stored history, then every verified message as it
 * arrives (live or filled in by history sync, in any order), sorted by time.
 * Authors the viewer's moderation hides drop out at once, including lines
 * already shown; an unban brings them back from the store.
 */
export function useChat (room: ChatRoom, mod: ChannelModeration): ChatMessage[] {
  const [all, setAll] = useState<ReadonlyMap<string, ChatMessage>>(() => new Map())
  const policyVersion = useEvents(mod, ['policy-changed'])

  useEffect(() => {
    let cancelled = false
    const add = (messages: ChatMessage[]): void => {
      if (cancelled || messages.length === 0) return
      setAll(prev => {
        const next = new Map(prev)
        for (const m of messages) next.set(m.id, m)
        if (next.size <= MAX_SHOWN) return next
        return new Map(sortByTime([...next.values()]).slice(-MAX_SHOWN).map(m => [m.id, m]))
      })
    }
    // the store holds hidden authors' lines too: re-read after each policy change (an unban shows them again)
    void room.history.query({ limit: MAX_SHOWN }).then(add, () => {})
    const onMessage = (evt: CustomEvent<ChatMessage>): void => { add([evt.detail]) }
    room.addEventListener('message', onMessage)
    return () => {
      cancelled = true
      room.removeEventListener('message', onMessage)
    }
  }, [room, policyVersion])

  return useMemo(() => sortByTime([...all.values()].filter(m => !mod.hidesForViewer(m.author))), [all, mod, policyVersion])
}

function sortByTime (messages: ChatMessage[]): ChatMessage[] {
  return messages.sort((a, b) => a.timestamp - b.timestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}
