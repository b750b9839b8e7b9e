import { TypedEventEmitter } from 'main-event'
import { TopicValidatorResult } from '@libp2p/gossipsub'
import { wire } from '../wire/index.ts'
import { chatTopic } from '../channel/topics.ts'
import { sealEnvelope, openEnvelope, Kind } from '../envelope/envelope.ts'
import { readChatMessage } from './chat-message.ts'
import { NoPeersError, InvalidChatTextError } from './errors.ts'
import { CHAT_NONCE_LENGTH, MAX_CHAT_TEXT_BYTES, RETRY_MAX_MS, RETRY_START_MS, SEND_PEER_WAIT_MS } from './constants.ts'
import { delay } from '../util/delay.ts'
import type { ChatMessage } from './chat-message.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import type { Identity } from '../identity/identity.ts'
import type { SwarmNode } from '../net/create-node.ts'
import type { Message } from '@libp2p/gossipsub'
import type { AbortOptions, Logger, PeerId } from '@libp2p/interface'

export interface SendOptions extends AbortOptions {
  /** How long to wait for a first peer in the channel (default SEND_PEER_WAIT_MS). */
  peerWaitMs?: number
}

export interface ChatRoomEvents {
  /** A verified message from another author. */
  message: CustomEvent<ChatMessage>
  /** A message refused by validation (for logs and metrics). */
  rejected: CustomEvent<{ from: PeerId, reason: string }>
}

const CHAT_KINDS = [Kind.ChatMessage] as const

/**
 * One channel's chat on one node: validates every message in the gossipsub
 * topic validator (so invalid ones are neither shown nor forwarded), emits
 * verified messages, and sends the user's own.
 */
export class ChatRoom extends TypedEventEmitter<ChatRoomEvents> {
  readonly channel: ChannelId
  readonly topic: string
  readonly #node: SwarmNode
  readonly #identity: Identity
  readonly #log: Logger
  // validated messages, handed from the validator to the message event without a second verify
  readonly #accepted = new WeakMap<Message, ChatMessage>()
  #lastSeq = 0
  #closed = false

  constructor (node: SwarmNode, identity: Identity, channel: ChannelId) {
    super()
    this.#node = node
    this.#identity = identity
    this.channel = channel
    this.topic = chatTopic(channel)
    this.#log = node.logger.forComponent('swarmcast:chat')
    const { pubsub } = node.services
    pubsub.topicValidators.set(this.topic, async (from, msg) => await this.#validate(from, msg))
    pubsub.addEventListener('message', this.#onMessage)
    pubsub.subscribe(this.topic)
    node.services.discovery.join(channel)
  }

  /** Peers currently subscribed to this channel's chat. */
  peers (): PeerId[] {
    return this.#node.services.pubsub.getSubscribers(this.topic)
  }

  /**
   * Signs and publishes `text`. Resolves once at least one peer received it;
   * waits up to `peerWaitMs` (or the caller's signal) for a first peer, and
   * otherwise fails with NoPeersError: a message is never dropped silently.
   */
  async send (text: string, options: SendOptions = {}): Promise<ChatMessage> {
    const bytes = new TextEncoder().encode(text)
    if (bytes.byteLength === 0 || bytes.byteLength > MAX_CHAT_TEXT_BYTES) {
      throw new InvalidChatTextError(`a chat message must be 1-${MAX_CHAT_TEXT_BYTES} bytes of text, got ${bytes.byteLength}`)
    }
    const waitMs = options.peerWaitMs ?? SEND_PEER_WAIT_MS
    const signal = AbortSignal.any([AbortSignal.timeout(waitMs), ...(options.signal != null ? [options.signal] : [])])
    const notSent = (): Error => options.signal?.aborted === true
      ? options.signal.reason as Error
      : new NoPeersError(`message not sent: no peer in channel ${this.channel.text} took it within ${waitMs / 1000} s`)
    let backoffMs = RETRY_START_MS
    while (true) {
      await this.#waitForPeers(signal).catch(() => { throw notSent() })
      // a fresh seq and nonce per attempt: an attempt that reached nobody was never sent
      const envelope = await this.#seal(bytes)
      if (await this.#publish(envelope) > 0) {
        return readChatMessage(envelope, await openEnvelope(envelope, { channel: this.channel, kinds: CHAT_KINDS }))
      }
      // gossipsub learns a peer's subscription before its own stream to that peer is open
      await delay(backoffMs, signal).catch(() => { throw notSent() })
      backoffMs = Math.min(backoffMs * 2, RETRY_MAX_MS)
    }
  }

  async #seal (text: Uint8Array): Promise<Uint8Array> {
    // sequence numbers stay increasing across restarts without storage: start from the clock in µs
    this.#lastSeq = Math.max(this.#lastSeq + 1, Date.now() * 1000)
    const payload = wire.ChatMessage.encode({
      text,
      timestamp: Date.now(),
      seq: this.#lastSeq,
      nonce: crypto.getRandomValues(new Uint8Array(CHAT_NONCE_LENGTH))
    }).finish()
    return await sealEnvelope(this.#identity, { kind: Kind.ChatMessage, channel: this.channel, payload })
  }

  /** Publishes; resolves to the number of peers the message was written to. */
  async #publish (envelope: Uint8Array): Promise<number> {
    try {
      return (await this.#node.services.pubsub.publish(this.topic, envelope)).recipients.length
    } catch (err) {
      if ((err as Error).message === 'PublishError.NoPeersSubscribedToTopic') return 0
      throw err
    }
  }

  close (): void {
    if (this.#closed) return
    this.#closed = true
    const { pubsub, discovery } = this.#node.services
    pubsub.removeEventListener('message', this.#onMessage)
    pubsub.topicValidators.delete(this.topic)
    if (this.#node.status === 'started') pubsub.unsubscribe(this.topic)
    discovery.leave(this.channel)
  }

  /** Resolves when some peer is subscribed to the topic; rejects when `signal` aborts. */
  async #waitForPeers (signal: AbortSignal): Promise<void> {
    if (this.peers().length > 0) return
    const { pubsub } = this.#node.services
    await new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (this.peers().length === 0) return
        cleanup()
        resolve()
      }
      const abort = (): void => {
        cleanup()
        reject(signal.reason)
      }
      const cleanup = (): void => {
        pubsub.removeEventListener('subscription-change', check)
        signal.removeEventListener('abort', abort)
      }
      pubsub.addEventListener('subscription-change', check)
      signal.addEventListener('abort', abort)
      if (signal.aborted) abort()
    })
  }

  async #validate (from: PeerId, msg: Message): Promise<TopicValidatorResult> {
    try {
      const env = await openEnvelope(msg.data, { channel: this.channel, kinds: CHAT_KINDS })
      this.#accepted.set(msg, readChatMessage(msg.data, env))
      return TopicValidatorResult.Accept
    } catch (err) {
      const reason = (err as Error).message
      this.#log('rejected chat message from %p: %s', from, reason)
      this.safeDispatchEvent('rejected', { detail: { from, reason } })
      return TopicValidatorResult.Reject
    }
  }

  readonly #onMessage = (evt: CustomEvent<Message>): void => {
    const chat = this.#accepted.get(evt.detail)
    if (chat == null) return
    this.#accepted.delete(evt.detail)
    this.safeDispatchEvent('message', { detail: chat })
  }
}
