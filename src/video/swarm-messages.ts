import { wire, decodeBounded, checkCount, checkLength, MalformedMessageError } from '../wire/index.ts'
import { CHANNEL_ID_LENGTH } from '../channel/channel-id.ts'
import { MAX_ENVELOPE_BYTES } from '../envelope/index.ts'
import { MAX_HAVES, MAX_SEGMENT_BYTES, MAX_SWARM_MESSAGE_BYTES } from './constants.ts'

export const RequestKind = {
  Haves: wire.SwarmRequestKind.HAVES,
  Segment: wire.SwarmRequestKind.SEGMENT,
  Init: wire.SwarmRequestKind.INIT
} as const
export type RequestKind = typeof RequestKind[keyof typeof RequestKind]

export const SwarmStatus = {
  Ok: wire.SwarmStatus.OK,
  NotFound: wire.SwarmStatus.NOT_FOUND,
  Busy: wire.SwarmStatus.BUSY
} as const
export type SwarmStatus = typeof SwarmStatus[keyof typeof SwarmStatus]

/** A request as the responder reads it: bounded and checked. */
export interface SwarmRequest {
  channelId: Uint8Array
  kind: RequestKind
  seq: number
  initHash: Uint8Array
}

const SHA256_LENGTH = 32

/** Largest response frame: a whole segment plus its small header. */
export const MAX_RESPONSE_BYTES = MAX_SEGMENT_BYTES + 64

export function encodeRequest (request: Partial<SwarmRequest> & { channelId: Uint8Array, kind: RequestKind }): Uint8Array {
  return wire.SwarmRequest.encode(request).finish()
}

export function decodeRequest (bytes: Uint8Array): SwarmRequest {
  const r = decodeBounded(wire.SwarmRequest, 'swarm request', bytes, MAX_SWARM_MESSAGE_BYTES)
  const channelId = checkLength('swarm request channel id', r.channelId, CHANNEL_ID_LENGTH)
  if (!Object.values(RequestKind).includes(r.kind as RequestKind)) throw new MalformedMessageError(`swarm request kind ${r.kind} is unknown`)
  // an init segment is named by its SHA-256; an unchecked hash of up to 256 KiB costs the responder a long hex encode
  const initHash = r.kind === RequestKind.Init ? checkLength('swarm request init hash', r.initHash, SHA256_LENGTH) : new Uint8Array(0)
  return { channelId, kind: r.kind as RequestKind, seq: r.seq, initHash }
}

export interface Haves {
  seqs: number[]
  announcements: Uint8Array[]
  seed: boolean
}

export function encodeHaves (haves: Haves): Uint8Array {
  return wire.Haves.encode(haves).finish()
}

export function decodeHaves (bytes: Uint8Array): Haves {
  const h = decodeBounded(wire.Haves, 'haves', bytes, MAX_SWARM_MESSAGE_BYTES)
  checkCount('haves seqs', h.seqs, MAX_HAVES)
  checkCount('haves announcements', h.announcements, MAX_HAVES)
  for (const a of h.announcements ?? []) {
    if (a.byteLength > MAX_ENVELOPE_BYTES) throw new MalformedMessageError('haves carries an oversize announcement')
  }
  return { seqs: h.seqs ?? [], announcements: h.announcements ?? [], seed: h.seed === true }
}

export function encodeResponse (status: SwarmStatus, data?: Uint8Array): Uint8Array {
  return wire.SegmentResponse.encode({ status, data }).finish()
}

export function decodeResponse (bytes: Uint8Array): { status: SwarmStatus, data: Uint8Array } {
  const r = decodeBounded(wire.SegmentResponse, 'segment response', bytes, MAX_RESPONSE_BYTES)
  if (!Object.values(SwarmStatus).includes(r.status as SwarmStatus)) throw new MalformedMessageError(`segment response status ${r.status} is unknown`)
  return { status: r.status as SwarmStatus, data: r.data ?? new Uint8Array(0) }
}
