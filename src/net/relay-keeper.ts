import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { RELAY_REDIAL_FIRST_MS, RELAY_REDIAL_MAX_MS, RELAY_REDIAL_TIMEOUT_MS } from './constants.ts'
import type { Libp2p, PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'

/** The part of a node this uses (any node's services will do). */
type NodeLike = Pick<Libp2p, 'getConnections' | 'dial' | 'addEventListener' | 'removeEventListener'>

// ±30 %: nodes that lost the same relay at the same moment spread their redials
const JITTER = 0.3

export interface RelayKeeperEvents {
  /** Whether the node holds a connection to one of its relays now. */
  change: CustomEvent<{ connected: boolean, retryInMs?: number, error?: string }>
}

/**
 * Keeps a node connected to one of its relays: when the last relay connection
 * drops, redials them with jittered backoff (1 s, 2 s, 4 s ... 30 s) until one
 * answers, so a relay that comes back is not hit by every node at once.
 * Meanwhile chat and video go on over the direct links between peers.
 */
export class RelayKeeper extends EventTarget {
  readonly #node: NodeLike
  readonly #relays: Array<{ peer: PeerId, addrs: Multiaddr[] }>
  #retryMs = RELAY_REDIAL_FIRST_MS
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
    this.#retryMs = RELAY_REDIAL_FIRST_MS
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
    const wait = Math.round(this.#retryMs * (1 - JITTER + 2 * JITTER * Math.random()))
    this.#retryMs = Math.min(this.#retryMs * 2, RELAY_REDIAL_MAX_MS)
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
          await this.#node.dial(relay.addrs, { signal: AbortSignal.timeout(RELAY_REDIAL_TIMEOUT_MS) })
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
