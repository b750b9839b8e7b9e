import type { Connection, Libp2p, PeerId } from '@libp2p/interface'

/** The part of a node this uses (any node's services will do). */
type NodeLike = Pick<Libp2p, 'getConnections'>
import type { VideoSwarm, SegmentSource } from '../../../src/video/index.ts'
import type { UploadLimiter } from '../../../src/video/index.ts'

/** How a connection reaches its peer. */
export type ConnectionKind = 'webrtc' | 'relayed' | 'websocket' | 'other'

/** Direct WebRTC (browser to browser, or to a CLI peer), relayed through a circuit, or a WebSocket to a relay. */
export function connectionKind (conn: Connection): ConnectionKind {
  if (conn.limits != null) return 'relayed'
  const names = conn.remoteAddr.getComponents().map(c => c.name)
  if (names.includes('webrtc') || names.includes('webrtc-direct')) return 'webrtc'
  if (names.includes('p2p-circuit')) return 'relayed'
  if (names.includes('ws') || names.includes('wss') || names.includes('tls')) return 'websocket'
  return 'other'
}

/** The kind of the best open connection to `peer` (an unlimited one first). */
export function peerConnectionKind (node: NodeLike, peer: PeerId): ConnectionKind | undefined {
  const conns = node.getConnections(peer).filter(c => c.status === 'open')
  const best = conns.find(c => c.limits == null) ?? conns[0]
  return best == null ? undefined : connectionKind(best)
}

/** Where segment bytes came from: another viewer, a relay (as a swarm peer), the streamer's node, an HTTP origin. */
export type SourceClass = 'viewer' | 'relay' | 'seed' | 'origin'

export interface PeerTraffic {
  /** Segments and bytes this page took from the peer. */
  segments: number
  bytes: number
  /** What the peer is to us. */
  class: SourceClass
  /** How the peer was connected when its last segment arrived. */
  via: ConnectionKind | 'unknown'
}

export interface RateSample {
  /** Bytes per second over the last sampling interval. */
  down: number
  up: number
}

const RATE_INTERVAL_MS = 1_000
/** Segments the "where from lately" view looks at. */
const RECENT_SEGMENTS = 5

/**
 * Where this page's segment bytes came from (other viewers, relays, the
 * streamer's node, HTTP origins; per peer with the transport they used) and the current download and upload rates.
 */
export class TrafficMeter {
  readonly byPeer = new Map<string, PeerTraffic>()
  readonly bytes: Record<SourceClass, number> = { viewer: 0, relay: 0, seed: 0, origin: 0 }
  readonly segments: Record<SourceClass, number> = { viewer: 0, relay: 0, seed: 0, origin: 0 }
  /** Where the last few segments came from, oldest first. */
  readonly recent: SourceClass[] = []
  readonly #isRelay: (peer: string) => boolean
  readonly #node: NodeLike
  readonly #swarm: VideoSwarm
  readonly #limiter: UploadLimiter
  #last = { down: 0, up: 0, at: 0 }
  #rates: RateSample = { down: 0, up: 0 }
  readonly #timer: ReturnType<typeof setInterval>

  constructor (node: NodeLike, swarm: VideoSwarm, limiter: UploadLimiter, isRelay: (peer: string) => boolean) {
    this.#isRelay = isRelay
    this.#node = node
    this.#swarm = swarm
    this.#limiter = limiter
    swarm.addEventListener('received', this.#onReceived)
    this.#last = { down: this.downloaded, up: limiter.uploaded, at: performance.now() }
    this.#timer = setInterval(() => { this.#sample() }, RATE_INTERVAL_MS)
  }

  /** Segment bytes received from every source. */
  get downloaded (): number {
    return this.bytes.viewer + this.bytes.relay + this.bytes.seed + this.bytes.origin
  }

  get uploaded (): number {
    return this.#limiter.uploaded
  }

  get rates (): RateSample {
    return this.#rates
  }

  #onReceived = (evt: CustomEvent<{ source: SegmentSource, peer?: PeerId, bytes: number }>): void => {
    const { peer, bytes, source } = evt.detail
    const key = peer?.toString()
    const cls: SourceClass = source === 'origin' || source === 'self' ? 'origin' : source === 'seed' ? 'seed' : key != null && this.#isRelay(key) ? 'relay' : 'viewer'
    this.bytes[cls] += bytes
    this.segments[cls]++
    this.recent.push(cls)
    if (this.recent.length > RECENT_SEGMENTS) this.recent.shift()
    if (peer == null || key == null) return
    const t = this.byPeer.get(key) ?? { segments: 0, bytes: 0, class: cls, via: 'unknown' }
    t.segments++
    t.bytes += bytes
    t.class = cls
    t.via = peerConnectionKind(this.#node, peer) ?? 'unknown'
    this.byPeer.set(key, t)
  }

  #sample (): void {
    const now = performance.now()
    const seconds = Math.max(0.001, (now - this.#last.at) / 1000)
    const down = this.downloaded
    const up = this.#limiter.uploaded
    this.#rates = { down: (down - this.#last.down) / seconds, up: (up - this.#last.up) / seconds }
    this.#last = { down, up, at: now }
  }

  close (): void {
    clearInterval(this.#timer)
    this.#swarm.removeEventListener('received', this.#onReceived)
  }
}
