import { boundedLpStream } from '../../src/wire/index.ts'
import { availableParallelism } from 'node:os'
import { ChannelId } from '../../src/channel/index.ts'
import { Right } from '../../src/moderation/index.ts'
import { optionalService } from '../../src/net/optional-service.ts'
import {
  SFU_PROTOCOL, MAX_SFU_MESSAGE_BYTES, SfuKind, SfuStatus, SfuEventKind, SfuMedia,
  decodeRequest, encodeResponse, mediaName, verifyProduceAuthorization
} from '../../src/sfu/index.ts'
import { WorkerPool } from './worker-pool.ts'
import { SfuChannel } from './sfu-channel.ts'
import { SfuWatchers } from './sfu-watchers.ts'
import { SfuFault, badRequest, busy, notFound, refused } from './sfu-fault.ts'
import { sfuMediaCodecs } from './media-codecs.ts'
import { sfuAnnouncedIp } from './announced-ip.ts'
import { SfuWorkerMissingError, resolveWorkerBinary, HOW_TO_GET_A_WORKER } from './worker-binary.ts'
import {
  DEFAULT_MAX_CHANNELS, DEFAULT_MAX_CONSUMERS, DEFAULT_MAX_CONSUMERS_PER_PEER, DEFAULT_MAX_TRANSPORTS_PER_PEER,
  DEFAULT_SFU_MAX_PORT, DEFAULT_SFU_MIN_PORT, DEFAULT_SPREAD_ABOVE, GRANT_SYNC_TIMEOUT_MS, INITIAL_OUTGOING_BITRATE,
  KEYFRAME_MIN_INTERVAL_MS, MAX_SFU_STREAMS, REQUEST_READ_TIMEOUT_MS, TRANSPORT_CONNECT_TIMEOUT_MS
} from './constants.ts'
import type { SfuRequest, SfuResponse } from '../../src/sfu/index.ts'
import type { ChannelModeration } from '../../src/moderation/index.ts'
import type { MediaName } from './sfu-channel.ts'
import type { WorkerSlot } from './worker-pool.ts'
import type { types } from 'mediasoup'
import type { ComponentLogger, Connection, Libp2pEvents, Logger, PeerId, Startable, Stream, TypedEventTarget } from '@libp2p/interface'
import type { Registrar } from '@libp2p/interface-internal'

export interface SfuServiceInit {
  /** mediasoup workers (default: one per core). */
  workers?: number
  /** The mediasoup-worker binary (default: MEDIASOUP_WORKER_BIN, the cached build, mediasoup's own). */
  workerBin?: string
  /** Ports of the WebRTC and plain RTP transports (default 40000-40999). */
  rtcMinPort?: number
  rtcMaxPort?: number
  /** Interface the transports listen on (default 0.0.0.0). */
  listenIp?: string
  /** Address announced to browsers and streamers (default: see sfuAnnouncedIp). */
  announcedIp?: string
  /** Offer H.264 besides VP8 (default false). */
  h264?: boolean
  maxConsumers?: number
  maxConsumersPerPeer?: number
  maxTransportsPerPeer?: number
  maxChannels?: number
  /** Receive transports on the producer's worker before viewers go to the least loaded worker. */
  spreadAbove?: number
  /** Shortest interval between one consumer's served key frame requests. */
  keyFrameIntervalMs?: number
  logLevel?: types.WorkerLogLevel
}

export interface SfuServiceComponents {
  registrar: Registrar
  logger: ComponentLogger
  events: TypedEventTarget<Libp2pEvents>
  /** Present on a relay that runs moderation: its grants say who besides the owner may produce. */
  moderation?: { join: (channel: ChannelId) => Promise<ChannelModeration> }
}

export interface SfuWorkerStats {
  index: number
  pid: number | undefined
  generation: number
  restarts: number
  transports: number
  consumers: number
}

export interface SfuStats {
  running: boolean
  workers: SfuWorkerStats[]
  channels: number
  producing: number
  transports: number
  consumers: number
  watchers: number
}

