import { wire } from '../wire/index.ts'
import { readChatItem } from './chat-message.ts'
import { DEFAULT_RETENTION_AGE_MS, DEFAULT_RETENTION_COUNT, HISTORY_WRITE_BATCH_MAX, HISTORY_WRITE_BATCH_MS } from './constants.ts'
import type { ChatItem, ChatMessage, Profile } from './chat-message.ts'
import { PRESENT } from '../store/namespace.ts'
import type { BatchOp, Namespace } from '../store/index.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import type { Kind } from '../envelope/index.ts'

export interface RetentionInit {
  /** Messages kept per channel (default DEFAULT_RETENTION_COUNT). */
  maxCount?: number
  /** Age after which messages are dropped (default DEFAULT_RETENTION_AGE_MS). */
  maxAgeMs?: number
}

export interface ChatHistoryInit extends RetentionInit {
  /** How long a received message may wait to be written with others in one batch (default HISTORY_WRITE_BATCH_MS). */
  writeBatchMs?: number
  /** Called with each stored message's author and timestamp as the history opens (it reads its index then anyway). */
  onStored?: (author: string, timestamp: number) => void
}

type MessageItem = Extract<ChatItem, { kind: 'message' }>

/** A message waiting for its batched write, and the add() call waiting on it. */
interface QueuedWrite {
  item: MessageItem
  done: PromiseWithResolvers<boolean>
}

// key layout inside the 'chat' namespace, per channel:
//   <ch>!m!<ts>!<id>          message envelope, in time-then-id order
//   <ch>!a!<author>!<ts>!<id> PRESENT: per-author index for fair eviction
//   <ch>!p!<author>           newest profile envelope of the author
//   <ch>!s                    when history sync last completed (ms, decimal text)
const TS_DIGITS = 15
const pad = (ts: number): string => String(Math.max(0, Math.floor(ts))).padStart(TS_DIGITS, '0')

/**
 * One channel's chat history in the store. Accepted messages only; each once
 * (by id). Bounded by count and age; over the count, the oldest message of the
 * author holding the most goes first, so a flooding author can only push out
 * their own messages, never other authors'.
 */
export class ChatHistory {
  readonly channel: ChannelId
  readonly #ns: Namespace
  readonly #maxCount: number
  readonly #maxAgeMs: number
  readonly #ids = new Set<string>()
  // messages claimed for storing whose write has not finished yet
  readonly #claimed = new Set<string>()
  readonly #perAuthor = new Map<string, number>()
  readonly #profiles = new Map<string, Profile>()
  readonly #writeBatchMs: number
  // accepted messages not yet handed to the store, in arrival order, and the ids of those not yet written
  #queued: QueuedWrite[] = []
  readonly #queuedIds = new Set<string>()
  #batchTimer: ReturnType<typeof setTimeout> | undefined
  #tail: Promise<unknown> = Promise.resolve()
  #newest = 0
  #syncedThrough = 0

  private constructor (ns: Namespace, channel: ChannelId, init: ChatHistoryInit) {
    this.#ns = ns
    this.channel = channel
    this.#maxCount = init.maxCount ?? DEFAULT_RETENTION_COUNT
    this.#maxAgeMs = init.maxAgeMs ?? DEFAULT_RETENTION_AGE_MS
    this.#writeBatchMs = init.writeBatchMs ?? HISTORY_WRITE_BATCH_MS
  }

  /** Opens the channel's history, loading its index (ids, per-author counts, profiles). */
  static async open (ns: Namespace, channel: ChannelId, init: ChatHistoryInit = {}): Promise<ChatHistory> {
    const h = new ChatHistory(ns, channel, init)
    await h.#load(init.onStored)
    return h
  }

