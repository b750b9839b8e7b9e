import { peerConnectionKind } from '../node/traffic.ts'
import type { BrowserSession } from '../node/browser-node.ts'
import type { ConnectionKind, PeerTraffic, SourceClass } from '../node/traffic.ts'
import type { VideoMetricsSnapshot } from '../player/video-metrics.ts'
import type { PathChoice, PlayPath, SfuReason } from '../player/path-choice.ts'
import type { SfuPathStats } from '../player/player-engine.ts'

/** Where the video on screen comes from: the swarm through MSE, the HTTP origin through MSE, or the relay's SFU over WebRTC. */
export type StreamPath = 'p2p' | 'origin' | 'sfu'

export interface PeerStats {
  peerId: string
  /** How we reach it now: direct WebRTC, relayed through a circuit, or a WebSocket (a relay). */
  via: ConnectionKind
  /** It is one of our relays. */
  relay: boolean
  /** It is in the channel's video swarm with us. */
  neighbour: boolean
  /** It is the stream's source. */
  seed: boolean
}

/** Everything the stats panel shows, as plain data (also `window.swarmcast.stats()`). */
export interface PageStats {
  peerId: string
  channel: string
  relayConnected: boolean
  /** Peers other than relays, by how they are connected. */
  peers: { direct: number, relayed: number, total: number }
  peerList: PeerStats[]
  /** Video swarm neighbours (peers we exchange segment haves with). */
  neighbours: number
  /** Segment bytes and counts by where they came from: other viewers, relays (as swarm peers), the streamer's node, HTTP origins. */
  bytesFrom: Record<SourceClass, number>
  segmentsFrom: Record<SourceClass, number>
  /** Share of segment bytes that came peer to peer (other viewers and the streamer's node; relays and origins are servers). */
  p2pShare: number
  /** Share that came from other viewers. */
  viewerShare: number
  /** Segments and bytes per peer they came from, with the transport they used. */
  receivedFrom: Record<string, PeerTraffic>
  bytesUploaded: number
  /** Bytes per second over the last second. */
  downRate: number
  upRate: number
  /** The core viewer's view: segments handed to the player, startup, stalls, skips. */
  segmentsPlayed: number
  startupMs: number | null
  viewerStalls: number
  skipped: number
  badSegments: number
  /** The video element's view (null before the player is there). */
  video: VideoMetricsSnapshot | null
  /** Seconds behind the newest buffered media. */
  behindLiveS: number
  p2p: boolean
  /** The path on screen. */
  path: StreamPath
  /** Why the SFU was taken ('user' = the "Low latency" switch); null on P2P/MSE. */
  pathReason: SfuReason | null
  /** The relay offers an SFU (the "Low latency" switch shows). */
  sfuOffered: boolean
  /** The SFU path's state and WebRTC numbers while it runs (also while it starts, MSE still on screen). */
  sfu: SfuPathStats | null
}

export interface PlayerHandle {
  metrics: () => VideoMetricsSnapshot | null
  behindLiveS: () => number
  path: () => { shown: PlayPath, choice: PathChoice, offered: boolean }
  sfu: () => SfuPathStats | null
}

/** Segments lately mostly from HTTP origins (or P2P off): the MSE path is the origin's. */
function msePath (traffic: BrowserSession['traffic'], p2p: boolean): StreamPath {
  if (!p2p) return 'origin'
  const recent = traffic.recent
  const fromOrigin = recent.filter(c => c === 'origin').length
  return recent.length > 0 && fromOrigin * 2 > recent.length ? 'origin' : 'p2p'
}

export function collectStats (session: BrowserSession, player: PlayerHandle | null, p2p: boolean): PageStats {
  const { node, swarm, viewer, traffic, relays } = session
  const relayIds = new Set(relays.relayIds)
  const peerList: PeerStats[] = []
  for (const peer of node.getPeers()) {
    const id = peer.toString()
    const via = peerConnectionKind(node, peer)
    if (via == null) continue
    const neighbour = swarm.neighbours.get(id)
    peerList.push({ peerId: id, via, relay: relayIds.has(id), neighbour: neighbour != null, seed: neighbour?.seed ?? false })
  }
  const others = peerList.filter(p => !p.relay)
  const b = traffic.bytes
  const total = traffic.downloaded
  const v = viewer.stats()
  const path = player?.path()
  return {
    peerId: node.peerId.toString(),
    channel: session.channel.text,
    relayConnected: relays.connected,
    peers: { direct: others.filter(p => p.via === 'webrtc').length, relayed: others.filter(p => p.via === 'relayed').length, total: others.length },
    peerList,
    neighbours: swarm.neighbours.size,
    bytesFrom: { ...b },
    segmentsFrom: { ...traffic.segments },
    p2pShare: total === 0 ? 0 : (b.viewer + b.seed) / total,
    viewerShare: total === 0 ? 0 : b.viewer / total,
    receivedFrom: Object.fromEntries([...traffic.byPeer].map(([k, t]) => [k, { ...t }])),
    bytesUploaded: traffic.uploaded,
    downRate: Math.round(traffic.rates.down),
    upRate: Math.round(traffic.rates.up),
    segmentsPlayed: v.segments,
    startupMs: v.startupMs,
    viewerStalls: v.stalls,
    skipped: v.skipped,
    badSegments: swarm.stats.badSegments,
    video: player?.metrics() ?? null,
    behindLiveS: player?.behindLiveS() ?? 0,
    p2p,
    path: path?.shown === 'sfu' ? 'sfu' : msePath(traffic, p2p),
    pathReason: path?.choice.reason ?? null,
    sfuOffered: path?.offered ?? false,
    sfu: player?.sfu() ?? null
  }
}
