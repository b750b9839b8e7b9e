import { MAX_UPLOADS_PER_PEER, PEER_UPLOAD_BURST_SEGMENTS, PEER_UPLOAD_SHARE } from './constants.ts'

/** What one neighbour may take, from the stream's own rate. */
export interface StreamRate {
  /** Average bytes per ms of media (segment sizes over their durations). */
  bytesPerMs: number
  /** Average segment size. */
  segmentBytes: number
}

/** Call once an upload granted by `PeerUploads.take` is over; `sent` false gives its bytes back. */
export type EndUpload = (sent: boolean) => void

interface PeerState { tokens: number, at: number, active: number }

const MAX_TRACKED_PEERS = 1024

/**
 * Per-neighbour fairness for segment uploads. An honest viewer takes each
 * segment once, so over time it needs about one copy of the stream from a
 * node, a lookahead's worth at once, and a couple of requests in flight. A peer
 * that asks for more (every segment, again and again) gets BUSY beyond that,
 * instead of draining the upload budget the node's other neighbours need.
 */
export class PeerUploads {
  readonly #peers = new Map<string, PeerState>()
  readonly #now: () => number

  constructor (now: () => number = Date.now) {
    this.#now = now
  }

  /** Counts an upload of `bytes` to `peer`; undefined when the peer is over its share. */
  take (peer: string, bytes: number, rate: StreamRate): EndUpload | undefined {
    const now = this.#now()
    const burst = rate.segmentBytes * PEER_UPLOAD_BURST_SEGMENTS
    const state = this.#peers.get(peer) ?? { tokens: burst, at: now, active: 0 }
    state.tokens = Math.min(burst, state.tokens + (now - state.at) * rate.bytesPerMs * PEER_UPLOAD_SHARE)
    state.at = now
    // most recently used last, so the first entry is the one to forget
    this.#peers.delete(peer)
    this.#peers.set(peer, state)
    while (this.#peers.size > MAX_TRACKED_PEERS) {
      const [oldest, s] = this.#peers.entries().next().value as [string, PeerState]
      if (s.active > 0) break
      this.#peers.delete(oldest)
    }
    // a segment bigger than the tokens left may still go (into debt): sizes vary, averages do not
    if (state.active >= MAX_UPLOADS_PER_PEER || state.tokens <= 0) return undefined
    state.active++
    state.tokens -= bytes
    let ended = false
    return (sent) => {
      if (ended) return
      ended = true
      state.active--
      if (!sent) state.tokens += bytes
    }
  }
}