  async #load (onStored: ChatHistoryInit['onStored']): Promise<void> {
    this.#ids.clear()
    this.#perAuthor.clear()
    this.#profiles.clear()
    const prefix = `${this.channel.text}!a!`
    for await (const [key] of this.#ns.entries({ gte: prefix, lt: prefix + '~' })) {
      const [author, ts, id] = key.slice(prefix.length).split('!') as [string, string, string]
      const timestamp = Number(ts)
      this.#ids.add(id)
      this.#perAuthor.set(author, (this.#perAuthor.get(author) ?? 0) + 1)
      this.#newest = Math.max(this.#newest, timestamp)
      onStored?.(author, timestamp)
    }
    const pPrefix = `${this.channel.text}!p!`
    for await (const [, value] of this.#ns.entries({ gte: pPrefix, lt: pPrefix + '~' })) {
      const item = this.#read(value)
      if (item.kind === 'profile') this.#profiles.set(item.profile.author, item.profile)
    }
    const synced = await this.#ns.get(`${this.channel.text}!s`)
    this.#syncedThrough = synced != null ? Number(new TextDecoder().decode(synced)) || 0 : 0
  }

  /** Messages held: stored, or accepted and waiting for their batched write. */
  get size (): number {
    return this.#ids.size + this.#queuedIds.size
  }

  /** Timestamp of the newest stored message (0 when empty). */
  get newest (): number {
    return this.#newest
  }

  /**
   * The time up to which a history sync last brought us everything a peer had
   * (0: never). Kept across restarts, so a node that crashed, or that stored
   * live messages before its first sync, still asks for what it missed before.
   */
  get syncedThrough (): number {
    return this.#syncedThrough
  }

  /** Records a completed sync; written after every message queued before it, so it never claims what a crash lost. */
  async markSynced (through: number): Promise<void> {
    if (through <= this.#syncedThrough) return
    this.#flush()
    await this.#run(async () => {
      if (through <= this.#syncedThrough) return
      await this.#ns.put(`${this.channel.text}!s`, new TextEncoder().encode(String(Math.floor(through))))
      this.#syncedThrough = through
    })
  }

  /** Whether the message is held (stored, or waiting for its batched write). */
  has (id: string): boolean {
    return this.#ids.has(id) || this.#queuedIds.has(id)
  }

  profile (author: string): Profile | undefined {
    return this.#profiles.get(author)
  }

  /**
   * Claims a message for storing: true if it is neither stored nor already
   * claimed, nor older than retention. Lets a caller show a message at once and store it right after,
   * while a second copy arriving meanwhile is still seen as a duplicate.
   */
  claim (message: ChatMessage): boolean {
    if (this.has(message.id) || this.#claimed.has(message.id)) return false
    // older than retention: not kept, so not shown as new either
    if (message.timestamp < Date.now() - this.#maxAgeMs) return false
    this.#claimed.add(message.id)
    return true
  }

  /**
   * Stores an accepted item. Resolves true if it was new (a message not stored
   * before, or a profile newer than the one held), false for a duplicate, once
   * it is written. Messages are written in batches: one LevelDB write per
   * message cost more than the rest of storing it. A message claimed with
   * `claim` is stored by the claimer's add.
   */
  async add (item: ChatItem): Promise<boolean> {
    if (item.kind === 'profile') {
      // in force at once (messages are shown before their writes finish, and must find the nick)
      const held = this.#profiles.get(item.profile.author)
      if (held != null && held.seq >= item.profile.seq) return false
      this.#profiles.set(item.profile.author, item.profile)
      return await this.#run(async () => await this.#addProfile(item.profile, item.envelope))
    }
    try {
      // a copy already held, or older than retention: not kept
      if (this.has(item.id) || item.message.timestamp < Date.now() - this.#maxAgeMs) return false
      return await this.#enqueue(item)
    } finally {
      this.#claimed.delete(item.id)
    }
  }

  async #enqueue (item: MessageItem): Promise<boolean> {
    const done = Promise.withResolvers<boolean>()
    this.#queued.push({ item, done })
    this.#queuedIds.add(item.id)
    if (this.#queued.length >= HISTORY_WRITE_BATCH_MAX) this.#flush()
    else this.#batchTimer ??= setTimeout(() => { this.#flush() }, this.#writeBatchMs)
    return await done.promise
  }

  /** Runs `task` after every write queued before it. */
  async #run<T> (task: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(task)
    this.#tail = run.catch(() => {})
    return await run
  }

  /** Hands the queued messages to the write chain as one batch. */
  #flush (): void {
    clearTimeout(this.#batchTimer)
    this.#batchTimer = undefined
    if (this.#queued.length === 0) return
    const batch = this.#queued
    this.#queued = []
    void this.#run(async () => { await this.#writeBatch(batch) })
  }

  async #addProfile (profile: Profile, envelope: Uint8Array): Promise<boolean> {
    // a newer profile may have been applied while this one waited: keep the store on the newest
    if (this.#profiles.get(profile.author) !== profile) return true
    await this.#ns.put(`${this.channel.text}!p!${profile.author}`, envelope)
    return true
  }

  /**
   * Writes a batch in arrival order, with the outcome a write per message would
   * have: duplicates and expired messages are refused, and a message that needs
   * an eviction is written on its own once the ones before it are in the store
   * (choosing the victim reads the store). Settles every add of the batch.
   */
  async #writeBatch (batch: QueuedWrite[]): Promise<void> {
    try {
      for (let i = 0; i < batch.length;) {
        if (this.#ids.size >= this.#maxCount) {
          const { item, done } = batch[i++]!
          const added = await this.#addEvicting(item)
          this.#queuedIds.delete(item.id)
          done.resolve(added)
          continue
        }
        // the run of messages that fits without eviction goes in one write
        const ops: BatchOp[] = []
        const fresh: Array<{ m: ChatMessage, done: PromiseWithResolvers<boolean> }> = []
        const ids = new Set<string>()
        const oldest = Date.now() - this.#maxAgeMs
        for (; i < batch.length && this.#ids.size + fresh.length < this.#maxCount; i++) {
          const { item: { message: m, envelope }, done } = batch[i]!
          if (this.#ids.has(m.id) || ids.has(m.id) || m.timestamp < oldest) {
            this.#queuedIds.delete(m.id)
            done.resolve(false)
            continue
          }
          ids.add(m.id)
          ops.push(...this.#putOps(m, envelope))
          fresh.push({ m, done })
        }
        if (ops.length > 0) await this.#ns.batch(ops)
        for (const { m, done } of fresh) {
          this.#remember(m)
          this.#queuedIds.delete(m.id)
          done.resolve(true)
        }
      }
    } catch (err) {
      // fails the adds of the run that failed and of those after it (settled ones stay as they are)
      for (const { item, done } of batch) {
        this.#queuedIds.delete(item.id)
        done.reject(err)
      }
    }
  }

  #putOps (m: ChatMessage, envelope: Uint8Array): BatchOp[] {
    const ch = this.channel.text
    return [
      { type: 'put', key: `${ch}!m!${pad(m.timestamp)}!${m.id}`, value: envelope },
      { type: 'put', key: `${ch}!a!${m.author}!${pad(m.timestamp)}!${m.id}`, value: PRESENT }
    ]
  }

  #remember (m: ChatMessage): void {
    this.#ids.add(m.id)
    this.#perAuthor.set(m.author, (this.#perAuthor.get(m.author) ?? 0) + 1)
    this.#newest = Math.max(this.#newest, m.timestamp)
  }

  /** Stores one message when the history is full: plans and writes the evictions with it. */
  async #addEvicting (item: MessageItem): Promise<boolean> {
    const m = item.message
    if (this.#ids.has(m.id)) return false
    if (m.timestamp < Date.now() - this.#maxAgeMs) return false
    const ops = this.#putOps(m, item.envelope)
    // plan evictions on a copy of the counts: memory changes only once the batch is written
    const victims: Array<{ author: string, id: string }> = []
    const counts = this.#ids.size + 1 > this.#maxCount ? new Map(this.#perAuthor).set(m.author, (this.#perAuthor.get(m.author) ?? 0) + 1) : this.#perAuthor
    while (this.#ids.size + 1 - victims.length > this.#maxCount) {
      const victim = await this.#oldestOfHeaviest(counts, victims)
      victims.push(victim)
      ops.push(...victim.ops)
    }
    await this.#ns.batch(ops)
    this.#remember(m)
    for (const v of victims) this.#forget(v.author, v.id)
    return true
  }

  /**
   * The oldest stored message of the author holding the most (by `counts`,
   * which it decrements), other than those already chosen.
   */
  async #oldestOfHeaviest (counts: Map<string, number>, chosen: Array<{ author: string }>): Promise<{ author: string, id: string, ops: BatchOp[] }> {
    let heaviest = ''
    let most = 0
    for (const [author, count] of counts) {
      if (count > most) {
        heaviest = author
        most = count
      }
    }
    counts.set(heaviest, most - 1)
    const skip = chosen.filter(c => c.author === heaviest).length
    const prefix = `${this.channel.text}!a!${heaviest}!`
    let seen = 0
    for await (const [key] of this.#ns.entries({ gte: prefix, lt: prefix + '~', limit: skip + 1 })) {
      if (seen++ < skip) continue
      const [ts, id] = key.slice(prefix.length).split('!') as [string, string]
      return { author: heaviest, id, ops: [{ type: 'del', key }, { type: 'del', key: `${this.channel.text}!m!${ts}!${id}` }] }
    }
    throw new Error(`history index out of step: no stored message for ${heaviest}`)
  }

  #forget (author: string, id: string): void {
    this.#ids.delete(id)
    const left = (this.#perAuthor.get(author) ?? 1) - 1
    if (left > 0) this.#perAuthor.set(author, left)
    else this.#perAuthor.delete(author)
  }

  /** Writes what is queued now and resolves once every write so far has finished (before closing the store). */
  async flushed (): Promise<void> {
    this.#flush()
    await this.#tail
  }

  /** Deletes messages older than the retention age. */
  async prune (now = Date.now()): Promise<number> {
    this.#flush()
    return await this.#run(async () => {
      const ch = this.channel.text
      const ops: BatchOp[] = []
      for await (const [key, value] of this.#ns.entries({ gte: `${ch}!m!`, lt: `${ch}!m!${pad(now - this.#maxAgeMs)}` })) {
        const item = this.#read(value)
        if (item.kind !== 'message') continue
        this.#forget(item.message.author, item.id)
        ops.push({ type: 'del', key }, { type: 'del', key: `${ch}!a!${item.message.author}!${pad(item.message.timestamp)}!${item.id}` })
      }
      if (ops.length > 0) await this.#ns.batch(ops)
      return ops.length / 2
    })
  }

  /** The newest `limit` messages at or after `since`, oldest first, with nicks filled in. */
  async query (options: { since?: number, limit: number }): Promise<ChatMessage[]> {
    const items = await this.queryEnvelopes(options)
    return items.map(({ envelope }) => {
      const item = this.#read(envelope)
      if (item.kind !== 'message') throw new Error('history holds a non-message under m!')
      return { ...item.message, nick: this.#profiles.get(item.message.author)?.nick ?? null }
    })
  }

  /**
   * Like query, as stored envelope bytes (what history sync sends): the newest
   * `limit` messages at or after `since` and, when given, before `before`.
   * Includes every message added before the call.
   */
  async queryEnvelopes (options: { since?: number, before?: number, limit: number }): Promise<Array<{ envelope: Uint8Array, author: string }>> {
    // a message shown (and then queried) before its batch was due is read from the store, not missed
    await this.flushed()
    const ch = this.channel.text
    const out: Array<{ envelope: Uint8Array, author: string }> = []
    const lt = options.before != null ? `${ch}!m!${pad(options.before)}` : `${ch}!m!~`
    for await (const [, value] of this.#ns.entries({ gte: `${ch}!m!${pad(options.since ?? 0)}`, lt, reverse: true, limit: options.limit })) {
      const item = this.#read(value)
      if (item.kind === 'message') out.push({ envelope: value, author: item.message.author })
    }
    return out.reverse()
  }

  /** Stored profile envelope of `author`, for history responses. */
  async profileEnvelope (author: string): Promise<Uint8Array | undefined> {
    return await this.#ns.get(`${this.channel.text}!p!${author}`)
  }

  // our own store holds only verified items: decode without verifying again
  #read (bytes: Uint8Array): ChatItem {
    const env = wire.Envelope.decode(bytes)
    return readChatItem(bytes, { kind: env.kind as Kind, channel: this.channel, author: env.author, payload: env.payload })
  }
}
