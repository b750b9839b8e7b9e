import { openEnvelope, EnvelopeError, EnvelopeFault, Kind, MAX_ENVELOPE_BYTES } from '../envelope/index.ts'
import { MalformedMessageError } from '../wire/index.ts'
import { readAnnouncement } from './segment-announcement.ts'
import { MAX_ANNOUNCEMENT_FUTURE_MS, MAX_ANNOUNCEMENT_PAST_MS } from './constants.ts'
import type { SegmentAnnouncement } from './segment-announcement.ts'
import type { ChannelId } from '../channel/channel-id.ts'

/** Why an announcement was refused (short code for logs and metrics). */
export type AnnouncementRefusal = EnvelopeFault | 'not-streamer' | 'future' | 'past'

export type AnnouncementCheck =
  | { verdict: 'accept', announcement: SegmentAnnouncement }
  | { verdict: 'reject' | 'ignore', code: AnnouncementRefusal, reason: string }

export interface AnnouncementValidatorInit {
  /** Whether `key` may stream in the channel besides its owner (a STREAM grant). */
  mayStream?: (key: string) => boolean
  now?: () => number
}

const VIDEO_KINDS = [Kind.VideoSegment] as const

/**
 * Checks a segment announcement in ARCHITECTURE's order: size, decode,
 * kind/channel, signature, then who signed it (the owner or a STREAM grant
 * holder) and, for live gossip, its date. Reject for faults in the bytes,
 * Ignore for what depends on local state (grants, clock).
 */
export class AnnouncementValidator {
  readonly channel: ChannelId
  readonly #mayStream: (key: string) => boolean
  readonly #now: () => number

  constructor (channel: ChannelId, init: AnnouncementValidatorInit = {}) {
    this.channel = channel
    this.#mayStream = init.mayStream ?? (() => false)
    this.#now = init.now ?? Date.now
  }

  /** `live` is gossip; `haves` is a neighbour's window (older, so only the future bound applies). */
  async validate (bytes: Uint8Array, mode: 'live' | 'haves'): Promise<AnnouncementCheck> {
    if (bytes.byteLength > MAX_ENVELOPE_BYTES) {
      return { verdict: 'reject', code: EnvelopeFault.Oversize, reason: `oversize: ${bytes.byteLength} bytes` }
    }
    let announcement: SegmentAnnouncement
    try {
      announcement = readAnnouncement(bytes, await openEnvelope(bytes, { channel: this.channel, kinds: VIDEO_KINDS }))
    } catch (err) {
      if (err instanceof EnvelopeError) return { verdict: 'reject', code: err.fault, reason: err.message }
      if (err instanceof MalformedMessageError) return { verdict: 'reject', code: EnvelopeFault.Malformed, reason: err.message }
      throw err
    }
    if (announcement.author !== this.channel.ownerKey && !this.#mayStream(announcement.author)) {
      return { verdict: 'ignore', code: 'not-streamer', reason: 'signed by a key that is neither the channel owner nor granted the stream right' }
    }
    const now = this.#now()
    if (announcement.timestamp > now + MAX_ANNOUNCEMENT_FUTURE_MS) {
      return { verdict: 'ignore', code: 'future', reason: `dated ${Math.round((announcement.timestamp - now) / 1000)} s in the future` }
    }
    if (mode === 'live' && announcement.timestamp < now - MAX_ANNOUNCEMENT_PAST_MS) {
      return { verdict: 'ignore', code: 'past', reason: `dated ${Math.round((now - announcement.timestamp) / 1000)} s in the past` }
    }
    return { verdict: 'accept', announcement }
  }
}
