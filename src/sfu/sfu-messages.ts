import { wire, decodeBounded, checkCount, checkLength, MalformedMessageError } from '../wire/index.ts'
import { CHANNEL_ID_LENGTH } from '../channel/channel-id.ts'
import { MAX_SFU_ID_LENGTH, MAX_SFU_MESSAGE_BYTES, MAX_SFU_MESSAGE_TEXT, MAX_SFU_PARAMS_BYTES, MAX_SFU_PARAMS_DEPTH } from './constants.ts'

export const SfuKind = {
  Capabilities: wire.SfuRequestKind.SFU_CAPABILITIES,
  Produce: wire.SfuRequestKind.SFU_PRODUCE,
  CreateTransport: wire.SfuRequestKind.SFU_CREATE_TRANSPORT,
  ConnectTransport: wire.SfuRequestKind.SFU_CONNECT_TRANSPORT,
  Consume: wire.SfuRequestKind.SFU_CONSUME,
  Resume: wire.SfuRequestKind.SFU_RESUME,
  RequestKeyFrame: wire.SfuRequestKind.SFU_REQUEST_KEYFRAME,
  Close: wire.SfuRequestKind.SFU_CLOSE,
  Watch: wire.SfuRequestKind.SFU_WATCH
} as const
export type SfuKind = typeof SfuKind[keyof typeof SfuKind]

export const SfuStatus = {
  Ok: wire.SfuStatus.SFU_OK,
  Refused: wire.SfuStatus.SFU_REFUSED,
  Busy: wire.SfuStatus.SFU_BUSY,
  NotFound: wire.SfuStatus.SFU_NOT_FOUND,
  BadRequest: wire.SfuStatus.SFU_BAD_REQUEST
} as const
export type SfuStatus = typeof SfuStatus[keyof typeof SfuStatus]

export const SfuMedia = {
  Video: wire.SfuMediaKind.SFU_VIDEO,
  Audio: wire.SfuMediaKind.SFU_AUDIO
} as const
export type SfuMedia = typeof SfuMedia[keyof typeof SfuMedia]

export const SfuEventKind = {
  ProducerReady: wire.SfuEventKind.SFU_PRODUCER_READY,
  ProducerClosed: wire.SfuEventKind.SFU_PRODUCER_CLOSED,
  TransportClosed: wire.SfuEventKind.SFU_TRANSPORT_CLOSED,
  ConsumerClosed: wire.SfuEventKind.SFU_CONSUMER_CLOSED
} as const
export type SfuEventKind = typeof SfuEventKind[keyof typeof SfuEventKind]

/** mediasoup's name for a medium. */
export function mediaName (media: SfuMedia): 'video' | 'audio' {
  return media === SfuMedia.Video ? 'video' : 'audio'
}

/** A request as the SFU reads it: bounded and checked; `params` is parsed JSON or undefined. */
export interface SfuRequest {
  kind: SfuKind
  channelId: Uint8Array
  authorization: Uint8Array
  transportId: string
  consumerId: string
  media: SfuMedia | 0
  params: unknown
}

export interface SfuRtpTarget {
  media: SfuMedia
  ip: string
  port: number
  rtcpPort: number
}

export interface SfuResponse {
  status: SfuStatus
  message: string
  params: unknown
  transportId: string
  consumerId: string
  targets: SfuRtpTarget[]
  epoch: number
}

export interface SfuEvent {
  kind: SfuEventKind
  epoch: number
  transportId: string
  consumerId: string
  reason: string
}

/** A produce authorization envelope is small: key, signature, peer id, timestamp. */
const MAX_AUTHORIZATION_BYTES = 1024
const MAX_IP_LENGTH = 64
/** Two media per produce. */
const MAX_TARGETS = 2

export function encodeRequest (request: Partial<Omit<SfuRequest, 'params'>> & { kind: SfuKind, channelId: Uint8Array, params?: unknown }): Uint8Array {
  const { params, ...rest } = request
  return wire.SfuRequest.encode({ ...rest, params: params === undefined ? '' : JSON.stringify(params) }).finish()
}

export function decodeRequest (bytes: Uint8Array): SfuRequest {
  const r = decodeBounded(wire.SfuRequest, 'sfu request', bytes, MAX_SFU_MESSAGE_BYTES)
  if (!Object.values(SfuKind).includes(r.kind as SfuKind)) throw new MalformedMessageError(`sfu request kind ${r.kind} is unknown`)
  const channelId = checkLength('sfu request channel id', r.channelId, CHANNEL_ID_LENGTH)
  const authorization = r.authorization ?? new Uint8Array(0)
  if (authorization.byteLength > MAX_AUTHORIZATION_BYTES) throw new MalformedMessageError(`sfu authorization is ${authorization.byteLength} bytes, over the ${MAX_AUTHORIZATION_BYTES}-byte limit`)
  const media = r.media ?? 0
  if (media !== 0 && !Object.values(SfuMedia).includes(media as SfuMedia)) throw new MalformedMessageError(`sfu media ${media} is unknown`)
  return {
    kind: r.kind as SfuKind,
    channelId,
    authorization,
    transportId: checkId('sfu transport id', r.transportId),
    consumerId: checkId('sfu consumer id', r.consumerId),
    media: media as SfuMedia | 0,
    params: parseParams(r.params)
  }
}

