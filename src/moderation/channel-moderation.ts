import { TypedEventEmitter } from 'main-event'
import { TopicValidatorResult } from '@libp2p/gossipsub'
import { fromString as bytesFromString } from 'uint8arrays/from-string'
import { wire } from '../wire/index.ts'
import { modTopic } from '../channel/topics.ts'
import { sealEnvelope, openEnvelope, Kind } from '../envelope/envelope.ts'
import { keyFromText } from '../identity/key-text.ts'
import { joinContentTopic, leaveContentTopic } from '../net/content-topic.ts'
import { publishUntilReceived, NoPeersError } from '../net/publish.ts'
import { delay } from '../util/delay.ts'
import { messageId } from '../chat/chat-message.ts'
import { PeerSyncScheduler } from '../net/peer-sync-scheduler.ts'
import { HISTORY_PEER_INTERVAL_MS, HISTORY_SETTLE_MS, SEND_PEER_WAIT_MS } from '../chat/constants.ts'
import { ModerationPolicy } from './policy.ts'
import { ModValidator } from './mod-validator.ts'
import { fetchModLog } from './mod-sync.ts'
import { readModItem, ACTION_TO_WIRE } from './mod-item.ts'
import { NotAModeratorError, ModerationRefusedError } from './errors.ts'
import { Right } from './constants.ts'
import { ListSubscriptions } from './subscriptions.ts'
import type { ActionRecord, ActionType, GrantRecord, ModItem, RevocationRecord } from './mod-item.ts'
import type { ModerationDecision, RefusalCode } from '../chat/chat-validator.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import type { Identity } from '../identity/identity.ts'
import type { Namespace } from '../store/index.ts'
import type { ChannelDiscovery } from '../net/channel-discovery.ts'
import type { GossipSub, Message } from '@libp2p/gossipsub'
import type { AbortOptions, Logger, PeerId } from '@libp2p/interface'
import type { ConnectionManager } from '@libp2p/interface-internal'

export interface ChannelModerationEvents {
  /** A moderation action took effect here (channel moderation or a subscribed list). */
  action: CustomEvent<ActionRecord>
  /** Who is banned, muted or hidden may have changed: re-render what is shown. */
  'policy-changed': CustomEvent<{ cause: ModItem['kind'] | 'subscription' }>
  /** An item refused by validation. */
  rejected: CustomEvent<{ from: PeerId | undefined, verdict: 'reject' | 'ignore', code: RefusalCode, reason: string }>
}

export interface ChannelModerationInit {
  channel: ChannelId
  pubsub: GossipSub
  discovery: ChannelDiscovery
  connectionManager: ConnectionManager
  ns: Namespace
  identity?: Identity
  log: Logger
}

export interface PublishOptions extends AbortOptions {
  peerWaitMs?: number
}

const KIND_OF: Record<ModItem['kind'], typeof Kind[keyof typeof Kind]> = { grant: Kind.ModGrant, revocation: Kind.ModRevocation, action: Kind.ModAction }

/**
 * One channel's moderation on one node: the signed log (gossiped on the
 * channel's mod topic, persisted, and synced to late joiners), the policy it
 * yields, the viewer's own list subscriptions, and the commands a moderator
 * runs. Chat asks `decide` (what to forward) and `hidesForViewer` (what to show).
 */
export class ChannelModeration extends TypedEventEmitter<ChannelModerationEvents> {
  readonly channel: ChannelId
  readonly topic: string
  readonly policy: ModerationPolicy
  readonly #init: ChannelModerationInit
  readonly #validator: ModValidator
  #subscriptions!: ListSubscriptions
  readonly #accepted = new WeakMap<Message, ModItem>()
  readonly #syncs: PeerSyncScheduler
  #writes: Promise<unknown> = Promise.resolve()
  #lastVersion = 0
  #closed = false

