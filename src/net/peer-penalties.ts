import type { PeerId } from '@libp2p/interface'

/** How long a penalty counts, and how far gossipsub weighs it (appSpecificWeight is 10). */
const PENALTY_MS = 10 * 60_000
const MAX_PENALIZED_PEERS = 1024

/**
 * Misbehaviour a node saw outside gossip (a peer that served bytes not
 * matching their signed hash, say). Gossipsub reads it as the app-specific
 * score, so the peer loses its mesh place; the connection gater refuses the
 * peer while a penalty stands.
 */
export class PeerPenalties {
  readonly #penalties = new Map<string, { points: number, until: number }>()
  readonly #now: () => number

  constructor (now: () => number = Date.now) {
    this.#now = now
  }

  /** Counts `points` (≥ 1; each takes 10 off the gossip score) against `peer`. */
  penalize (peer: PeerId | string, points = 1): void {
    const key = peer.toString()
    const current = this.#live(key)
    if (current == null && this.#penalties.size >= MAX_PENALIZED_PEERS) {
      this.#penalties.delete(this.#penalties.keys().next().value as string)
    }
    this.#penalties.set(key, { points: (current?.points ?? 0) + points, until: this.#now() + PENALTY_MS })
  }

  /** Gossipsub's app-specific score: minus the standing points. */
  score (peer: string): number {
    return -(this.#live(peer)?.points ?? 0)
  }

  isPenalized (peer: PeerId | string): boolean {
    return this.#live(peer.toString()) != null
  }

  #live (key: string): { points: number, until: number } | undefined {
    const p = this.#penalties.get(key)
    if (p != null && p.until <= this.#now()) {
      this.#penalties.delete(key)
      return undefined
    }
    return p
  }
}
