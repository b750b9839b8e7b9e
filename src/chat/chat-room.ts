import { TypedEventEmitter } from 'main-event'
import { TopicValidatorResult } from '@libp2p/gossipsub'
import { wire } from '../wire/index.ts'
import { chatTopic } from '../channel/topics.ts'
import { sealEnvelope, Kind } from '../envelope/envelope.ts'
import { joinContentTopic, leaveContentTopic } from '../net/content-topic.ts'
import { publishCount, publishUntilReceived } from '../net/publish.ts'
import { PeerSyncScheduler } from '../net/peer-sync-scheduler.ts'
import { readChatItem, checkNick, chatMessageTimestamp, messageId } from './chat-message.ts'
import { fetchHistory } from './history-sync.ts'
import { RateLimiter } from './rate-limiter.ts'
import { Verdict } from './chat-validator.ts'
import { InvalidChatTextError, InvalidNickError, NoPeersError, RateLimitedError, SendQueueFullError } from './errors.ts'
import { delay } from '../util/delay.ts'
import {
  CHAT_NONCE_LENGTH, DEFAULT_JOIN_HISTORY_MS, HISTORY_OVERLAP_MS, HISTORY_PEER_INTERVAL_MS, HISTORY_SETTLE_MS,
  MAX_CHAT_TEXT_BYTES, MAX_HISTORY_ITEMS, MAX_HISTORY_PAGES, MAX_PENDING_SENDS, MAX_SYNC_BOOKMARKS, MAX_TRACKED_AUTHORS, SEND_PEER_WAIT_MS
} from './constants.ts'
import type { ChatItem, ChatMessage } from './chat-message.ts'
import type { ChatHistory } from './chat-history.ts'
import type { ChatValidator, RefusalCode } from './chat-validator.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import type { Identity } from '../identity/identity.ts'
import type { ChannelDiscovery } from '../net/channel-discovery.ts'
import type { GossipSub, Message } from '@libp2p/gossipsub'
import type { AbortOptions, Logger, PeerId } from '@libp2p/interface'
import type { ConnectionManager } from '@libp2p/interface-internal'

export interface SendOptions extends AbortOptions {
  /** How long to wait for a first peer in the channel (default SEND_PEER_WAIT_MS). */
  peerWaitMs?: number
}

export interface ChatRoomEvents {
  /** A verified message, new to this node (live, from history sync, or our own); stored right after. */
  message: CustomEvent<ChatMessage>
  /** A message refused by validation (for logs and metrics). */
  rejected: CustomEvent<{ from: PeerId | undefined, verdict: 'reject' | 'ignore', code: RefusalCode, reason: string }>
  /** A history sync with a peer finished. */
  synced: CustomEvent<{ peer: PeerId, received: number, added: number }>
}

/** What a room needs from its node; the chat service provides it. */
export interface ChatRoomInit {
  channel: ChannelId
  pubsub: GossipSub
  discovery: ChannelDiscovery
  connectionManager: ConnectionManager
  history: ChatHistory
  validator: ChatValidator
  /** Absent on nodes that only read and relay (e.g. an archive). */
  identity?: Identity
  ratePerSecond: number
  rateBurst: number
  /** Whether this viewer should not see an author (moderation); messages stay stored. */
  hides?: (author: string) => boolean
  log: Logger
}

/**
 * One channel's chat on one node. Every message is validated in the gossipsub
 * topic validator (so an invalid one is neither shown, stored nor forwarded),
 * accepted ones are stored once and emitted, peers fill our gaps through
 * history sync, and `send` tells the caller whether the message went out.
 */
export class ChatRoom extends TypedEventEmitter<ChatRoomEvents> {
  readonly channel: ChannelId
  readonly topic: string
  readonly history: ChatHistory
  readonly #init: ChatRoomInit
  // what the validator accepted, handed to the message event without a second verify
  readonly #accepted = new WeakMap<Message, { item: ChatItem, hidden: boolean }>()
  // our own limit, kept a little under what peers enforce so network jitter cannot push us over theirs
  readonly #ownRate: RateLimiter
  readonly #syncs: PeerSyncScheduler
  // when each peer last answered a complete history sync, least recent first
  readonly #syncedWith = new Map<string, number>()
  #lastSeq = 0
  #lastTimestamp = 0
  #pendingSends = 0
  // our nick, and the peers that have our current profile: a newcomer gets it again before our next message
  #nick: string | undefined
  readonly #profileSentTo = new Set<string>()
  #closed = false

