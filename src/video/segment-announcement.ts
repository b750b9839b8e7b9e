import { sha256 } from '@noble/hashes/sha2.js'
import { toString as bytesToString } from 'uint8arrays/to-string'
import { wire, decodeBounded, checkCount, checkLength, MalformedMessageError } from '../wire/index.ts'
import { sealEnvelope, Kind } from '../envelope/index.ts'
import { keyToText } from '../identity/key-text.ts'
import { contentDigest } from '../net/message-id.ts'
import {
  MAX_ANNOUNCEMENT_BYTES, MAX_CODECS_BYTES, MAX_INIT_BYTES, MAX_ORIGIN_BYTES, MAX_ORIGINS,
  MAX_SEGMENT_BYTES, MAX_SEGMENT_DURATION_MS
} from './constants.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import type { VerifiedEnvelope } from '../envelope/index.ts'
import type { Identity } from '../identity/identity.ts'

const SHA256_LENGTH = 32

/** A verified segment announcement: what the streamer signed about one media segment. */
export interface SegmentAnnouncement {
  /** Hex SHA-256 of the envelope bytes. */
  id: string
  /** The signed envelope exactly as received, to pass on to neighbours. */
  envelope: Uint8Array
  /** Signer's key, text form. */
  author: string
  seq: number
  /** ms */
  duration: number
  /** bytes */
  size: number
  sha256: Uint8Array
  /** Where the segment starts on the stream's timeline, ms. */
  mediaTime: number
  initHash: Uint8Array
  /** Hex of initHash, the init segment's name. */
  initId: string
  initSize: number
  /** Streamer's clock when signed, ms since the epoch. */
  timestamp: number
  codecs: string
  /** HTTP base URLs serving the stream as HLS. */
  origins: string[]
}

/** What a streamer states about a segment it just cut. */
export interface SegmentFacts {
  seq: number
  duration: number
  bytes: Uint8Array
  mediaTime: number
  init: Uint8Array
  codecs: string
  origins?: string[]
  timestamp?: number
}

/** Hex SHA-256, the name segments and init segments go by. */
export function hashHex (bytes: Uint8Array): string {
  return bytesToString(sha256(bytes), 'base16')
}

/** Signs the announcement for one segment; returns the envelope bytes. */
export async function signAnnouncement (identity: Identity, channel: ChannelId, facts: SegmentFacts): Promise<Uint8Array> {
  const payload = wire.SegmentAnnouncement.encode({
    seq: facts.seq,
    duration: Math.round(facts.duration),
    size: facts.bytes.byteLength,
    sha256: sha256(facts.bytes),
    mediaTime: Math.round(facts.mediaTime),
    initHash: sha256(facts.init),
    initSize: facts.init.byteLength,
    timestamp: facts.timestamp ?? Date.now(),
    codecs: facts.codecs,
    origins: facts.origins ?? []
  }).finish()
  return await sealEnvelope(identity, { kind: Kind.VideoSegment, channel, payload })
}

/** Reads the payload of a verified video envelope; throws MalformedMessageError. */
export function readAnnouncement (envelopeBytes: Uint8Array, env: Pick<VerifiedEnvelope, 'author' | 'payload'>): SegmentAnnouncement {
  const a = decodeBounded(wire.SegmentAnnouncement, 'segment announcement', env.payload, MAX_ANNOUNCEMENT_BYTES)
  const digest = checkLength('segment hash', a.sha256, SHA256_LENGTH)
  const initHash = checkLength('init segment hash', a.initHash, SHA256_LENGTH)
  if (a.size <= 0 || a.size > MAX_SEGMENT_BYTES) throw new MalformedMessageError(`segment size ${a.size} is outside 1..${MAX_SEGMENT_BYTES}`)
  if (a.initSize <= 0 || a.initSize > MAX_INIT_BYTES) throw new MalformedMessageError(`init segment size ${a.initSize} is outside 1..${MAX_INIT_BYTES}`)
  if (a.duration <= 0 || a.duration > MAX_SEGMENT_DURATION_MS) throw new MalformedMessageError(`segment duration ${a.duration} ms is outside 1..${MAX_SEGMENT_DURATION_MS}`)
  checkCount('announcement origins', a.origins, MAX_ORIGINS)
  const origins = (a.origins ?? []).map(o => {
    if (o.length > MAX_ORIGIN_BYTES || !/^https?:\/\//.test(o)) throw new MalformedMessageError('announcement origin is not a short http(s) URL')
    return o
  })
  const codecs = a.codecs ?? ''
  if (codecs.length > MAX_CODECS_BYTES) throw new MalformedMessageError(`codecs string is over ${MAX_CODECS_BYTES} characters`)
  return {
    id: bytesToString(contentDigest(envelopeBytes), 'base16'),
    envelope: envelopeBytes,
    author: keyToText(env.author),
    seq: a.seq,
    duration: a.duration,
    size: a.size,
    sha256: digest,
    mediaTime: a.mediaTime,
    initHash,
    initId: bytesToString(initHash, 'base16'),
    initSize: a.initSize,
    timestamp: a.timestamp,
    codecs,
    origins
  }
}
