import { peerIdFromMultihash } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import * as Digest from 'multiformats/hashes/digest'
import { TopicValidatorResult } from '@libp2p/gossipsub'
import { wire, decodeBounded, checkCount } from '../wire/index.ts'
import { ChannelId } from '../channel/channel-id.ts'
import {
  ANNOUNCE_INTERVAL_MS, DISCOVERY_TOPIC, MAX_ANNOUNCED_ADDRS, MAX_ANNOUNCED_CHANNELS,
  MAX_ANNOUNCEMENT_AGE_MS, MAX_ANNOUNCEMENT_BYTES, MAX_DISCOVERY_DIALS
} from './constants.ts'
import type { GossipSub, Message } from '@libp2p/gossipsub'
import type { ComponentLogger, Logger, PeerId, Startable } from '@libp2p/interface'
import type { AddressManager, ConnectionManager } from '@libp2p/interface-internal'
import type { Multiaddr } from '@multiformats/multiaddr'

export interface ChannelDiscoveryInit {
  /** Steady-state re-announce period; the first few come faster so newcomers meet quickly. */
  intervalMs?: number
}

export interface ChannelDiscoveryComponents {
  peerId: PeerId
  addressManager: AddressManager
  connectionManager: ConnectionManager
  logger: ComponentLogger
  pubsub: GossipSub
}

/** An announcement that passed its bounds. */
interface Announcement {
  peer: PeerId
  addrs: Multiaddr[]
  channels: string[]
}

// Early announcements come quickly (the discovery mesh is still forming), then settle.
const EARLY_ANNOUNCE_DELAYS_MS = [1_000, 2_000, 4_000, 8_000]

/**
 * Peers that share a channel find each other. Every node subscribes to one
 * discovery topic (the relay too, which is what lets two nodes that only know
 * the relay hear each other) and announces its addresses and channels there; a
 * node that hears a peer sharing one of its channels dials it directly, so the
 * channel's own topics form their mesh between the peers that use them.
 */
export class ChannelDiscovery implements Startable {
  readonly #components: ChannelDiscoveryComponents
  readonly #intervalMs: number
  readonly #log: Logger
  // channel → how many parts of the node (chat, moderation, video) take part in it
  readonly #channels = new Map<string, number>()
  readonly #dialing = new Set<string>()
  #timer?: ReturnType<typeof setTimeout>
  #announcements = 0
  #running = false

  constructor (components: ChannelDiscoveryComponents, init: ChannelDiscoveryInit = {}) {
    this.#components = components
    this.#intervalMs = init.intervalMs ?? ANNOUNCE_INTERVAL_MS
    this.#log = components.logger.forComponent('swarmcast:discovery')
  }