  constructor (init: ChatRoomInit) {
    super()
    this.#init = init
    this.channel = init.channel
    this.topic = chatTopic(init.channel)
    this.history = init.history
    this.#ownRate = new RateLimiter(init.ratePerSecond * 0.8, Math.max(1, init.rateBurst - 2), MAX_TRACKED_AUTHORS)
    const { pubsub } = init
    pubsub.addEventListener('message', this.#onMessage)
    pubsub.addEventListener('subscription-change', this.#onSubscriptionChange)
    this.#syncs = new PeerSyncScheduler({
      sync: async (peer) => await this.syncFrom(peer),
      stillThere: (peer) => this.peers().some(p => p.equals(peer)),
      intervalMs: HISTORY_PEER_INTERVAL_MS,
      settleMs: HISTORY_SETTLE_MS,
      onError: (peer, err) => { this.#init.log('history sync with %p failed: %s', peer, err.message) }
    })
    joinContentTopic(pubsub, this.topic, async (from, msg) => await this.#validate(from, msg))
    init.discovery.join(init.channel)
    for (const peer of this.peers()) this.#syncs.peerJoined(peer)
  }

  /** Peers currently subscribed to this channel's chat. */
  peers (): PeerId[] {
    return this.#init.pubsub.getSubscribers(this.topic)
  }

  /**
   * Stored messages, oldest first: the newest `last` (default 100), optionally
   * only those at or after `since`, without authors moderation hides from this
   * viewer (so a ban hides what was shown before it, on the next render).
   */
  async messages (query: { last?: number, since?: number } = {}): Promise<ChatMessage[]> {
    const all = await this.history.query({ since: query.since, limit: query.last ?? 100 })
    const hides = this.#init.hides
    return hides == null ? all : all.filter(m => !hides(m.author))
  }

  /**
   * Signs and publishes `text`. Resolves once at least one peer received it;
   * waits up to `peerWaitMs` (or the caller's signal) for a first peer, and
   * otherwise fails with NoPeersError. Over our rate limit it fails at once with
   * RateLimitedError, and with SendQueueFullError when too many sends wait: a
   * message is never dropped silently. Our copy is shown at once and stored
   * with the next history batch (queries and `stop` write what waits).
   */
  async send (text: string, options: SendOptions = {}): Promise<ChatMessage> {
    const identity = this.#requireIdentity()
    const bytes = new TextEncoder().encode(text)
    if (bytes.byteLength === 0 || bytes.byteLength > MAX_CHAT_TEXT_BYTES) {
      throw new InvalidChatTextError(`a chat message must be 1-${MAX_CHAT_TEXT_BYTES} bytes of text, got ${bytes.byteLength}`)
    }
    const wait = this.#ownRate.peek(identity.key, Date.now())
    if (wait > 0) {
      throw new RateLimitedError(`slow down: over the channel's rate limit of ${this.#init.ratePerSecond} messages/s; try again in ${(wait / 1000).toFixed(1)} s`, wait)
    }
    if (this.#pendingSends >= MAX_PENDING_SENDS) {
      throw new SendQueueFullError(`${MAX_PENDING_SENDS} messages are still waiting to go out; wait for them before sending more`)
    }
    this.#ownRate.take(identity.key, Date.now())
    this.#pendingSends++
    try {
      const envelope = await publishUntilReceived(this.#init.pubsub, this.topic, async () => {
        // our profile first, so every peer can name us on the message that follows
        await this.#shareProfile()
        return await this.#sealMessage(identity, bytes)
      }, { signal: options.signal, peerWaitMs: options.peerWaitMs ?? SEND_PEER_WAIT_MS, what: `message to channel ${this.channel.text}` })
      const item = this.#readOwn(envelope)
      // shown now, written with the next history batch like received lines (send's promise is about the network)
      this.#store(item, false).catch((err: Error) => { this.#init.log.error('could not store our chat message: %s', err.message) })
      if (item.kind !== 'message') throw new Error('sealed a chat message, read something else')
      return this.#withNick(item.message)
    } finally {
      this.#pendingSends--
    }
  }

  /**
   * Sets our nickname: a signed profile that peers store and hand to late
   * joiners. Published now if anyone is here, else as soon as a peer arrives.
   */
  async setNick (nick: string): Promise<void> {
    try {
      checkNick(nick)
    } catch (err) {
      throw new InvalidNickError((err as Error).message)
    }
    this.#requireIdentity()
    this.#nick = nick
    this.#profileSentTo.clear()
    // stored at once (our own view names us); published now if anyone is here, else when a peer arrives
    if (this.peers().length > 0) await this.#shareProfile()
    else await this.#sealProfile()
  }

  /**
   * Confirms end to end that a peer holds `message`: asks the channel's peers
   * for their history around it until one has it. Publishing only says the
   * bytes were queued to a peer; a process about to exit wants to know they
   * arrived. Throws NoPeersError when no peer confirms within `timeoutMs`.
   */
  async confirmDelivery (message: ChatMessage, options: AbortOptions & { timeoutMs?: number } = {}): Promise<PeerId> {
    const timeoutMs = options.timeoutMs ?? SEND_PEER_WAIT_MS
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(options.signal != null ? [options.signal] : [])])
    let backoffMs = 50
    while (true) {
      for (const peer of this.peers()) {
        try {
          for await (const bytes of fetchHistory(this.#init.connectionManager, peer, this.channel, message.timestamp, MAX_HISTORY_ITEMS, { signal })) {
            if (messageId(bytes) === message.id) return peer
          }
        } catch (err) {
          if (signal.aborted) break
          this.#init.log('delivery check with %p failed: %s', peer, (err as Error).message)
        }
      }
      // a peer shows a message before its write lands: ask again shortly
      await delay(backoffMs, signal).catch(() => {
        throw options.signal?.aborted === true ? options.signal.reason as Error : new NoPeersError(`no peer confirmed holding message ${message.id.slice(0, 12)} within ${timeoutMs / 1000} s`)
      })
      backoffMs = Math.min(backoffMs * 2, 1000)
    }
  }