  private constructor (init: ChannelModerationInit) {
    super()
    this.#init = init
    this.channel = init.channel
    this.topic = modTopic(init.channel)
    this.policy = new ModerationPolicy(init.channel.ownerKey)
    this.#validator = new ModValidator(init.channel, this.policy)
    this.#syncs = new PeerSyncScheduler({
      sync: async (peer) => await this.syncFrom(peer),
      stillThere: (peer) => init.pubsub.getSubscribers(this.topic).some(p => p.equals(peer)),
      intervalMs: HISTORY_PEER_INTERVAL_MS,
      settleMs: HISTORY_SETTLE_MS,
      onError: (peer, err) => { init.log('mod-sync with %p failed: %s', peer, err.message) }
    })
  }

  /** Loads the channel's stored log and subscriptions, then joins its mod topic. */
  static async open (init: ChannelModerationInit): Promise<ChannelModeration> {
    const m = new ChannelModeration(init)
    const ch = init.channel.text
    // grants and revocations first, so that loading entries does not recompute everything
    for (const part of ['g', 'r', 'a']) {
      for await (const [, value] of init.ns.entries({ gte: `${ch}!${part}!`, lt: `${ch}!${part}!~` })) {
        const env = wire.Envelope.decode(value)
        m.policy.add(readModItem(value, { kind: env.kind as Kind, author: env.author, payload: env.payload }))
      }
    }
    m.#subscriptions = await ListSubscriptions.load(init.ns, init.channel)
    if (init.identity != null) m.#lastVersion = m.policy.lastVersion(init.identity.key)
    m.#join()
    return m
  }

  #join (): void {
    const { pubsub } = this.#init
    pubsub.addEventListener('message', this.#onMessage)
    pubsub.addEventListener('subscription-change', this.#onSubscriptionChange)
    joinContentTopic(pubsub, this.topic, async (from, msg) => await this.#validate(from, msg))
    this.#init.discovery.join(this.channel)
    for (const peer of pubsub.getSubscribers(this.topic)) this.#syncs.peerJoined(peer)
  }

  /** Channel moderation's verdict on an author: what every node forwards and stores. */
  decide (author: string): ModerationDecision {
    const standing = this.policy.standing(author)
    return standing === 'banned' ? 'block' : standing === 'muted' ? 'hide' : 'allow'
  }

  /** Whether this viewer should not see `author`: channel bans and mutes, plus subscribed lists. */
  hidesForViewer (author: string): boolean {
    if (this.policy.standing(author) !== 'clear') return true
    for (const list of this.#subscriptions.list()) if (this.policy.listHides(list, author)) return true
    return false
  }

  subscriptions (): string[] {
    return this.#subscriptions.list()
  }

  /** Follows `list` (a key): its bans and mutes hide authors for this viewer only. */
  async subscribe (list: string): Promise<void> {
    await this.#subscriptions.add(list)
    this.safeDispatchEvent('policy-changed', { detail: { cause: 'subscription' } })
  }

  async unsubscribe (list: string): Promise<void> {
    await this.#subscriptions.remove(list)
    this.safeDispatchEvent('policy-changed', { detail: { cause: 'subscription' } })
  }

  /** Grants `to` the given rights (owner, or a holder of Delegate: never more than it holds). */
  async grant (to: string, rights: number, options: PublishOptions & { expires?: number, notBefore?: number } = {}): Promise<GrantRecord> {
    const me = this.#me()
    const grantee = keyFromText(to)
    if (to === this.policy.owner) throw new ModerationRefusedError('the owner holds every right already')
    let parent: GrantRecord | undefined
    if (me.key !== this.policy.owner) {
      parent = this.policy.grantFor(me.key, Right.Delegate)
      if (parent == null) throw new NotAModeratorError('only the channel owner, or a moderator granted the delegate right, can grant')
      const held = this.policy.grantRights(parent.id)
      if ((rights & ~held) !== 0) throw new ModerationRefusedError('a grant cannot confer rights its issuer does not hold')
    }
    const notBefore = options.notBefore ?? Date.now()
    return await this.#publish(Kind.ModGrant, () => wire.Grant.encode({
      grantee,
      rights,
      notBefore,
      expires: options.expires ?? 0,
      parent: parent != null ? bytesFromString(parent.id, 'base16') : undefined,
      timestamp: Date.now(),
      nonce: crypto.getRandomValues(new Uint8Array(8))
    }).finish(), options) as GrantRecord
  }

  /** Revokes a grant (by id), or every grant held by a key. */
  async revoke (target: { grantId?: string, to?: string }, options: PublishOptions = {}): Promise<RevocationRecord[]> {
    const me = this.#me()
    const ids = target.grantId != null
      ? [target.grantId]
      : this.policy.report().moderators.filter(m => m.key === target.to).flatMap(m => m.grants.map(g => g.id))
    if (ids.length === 0) throw new ModerationRefusedError(`no valid grant to revoke for ${target.to ?? target.grantId}`)
    const out: RevocationRecord[] = []
    for (const id of ids) {
      if (!/^[0-9a-f]{64}$/.test(id)) throw new ModerationRefusedError(`"${id}" is not a grant id (64 hex digits, as \`mod show\` prints)`)
      if (me.key !== this.policy.owner && this.policy.grant(id)?.issuer !== me.key) {
        throw new ModerationRefusedError('only the channel owner or the grant\'s issuer can revoke it')
      }
      const revoke = (): Uint8Array => wire.Revocation.encode({ grantId: bytesFromString(id, 'base16'), timestamp: Date.now() }).finish()
      out.push(await this.#publish(Kind.ModRevocation, revoke, options) as RevocationRecord)
    }
    return out
  }

  /** Bans, mutes, or undoes either for `target`, as a channel moderator (or, with `asList`, on our own list). */
  async act (type: ActionType, target: string, options: PublishOptions & { reason?: string, duration?: number, asList?: boolean } = {}): Promise<ActionRecord> {
    const me = this.#me()
    const targetKey = keyFromText(target)
    if (target === this.policy.owner) throw new ModerationRefusedError('nobody can act on the channel owner')
    let grant: GrantRecord | undefined
    if (me.key !== this.policy.owner && options.asList !== true) {
      const right = type === 'ban' || type === 'unban' ? Right.Ban : Right.Mute
      grant = this.policy.grantFor(me.key, right)
      if (grant == null) throw new NotAModeratorError(`you hold no valid grant with the ${right === Right.Ban ? 'ban' : 'mute'} right in this channel; the owner grants it with: swarmcast mod grant --channel ${this.channel.text} --to ${me.key}`)
    }
    // versions increase across restarts without storage: at least the clock in ms
    this.#lastVersion = Math.max(this.#lastVersion + 1, Date.now())
    const version = this.#lastVersion
    return await this.#publish(Kind.ModAction, () => wire.ModAction.encode({
      type: ACTION_TO_WIRE[type],
      target: targetKey,
      version,
      timestamp: Date.now(),
      duration: options.duration ?? 0,
      reason: options.reason ?? '',
      grant: grant != null ? bytesFromString(grant.id, 'base16') : undefined
    }).finish(), options) as ActionRecord
  }

  /**
   * Confirms end to end that a peer holds `item` (from its mod-sync log):
   * publishing only says the bytes were queued to a peer. Throws NoPeersError
   * when no peer confirms within `timeoutMs`.
   */
  async confirmDelivery (item: ModItem, options: AbortOptions & { timeoutMs?: number } = {}): Promise<PeerId> {
    const timeoutMs = options.timeoutMs ?? SEND_PEER_WAIT_MS
    const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(options.signal != null ? [options.signal] : [])])
    let backoffMs = 50
    while (true) {
      for (const peer of this.#init.pubsub.getSubscribers(this.topic)) {
        try {
          for await (const bytes of fetchModLog(this.#init.connectionManager, peer, this.channel, { signal })) {
            if (messageId(bytes) === item.id) return peer
          }
        } catch (err) {
          if (signal.aborted) break
          this.#init.log('delivery check with %p failed: %s', peer, (err as Error).message)
        }
      }
      await delay(backoffMs, signal).catch(() => {
        throw options.signal?.aborted === true ? options.signal.reason as Error : new NoPeersError(`no peer confirmed holding the moderation message within ${timeoutMs / 1000} s`)
      })
      backoffMs = Math.min(backoffMs * 2, 1000)
    }
  }

  /** Fetches the channel's moderation log from `peer`, validating every item. */
  async syncFrom (peer: PeerId, options: AbortOptions = {}): Promise<{ received: number, added: number }> {
    this.#syncs.synced(peer)
    let received = 0
    let added = 0
    for await (const bytes of fetchModLog(this.#init.connectionManager, peer, this.channel, options)) {
      received++
      const result = await this.#validator.validate(bytes, 'sync')
      if (result.verdict !== 'accept') {
        if (result.verdict === 'reject') this.#init.log('mod-sync item from %p refused: %s', peer, result.reason)
        continue
      }
      if (await this.#add(result.item)) added++
    }
    return { received, added }
  }

  /** Resolves once every write queued so far has finished (before closing the store). */
  async flushed (): Promise<void> {
    await this.#writes
  }

  close (): void {
    if (this.#closed) return
    this.#closed = true
    this.#syncs.close()
    const { pubsub } = this.#init
    pubsub.removeEventListener('message', this.#onMessage)
    pubsub.removeEventListener('subscription-change', this.#onSubscriptionChange)
    leaveContentTopic(pubsub, this.topic)
    this.#init.discovery.leave(this.channel)
  }

  #me (): Identity {
    if (this.#init.identity == null) throw new Error('this moderation service has no identity to sign with')
    return this.#init.identity
  }

  /**
   * Signs, publishes (until a peer has it), then applies and stores our own
   * item. Each attempt encodes afresh (a new timestamp): gossip refuses to
   * publish the same bytes twice, even when the first attempt reached nobody.
   */
  async #publish (kind: typeof Kind[keyof typeof Kind], payload: () => Uint8Array, options: PublishOptions): Promise<ModItem> {
    const me = this.#me()
    const bytes = await publishUntilReceived(this.#init.pubsub, this.topic, async () => await sealEnvelope(me, { kind, channel: this.channel, payload: payload() }), {
      signal: options.signal,
      peerWaitMs: options.peerWaitMs ?? SEND_PEER_WAIT_MS,
      what: 'moderation message'
    })
    const item = readModItem(bytes, await openEnvelope(bytes, { channel: this.channel, kinds: [KIND_OF.grant, KIND_OF.revocation, KIND_OF.action] }))
    await this.#add(item)
    return item
  }

  /** Applies an accepted item (in force at once), announces it, then stores it. */
  async #add (item: ModItem): Promise<boolean> {
    if (this.policy.add(item) !== 'added') return false
    if (item.kind === 'action' && (this.decide(item.target) !== 'allow' || this.#subscriptions.has(item.list) || item.type === 'unban' || item.type === 'unmute')) {
      this.safeDispatchEvent('action', { detail: item })
    }
    this.safeDispatchEvent('policy-changed', { detail: { cause: item.kind } })
    const ch = this.channel.text
    const key = item.kind === 'grant' ? `${ch}!g!${item.id}` : item.kind === 'revocation' ? `${ch}!r!${item.grantId}` : `${ch}!a!${item.list}!${item.target}`
    await this.#write(async () => { await this.#init.ns.put(key, item.envelope) })
    return true
  }

  // writes in order: a newer entry for the same (list, target) must not be overtaken by an older one
  async #write (op: () => Promise<void>): Promise<void> {
    const run = this.#writes.then(op)
    this.#writes = run.catch(() => {})
    await run
  }

  async #validate (from: PeerId, msg: Message): Promise<TopicValidatorResult> {
    const result = await this.#validator.validate(msg.data, 'live')
    if (result.verdict === 'accept') {
      this.#accepted.set(msg, result.item)
      return TopicValidatorResult.Accept
    }
    this.#init.log('%s moderation message from %p: %s', result.verdict, from, result.reason)
    this.safeDispatchEvent('rejected', { detail: { from, verdict: result.verdict, code: result.code, reason: result.reason } })
    return result.verdict === 'reject' ? TopicValidatorResult.Reject : TopicValidatorResult.Ignore
  }

  readonly #onMessage = (evt: CustomEvent<Message>): void => {
    const item = this.#accepted.get(evt.detail)
    if (item == null) return
    this.#accepted.delete(evt.detail)
    this.#add(item).catch((err: Error) => { this.#init.log.error('could not store moderation item: %s', err.message) })
  }

  readonly #onSubscriptionChange = (evt: CustomEvent<{ peerId: PeerId, subscriptions: Array<{ topic: string, subscribe: boolean }> }>): void => {
    if (evt.detail.subscriptions.some(s => s.topic === this.topic && s.subscribe)) this.#syncs.peerJoined(evt.detail.peerId)
  }
}