interface TransportEntry {
  transport: types.WebRtcTransport
  owner: string
  channel: SfuChannel
  slot: WorkerSlot
  generation: number
  consumers: Set<string>
  timer: ReturnType<typeof setTimeout> | undefined
}

interface ConsumerEntry {
  consumer: types.Consumer
  owner: string
  transport: TransportEntry
  lastKeyFrame: number
}

interface Settings {
  rtcMinPort: number
  rtcMaxPort: number
  listenIp: string
  maxConsumers: number
  maxConsumersPerPeer: number
  maxTransportsPerPeer: number
  maxChannels: number
  spreadAbove: number
  keyFrameIntervalMs: number
}

const DEFAULTS: Readonly<Settings> = Object.freeze({
  rtcMinPort: DEFAULT_SFU_MIN_PORT,
  rtcMaxPort: DEFAULT_SFU_MAX_PORT,
  listenIp: '0.0.0.0',
  maxConsumers: DEFAULT_MAX_CONSUMERS,
  maxConsumersPerPeer: DEFAULT_MAX_CONSUMERS_PER_PEER,
  maxTransportsPerPeer: DEFAULT_MAX_TRANSPORTS_PER_PEER,
  maxChannels: DEFAULT_MAX_CHANNELS,
  spreadAbove: DEFAULT_SPREAD_ABOVE,
  keyFrameIntervalMs: KEYFRAME_MIN_INTERVAL_MS
})

/**
 * The relay's mediasoup SFU behind `/swarmcast/sfu/1.0.0`: a worker pool, a
 * router per channel per worker, the streamer's plain-RTP producers, and
 * viewers' WebRTC receive transports and paused consumers, spread over workers
 * by load (piped from the producer's worker). Produce needs a signed
 * authorization by the channel owner or a key with the stream right; anyone may
 * consume within per-peer and total limits. A worker that dies is restarted;
 * clients learn what they lost from the watch stream and set it up again.
 */
export class SfuService implements Startable {
  readonly #components: SfuServiceComponents
  readonly #init: SfuServiceInit
  readonly #settings: Settings
  readonly #log: Logger
  readonly #codecs: types.RouterRtpCodecCapability[]
  readonly #channels = new Map<string, SfuChannel>()
  readonly #transports = new Map<string, TransportEntry>()
  readonly #consumers = new Map<string, ConsumerEntry>()
  readonly #perPeer = new Map<string, { transports: Set<string>, consumers: Set<string> }>()
  readonly #watchers = new SfuWatchers()
  #pool: WorkerPool | undefined
  #routerCapabilities: types.RtpCapabilities | undefined
  #announcedIp = ''
  #running = false
  #lastEpoch = 0

