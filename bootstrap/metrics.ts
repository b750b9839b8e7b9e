import { Registry } from 'prom-client'
import { prometheusMetrics } from '@libp2p/prometheus-metrics'
import type { RelayNode } from './relay.ts'
import type { ChatRoom } from '../src/chat/index.ts'
import type { ChannelModeration } from '../src/moderation/index.ts'
import { HlsRequestKind } from '../src/video/index.ts'
import type { HlsOriginStats, VideoSwarm } from '../src/video/index.ts'

type Labels = Record<string, string>

/**
 * The libp2p metrics of one node, in a registry of its own (several relays
 * may share a process in tests). Pass `libp2p` to createSwarmNode.
 */
export function libp2pMetrics (): { registry: Registry, libp2p: ReturnType<typeof prometheusMetrics> } {
  const registry = new Registry()
  return { registry, libp2p: prometheusMetrics({ registry, preserveExistingMetrics: true }) }
}

/**
 * The relay's Prometheus metrics: libp2p's own (dials, streams, protocol
 * traffic, ...) and ours: connections, relay reservations, archived chat,
 * messages accepted or refused (by topic, verdict and refusal code), and
 * segments and bytes served by path (peer-to-peer or HTTP). Refusal codes
 * are a fixed set, so label cardinality stays bounded.
 */
export class RelayMetrics {
  readonly #node: RelayNode
  readonly #registry: Registry | undefined
  readonly #counters = new Map<string, { help: string, values: Map<string, number> }>()
  readonly #rooms: ChatRoom[] = []
  readonly #swarms: VideoSwarm[] = []
  readonly #hls: HlsOriginStats

  constructor (node: RelayNode, hls: HlsOriginStats, registry?: Registry) {
    this.#node = node
    this.#hls = hls
    this.#registry = registry
  }

  /** Counts what a followed channel's video swarm holds and serves. */
  watchVideo (swarm: VideoSwarm): void {
    this.#swarms.push(swarm)
  }

  /** Counts what a followed channel's chat and moderation accept and refuse. */
  watch (room: ChatRoom, moderation: ChannelModeration): void {
    this.#rooms.push(room)
    room.addEventListener('message', () => { this.#inc('swarmcast_messages_accepted_total', 'Messages accepted, by topic', { topic: 'chat' }) })
    room.addEventListener('rejected', (e) => { this.#inc('swarmcast_messages_refused_total', 'Messages refused, by topic, verdict and reason', { topic: 'chat', verdict: e.detail.verdict, reason: e.detail.code }) })
    moderation.addEventListener('policy-changed', (e) => {
      if (e.detail.cause !== 'subscription') this.#inc('swarmcast_messages_accepted_total', 'Messages accepted, by topic', { topic: 'mod' })
    })
    moderation.addEventListener('rejected', (e) => { this.#inc('swarmcast_messages_refused_total', 'Messages refused, by topic, verdict and reason', { topic: 'mod', verdict: e.detail.verdict, reason: e.detail.code }) })
  }

  #inc (name: string, help: string, labels: Labels): void {
    const counter = this.#counters.get(name) ?? { help, values: new Map<string, number>() }
    const key = labelText(labels)
    counter.values.set(key, (counter.values.get(key) ?? 0) + 1)
    this.#counters.set(name, counter)
  }

  /** The Prometheus text exposition: ours, then libp2p's. */
  async render (): Promise<string> {
    const lines: string[] = []
    const family = (type: 'gauge' | 'counter') => (name: string, help: string, samples: Array<[Labels, number]>): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`)
      for (const [labels, value] of samples) lines.push(`${name}${labelText(labels)} ${value}`)
    }
    const gauge = family('gauge')
    const counter = family('counter')
    gauge('swarmcast_connections', 'Open libp2p connections', [[{}, this.#node.getConnections().length]])
    gauge('swarmcast_relay_reservations', 'Circuit-relay reservations held', [[{}, this.#node.services.relay.reservations.size]])
    gauge('swarmcast_chat_archived_messages', 'Chat messages archived, by followed channel', this.#rooms.map(r => [{ channel: r.channel.text }, r.history.size]))
    gauge('swarmcast_video_segments_held', 'Live-window segments held, by followed channel', this.#swarms.map(s => [{ channel: s.channel.text }, s.window.held().length]))
    const p2p = this.#swarms.reduce((sum, s) => ({ segments: sum.segments + s.stats.segmentsServed, bytes: sum.bytes + s.stats.bytesServed }), { segments: 0, bytes: 0 })
    counter('swarmcast_segments_served_total', 'Media segments served, by path', [[{ path: 'p2p' }, p2p.segments], [{ path: 'http' }, this.#hls.count(HlsRequestKind.Segment, 200)]])
    counter('swarmcast_segment_bytes_served_total', 'Segment bytes served, by path', [[{ path: 'p2p' }, p2p.bytes], [{ path: 'http' }, this.#hls.bytesServed]])
    for (const [name, { help, values }] of this.#counters) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`)
      for (const [labels, value] of values) lines.push(`${name}${labels} ${value}`)
    }
    const libp2p = this.#registry != null ? await this.#registry.metrics() : ''
    return lines.join('\n') + '\n' + libp2p
  }
}

function labelText (labels: Labels): string {
  const entries = Object.entries(labels)
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`).join(',')}}`
}
