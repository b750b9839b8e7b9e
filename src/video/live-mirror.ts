import { MAX_PARALLEL_FETCHES, MAX_REQUESTS_PER_PEER, RETRY_PEER_AFTER_MS } from './constants.ts'
import type { Neighbour, VideoSwarm } from './video-swarm.ts'

export interface MirrorStats {
  /** Segments fetched into the window. */
  fetched: number
  /** Requests that failed (and were retried elsewhere or later). */
  failures: number
}

/**
 * Keeps a whole live window on this node without playing it: every announced
 * segment is fetched as soon as it is known, from a peer that holds it, else
 * from the stream's source, else from an HTTP origin. This is what a relay
 * runs for a followed channel, so that it is both a swarm peer with the full
 * window and an HLS origin cache. There is no deadline to wait for, so it
 * does not hold back for cheaper sources the way a viewer does.
 */
export class LiveMirror {
  readonly swarm: VideoSwarm
  readonly stats: MirrorStats = { fetched: 0, failures: 0 }
  readonly #inflight = new Set<number>()
  readonly #retryAfter = new Map<string, number>()
  #timer: ReturnType<typeof setTimeout> | undefined
  #running = false

  constructor (swarm: VideoSwarm) {
    this.swarm = swarm
  }

  start (): void {
    if (this.#running) return
    this.#running = true
    this.swarm.serveAsSource()
    this.swarm.window.addEventListener('announcement', this.#schedule)
    this.swarm.addEventListener('neighbours', this.#schedule)
    this.#schedule()
  }

  /** Stops fetching; what is held stays in the window. Safe twice. */
  close (): void {
    if (!this.#running) return
    this.#running = false
    clearTimeout(this.#timer)
    this.swarm.window.removeEventListener('announcement', this.#schedule)
    this.swarm.removeEventListener('neighbours', this.#schedule)
  }

  #schedule = (): void => {
    if (!this.#running) return
    const now = Date.now()
    const window = this.swarm.window
    for (const [key, until] of this.#retryAfter) if (until <= now) this.#retryAfter.delete(key)
    // newest first: a late segment is worth less to the viewers than the live edge
    const missing = window.announcements().filter(a => !window.has(a.seq) && !this.#inflight.has(a.seq)).reverse()
    for (const a of missing) {
      if (this.#inflight.size >= MAX_PARALLEL_FETCHES) break
      const source = this.#pickSource(a.seq)
      if (source != null) this.#fetch(a.seq, source)
    }
    const nextRetry = Math.min(...this.#retryAfter.values())
    clearTimeout(this.#timer)
    if (Number.isFinite(nextRetry)) this.#timer = setTimeout(this.#schedule, Math.max(10, nextRetry - now))
  }

  #pickSource (seq: number): Neighbour | string | undefined {
    const holders = this.swarm.holders(seq).filter(n => n.inflight < MAX_REQUESTS_PER_PEER && !this.#retryAfter.has(retryKey(seq, n)))
    const peers = holders.filter(n => !n.seed)
    const pick = peers.length > 0 ? peers : holders
    if (pick.length > 0) return pick.reduce((a, b) => b.inflight < a.inflight ? b : a)
    return this.swarm.origins().find(origin => !this.#retryAfter.has(retryKey(seq, origin)))
  }

  #fetch (seq: number, source: Neighbour | string): void {
    this.#inflight.add(seq)
    const fetching = typeof source === 'string' ? this.swarm.fetchFromOrigin(source, seq) : this.swarm.fetchFromPeer(source, seq)
    void fetching.then(result => {
      this.#inflight.delete(seq)
      if (result.ok) this.stats.fetched++
      else {
        this.stats.failures++
        this.#retryAfter.set(retryKey(seq, source), Date.now() + RETRY_PEER_AFTER_MS)
      }
      this.#schedule()
    })
  }
}

function retryKey (seq: number, source: Neighbour | string): string {
  return `${seq}:${typeof source === 'string' ? source : source.peer.toString()}`
}