export function encodeResponse (response: Partial<Omit<SfuResponse, 'params'>> & { status: SfuStatus, params?: unknown }): Uint8Array {
  const { params, message, ...rest } = response
  return wire.SfuResponse.encode({
    ...rest,
    message: message?.slice(0, MAX_SFU_MESSAGE_TEXT),
    params: params === undefined ? '' : JSON.stringify(params)
  }).finish()
}

export function decodeResponse (bytes: Uint8Array): SfuResponse {
  const r = decodeBounded(wire.SfuResponse, 'sfu response', bytes, MAX_SFU_MESSAGE_BYTES)
  if (!Object.values(SfuStatus).includes(r.status as SfuStatus)) throw new MalformedMessageError(`sfu response status ${r.status} is unknown`)
  checkCount('sfu response targets', r.targets, MAX_TARGETS)
  const targets = (r.targets ?? []).map(t => {
    if (!Object.values(SfuMedia).includes(t.media as SfuMedia)) throw new MalformedMessageError(`sfu target media ${t.media} is unknown`)
    if ((t.ip ?? '').length > MAX_IP_LENGTH) throw new MalformedMessageError('sfu target ip is too long')
    if (!validPort(t.port) || (t.rtcpPort !== 0 && !validPort(t.rtcpPort))) throw new MalformedMessageError('sfu target port is not 1-65535')
    return { media: t.media as SfuMedia, ip: t.ip ?? '', port: t.port as number, rtcpPort: t.rtcpPort ?? 0 }
  })
  return {
    status: r.status as SfuStatus,
    message: checkText('sfu response message', r.message),
    params: parseParams(r.params),
    transportId: checkId('sfu transport id', r.transportId),
    consumerId: checkId('sfu consumer id', r.consumerId),
    targets,
    epoch: r.epoch ?? 0
  }
}

export function encodeEvent (event: Partial<SfuEvent> & { kind: SfuEventKind }): Uint8Array {
  return wire.SfuEvent.encode({ ...event, reason: event.reason?.slice(0, MAX_SFU_MESSAGE_TEXT) }).finish()
}

export function decodeEvent (bytes: Uint8Array): SfuEvent {
  const e = decodeBounded(wire.SfuEvent, 'sfu event', bytes, MAX_SFU_MESSAGE_BYTES)
  if (!Object.values(SfuEventKind).includes(e.kind as SfuEventKind)) throw new MalformedMessageError(`sfu event kind ${e.kind} is unknown`)
  return {
    kind: e.kind as SfuEventKind,
    epoch: e.epoch ?? 0,
    transportId: checkId('sfu transport id', e.transportId),
    consumerId: checkId('sfu consumer id', e.consumerId),
    reason: checkText('sfu event reason', e.reason)
  }
}

/**
 * Reads the JSON text of mediasoup parameters: bounded in size and nesting,
 * so a hostile peer cannot make the reader walk a huge or deep structure.
 * Empty text is `undefined`.
 */
export function parseParams (text: string | null | undefined): unknown {
  if (text == null || text === '') return undefined
  if (text.length > MAX_SFU_PARAMS_BYTES) throw new MalformedMessageError(`sfu params are ${text.length} characters, over the ${MAX_SFU_PARAMS_BYTES} limit`)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    throw new MalformedMessageError(`sfu params are not JSON: ${(err as Error).message}`)
  }
  // iterative walk: a deeply nested value must not overflow the stack
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number]
    if (v === null || typeof v !== 'object') continue
    if (depth > MAX_SFU_PARAMS_DEPTH) throw new MalformedMessageError(`sfu params nest deeper than ${MAX_SFU_PARAMS_DEPTH} levels`)
    for (const child of Object.values(v)) stack.push([child, depth + 1])
  }
  return value
}

function checkId (what: string, id: string | null | undefined): string {
  const text = id ?? ''
  if (text.length > MAX_SFU_ID_LENGTH || !/^[A-Za-z0-9_-]*$/.test(text)) throw new MalformedMessageError(`${what} is not a short id`)
  return text
}

function checkText (what: string, text: string | null | undefined): string {
  const t = text ?? ''
  if (t.length > MAX_SFU_MESSAGE_TEXT) throw new MalformedMessageError(`${what} is over ${MAX_SFU_MESSAGE_TEXT} characters`)
  return t
}

function validPort (port: number | null | undefined): boolean {
  return port != null && Number.isInteger(port) && port >= 1 && port <= 65535
}
