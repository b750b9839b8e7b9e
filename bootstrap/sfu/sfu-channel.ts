import type { types } from 'mediasoup'
import type { ChannelId } from '../../src/channel/index.ts'
import type { WorkerSlot } from './worker-pool.ts'

export type MediaName = 'video' | 'audio'

/** Where the streamer's RTP for one medium goes. */
export interface RtpPorts {
  port: number
  rtcpPort: number
}

/** The channel's plain-RTP input: transports and producers on one worker. */
export interface ChannelProducer {
  readonly slot: WorkerSlot
  readonly generation: number
  /** The libp2p peer feeding it (text form); it alone may stop it. */
  readonly owner: string
  readonly epoch: number
  readonly transports: types.PlainTransport[]
  readonly producers: Map<MediaName, types.Producer>
  readonly ports: Map<MediaName, RtpPorts>
}

export interface ProduceInit {
  /** Grows with every produce on the SFU, across channels and restarts: tells clients which producer an event is about. */
  epoch: number
  slot: WorkerSlot
  owner: string
  rtp: Partial<Record<MediaName, types.RtpParameters>>
  listenIp: string
  announcedIp?: string
  portRange: { min: number, max: number }
}

/**
 * One channel on the SFU: a router per worker that serves it (made on first
 * use), the producers fed by the streamer's RTP on one of them, and the
 * producers piped from there into the others (pipeToRouter), so viewers can be
 * spread over workers.
 */
export class SfuChannel {
  readonly channel: ChannelId
  /** The current or last producer's epoch (0 before any). */
  epoch = 0
  producer: ChannelProducer | undefined
  /** The last ports per medium: a re-produce (after a worker restart) asks for them again, so a running ffmpeg keeps working. */
  readonly lastPorts = new Map<MediaName, RtpPorts>()
  readonly #codecs: types.RouterRtpCodecCapability[]
  readonly #routers = new Map<number, { generation: number, router: Promise<types.Router> }>()
  readonly #piped = new Map<number, { generation: number, epoch: number, producers: Promise<Map<MediaName, types.Producer>> }>()

  constructor (channel: ChannelId, codecs: types.RouterRtpCodecCapability[]) {
    this.channel = channel
    this.#codecs = codecs
  }

  /** The channel's router on `slot`'s current worker (made once per worker generation). */
  async router (slot: WorkerSlot): Promise<types.Router> {
    const worker = slot.worker
    if (worker == null) throw new Error(`sfu worker ${slot.index} is restarting`)
    const known = this.#routers.get(slot.index)
    if (known != null && known.generation === slot.generation) return await known.router
    const router = worker.createRouter({ mediaCodecs: this.#codecs, appData: { channel: this.channel.text } })
    this.#routers.set(slot.index, { generation: slot.generation, router })
    router.catch(() => { if (this.#routers.get(slot.index)?.router === router) this.#routers.delete(slot.index) })
    return await router
  }

  /** Replaces the producer with a new plain-RTP input on `init.slot` (comedia: the first packet's source becomes the sender). */
  async produce (init: ProduceInit): Promise<ChannelProducer> {
    this.closeProducer()
    const epoch = init.epoch
    this.epoch = epoch
    const router = await this.router(init.slot)
    const transports: types.PlainTransport[] = []
    const producers = new Map<MediaName, types.Producer>()
    const ports = new Map<MediaName, RtpPorts>()
    try {
      for (const media of ['video', 'audio'] as const) {
        const rtpParameters = init.rtp[media]
        if (rtpParameters == null) continue
        const transport = await this.#plainTransport(router, init, this.lastPorts.get(media))
        transports.push(transport)
        producers.set(media, await transport.produce({ kind: media, rtpParameters, appData: { channel: this.channel.text } }))
        const p = { port: transport.tuple.localPort, rtcpPort: transport.rtcpTuple?.localPort ?? transport.tuple.localPort }
        ports.set(media, p)
        this.lastPorts.set(media, p)
      }
    } catch (err) {
      for (const t of transports) t.close()
      throw err
    }
    const producer: ChannelProducer = { slot: init.slot, generation: init.slot.generation, owner: init.owner, epoch, transports, producers, ports }
    this.producer = producer
    return producer
  }

  async #plainTransport (router: types.Router, init: ProduceInit, last: RtpPorts | undefined): Promise<types.PlainTransport> {
    const info = (port?: number): types.TransportListenInfo => ({
      protocol: 'udp',
      ip: init.listenIp,
      announcedAddress: init.announcedIp,
      ...(port != null ? { port } : { portRange: init.portRange })
    })
    // rtcpMux off: ffmpeg sends RTCP from a second socket, which comedia would not match on a muxed port
    const options = (rtp?: number, rtcp?: number): types.PlainTransportOptions => ({ listenInfo: info(rtp), rtcpListenInfo: info(rtcp), rtcpMux: false, comedia: true })
    if (last != null) {
      try {
        return await router.createPlainTransport(options(last.port, last.rtcpPort))
      } catch {
        // the old ports are taken now: any free ones will do, the feed restarts its ffmpeg
      }
    }
    return await router.createPlainTransport(options())
  }

  /**
   * The producer of `media` as seen from `slot`'s router: the original on the
   * producing worker, a piped copy elsewhere (made once per worker and epoch).
   */
  async producerOn (slot: WorkerSlot, media: MediaName): Promise<types.Producer | undefined> {
    const producer = this.producer
    if (producer == null) return undefined
    const original = producer.producers.get(media)
    if (original == null || original.closed) return undefined
    if (slot.index === producer.slot.index) return original
    let piped = this.#piped.get(slot.index)
    if (piped == null || piped.generation !== slot.generation || piped.epoch !== producer.epoch) {
      const entry = { generation: slot.generation, epoch: producer.epoch, producers: this.#pipe(producer, slot) }
      this.#piped.set(slot.index, entry)
      entry.producers.catch(() => { if (this.#piped.get(slot.index) === entry) this.#piped.delete(slot.index) })
      piped = entry
    }
    const found = (await piped.producers).get(media)
    return found == null || found.closed ? undefined : found
  }

  async #pipe (producer: ChannelProducer, slot: WorkerSlot): Promise<Map<MediaName, types.Producer>> {
    const source = await this.router(producer.slot)
    const target = await this.router(slot)
    const out = new Map<MediaName, types.Producer>()
    for (const [media, p] of producer.producers) {
      const { pipeProducer } = await source.pipeToRouter({ producerId: p.id, router: target })
      if (pipeProducer != null) out.set(media, pipeProducer)
    }
    return out
  }

  /** Closes the producer (its consumers, piped ones too, get `producerclose`). */
  closeProducer (): ChannelProducer | undefined {
    const producer = this.producer
    if (producer == null) return undefined
    this.producer = undefined
    for (const p of producer.producers.values()) p.close()
    for (const t of producer.transports) t.close()
    for (const piped of this.#piped.values()) piped.producers.then(m => { for (const p of m.values()) p.close() }, () => {})
    this.#piped.clear()
    return producer
  }

  /**
   * Forgets what lived on a dead worker. Returns the producer if it lived
   * there (it is gone; the streamer has to produce again).
   */
  dropWorker (index: number): ChannelProducer | undefined {
    this.#routers.delete(index)
    this.#piped.delete(index)
    if (this.producer?.slot.index !== index) return undefined
    return this.closeProducer()
  }

  close (): void {
    this.closeProducer()
    for (const r of this.#routers.values()) r.router.then(router => { router.close() }, () => {})
    this.#routers.clear()
  }
}
