import type { PeerId } from '@libp2p/interface'

export interface PeerSyncSchedulerInit {
  /** Fetches what we miss from `peer`. */
  sync: (peer: PeerId) => Promise<unknown>
  /** Whether `peer` is still a neighbour worth asking again. */
  stillThere: (peer: PeerId) => boolean
  /** A peer is asked at most this often. */
  intervalMs: number
  /** A new neighbour is asked once more after this long. */
  settleMs: number
  onError: (peer: PeerId, err: Error) => void
}

/**
 * When a peer joins one of our topics (a late joiner, a restart, a healed
 * partition), fetch our gap from it now, and once more after gossip links
 * have settled: messages published while the mesh was still forming can miss
 * us, since gossipsub forwards only along its mesh.
 */
export class PeerSyncScheduler {
  readonly #init: PeerSyncSchedulerInit
  readonly #last = new Map<string, number>()
  readonly #deferred = new Set<string>()
  readonly #timers = new Set<ReturnType<typeof setTimeout>>()
  #closed = false

  constructor (init: PeerSyncSchedulerInit) {
    this.#init = init
  }

  /** Records that `peer` was just synced (by an explicit call). */
  synced (peer: PeerId): void {
    this.#last.set(peer.toString(), Date.now())
  }

  peerJoined (peer: PeerId): void {
    if (this.#closed) return
    const key = peer.toString()
    const last = this.#last.get(key)
    const wait = last == null ? 0 : last + this.#init.intervalMs - Date.now()
    if (wait > 0) {
      // asked too recently (a peer that left and came back, e.g. across a short
      // partition): ask again once the interval is over, rather than never
      if (this.#deferred.has(key)) return
      this.#deferred.add(key)
      this.#later(peer, wait, () => { this.peerJoined(peer) }, () => { this.#deferred.delete(key) })
      return
    }
    this.#run(peer)
    this.#later(peer, this.#init.settleMs, () => { this.#run(peer) })
  }

  // Runs `then` after `ms` if we are still open and `peer` still a neighbour.
  #later (peer: PeerId, ms: number, then: () => void, always = (): void => {}): void {
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      always()
      if (!this.#closed && this.#init.stillThere(peer)) then()
    }, ms)
    this.#timers.add(timer)
  }

  #run (peer: PeerId): void {
    this.synced(peer)
    this.#init.sync(peer).catch((err: Error) => { this.#init.onError(peer, err) })
  }

  close (): void {
    this.#closed = true
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
  }
}
