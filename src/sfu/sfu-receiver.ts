import { TypedEventEmitter } from 'main-event'
import { SFU_RETRY_INTERVAL_MS, SFU_START_TIMEOUT_MS } from './constants.ts'
import { SfuTimeoutError } from './errors.ts'
import { SfuEventKind, SfuMedia } from './sfu-messages.ts'
import type { SfuClient } from './sfu-client.ts'
import type { SfuEvent } from './sfu-messages.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import type { Consumer, Device, Transport } from 'mediasoup-client/types'

/** Where the receiver is: `waiting` = the channel has no producer on the SFU now. */
export type SfuReceiverState = 'connecting' | 'playing' | 'waiting' | 'closed'

export interface SfuReceiverInit {
  client: SfuClient
  channel: ChannelId
  /**
   * A mediasoup-client Device (`new Device()` in a browser): injected, since
   * which WebRTC handler to use is the platform's business.
   */
  device: Device
  /** Media to receive (default both). */
  media?: Array<'video' | 'audio'>
  /** How often to try again without an event while not playing (default SFU_RETRY_INTERVAL_MS). */
  retryIntervalMs?: number
}

export interface SfuReceiverEvents {
  state: CustomEvent<SfuReceiverState>
  /** The tracks changed (a new session after a producer or worker restart); `stream` holds the new ones. */
  tracks: CustomEvent<MediaStreamTrack[]>
  /** Something failed; the receiver tries again by itself. */
  error: CustomEvent<Error>
}

export interface SfuReceiverStats {
  state: SfuReceiverState
  /** Sessions set up (1 + recoveries). */
  sessions: number
  /** The channel's producer epoch the current consumers follow. */
  epoch: number
  transportId?: string
}

/**
 * Plays a channel from a relay's SFU in a browser: a receive transport,
 * paused consumers for video and audio, resumed once mediasoup-client holds
 * them. It follows the relay's watch stream and rebuilds the session when its
 * transport or consumers close (the producer restarted, a worker died) or the
 * WebRTC connection fails, so `stream` keeps playing across relay-side
 * restarts. `close()` is safe twice.
 */
export class SfuReceiver extends TypedEventEmitter<SfuReceiverEvents> {
  readonly channel: ChannelId
  #stream: MediaStream | undefined
  readonly #client: SfuClient
  readonly #device: Device
  readonly #media: Array<'video' | 'audio'>
  readonly #retryMs: number
  readonly #abort = new AbortController()
  #state: SfuReceiverState = 'connecting'
  #transport: Transport | undefined
  #consumers: Consumer[] = []
  #epoch = 0
  /** The newest producer epoch the relay announced. */
  #latestEpoch = 0
  /** An event said to try now: the wait before the next attempt is skipped. */
  #kicked = false
  #sessions = 0
  #wake: (() => void) | undefined
  #broken: (() => void) | undefined
  #running: Promise<void> | undefined

  constructor (init: SfuReceiverInit) {
    super()
    this.channel = init.channel
    this.#client = init.client
    this.#device = init.device
    this.#media = init.media ?? ['video', 'audio']
    this.#retryMs = init.retryIntervalMs ?? SFU_RETRY_INTERVAL_MS
  }

  /** The received tracks (swapped in place when the session is rebuilt). */
  get stream (): MediaStream {
    this.#stream ??= new MediaStream()
    return this.#stream
  }

  get state (): SfuReceiverState {
    return this.#state
  }

