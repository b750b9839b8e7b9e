import { openEnvelope, EnvelopeError, EnvelopeFault, Kind, MAX_ENVELOPE_BYTES } from '../envelope/index.ts'
import { MalformedMessageError } from '../wire/index.ts'
import { RateLimiter } from '../chat/rate-limiter.ts'
import { MAX_FUTURE_MS, MAX_PAST_MS, MAX_TRACKED_AUTHORS } from '../chat/constants.ts'
import { readModItem } from './mod-item.ts'
import { MOD_RATE_BURST, MOD_RATE_PER_SECOND } from './constants.ts'
import type { ModItem } from './mod-item.ts'
import type { RefusalCode } from '../chat/chat-validator.ts'
import type { ModerationPolicy } from './policy.ts'
import type { ChannelId } from '../channel/channel-id.ts'

export type ModValidation =
  | { verdict: 'accept', item: ModItem }
  | { verdict: 'reject' | 'ignore', code: RefusalCode, reason: string }

const MOD_KINDS = [Kind.ModGrant, Kind.ModRevocation, Kind.ModAction] as const

/**
 * Moderation messages pass the same gate as chat: size, decode, kind and
 * channel, signature (Reject), then time window, per-signer rate and
 * staleness against the policy held (Ignore). Live items must be fresh, so a
 * backdated action is refused; synced ones may be old but never future-dated.
 */
export class ModValidator {
  readonly channel: ChannelId
  readonly #policy: ModerationPolicy
  readonly #rate = new RateLimiter(MOD_RATE_PER_SECOND, MOD_RATE_BURST, MAX_TRACKED_AUTHORS)
  readonly #now: () => number

  constructor (channel: ChannelId, policy: ModerationPolicy, now: () => number = Date.now) {
    this.channel = channel
    this.#policy = policy
    this.#now = now
  }

  async validate (bytes: Uint8Array, mode: 'live' | 'sync'): Promise<ModValidation> {
    if (bytes.byteLength > MAX_ENVELOPE_BYTES) return { verdict: 'reject', code: EnvelopeFault.Oversize, reason: `oversize: ${bytes.byteLength} bytes` }
    let item: ModItem
    try {
      item = readModItem(bytes, await openEnvelope(bytes, { channel: this.channel, kinds: MOD_KINDS }))
    } catch (err) {
      if (err instanceof EnvelopeError) return { verdict: 'reject', code: err.fault, reason: err.message }
      if (err instanceof MalformedMessageError) return { verdict: 'reject', code: EnvelopeFault.Malformed, reason: err.message }
      throw err
    }
    const now = this.#now()
    if (item.timestamp > now + MAX_FUTURE_MS) return { verdict: 'ignore', code: 'future', reason: 'dated in the future' }
    if (mode === 'live') {
      if (item.timestamp < now - MAX_PAST_MS) return { verdict: 'ignore', code: 'past', reason: 'backdated: older than the live window' }
      const signer = item.kind === 'action' ? item.list : item.issuer
      if (this.#rate.take(signer, now) > 0) return { verdict: 'ignore', code: 'rate-limit', reason: `${signer} is over the moderation rate limit` }
    }
    if (item.kind === 'action' && this.#policy.isStale(item)) {
      return { verdict: 'ignore', code: 'stale', reason: `stale: ${item.list} already has a newer entry for ${item.target}` }
    }
    return { verdict: 'accept', item }
  }
}
