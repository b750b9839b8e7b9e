import { openEnvelope, EnvelopeError, EnvelopeFault, Kind, MAX_ENVELOPE_BYTES } from '../envelope/index.ts'
import { MalformedMessageError } from '../wire/index.ts'
import { readChatItem } from './chat-message.ts'
import { RateLimiter } from './rate-limiter.ts'
import { TimestampRateLimit } from './timestamp-rate-limit.ts'
import { ReplayWindow } from './replay-window.ts'
import { DEFAULT_RATE_BURST, DEFAULT_RATE_PER_SECOND, MAX_FUTURE_MS, MAX_PAST_MS, MAX_TRACKED_AUTHORS } from './constants.ts'
import type { ChatItem } from './chat-message.ts'
import type { ChannelId } from '../channel/channel-id.ts'

/**
 * What to do with a message. Reject: a fault anyone can check from the bytes
 * (the sending peer loses score). Ignore: refused for local reasons (clock,
 * replay, rate, moderation), without blame.
 */
export const Verdict = { Accept: 'accept', Reject: 'reject', Ignore: 'ignore' } as const
export type Verdict = typeof Verdict[keyof typeof Verdict]

/** Why a message was refused, as a short fixed code (for metrics and tests); `reason` says it in words. */
export type RefusalCode = EnvelopeFault | 'future' | 'past' | 'replay' | 'rate-limit' | 'moderation' | 'stale'

export type Validation =
  | { verdict: typeof Verdict.Accept, item: ChatItem, hidden: boolean }
  | { verdict: typeof Verdict.Reject | typeof Verdict.Ignore, code: RefusalCode, reason: string }

/** Channel moderation's say on an author: `block` refuses (not stored, not forwarded), `hide` keeps but hides. */
export type ModerationDecision = 'allow' | 'block' | 'hide'
export type ModerationHook = (author: string, item: ChatItem) => ModerationDecision

export interface ChatValidatorInit {
  now?: () => number
  ratePerSecond?: number
  rateBurst?: number
  moderation?: ModerationHook
}

const CHAT_KINDS = [Kind.ChatMessage, Kind.Profile] as const

/**
 * The chat validation pipeline, in ARCHITECTURE's order: size, decode,
 * kind/channel, signature, time window, replay, rate limit, moderation.
 * `live` is gossip; `sync` is history from a peer, which skips the past bound
 * and replay checks (duplicates are merged by id in the store), applies the
 * rate limit to the authors' timestamps rather than to arrival, and never
 * admits future-dated messages.
 */
export class ChatValidator {
  readonly channel: ChannelId
  readonly #now: () => number
  readonly #rate: RateLimiter
  readonly #historyRate: TimestampRateLimit
  readonly #replay = new ReplayWindow(MAX_PAST_MS + MAX_FUTURE_MS, MAX_TRACKED_AUTHORS)
  moderation: ModerationHook | undefined

  constructor (channel: ChannelId, init: ChatValidatorInit = {}) {
    this.channel = channel
    this.#now = init.now ?? Date.now
    const [rate, burst] = [init.ratePerSecond ?? DEFAULT_RATE_PER_SECOND, init.rateBurst ?? DEFAULT_RATE_BURST]
    this.#rate = new RateLimiter(rate, burst, MAX_TRACKED_AUTHORS)
    this.#historyRate = new TimestampRateLimit(rate, burst, MAX_TRACKED_AUTHORS)
    this.moderation = init.moderation
  }

  /**
   * Counts a message stored before this validator existed (a restart) against
   * the authors'-timestamp limit of history sync, so that a restart does not
   * open the limit to another burst of the same author's timestamps.
   */
  recordStored (author: string, timestamp: number): void {
    this.#historyRate.record(author, timestamp)
  }

  async validate (bytes: Uint8Array, mode: 'live' | 'sync'): Promise<Validation> {
    if (bytes.byteLength > MAX_ENVELOPE_BYTES) {
      return { verdict: Verdict.Reject, code: EnvelopeFault.Oversize, reason: `oversize: ${bytes.byteLength} bytes` }
    }
    let item: ChatItem
    try {
      item = readChatItem(bytes, await openEnvelope(bytes, { channel: this.channel, kinds: CHAT_KINDS }))
    } catch (err) {
      if (err instanceof EnvelopeError) return { verdict: Verdict.Reject, code: err.fault, reason: err.message }
      if (err instanceof MalformedMessageError) return { verdict: Verdict.Reject, code: EnvelopeFault.Malformed, reason: err.message }
      throw err
    }
    const { author, timestamp, seq } = item.kind === 'message' ? item.message : item.profile
    const now = this.#now()
    if (timestamp > now + MAX_FUTURE_MS) {
      return { verdict: Verdict.Ignore, code: 'future', reason: `dated ${Math.round((timestamp - now) / 1000)} s in the future` }
    }
    if (mode === 'live') {
      if (timestamp < now - MAX_PAST_MS) {
        return { verdict: Verdict.Ignore, code: 'past', reason: `dated ${Math.round((now - timestamp) / 1000)} s in the past` }
      }
      const replayKey = `${item.kind}:${author}`
      if (this.#replay.has(replayKey, seq)) {
        return { verdict: Verdict.Ignore, code: 'replay', reason: `replay of ${author} seq ${seq}` }
      }
      const wait = this.#rate.take(author, now)
      if (wait > 0) {
        return { verdict: Verdict.Ignore, code: 'rate-limit', reason: `${author} is over the rate limit` }
      }
      this.#replay.add(replayKey, seq, timestamp, now)
      if (item.kind === 'message') this.#historyRate.record(author, timestamp)
    } else if (item.kind === 'message' && !this.#historyRate.take(author, timestamp)) {
      // profiles need no limit here: only an author's newest is kept
      return { verdict: Verdict.Ignore, code: 'rate-limit', reason: `${author} has more messages around ${new Date(timestamp).toISOString()} than the rate limit lets through` }
    }
    const decision = this.moderation?.(author, item) ?? 'allow'
    if (decision === 'block') {
      return { verdict: Verdict.Ignore, code: 'moderation', reason: `${author} is blocked by channel moderation` }
    }
    return { verdict: Verdict.Accept, item, hidden: decision === 'hide' }
  }
}