  get stats (): SfuReceiverStats {
    return { state: this.#state, sessions: this.#sessions, epoch: this.#epoch, transportId: this.#transport?.id }
  }

  /** The receive RTCPeerConnection's stats (inbound-rtp etc.), empty when not connected. */
  async getStats (): Promise<RTCStatsReport | undefined> {
    return await this.#transport?.getStats()
  }

  /**
   * Starts receiving; resolves once playing. Rejects with SfuTimeoutError after
   * `timeoutMs` (default SFU_START_TIMEOUT_MS), or when `signal` aborts, without
   * stopping the receiver: it keeps trying until `close()`.
   */
  async start (options: { signal?: AbortSignal, timeoutMs?: number } = {}): Promise<void> {
    this.#running ??= this.#run()
    if (this.#state === 'playing') return
    const timeoutMs = options.timeoutMs ?? SFU_START_TIMEOUT_MS
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        done()
        reject(new SfuTimeoutError(`the SFU stream did not start playing within ${timeoutMs} ms (${this.#state === 'waiting' ? 'the channel is not fed to the relay\'s SFU now' : 'the connection is still being set up'}); the receiver keeps trying, or use the P2P/HLS path`))
      }, timeoutMs)
      const done = (): void => {
        clearTimeout(timer)
        this.removeEventListener('state', onState)
        options.signal?.removeEventListener('abort', onAbort)
      }
      const onState = (e: CustomEvent<SfuReceiverState>): void => {
        if (e.detail === 'playing') { done(); resolve() } else if (e.detail === 'closed') { done(); reject(new Error('the SFU receiver was closed before it played')) }
      }
      const onAbort = (): void => { done(); reject(options.signal?.reason as Error) }
      this.addEventListener('state', onState)
      options.signal?.addEventListener('abort', onAbort, { once: true })
      if (options.signal?.aborted === true) onAbort()
    })
  }

  close (): void {
    if (this.#abort.signal.aborted) return
    this.#abort.abort()
    this.#teardown()
    this.#wake?.()
    this.#broken?.()
    this.#setState('closed')
  }

  async #run (): Promise<void> {
    void this.#watch()
    const signal = this.#abort.signal
    while (!signal.aborted) {
      const broken = new Promise<void>(resolve => { this.#broken = resolve })
      let played = false
      try {
        await this.#connect(signal)
        // a newer producer was announced while we set up: start over on it
        if (this.#latestEpoch <= this.#epoch) {
          this.#setState('playing')
          played = true
          await broken
        }
      } catch (err) {
        if (signal.aborted) break
        if ((err as Error).name === 'SfuNotFoundError') this.#setState('waiting')
        else {
          this.#setState('connecting')
          this.safeDispatchEvent('error', { detail: err as Error })
        }
      }
      this.#broken = undefined
      this.#teardown()
      if (signal.aborted) break
      if (played) this.#setState('connecting')
      // after a break, or when an event said the producer is there, try again at once; else after the interval
      if (played || this.#kicked) {
        this.#kicked = false
        continue
      }
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, this.#retryMs)
        this.#wake = () => { clearTimeout(timer); resolve() }
      })
      this.#wake = undefined
      this.#kicked = false
    }
  }

  async #connect (signal: AbortSignal): Promise<void> {
    if (!this.#device.loaded) {
      await this.#device.load({ routerRtpCapabilities: await this.#client.capabilities(this.channel, { signal }) })
    }
    const params = await this.#client.createTransport(this.channel, { signal })
    const transport = this.#device.createRecvTransport(params)
    this.#transport = transport
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.#client.connectTransport(this.channel, transport.id, dtlsParameters, { signal }).then(callback, errback)
    })
    transport.on('connectionstatechange', (state) => {
      if (state === 'failed' || state === 'closed') this.#broken?.()
    })
    const consumers: Consumer[] = []
    let epoch = 0
    for (const media of this.#media) {
      const c = await this.#client.consume(this.channel, transport.id, media === 'video' ? SfuMedia.Video : SfuMedia.Audio, this.#device.rtpCapabilities, { signal })
      epoch = c.epoch
      const consumer = await transport.consume({ id: c.id, producerId: c.producerId, kind: c.kind, rtpParameters: c.rtpParameters })
      consumers.push(consumer)
      this.#consumers = consumers
    }
    // mediasoup-client holds the consumers now: let the media flow
    for (const consumer of consumers) await this.#client.resume(this.channel, consumer.id, { signal })
    this.#epoch = epoch
    this.#latestEpoch = Math.max(this.#latestEpoch, epoch)
    this.#sessions++
    const stream = this.stream
    for (const old of stream.getTracks()) stream.removeTrack(old)
    for (const consumer of consumers) stream.addTrack(consumer.track)
    this.safeDispatchEvent('tracks', { detail: consumers.map(c => c.track) })
  }

  #teardown (): void {
    for (const consumer of this.#consumers) consumer.close()
    this.#consumers = []
    const transport = this.#transport
    this.#transport = undefined
    if (transport != null && !transport.closed) {
      transport.close()
      this.#client.closeTransport(this.channel, transport.id).catch(() => {})
    }
  }

  // Follows the relay's events; reopens the watch when it ends (reconnects) until closed.
  async #watch (): Promise<void> {
    const signal = this.#abort.signal
    while (!signal.aborted) {
      try {
        for await (const event of this.#client.watch(this.channel, { signal })) this.#onEvent(event)
      } catch {}
      if (signal.aborted) return
      await new Promise(resolve => setTimeout(resolve, this.#retryMs))
    }
  }

  #onEvent (event: SfuEvent): void {
    const mine = (event.transportId !== '' && event.transportId === this.#transport?.id) ||
      (event.consumerId !== '' && this.#consumers.some(c => c.id === event.consumerId))
    switch (event.kind) {
      case SfuEventKind.ProducerReady:
        this.#latestEpoch = Math.max(this.#latestEpoch, event.epoch)
        if (this.#state === 'playing') {
          if (event.epoch > this.#epoch) this.#broken?.()
        } else {
          this.#kicked = true
          this.#wake?.()
        }
        break
      case SfuEventKind.ProducerClosed:
        if (this.#state === 'playing' && event.epoch >= this.#epoch) this.#broken?.()
        break
      case SfuEventKind.TransportClosed:
      case SfuEventKind.ConsumerClosed:
        if (mine) this.#broken?.()
        break
    }
  }

  #setState (state: SfuReceiverState): void {
    if (this.#state === state) return
    this.#state = state
    this.safeDispatchEvent('state', { detail: state })
  }
}
