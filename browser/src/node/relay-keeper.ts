import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import type { Libp2p, PeerId } from '@libp2p/interface'

/** The part of a node this uses (any node's services will do). */
type NodeLike = Pick<Libp2p, 'getConnections' | 'dial' | 'addEventListener' | 'removeEventListener'>
import type { Multiaddr } from '@multiformats/multiaddr'

/** First redial after losing every relay, then doubling up to the maximum. */
const FIRST_RETRY_MS = 1_000
const MAX_RETRY_MS = 30_000
const DIAL_TIMEOUT_MS = 10_000

export interface RelayKeeperEvents {
  /** Whether the node holds a connection to one of its relays now. */
  change: CustomEvent<{ connected: boolean, retryInMs?: number, error?: string }>
}

/**
 * Keeps the tab connected to one of its relays: when the last relay connection
 * drops, redials them with backoff (1 s, 2 s, 4 s ... 30 s) until one answers.
 * Playback meanwhile goes on from peers and the HTTP origin.
 */
export class RelayKeeper extends EventTarget {
  readonly #node: NodeLike
  readonly #relays: Array<{ peer: PeerId, addrs: Multiaddr[] }>
  #retryMs = FIRST_RETRY_MS
  #timer: ReturnType<typeof setTimeout> | undefined
  #dialing = false
  #closed = false

  constructor (node: NodeLike, bootstrap: string[]) {
    super()
    this.#node = node
    const byPeer = new Map<string, Multiaddr[]>()
    for (const text of bootstrap) {
      const addr = multiaddr(text)
      const id = addr.getComponents().findLast(c => c.name === 'p2p')?.value ?? ''
      byPeer.set(id, [...(byPeer.get(id) ?? []), addr])
    }
    this.#relays = [...byPeer].map(([id, addrs]) => ({ peer: peerIdFromString(id), addrs }))
    node.addEventListener('peer:disconnect', this.#onDisconnect)
    node.addEventListener('peer:connect', this.#onConnect)
  }

  get connected (): boolean {
    return this.#relays.some(r => this.#node.getConnections(r.peer).length > 0)
  }

  /** The relays' peer ids (text). */
  get relayIds (): string[] {
    return this.#relays.map(r => r.peer.toString())
  }

  #onConnect = (evt: CustomEvent<PeerId>): void => {
    if (!this.#relays.some(r => r.peer.equals(evt.detail))) return
    this.#retryMs = FIRST_RETRY_MS
    clearTimeout(this.#timer)
    this.#timer = undefined
    this.#emit({ connected: true })
  }

  #onDisconnect = (evt: CustomEvent<PeerId>): void => {
    if (!this.#relays.some(r => r.peer.equals(evt.detail)) || this.connected) return
    this.#schedule()
  }

  #schedule (): void {
    if (this.#closed || this.#timer != null) return
    const wait = this.#retryMs
    this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS)
    this.#emit({ connected: false, retryInMs: wait })
    this.#timer = setTimeout(() => { this.#timer = undefined; void this.#redial() }, wait)
  }

  async #redial (): Promise<void> {
    if (this.#closed || this.#dialing || this.connected) return
    this.#dialing = true
    try {
      let lastError: Error | undefined
      for (const relay of this.#relays) {
        try {
          await this.#node.dial(relay.addrs, { signal: AbortSignal.timeout(DIAL_TIMEOUT_MS) })
          return
        } catch (err) {
          lastError = err as Error
        }
      }
      this.#emit({ connected: false, error: lastError?.message })
      this.#schedule()
    } finally {
      this.#dialing = false
    }
  }

  #emit (detail: RelayKeeperEvents['change']['detail']): void {
    this.dispatchEvent(new CustomEvent('change', { detail }))
  }

  /** Safe twice. */
  close (): void {
    this.#closed = true
    clearTimeout(this.#timer)
    this.#node.removeEventListener('peer:disconnect', this.#onDisconnect)
    this.#node.removeEventListener('peer:connect', this.#onConnect)
  }
}
