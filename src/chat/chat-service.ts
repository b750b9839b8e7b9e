import { ChatHistory } from './chat-history.ts'
import { optionalService } from '../net/optional-service.ts'
import { ChatRoom } from './chat-room.ts'
import { ChatValidator } from './chat-validator.ts'
import { serveHistory } from './history-sync.ts'
import { CHAT_HISTORY_PROTOCOL, DEFAULT_RATE_BURST, DEFAULT_RATE_PER_SECOND, PRUNE_INTERVAL_MS } from './constants.ts'
import type { RetentionInit } from './chat-history.ts'
import type { ModerationDecision } from './chat-validator.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import type { Identity } from '../identity/identity.ts'
import type { ChannelDiscovery } from '../net/channel-discovery.ts'
import type { Namespace, Store } from '../store/index.ts'
import type { GossipSub } from '@libp2p/gossipsub'
import type { ComponentLogger, Logger, Startable } from '@libp2p/interface'
import type { ConnectionManager, Registrar } from '@libp2p/interface-internal'

export interface ChatServiceInit {
  /** Where history lives (namespace 'chat'). */
  store: Store
  /** Signs what this node sends; without it the node only reads, stores and relays. */
  identity?: Identity
  retention?: RetentionInit
  /** Per-author rate limit enforced on everyone (and on ourselves). */
  ratePerSecond?: number
  rateBurst?: number
}

/** What chat needs from moderation (the moderation service provides it). */
export interface ChatModeration {
  /** Channel moderation's verdict: `block` is not stored or forwarded, `hide` is kept but not shown. */
  decide: (author: string) => ModerationDecision
  /** Whether this viewer should not see the author (channel moderation plus the viewer's own lists). */
  hidesForViewer: (author: string) => boolean
}

export interface ChatServiceComponents {
  pubsub: GossipSub
  discovery: ChannelDiscovery
  registrar: Registrar
  connectionManager: ConnectionManager
  logger: ComponentLogger
  /** Present when the node runs moderation (registered before chat). */
  moderation?: { join: (channel: ChannelId) => Promise<ChatModeration> }
}

/**
 * The node's chat: one room per joined channel, their stored history, and the
 * `/swarmcast/chat-history/1.0.0` protocol that serves it to peers.
 */
export class ChatService implements Startable {
  readonly #components: ChatServiceComponents
  readonly #init: ChatServiceInit
  readonly #ns: Namespace
  readonly #rooms = new Map<string, ChatRoom>()
  readonly #joining = new Map<string, Promise<ChatRoom>>()
  // history writes of rooms left but maybe not yet written: stop waits for them
  readonly #leaving = new Set<Promise<void>>()
  readonly #log: Logger
  #pruneTimer?: ReturnType<typeof setInterval>

  constructor (components: ChatServiceComponents, init: ChatServiceInit) {
    this.#components = components
    this.#init = init
    this.#ns = init.store.namespace('chat')
    this.#log = components.logger.forComponent('swarmcast:chat')
  }

  async start (): Promise<void> {
    await this.#components.registrar.handle(CHAT_HISTORY_PROTOCOL, (stream) => {
      void serveHistory(stream, (channel) => this.#rooms.get(channel.text)?.history, this.#log)
    }, { maxInboundStreams: 8 })
    this.#pruneTimer = setInterval(() => { void this.#prune() }, PRUNE_INTERVAL_MS)
    // pruning alone must not keep a process alive
    ;(this.#pruneTimer as { unref?: () => void }).unref?.()
  }

  async #prune (): Promise<void> {
    for (const room of this.#rooms.values()) {
      await room.history.prune().catch((err: Error) => { this.#log.error('pruning chat history failed: %s', err.message) })
    }
  }

  async stop (): Promise<void> {
    clearInterval(this.#pruneTimer)
    for (const room of this.#rooms.values()) room.close()
    // shown messages may still be on their way to the store
    await Promise.all([...this.#rooms.values()].map(async room => { await room.history.flushed() }))
    await Promise.allSettled(this.#leaving)
    this.#rooms.clear()
    this.#joining.clear()
    await this.#components.registrar.unhandle(CHAT_HISTORY_PROTOCOL)
  }

  /** Joins `channel` (once; joining again, even concurrently, returns the same room). */
  async join (channel: ChannelId): Promise<ChatRoom> {
    let joining = this.#joining.get(channel.text)
    if (joining == null) {
      joining = this.#open(channel)
      this.#joining.set(channel.text, joining)
      joining.catch(() => { this.#joining.delete(channel.text) })
    }
    return await joining
  }

  async #open (channel: ChannelId): Promise<ChatRoom> {
    const moderation = await optionalService(this.#components, 'moderation')?.join(channel)
    const ratePerSecond = this.#init.ratePerSecond ?? DEFAULT_RATE_PER_SECOND
    const rateBurst = this.#init.rateBurst ?? DEFAULT_RATE_BURST
    const validator = new ChatValidator(channel, { ratePerSecond, rateBurst, moderation: moderation != null ? (author) => moderation.decide(author) : undefined })
    // what was stored before a restart still counts against the authors' timestamp limit
    const history = await ChatHistory.open(this.#ns, channel, { ...this.#init.retention, onStored: (author, timestamp) => { validator.recordStored(author, timestamp) } })
    await history.prune()
    const room = new ChatRoom({
      channel,
      history,
      validator,
      hides: moderation != null ? (author) => moderation.hidesForViewer(author) : undefined,
      pubsub: this.#components.pubsub,
      discovery: this.#components.discovery,
      connectionManager: this.#components.connectionManager,
      identity: this.#init.identity,
      ratePerSecond,
      rateBurst,
      log: this.#log
    })
    this.#rooms.set(channel.text, room)
    return room
  }

  leave (channel: ChannelId): void {
    const room = this.#rooms.get(channel.text)
    room?.close()
    if (room != null) {
      // what the room received last is written now, not after the batch window
      const written = room.history.flushed()
      this.#leaving.add(written)
      void written.finally(() => this.#leaving.delete(written))
    }
    this.#rooms.delete(channel.text)
    this.#joining.delete(channel.text)
  }

  room (channel: ChannelId): ChatRoom | undefined {
    return this.#rooms.get(channel.text)
  }
}

export function chat (init: ChatServiceInit): (components: ChatServiceComponents) => ChatService {
  return (components) => new ChatService(components, init)
}