  constructor (components: SfuServiceComponents, init: SfuServiceInit) {
    this.#components = components
    this.#init = init
    this.#settings = Object.fromEntries(Object.entries(DEFAULTS).map(([k, v]) => [k, (init as Record<string, unknown>)[k] ?? v])) as unknown as Settings
    this.#log = components.logger.forComponent('swarmcast:sfu')
    this.#codecs = sfuMediaCodecs({ h264: init.h264 })
    if (!(this.#settings.rtcMinPort >= 1 && this.#settings.rtcMinPort <= this.#settings.rtcMaxPort && this.#settings.rtcMaxPort <= 65535)) {
      throw new RangeError(`SFU ports ${this.#settings.rtcMinPort}-${this.#settings.rtcMaxPort} are not a range within 1-65535`)
    }
  }

  readonly [Symbol.toStringTag] = 'swarmcast/sfu'

  /** Whether workers run and the protocol is served. */
  get running (): boolean {
    return this.#running
  }

  /** The address transports announce. */
  get announcedIp (): string {
    return this.#announcedIp
  }

  /**
   * Starts the workers and serves the protocol. Throws SfuWorkerMissingError
   * (with what to do) when there is no worker binary: call checkSfuAvailable()
   * first to run the relay without the SFU instead.
   */
  async start (): Promise<void> {
    const found = resolveWorkerBinary({ explicit: this.#init.workerBin })
    if (found == null) throw new SfuWorkerMissingError(`the SFU cannot start: no mediasoup-worker binary; ${HOW_TO_GET_A_WORKER}`)
    this.#announcedIp = sfuAnnouncedIp(this.#settings.listenIp, this.#init.announcedIp)
    const mediasoup = await import('mediasoup')
    this.#routerCapabilities = mediasoup.ortc.generateRouterRtpCapabilities(this.#codecs)
    const pool = new WorkerPool({
      size: this.#init.workers ?? availableParallelism(),
      workerBin: found.path,
      log: this.#log,
      logLevel: this.#init.logLevel,
      createWorker: async (settings) => await mediasoup.createWorker(settings)
    })
    pool.addEventListener('worker-died', (e) => { this.#onWorkerDied(e.detail.index) })
    await pool.start()
    this.#pool = pool
    this.#components.events.addEventListener('peer:disconnect', this.#onDisconnect)
    await this.#components.registrar.handle(SFU_PROTOCOL, (stream, connection) => {
      void this.#handle(stream, connection)
    }, { maxInboundStreams: MAX_SFU_STREAMS, maxOutboundStreams: 1 })
    this.#running = true
    this.#log('sfu running: %d workers, ports %d-%d, announcing %s', pool.slots.length, this.#settings.rtcMinPort, this.#settings.rtcMaxPort, this.#announcedIp)
  }

  async stop (): Promise<void> {
    if (this.#pool == null) return
    this.#running = false
    this.#components.events.removeEventListener('peer:disconnect', this.#onDisconnect)
    await this.#components.registrar.unhandle(SFU_PROTOCOL).catch(() => {})
    this.#watchers.close()
    for (const entry of this.#transports.values()) clearTimeout(entry.timer)
    for (const channel of this.#channels.values()) channel.close()
    this.#channels.clear()
    this.#transports.clear()
    this.#consumers.clear()
    this.#perPeer.clear()
    this.#pool.stop()
    this.#pool = undefined
  }

  /** Workers, channels and what they serve, for metrics and tests. */
  stats (): SfuStats {
    const workers = (this.#pool?.slots ?? []).map(s => ({ index: s.index, pid: s.worker?.pid, generation: s.generation, restarts: s.restarts, transports: s.transports, consumers: s.consumers }))
    return {
      running: this.#running,
      workers,
      channels: this.#channels.size,
      producing: [...this.#channels.values()].filter(c => c.producer != null).length,
      transports: this.#transports.size,
      consumers: this.#consumers.size,
      watchers: this.#watchers.size
    }
  }

  /** The worker index a channel's producer runs on, if it is produced. */
  producerWorker (channel: ChannelId | string): number | undefined {
    return this.#channels.get(typeof channel === 'string' ? channel : channel.text)?.producer?.slot.index
  }

  /** The worker index a receive transport lives on. */
  transportWorker (transportId: string): number | undefined {
    return this.#transports.get(transportId)?.slot.index
  }

  async #handle (stream: Stream, connection: Connection): Promise<void> {
    const lp = boundedLpStream(stream, MAX_SFU_MESSAGE_BYTES)
    const peer = connection.remotePeer
    let request: SfuRequest
    try {
      request = decodeRequest((await lp.read({ signal: AbortSignal.timeout(REQUEST_READ_TIMEOUT_MS) })).subarray())
    } catch (err) {
      this.#log('unreadable sfu request from %p: %s', peer, (err as Error).message)
      await lp.write(encodeResponse({ status: SfuStatus.BadRequest, message: `unreadable request: ${(err as Error).message}` }), { signal: AbortSignal.timeout(REQUEST_READ_TIMEOUT_MS) })
        .then(async () => { await stream.close() }, (e: Error) => { stream.abort(e) })
      return
    }
    let response: Partial<SfuResponse> & { status: SfuStatus }
    try {
      if (request.kind === SfuKind.Watch) {
        await this.#watch(request, peer.toString(), stream, lp)
        return
      }
      response = await this.#dispatch(request, peer)
    } catch (err) {
      response = this.#failure(err as Error, request, peer)
    }
    try {
      await lp.write(encodeResponse(response), { signal: AbortSignal.timeout(REQUEST_READ_TIMEOUT_MS) })
      await stream.close()
    } catch (err) {
      stream.abort(err as Error)
    }
  }

  #failure (err: Error, request: SfuRequest, peer: PeerId): Partial<SfuResponse> & { status: SfuStatus } {
    if (err instanceof SfuFault) return { status: err.status, message: err.message }
    // mediasoup checks what clients send and throws TypeError (or UnsupportedError) for what it cannot use
    if (err.name === 'TypeError' || err.name === 'UnsupportedError' || err.name === 'InvalidChannelError') return { status: SfuStatus.BadRequest, message: err.message }
    this.#log.error('sfu request %d from %p failed: %s', request.kind, peer, err.message)
    return { status: SfuStatus.Busy, message: `the SFU could not do it now (${err.message}); try again` }
  }

  async #dispatch (request: SfuRequest, peer: PeerId): Promise<Partial<SfuResponse> & { status: SfuStatus }> {
    const channel = ChannelId.fromBytes(request.channelId)
    const owner = peer.toString()
    switch (request.kind) {
      case SfuKind.Capabilities:
        return { status: SfuStatus.Ok, params: this.#routerCapabilities }
      case SfuKind.Produce:
        return await this.#produce(request, channel, peer)
      case SfuKind.CreateTransport:
        return await this.#createTransport(channel, owner)
      case SfuKind.ConnectTransport: {
        const entry = this.#ownTransport(request.transportId, owner)
        const dtlsParameters = (request.params as { dtlsParameters?: types.DtlsParameters } | undefined)?.dtlsParameters
        if (dtlsParameters == null || typeof dtlsParameters !== 'object') throw badRequest('connect needs params {dtlsParameters} from mediasoup-client\'s transport "connect" event')
        await entry.transport.connect({ dtlsParameters })
        return { status: SfuStatus.Ok }
      }
      case SfuKind.Consume:
        return await this.#consume(request, channel, owner)
      case SfuKind.Resume:
        await this.#ownConsumer(request.consumerId, owner).consumer.resume()
        return { status: SfuStatus.Ok }
      case SfuKind.RequestKeyFrame: {
        const entry = this.#ownConsumer(request.consumerId, owner)
        const now = Date.now()
        if (now - entry.lastKeyFrame < this.#settings.keyFrameIntervalMs) throw busy(`key frames are served at most every ${this.#settings.keyFrameIntervalMs} ms per consumer; one is on its way`)
        entry.lastKeyFrame = now
        await entry.consumer.requestKeyFrame()
        return { status: SfuStatus.Ok }
      }
      case SfuKind.Close:
        return this.#close(request, channel, owner)
      default:
        throw badRequest(`request kind ${request.kind} is not served here`)
    }
  }

  async #watch (request: SfuRequest, peer: string, stream: Stream, lp: ReturnType<typeof boundedLpStream<Stream>>): Promise<void> {
    const channel = ChannelId.fromBytes(request.channelId)
    const producer = this.#channels.get(channel.text)?.producer
    try {
      await this.#watchers.add(peer, channel.text, stream, lp, producer?.epoch ?? 0, producer != null ? { kind: SfuEventKind.ProducerReady, epoch: producer.epoch } : undefined)
    } catch (err) {
      if (!(err instanceof SfuFault)) throw err
      await lp.write(encodeResponse({ status: err.status, message: err.message })).then(async () => { await stream.close() }, (e: Error) => { stream.abort(e) })
    }
  }

  async #produce (request: SfuRequest, channel: ChannelId, peer: PeerId): Promise<Partial<SfuResponse> & { status: SfuStatus }> {
    let key: string
    try {
      key = await verifyProduceAuthorization(request.authorization, { channel, peer })
    } catch (err) {
      throw refused((err as Error).message)
    }
    if (!await this.#mayStream(channel, key, peer)) {
      throw refused(`key ${key} may not stream to channel ${channel.text}: only its owner or a key granted the stream right may (swarmcast mod grant --rights stream)`)
    }
    const rtp = readProduceParams(request.params)
    let sfuChannel = this.#channels.get(channel.text)
    if (sfuChannel == null) {
      if (this.#channels.size >= this.#settings.maxChannels) throw busy(`the SFU carries its maximum of ${this.#settings.maxChannels} channels; try again later`)
      sfuChannel = new SfuChannel(channel, this.#codecs)
      this.#channels.set(channel.text, sfuChannel)
    }
    const slot = this.#pool?.leastLoaded()
    if (slot == null) throw busy('no SFU worker is running now (one is restarting); try again in a moment')
    const previous = sfuChannel.producer
    let producer
    try {
      producer = await sfuChannel.produce({
        epoch: this.#nextEpoch(),
        slot,
        owner: peer.toString(),
        rtp,
        listenIp: this.#settings.listenIp,
        announcedIp: this.#announcedIp,
        portRange: { min: this.#settings.rtcMinPort, max: this.#settings.rtcMaxPort }
      })
    } catch (err) {
      if (sfuChannel.producer == null && previous == null) this.#dropChannelIfIdle(sfuChannel)
      throw err
    }
    if (previous != null) this.#watchers.toChannel(channel.text, { kind: SfuEventKind.ProducerClosed, epoch: previous.epoch, reason: 'replaced' })
    for (const p of producer.producers.values()) {
      p.on('transportclose', () => { this.#onProducerGone(sfuChannel, producer.epoch, 'worker-died') })
    }
    this.#log('channel %s produced by %p (key %s) on worker %d, epoch %d', channel.text, peer, key, slot.index, producer.epoch)
    this.#watchers.toChannel(channel.text, { kind: SfuEventKind.ProducerReady, epoch: producer.epoch })
    return {
      status: SfuStatus.Ok,
      epoch: producer.epoch,
      targets: [...producer.ports].map(([media, p]) => ({ media: media === 'video' ? SfuMedia.Video : SfuMedia.Audio, ip: this.#announcedIp, port: p.port, rtcpPort: p.rtcpPort }))
    }
  }

  // seconds since 1970 at least, so epochs keep growing across relay restarts (clients compare them)
  #nextEpoch (): number {
    this.#lastEpoch = Math.max(this.#lastEpoch + 1, Math.floor(Date.now() / 1000))
    return this.#lastEpoch
  }

  async #mayStream (channel: ChannelId, key: string, peer: PeerId): Promise<boolean> {
    if (key === channel.ownerKey) return true
    const moderation = await optionalService(this.#components, 'moderation')?.join(channel)
    if (moderation == null) return false
    if ((moderation.policy.rightsOf(key) & Right.Stream) !== 0) return true
    // the streamer holds the channel's grants: fetch its moderation log (each item is verified) and look again
    await moderation.syncFrom(peer, { signal: AbortSignal.timeout(GRANT_SYNC_TIMEOUT_MS) }).catch(() => {})
    return (moderation.policy.rightsOf(key) & Right.Stream) !== 0
  }

  async #createTransport (channel: ChannelId, owner: string): Promise<Partial<SfuResponse> & { status: SfuStatus }> {
    const sfuChannel = this.#channels.get(channel.text)
    if (sfuChannel?.producer == null) throw notFound(`channel ${channel.text} is not fed to this SFU now; watch for its producer or use the P2P/HLS path`)
    const mine = this.#peer(owner)
    if (mine.transports.size >= this.#settings.maxTransportsPerPeer) throw busy(`this peer already holds ${this.#settings.maxTransportsPerPeer} SFU transports; close one before opening another`)
    if (this.#consumers.size >= this.#settings.maxConsumers) throw busy(`the SFU serves its maximum of ${this.#settings.maxConsumers} consumers; watch over the P2P/HLS path`)
    // each receive transport holds a UDP and a TCP port of the range; leave room for the streamers' RTP inputs
    const ports = this.#settings.rtcMaxPort - this.#settings.rtcMinPort + 1
    if (this.#transports.size >= ports - 4 * Math.min(this.#channels.size, this.#settings.maxChannels)) throw busy(`the SFU's port range (${ports} ports) is full; its operator can widen --sfu-ports, or watch over the P2P/HLS path`)
    const home = sfuChannel.producer.slot
    const slot = home.worker != null && home.transports < this.#settings.spreadAbove ? home : this.#pool?.leastLoaded(home.index)
    if (slot == null) throw busy('no SFU worker is running now (one is restarting); try again in a moment')
    const router = await sfuChannel.router(slot)
    const listen = (protocol: 'udp' | 'tcp'): types.TransportListenInfo => ({
      protocol,
      ip: this.#settings.listenIp,
      announcedAddress: this.#announcedIp,
      portRange: { min: this.#settings.rtcMinPort, max: this.#settings.rtcMaxPort }
    })
    const transport = await router.createWebRtcTransport({
      listenInfos: [listen('udp'), listen('tcp')],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: INITIAL_OUTGOING_BITRATE,
      appData: { owner, channel: channel.text }
    })
    const entry: TransportEntry = { transport, owner, channel: sfuChannel, slot, generation: slot.generation, consumers: new Set(), timer: undefined }
    // a transport whose client never connects would hold its ports
    entry.timer = setTimeout(() => {
      if (transport.dtlsState !== 'connected') this.#removeTransport(entry, 'not-connected')
    }, TRANSPORT_CONNECT_TIMEOUT_MS)
    transport.on('dtlsstatechange', (state) => {
      if (state === 'connected') clearTimeout(entry.timer)
      else if (state === 'failed' || state === 'closed') this.#removeTransport(entry, `dtls-${state}`)
    })
    transport.on('routerclose', () => { this.#removeTransport(entry, 'worker-died') })
    this.#transports.set(transport.id, entry)
    mine.transports.add(transport.id)
    slot.transports++
    return {
      status: SfuStatus.Ok,
      transportId: transport.id,
      params: { iceParameters: transport.iceParameters, iceCandidates: transport.iceCandidates, dtlsParameters: transport.dtlsParameters }
    }
  }

  async #consume (request: SfuRequest, channel: ChannelId, owner: string): Promise<Partial<SfuResponse> & { status: SfuStatus }> {
    const entry = this.#ownTransport(request.transportId, owner)
    if (entry.channel.channel.text !== channel.text) throw badRequest('that transport belongs to another channel')
    if (request.media === 0) throw badRequest('consume needs media (video or audio)')
    const rtpCapabilities = (request.params as { rtpCapabilities?: types.RtpCapabilities } | undefined)?.rtpCapabilities
    if (rtpCapabilities == null || typeof rtpCapabilities !== 'object') throw badRequest('consume needs params {rtpCapabilities} (mediasoup-client\'s device.rtpCapabilities)')
    const mine = this.#peer(owner)
    if (mine.consumers.size >= this.#settings.maxConsumersPerPeer) throw busy(`this peer already holds ${this.#settings.maxConsumersPerPeer} SFU consumers; close some first`)
    if (this.#consumers.size >= this.#settings.maxConsumers) throw busy(`the SFU serves its maximum of ${this.#settings.maxConsumers} consumers; watch over the P2P/HLS path`)
    const media: MediaName = mediaName(request.media)
    const producer = await entry.channel.producerOn(entry.slot, media)
    if (producer == null) throw notFound(`channel ${channel.text} has no ${media} producer now; wait for the producer-ready event`)
    const router = await entry.channel.router(entry.slot)
    if (!router.canConsume({ producerId: producer.id, rtpCapabilities })) throw badRequest(`this device cannot receive the channel's ${media} (${producer.rtpParameters.codecs[0]?.mimeType ?? 'unknown codec'})`)
    if (!this.#transports.has(entry.transport.id)) throw notFound('the transport closed meanwhile; create another')
    const consumer = await entry.transport.consume({ producerId: producer.id, rtpCapabilities, paused: true, appData: { owner } })
    const c: ConsumerEntry = { consumer, owner, transport: entry, lastKeyFrame: 0 }
    this.#consumers.set(consumer.id, c)
    entry.consumers.add(consumer.id)
    mine.consumers.add(consumer.id)
    entry.slot.consumers++
    consumer.on('producerclose', () => { this.#removeConsumer(c, 'producer-closed') })
    consumer.on('transportclose', () => { this.#removeConsumer(c) })
    return {
      status: SfuStatus.Ok,
      consumerId: consumer.id,
      epoch: entry.channel.producer?.epoch ?? 0,
      params: { producerId: producer.id, kind: consumer.kind, rtpParameters: consumer.rtpParameters }
    }
  }

  #close (request: SfuRequest, channel: ChannelId, owner: string): Partial<SfuResponse> & { status: SfuStatus } {
    if (request.transportId !== '') {
      this.#removeTransport(this.#ownTransport(request.transportId, owner))
    } else if (request.consumerId !== '') {
      const c = this.#ownConsumer(request.consumerId, owner)
      c.consumer.close()
      this.#removeConsumer(c)
    } else {
      const sfuChannel = this.#channels.get(channel.text)
      const producer = sfuChannel?.producer
      if (sfuChannel == null || producer == null) throw notFound(`channel ${channel.text} is not produced here`)
      if (producer.owner !== owner) throw refused('only the peer that produces a channel may stop it')
      sfuChannel.closeProducer()
      this.#watchers.toChannel(channel.text, { kind: SfuEventKind.ProducerClosed, epoch: producer.epoch, reason: 'stopped' })
      this.#dropChannelIfIdle(sfuChannel)
    }
    return { status: SfuStatus.Ok }
  }

  #ownTransport (id: string, owner: string): TransportEntry {
    const entry = this.#transports.get(id)
    if (entry == null) throw notFound(`transport ${id === '' ? '(none given)' : id} does not exist (any more); create another`)
    if (entry.owner !== owner) throw refused('that transport belongs to another peer')
    return entry
  }

  #ownConsumer (id: string, owner: string): ConsumerEntry {
    const entry = this.#consumers.get(id)
    if (entry == null) throw notFound(`consumer ${id === '' ? '(none given)' : id} does not exist (any more); consume again`)
    if (entry.owner !== owner) throw refused('that consumer belongs to another peer')
    return entry
  }

  #peer (owner: string): { transports: Set<string>, consumers: Set<string> } {
    let state = this.#perPeer.get(owner)
    if (state == null) {
      state = { transports: new Set(), consumers: new Set() }
      this.#perPeer.set(owner, state)
    }
    return state
  }

  #removeConsumer (c: ConsumerEntry, reason?: string): void {
    const id = c.consumer.id
    if (!this.#consumers.delete(id)) return
    c.transport.consumers.delete(id)
    this.#perPeer.get(c.owner)?.consumers.delete(id)
    if (c.transport.slot.generation === c.transport.generation) c.transport.slot.consumers--
    if (reason != null) {
      this.#watchers.toPeer(c.owner, c.transport.channel.channel.text, { kind: SfuEventKind.ConsumerClosed, consumerId: id, transportId: c.transport.transport.id, epoch: c.transport.channel.epoch, reason })
    }
  }

  #removeTransport (entry: TransportEntry, reason?: string): void {
    const id = entry.transport.id
    if (!this.#transports.delete(id)) return
    clearTimeout(entry.timer)
    for (const consumerId of entry.consumers) {
      const c = this.#consumers.get(consumerId)
      if (c != null) this.#removeConsumer(c)
    }
    entry.transport.close()
    const mine = this.#perPeer.get(entry.owner)
    mine?.transports.delete(id)
    if (mine != null && mine.transports.size === 0 && mine.consumers.size === 0) this.#perPeer.delete(entry.owner)
    if (entry.slot.generation === entry.generation) entry.slot.transports--
    if (reason != null) {
      this.#watchers.toPeer(entry.owner, entry.channel.channel.text, { kind: SfuEventKind.TransportClosed, transportId: id, epoch: entry.channel.epoch, reason })
    }
  }

  #onProducerGone (sfuChannel: SfuChannel, epoch: number, reason: string): void {
    const producer = sfuChannel.producer
    if (producer == null || producer.epoch !== epoch) return
    sfuChannel.closeProducer()
    this.#log('channel %s lost its producer (epoch %d): %s', sfuChannel.channel.text, epoch, reason)
    this.#watchers.toChannel(sfuChannel.channel.text, { kind: SfuEventKind.ProducerClosed, epoch, reason })
  }

  #onWorkerDied (index: number): void {
    for (const sfuChannel of this.#channels.values()) {
      const epoch = sfuChannel.producer?.epoch
      const lost = sfuChannel.dropWorker(index)
      if (lost != null && epoch != null) {
        this.#log('channel %s lost its producer (epoch %d): worker %d died', sfuChannel.channel.text, epoch, index)
        this.#watchers.toChannel(sfuChannel.channel.text, { kind: SfuEventKind.ProducerClosed, epoch, reason: 'worker-died' })
      }
    }
    // mediasoup closes the transports of the dead worker ('routerclose'); catch any it did not report
    for (const entry of [...this.#transports.values()]) {
      if (entry.slot.index === index && entry.generation !== entry.slot.generation) this.#removeTransport(entry, 'worker-died')
      else if (entry.slot.index === index && entry.slot.worker == null) this.#removeTransport(entry, 'worker-died')
    }
  }

  readonly #onDisconnect = (evt: CustomEvent<PeerId>): void => {
    const owner = evt.detail.toString()
    for (const entry of [...this.#transports.values()]) if (entry.owner === owner) this.#removeTransport(entry)
    this.#perPeer.delete(owner)
    this.#watchers.close(owner)
    for (const sfuChannel of [...this.#channels.values()]) {
      const producer = sfuChannel.producer
      if (producer?.owner !== owner) continue
      sfuChannel.closeProducer()
      this.#watchers.toChannel(sfuChannel.channel.text, { kind: SfuEventKind.ProducerClosed, epoch: producer.epoch, reason: 'streamer-left' })
      this.#dropChannelIfIdle(sfuChannel)
    }
  }

  #dropChannelIfIdle (sfuChannel: SfuChannel): void {
    if (sfuChannel.producer != null) return
    for (const entry of this.#transports.values()) if (entry.channel === sfuChannel) return
    // keep the channel object (and its last ports) unless it is the only thing holding routers
    sfuChannel.close()
    this.#channels.delete(sfuChannel.channel.text)
  }
}

/** The produce params: `{ video?, audio? }` mediasoup RtpParameters, at least one. */
function readProduceParams (params: unknown): Partial<Record<MediaName, types.RtpParameters>> {
  if (params == null || typeof params !== 'object') throw badRequest('produce needs params {video, audio} with mediasoup RtpParameters')
  const { video, audio } = params as Record<string, unknown>
  const check = (value: unknown, media: MediaName): types.RtpParameters | undefined => {
    if (value == null) return undefined
    const p = value as types.RtpParameters
    if (typeof p !== 'object' || !Array.isArray(p.codecs) || p.codecs.length === 0 || !Array.isArray(p.encodings) || p.encodings.length !== 1) {
      throw badRequest(`${media} rtpParameters need codecs and exactly one encoding (with its ssrc)`)
    }
    return p
  }
  const out = { video: check(video, 'video'), audio: check(audio, 'audio') }
  if (out.video == null && out.audio == null) throw badRequest('produce needs video or audio rtpParameters')
  return out
}

/** The SFU as a libp2p service: `services: { sfu: sfu({ workers: 2 }) }`. */
export function sfu (init: SfuServiceInit = {}): (components: SfuServiceComponents) => SfuService {
  return (components) => new SfuService(components, init)
}
