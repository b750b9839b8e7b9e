import type { PageStats } from '../stats/page-stats.ts'

/** A chat line as the page shows it. */
export interface ShownMessage {
  id: string
  author: string
  fingerprint: string
  nick: string | null
  text: string
  timestamp: number
}

/**
 * What the page tells scripts and tests, as plain data, on `window.swarmcast`:
 * its node and identity, the stats panel's numbers and the chat lines shown.
 */
export interface SwarmcastPageApi {
  phase: 'start' | 'connecting' | 'ready' | 'failed'
  error: string | null
  peerId: string | null
  /** The identity that signs this page's chat and moderation. */
  identity: { key: string, fingerprint: string } | null
  channel: string | null
  stats: () => PageStats | null
  chat: () => ShownMessage[]
}

declare global {
  interface Window {
    swarmcast: SwarmcastPageApi
  }
}

export const pageApi: SwarmcastPageApi = {
  phase: 'start',
  error: null,
  peerId: null,
  identity: null,
  channel: null,
  stats: () => null,
  chat: () => []
}

window.swarmcast = pageApi
