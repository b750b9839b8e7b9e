import { boundedLpStream } from '../wire/index.ts'
import { SFU_CALL_TIMEOUT_MS, SFU_PROTOCOL, MAX_SFU_MESSAGE_BYTES } from './constants.ts'
import { decodeEvent, decodeResponse, encodeRequest, SfuKind, SfuStatus } from './sfu-messages.ts'
import { signProduceAuthorization } from './sfu-authorization.ts'
import { SfuBadRequestError, SfuBusyError, SfuNotFoundError, SfuRefusedError, SfuRequestError, SfuUnavailableError } from './errors.ts'
import type { SfuEvent, SfuMedia, SfuRequest, SfuResponse, SfuRtpTarget } from './sfu-messages.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import type { Identity } from '../identity/identity.ts'
import type { AbortOptions, PeerId, Stream } from '@libp2p/interface'
import type { DtlsParameters, IceCandidate, IceParameters, RtpCapabilities, RtpParameters } from 'mediasoup-client/types'

/** What the client needs of a libp2p node: to open a protocol stream to the relay, and the node's own id. */
export interface SfuClientNode {
  peerId: PeerId
  dialProtocol: (peer: PeerId, protocols: string | string[], options?: AbortOptions) => Promise<Stream>
}

export interface SfuClientInit {
  node: SfuClientNode
  /** The relay running the SFU. */
  relay: PeerId
  /** Default time budget of one call (default SFU_CALL_TIMEOUT_MS). */
  timeoutMs?: number
}

/** What `createTransport` returns: what mediasoup-client's `device.createRecvTransport` takes. */
export interface SfuTransportParams {
  id: string
  iceParameters: IceParameters
  iceCandidates: IceCandidate[]
  dtlsParameters: DtlsParameters
}

/** What `consume` returns: what mediasoup-client's `transport.consume` takes, and the channel's producer epoch. */
export interface SfuConsumerParams {
  id: string
  producerId: string
  kind: 'audio' | 'video'
  rtpParameters: RtpParameters
  epoch: number
}

export interface SfuProduceResult {
  /** Where to send each medium as plain RTP (comedia: the relay learns our address from the first packet). */
  targets: SfuRtpTarget[]
  epoch: number
}

/**
 * Calls a relay's mediasoup SFU over `/swarmcast/sfu/1.0.0`: one stream per
 * call, one request, one response (WATCH: then events). Platform neutral: the
 * browser uses it with mediasoup-client, the streamer with ffmpeg. Every call
 * takes `{ signal }` and times out after `timeoutMs` by default; a non-OK
 * answer throws the named error of its status (SfuRefusedError, SfuBusyError,
 * SfuNotFoundError, SfuBadRequestError).
 */
export class SfuClient {
  readonly relay: PeerId
  readonly #node: SfuClientNode
  readonly #timeoutMs: number

  constructor (init: SfuClientInit) {
    this.#node = init.node
    this.relay = init.relay
    this.#timeoutMs = init.timeoutMs ?? SFU_CALL_TIMEOUT_MS
  }

  /** The channel router's RTP capabilities, for mediasoup-client's `device.load({ routerRtpCapabilities })`. */
  async capabilities (channel: ChannelId, options: AbortOptions = {}): Promise<RtpCapabilities> {
    const r = await this.#call({ kind: SfuKind.Capabilities, channelId: channel.bytes }, options)
    return r.params as RtpCapabilities
  }