  async start (): Promise<void> {
    this.#running = true
    const { pubsub } = this.#components
    pubsub.topicValidators.set(DISCOVERY_TOPIC, (_peer, msg) => this.#validate(msg))
    pubsub.addEventListener('message', this.#onMessage)
    pubsub.addEventListener('subscription-change', this.#onSubscriptionChange)
  }

  afterStart (): void {
    // gossipsub accepts subscriptions only once it has started
    this.#components.pubsub.subscribe(DISCOVERY_TOPIC)
  }

  async stop (): Promise<void> {
    this.#running = false
    clearTimeout(this.#timer)
    const { pubsub } = this.#components
    pubsub.removeEventListener('message', this.#onMessage)
    pubsub.removeEventListener('subscription-change', this.#onSubscriptionChange)
    pubsub.topicValidators.delete(DISCOVERY_TOPIC)
  }

  /** Starts looking for peers in `channel` (and telling them about us); pair each join with a leave. */
  join (channel: ChannelId): void {
    const users = this.#channels.get(channel.text) ?? 0
    if (users === 0 && this.#channels.size >= MAX_ANNOUNCED_CHANNELS) {
      throw new RangeError(`a node can announce at most ${MAX_ANNOUNCED_CHANNELS} channels`)
    }
    this.#channels.set(channel.text, users + 1)
    if (users === 0) this.#restartSchedule()
  }

  leave (channel: ChannelId): void {
    const users = (this.#channels.get(channel.text) ?? 0) - 1
    if (users > 0) this.#channels.set(channel.text, users)
    else this.#channels.delete(channel.text)
  }

  /** Publishes our announcement now; resolves false when no peer could take it. */
  async announce (): Promise<boolean> {
    const { addressManager, peerId, pubsub } = this.#components
    const addrs = addressManager.getAddresses().slice(0, MAX_ANNOUNCED_ADDRS)
    const bytes = wire.PeerAnnouncement.encode({
      peerId: peerId.toMultihash().bytes,
      addrs: addrs.map(a => a.bytes),
      channels: [...this.#channels.keys()].map(text => ChannelId.parse(text).bytes),
      timestamp: Date.now()
    }).finish()
    if (pubsub.getSubscribers(DISCOVERY_TOPIC).length === 0) return false
    try {
      const { recipients } = await pubsub.publish(DISCOVERY_TOPIC, bytes)
      return recipients.length > 0
    } catch (err) {
      this.#log('announce failed: %s', (err as Error).message)
      return false
    }
  }

  /** Announce now and at the early cadence, then every interval. */
  #restartSchedule (): void {
    this.#announcements = 0
    clearTimeout(this.#timer)
    this.#tick()
  }

  #tick (): void {
    if (!this.#running) return
    void this.announce()
    const delay = EARLY_ANNOUNCE_DELAYS_MS[this.#announcements] ?? this.#intervalMs
    this.#announcements++
    this.#timer = setTimeout(() => { this.#tick() }, delay)
    // an announcement timer alone must not keep a process alive
    ;(this.#timer as { unref?: () => void }).unref?.()
  }

  readonly #onSubscriptionChange = (evt: CustomEvent<{ subscriptions: Array<{ topic: string, subscribe: boolean }> }>): void => {
    // our first discovery peer (usually the relay) has arrived: say who we are right away
    const joined = evt.detail.subscriptions.some(s => s.topic === DISCOVERY_TOPIC && s.subscribe)
    if (joined && this.#channels.size > 0 && this.#components.pubsub.getSubscribers(DISCOVERY_TOPIC).length === 1) {
      this.#restartSchedule()
    }
  }

  #validate (msg: Message): TopicValidatorResult {
    try {
      this.#read(msg.data)
      return TopicValidatorResult.Accept
    } catch (err) {
      this.#log('rejected announcement: %s', (err as Error).message)
      return TopicValidatorResult.Reject
    }
  }

  readonly #onMessage = (evt: CustomEvent<Message>): void => {
    if (evt.detail.topic !== DISCOVERY_TOPIC) return
    let ann: Announcement
    try {
      ann = this.#read(evt.detail.data)
    } catch {
      return
    }
    if (ann.peer.equals(this.#components.peerId)) return
    if (!ann.channels.some(c => this.#channels.has(c))) return
    void this.#dial(ann)
  }

  /** Decodes an announcement and checks every bound; throws on any fault. */
  #read (data: Uint8Array): Announcement {
    const msg = decodeBounded(wire.PeerAnnouncement, 'peer announcement', data, MAX_ANNOUNCEMENT_BYTES)
    checkCount('announcement addrs', msg.addrs, MAX_ANNOUNCED_ADDRS)
    checkCount('announcement channels', msg.channels, MAX_ANNOUNCED_CHANNELS)
    if (Math.abs(Date.now() - msg.timestamp) > MAX_ANNOUNCEMENT_AGE_MS) {
      throw new RangeError('announcement is stale or from the future')
    }
    const peer = peerIdFromMultihash(Digest.decode(msg.peerId ?? new Uint8Array(0)))
    const addrs = (msg.addrs ?? []).map(bytes => multiaddr(bytes))
    // an address for another peer would make us dial on someone else's behalf
    for (const addr of addrs) {
      const target = addr.getComponents().findLast(c => c.name === 'p2p')?.value
      if (target != null && target !== peer.toString()) throw new RangeError('announcement lists another peer\'s address')
    }
    const channels = (msg.channels ?? []).map(bytes => ChannelId.fromBytes(bytes).text)
    return { peer, addrs, channels }
  }

  async #dial (ann: Announcement): Promise<void> {
    const { connectionManager } = this.#components
    const key = ann.peer.toString()
    if (connectionManager.getConnections(ann.peer).length > 0) return
    if (this.#dialing.has(key) || this.#dialing.size >= MAX_DISCOVERY_DIALS || ann.addrs.length === 0) return
    this.#dialing.add(key)
    try {
      const addrs = ann.addrs.map(a => a.getComponents().some(c => c.name === 'p2p') ? a : a.encapsulate(`/p2p/${key}`))
      await connectionManager.openConnection(addrs, { signal: AbortSignal.timeout(10_000) })
      this.#log('connected to channel peer %p', ann.peer)
    } catch (err) {
      this.#log('could not dial channel peer %p: %s', ann.peer, (err as Error).message)
    } finally {
      this.#dialing.delete(key)
    }
  }
}

export function channelDiscovery (init: ChannelDiscoveryInit = {}): (components: ChannelDiscoveryComponents) => ChannelDiscovery {
  return (components) => new ChannelDiscovery(components, init)
}
