import { useEffect, useState } from 'react'
import { openBrowserSession } from './browser-node.ts'
import { fetchRelayInfo } from './relay-info.ts'
import { pageApi } from './page-api.ts'
import type { BrowserSession } from './browser-node.ts'
import type { RelayInfo } from './relay-info.ts'
import type { ChannelId } from '../../../src/channel/index.ts'
import type { Route } from '../route.ts'

export type SessionState =
  | { phase: 'connecting', step: string }
  | { phase: 'ready', session: BrowserSession, info: RelayInfo | undefined }
  | { phase: 'failed', error: Error }

/**
 * Opens the page's node for `channel` once: asks the relay how to reach it
 * (unless the URL names bootstrap addresses), then starts the node and joins
 * the channel. Closes it when the page goes away.
 */
export function useSession (route: Route, channel: ChannelId): SessionState {
  const [state, setState] = useState<SessionState>({ phase: 'connecting', step: 'asking the relay how to join' })
  useEffect(() => {
    let session: BrowserSession | undefined
    let cancelled = false
    const opening = new AbortController()
    pageApi.phase = 'connecting'
    pageApi.channel = channel.text
    void (async () => {
      try {
        const info = route.bootstrap.length > 0 ? undefined : await fetchRelayInfo(location.origin, opening.signal)
        const bootstrap = route.bootstrap.length > 0 ? route.bootstrap : info?.bootstrap ?? []
        // the relay serves the HLS of the channels it follows, on this same origin
        const origins = [...route.origins, ...(info?.follow.includes(channel.text) === true ? [location.origin] : [])]
        if (cancelled) return
        setState({ phase: 'connecting', step: 'starting the node' })
        session = await openBrowserSession({ channel, bootstrap, origins, p2p: route.p2p, targetBufferMs: route.targetBufferMs, signal: opening.signal })
        if (cancelled) { await session.close(); return }
        pageApi.phase = 'ready'
        pageApi.peerId = session.node.peerId.toString()
        pageApi.identity = { key: session.identity.key, fingerprint: session.identity.fingerprint }
        setState({ phase: 'ready', session, info })
      } catch (err) {
        if (cancelled) return
        pageApi.phase = 'failed'
        pageApi.error = `${(err as Error).name}: ${(err as Error).message}`
        setState({ phase: 'failed', error: err as Error })
      }
    })()
    return () => {
      cancelled = true
      opening.abort()
      void session?.close()
    }
  }, [channel.text])
  return state
}