  /**
   * Asks the SFU for plain RTP inputs for `channel`, signing with `identity`
   * (the owner, or a key granted the stream right) that this node may feed it.
   * Producing again replaces the previous producer (the epoch grows).
   */
  async produce (channel: ChannelId, identity: Identity, rtp: { video?: RtpParameters, audio?: RtpParameters }, options: AbortOptions = {}): Promise<SfuProduceResult> {
    const authorization = await signProduceAuthorization(identity, channel, this.#node.peerId)
    const r = await this.#call({ kind: SfuKind.Produce, channelId: channel.bytes, authorization, params: rtp }, options)
    return { targets: r.targets, epoch: r.epoch }
  }

  /** Stops producing `channel` (its consumers learn it from the watch stream). */
  async stopProducing (channel: ChannelId, options: AbortOptions = {}): Promise<void> {
    await this.#call({ kind: SfuKind.Close, channelId: channel.bytes }, options)
  }

  /** A receive WebRtcTransport on the relay. */
  async createTransport (channel: ChannelId, options: AbortOptions = {}): Promise<SfuTransportParams> {
    const r = await this.#call({ kind: SfuKind.CreateTransport, channelId: channel.bytes }, options)
    return { ...(r.params as Omit<SfuTransportParams, 'id'>), id: r.transportId }
  }

  async connectTransport (channel: ChannelId, transportId: string, dtlsParameters: DtlsParameters, options: AbortOptions = {}): Promise<void> {
    await this.#call({ kind: SfuKind.ConnectTransport, channelId: channel.bytes, transportId, params: { dtlsParameters } }, options)
  }

  /** A paused consumer of the channel's `media` on `transportId`; call `resume` once the client side is ready. */
  async consume (channel: ChannelId, transportId: string, media: SfuMedia, rtpCapabilities: RtpCapabilities, options: AbortOptions = {}): Promise<SfuConsumerParams> {
    const r = await this.#call({ kind: SfuKind.Consume, channelId: channel.bytes, transportId, media, params: { rtpCapabilities } }, options)
    return { ...(r.params as Omit<SfuConsumerParams, 'id' | 'epoch'>), id: r.consumerId, epoch: r.epoch }
  }

  async resume (channel: ChannelId, consumerId: string, options: AbortOptions = {}): Promise<void> {
    await this.#call({ kind: SfuKind.Resume, channelId: channel.bytes, consumerId }, options)
  }

  /** Asks for a key frame (the relay rate-limits these per consumer). */
  async requestKeyFrame (channel: ChannelId, consumerId: string, options: AbortOptions = {}): Promise<void> {
    await this.#call({ kind: SfuKind.RequestKeyFrame, channelId: channel.bytes, consumerId }, options)
  }

  async closeTransport (channel: ChannelId, transportId: string, options: AbortOptions = {}): Promise<void> {
    await this.#call({ kind: SfuKind.Close, channelId: channel.bytes, transportId }, options)
  }

  async closeConsumer (channel: ChannelId, consumerId: string, options: AbortOptions = {}): Promise<void> {
    await this.#call({ kind: SfuKind.Close, channelId: channel.bytes, consumerId }, options)
  }

  /**
   * The channel's events (producer ready/closed) and those of our own
   * transports and consumers (closed), until `signal` aborts or the stream
   * ends (the connection to the relay went: watch again).
   */
  async * watch (channel: ChannelId, options: { signal: AbortSignal }): AsyncGenerator<SfuEvent> {
    const signal = options.signal
    const opening = AbortSignal.any([signal, AbortSignal.timeout(this.#timeoutMs)])
    const stream = await this.#open(opening)
    const onAbort = (): void => { stream.abort(new Error('sfu watch closed')) }
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      const lp = boundedLpStream(stream, MAX_SFU_MESSAGE_BYTES)
      await lp.write(encodeRequest({ kind: SfuKind.Watch, channelId: channel.bytes }), { signal: opening })
      checkStatus(decodeResponse((await lp.read({ signal: opening })).subarray()))
      while (true) {
        let frame
        try {
          frame = (await lp.read()).subarray()
        } catch (err) {
          if ((err as Error).name === 'UnexpectedEOFError' || signal.aborted) return
          throw err
        }
        yield decodeEvent(frame)
      }
    } finally {
      signal.removeEventListener('abort', onAbort)
      stream.abort(new Error('sfu watch ended'))
    }
  }

  async #open (signal: AbortSignal): Promise<Stream> {
    try {
      return await this.#node.dialProtocol(this.relay, SFU_PROTOCOL, { signal })
    } catch (err) {
      if ((err as Error).name === 'UnsupportedProtocolError') {
        throw new SfuUnavailableError(`relay ${this.relay.toString()} does not run an SFU; its operator can start one with \`swarmcast relay --sfu\`, or watch over the P2P/HLS path`)
      }
      throw err
    }
  }

  async #call (request: Partial<SfuRequest> & { kind: SfuKind, channelId: Uint8Array }, options: AbortOptions): Promise<SfuResponse> {
    const signal = options.signal != null ? AbortSignal.any([options.signal, AbortSignal.timeout(this.#timeoutMs)]) : AbortSignal.timeout(this.#timeoutMs)
    const stream = await this.#open(signal)
    try {
      const lp = boundedLpStream(stream, MAX_SFU_MESSAGE_BYTES)
      await lp.write(encodeRequest(request), { signal })
      const response = decodeResponse((await lp.read({ signal })).subarray())
      await stream.close({ signal }).catch(() => {})
      return checkStatus(response)
    } catch (err) {
      stream.abort(err as Error)
      throw err
    }
  }
}

function checkStatus (r: SfuResponse): SfuResponse {
  switch (r.status) {
    case SfuStatus.Ok: return r
    case SfuStatus.Refused: throw new SfuRefusedError(`the SFU refused: ${r.message}`)
    case SfuStatus.Busy: throw new SfuBusyError(`the SFU is busy: ${r.message}`)
    case SfuStatus.NotFound: throw new SfuNotFoundError(`the SFU has no such thing: ${r.message}`)
    case SfuStatus.BadRequest: throw new SfuBadRequestError(`the SFU could not use the request: ${r.message}`)
    default: throw new SfuRequestError(`the SFU answered status ${String(r.status)}: ${r.message}`)
  }
}