  /**
   * Asks `peer` for what we miss, validating every item: since we last synced
   * with it (or with anyone, if we never did), or since our newest message if
   * that is older, less an overlap for clock differences. An answer is the
   * newest MAX_HISTORY_ITEMS messages; a full one pages back (up to
   * MAX_HISTORY_PAGES) until the gap is covered. The bookmark moves only when
   * a sync completed: a partition's or a crash's gap is asked for again until
   * it is filled.
   */
  async syncFrom (peer: PeerId, options: AbortOptions & { since?: number } = {}): Promise<{ received: number, added: number }> {
    this.#syncs.synced(peer)
    const startedAt = Date.now()
    const since = options.since ?? this.#syncSince(peer)
    let received = 0
    let complete = false
    // stored together at the end of the sync: one store batch, not one batch window per message
    const stores: Array<Promise<boolean>> = []
    let before: number | undefined
    for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
      let messages = 0
      let rejected = 0
      // a page is oldest first: its first message is where the next page ends
      let oldest: number | undefined
      for await (const bytes of fetchHistory(this.#init.connectionManager, peer, this.channel, since, MAX_HISTORY_ITEMS, { ...options, before })) {
        received++
        const timestamp = chatMessageTimestamp(bytes)
        if (timestamp != null) {
          messages++
          oldest ??= timestamp
        }
        // the overlap we already hold: the same bytes (same content id) were verified when stored
        if (this.history.has(messageId(bytes))) continue
        const result = await this.#init.validator.validate(bytes, 'sync')
        if (result.verdict !== Verdict.Accept) {
          this.#init.log('history item from %p refused: %s', peer, result.reason)
          this.safeDispatchEvent('rejected', { detail: { from: peer, verdict: result.verdict, code: result.code, reason: result.reason } })
          if (result.verdict === Verdict.Reject) rejected++
          continue
        }
        stores.push(this.#store(result.item, result.hidden))
      }
      complete = messages < MAX_HISTORY_ITEMS
      // the next page: older than this one's oldest, its own millisecond included (ties held are skipped above)
      const next = oldest != null ? oldest + 1 : undefined
      // done; or a peer that served something invalid (an honest one never does) gets no more pages to
      // make us verify; or a page that did not reach further back
      if (complete || rejected > 0 || next == null || (before != null && next >= before)) break
      before = next
    }
    const added = (await Promise.all(stores)).filter(Boolean).length
    if (options.since == null && complete) {
      this.#syncedWith.delete(peer.toString())
      this.#syncedWith.set(peer.toString(), startedAt)
      if (this.#syncedWith.size > MAX_SYNC_BOOKMARKS) this.#syncedWith.delete(this.#syncedWith.keys().next().value as string)
      await this.history.markSynced(startedAt)
    }
    this.safeDispatchEvent('synced', { detail: { peer, received, added } })
    return { received, added }
  }

  #syncSince (peer: PeerId): number {
    const { newest, syncedThrough } = this.history
    const bookmark = this.#syncedWith.get(peer.toString()) ?? syncedThrough
    if (newest === 0 && bookmark === 0) return Date.now() - DEFAULT_JOIN_HISTORY_MS
    const from = newest === 0 ? bookmark : bookmark === 0 ? newest : Math.min(newest, bookmark)
    return from - HISTORY_OVERLAP_MS
  }

  close (): void {
    if (this.#closed) return
    this.#closed = true
    this.#syncs.close()
    const { pubsub, discovery } = this.#init
    pubsub.removeEventListener('message', this.#onMessage)
    pubsub.removeEventListener('subscription-change', this.#onSubscriptionChange)
    leaveContentTopic(pubsub, this.topic)
    discovery.leave(this.channel)
  }

  #requireIdentity (): Identity {
    if (this.#init.identity == null) throw new Error('this chat service has no identity to sign with')
    return this.#init.identity
  }

  // sequence numbers increase across restarts without storage: the clock in µs, bumped past the last one
  #nextSeq (): number {
    this.#lastSeq = Math.max(this.#lastSeq + 1, Date.now() * 1000)
    return this.#lastSeq
  }

  // history is ordered by timestamp, then id: two lines sent within one millisecond would
  // come out in an arbitrary order, so our own timestamps always move forward
  #nextTimestamp (): number {
    this.#lastTimestamp = Math.max(this.#lastTimestamp + 1, Date.now())
    return this.#lastTimestamp
  }

  async #sealMessage (identity: Identity, text: Uint8Array): Promise<Uint8Array> {
    const payload = wire.ChatMessage.encode({
      text,
      timestamp: this.#nextTimestamp(),
      seq: this.#nextSeq(),
      nonce: crypto.getRandomValues(new Uint8Array(CHAT_NONCE_LENGTH))
    }).finish()
    return await sealEnvelope(identity, { kind: Kind.ChatMessage, channel: this.channel, payload })
  }

  /** Signs and stores a fresh profile with our nick; returns its envelope. */
  async #sealProfile (): Promise<Uint8Array> {
    const payload = wire.Profile.encode({ nick: this.#nick, timestamp: Date.now(), seq: this.#nextSeq() }).finish()
    const envelope = await sealEnvelope(this.#requireIdentity(), { kind: Kind.Profile, channel: this.channel, payload })
    await this.#store(this.#readOwn(envelope), false)
    return envelope
  }

  /** Reads an envelope we just sealed: no signature check needed. */
  #readOwn (envelope: Uint8Array): ChatItem {
    const env = wire.Envelope.decode(envelope)
    return readChatItem(envelope, { kind: env.kind as Kind, channel: this.channel, author: this.#requireIdentity().publicKey, payload: env.payload })
  }

  /** Publishes our profile if some peer here has not had it yet. */
  async #shareProfile (): Promise<void> {
    const peers = this.peers().map(p => p.toString())
    if (this.#nick == null || peers.every(p => this.#profileSentTo.has(p))) return
    // signed afresh each time: gossip drops a second copy of the same bytes as a duplicate
    const envelope = await this.#sealProfile()
    if (await publishCount(this.#init.pubsub, this.topic, envelope).catch(() => 0) > 0) {
      for (const p of peers) this.#profileSentTo.add(p)
    }
  }

  async #validate (from: PeerId, msg: Message): Promise<TopicValidatorResult> {
    const result = await this.#init.validator.validate(msg.data, 'live')
    if (result.verdict === Verdict.Accept) {
      this.#accepted.set(msg, { item: result.item, hidden: result.hidden })
      return TopicValidatorResult.Accept
    }
    this.#init.log('%s chat message from %p: %s', result.verdict, from, result.reason)
    this.safeDispatchEvent('rejected', { detail: { from, verdict: result.verdict, code: result.code, reason: result.reason } })
    return result.verdict === Verdict.Reject ? TopicValidatorResult.Reject : TopicValidatorResult.Ignore
  }

  readonly #onMessage = (evt: CustomEvent<Message>): void => {
    const accepted = this.#accepted.get(evt.detail)
    if (accepted == null) return
    this.#accepted.delete(evt.detail)
    this.#store(accepted.item, accepted.hidden).catch((err: Error) => { this.#init.log.error('could not store chat message: %s', err.message) })
  }

  /**
   * Stores an accepted item; resolves true if it was new. A new message that
   * is not hidden is emitted as soon as it is claimed, before its write
   * completes: showing a line does not wait behind the store.
   */
  async #store (item: ChatItem, hidden: boolean): Promise<boolean> {
    if (item.kind !== 'message') return await this.history.add(item)
    if (!this.history.claim(item.message)) return false
    if (!hidden && this.#init.hides?.(item.message.author) !== true) {
      this.safeDispatchEvent('message', { detail: this.#withNick(item.message) })
    }
    return await this.history.add(item)
  }

  #withNick (m: ChatMessage): ChatMessage {
    return { ...m, nick: this.history.profile(m.author)?.nick ?? null }
  }

  readonly #onSubscriptionChange = (evt: CustomEvent<{ peerId: PeerId, subscriptions: Array<{ topic: string, subscribe: boolean }> }>): void => {
    if (!evt.detail.subscriptions.some(s => s.topic === this.topic && s.subscribe)) return
    void this.#shareProfile()
    this.#syncs.peerJoined(evt.detail.peerId)
  }
}
