import type { RelayNode } from './relay.ts'
import type { ChatRoom } from '../src/chat/index.ts'
import type { ChannelModeration } from '../src/moderation/index.ts'

type Labels = Record<string, string>

/**
 * The relay's Prometheus metrics: connections, relay reservations, archived
 * chat, and messages accepted or refused (by topic, verdict and refusal code).
 * Refusal codes are a fixed set, so label cardinality stays bounded.
 */
export class RelayMetrics {
  readonly #node: RelayNode
  readonly #counters = new Map<string, { help: string, values: Map<string, number> }>()
  readonly #rooms: ChatRoom[] = []

  constructor (node: RelayNode) {
    this.#node = node
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

  /** The Prometheus text exposition. */
  render (): string {
    const lines: string[] = []
    const gauge = (name: string, help: string, samples: Array<[Labels, number]>): void => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} gauge`)
      for (const [labels, value] of samples) lines.push(`${name}${labelText(labels)} ${value}`)
    }
    gauge('swarmcast_connections', 'Open libp2p connections', [[{}, this.#node.getConnections().length]])
    gauge('swarmcast_relay_reservations', 'Circuit-relay reservations held', [[{}, this.#node.services.relay.reservations.size]])
    gauge('swarmcast_chat_archived_messages', 'Chat messages archived, by followed channel', this.#rooms.map(r => [{ channel: r.channel.text }, r.history.size]))
    for (const [name, { help, values }] of this.#counters) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`)
      for (const [labels, value] of values) lines.push(`${name}${labels} ${value}`)
    }
    return lines.join('\n') + '\n'
  }
}

function labelText (labels: Labels): string {
  const entries = Object.entries(labels)
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, '_')}"`).join(',')}}`
}
