import { TypedEventEmitter } from 'main-event'
import { logger } from '@libp2p/logger'
import { SfuClient, SfuEventKind, SfuMedia } from '../../src/sfu/index.ts'
import { INGEST_DEFAULTS } from '../ingest/index.ts'
import { RtpFeed } from './rtp-feed.ts'
import { feedRtpParameters, randomSsrcs } from './rtp-args.ts'
import { findSfuRelay } from './find-sfu-relay.ts'
import { PRODUCE_RETRY_MS } from './constants.ts'
import type { RtpDestination } from './rtp-args.ts'
import type { RtpFeedStatus } from './rtp-feed.ts'
import type { IngestInput } from '../ingest/index.ts'
import type { ChannelId } from '../../src/channel/index.ts'
import type { Identity } from '../../src/identity/index.ts'
import type { SfuRtpTarget } from '../../src/sfu/index.ts'
import type { Libp2p, Logger, PeerId } from '@libp2p/interface'

/** What the feed is doing: `producing` = the relay's SFU has our stream. */
export type SfuFeedState = 'producing' | 'reproducing' | 'refused' | 'waiting' | 'stopped'

export interface SfuFeedStatus {
  state: SfuFeedState
  message: string
}

export interface SfuFeedEvents {
  status: CustomEvent<SfuFeedStatus>
  /** The SFU accepted a produce: where the RTP goes, and the producer's epoch. */
  produced: CustomEvent<{ targets: SfuRtpTarget[], epoch: number, ffmpegRestarted: boolean }>
  /** The feed's ffmpeg status (starting, running, restarting). */
  ffmpeg: CustomEvent<RtpFeedStatus>
}

export interface SfuFeedInit {
  node: Pick<Libp2p, 'peerId' | 'dialProtocol' | 'peerStore' | 'getConnections' | 'addEventListener' | 'removeEventListener'>
  /** Signs the produce authorization: the channel owner or a key granted the stream right. */
  identity: Identity
  channel: ChannelId
  /** testsrc or a file (an RTMP input has one publisher: see SfuFeedInputError). */
  input: IngestInput
  /** The relay to feed; else the first of `bootstrap` whose identify offers the SFU. */
  relayPeer?: PeerId
  bootstrap?: string[]
  /** Video bitrate, bits/s (default 2.5 Mbit/s). */
  bitrate?: number
  /** `WIDTHxHEIGHT` (default 1280x720). */
  videoSize?: string
  fps?: number
  /** Whether a file input has audio (default true). */
  fileHasAudio?: boolean
  ffmpegPath?: string
  /** Stops the feed when it aborts. */
  signal?: AbortSignal
  log?: Logger
}

/** A running feed; `close()` stops producing and ffmpeg, and is safe twice. */
export interface SfuFeed {
  readonly relay: PeerId
  readonly client: SfuClient
  readonly events: TypedEventEmitter<SfuFeedEvents>
  readonly status: SfuFeedStatus
  /** The producer epoch on the relay now (0 before the first produce). */
  readonly epoch: number
  /** The feed ffmpeg's pid while it runs. */
  readonly ffmpegPid: number | undefined
  close: () => Promise<void>
}

/** The input cannot be fed to the SFU by a second ffmpeg. */
export class SfuFeedInputError extends Error {
  override readonly name = 'SfuFeedInputError'
}

/**
 * Sends the stream to the relay's SFU as well: produce (signed by `identity`)
 * → an ffmpeg sending VP8 + Opus RTP to the targets → follow the relay's watch
 * stream, and produce again when the producer is lost (a worker died, the
 * connection dropped). When the relay gives the same ports back, ffmpeg keeps
 * running; otherwise it is restarted with the new ones. Resolves undefined when
 * no relay offers the SFU.
 */
export async function startSfuFeed (init: SfuFeedInit): Promise<SfuFeed | undefined> {
  if (init.input.kind === 'rtmp') {
    throw new SfuFeedInputError('an RTMP input has a single publisher, which the HLS ingest takes; the SFU feed needs testsrc or a file for now')
  }
  const relay = init.relayPeer ?? await findSfuRelay(init.node, init.bootstrap ?? [], { signal: init.signal })
  if (relay == null) return undefined
  const feed = new Feed(init, relay)
  feed.start()
  return feed
}

class Feed implements SfuFeed {
  readonly relay: PeerId
  readonly client: SfuClient
  readonly events = new TypedEventEmitter<SfuFeedEvents>()
  readonly #init: SfuFeedInit
  readonly #abort = new AbortController()
  readonly #log: Logger
  readonly #ssrcs = randomSsrcs()
  #status: SfuFeedStatus = { state: 'waiting', message: 'starting' }
  #epoch = 0
  #rtp: RtpFeed | undefined
  #dest: { video: RtpDestination, audio: RtpDestination } | undefined
  #lost: ((reason: string) => void) | undefined
  #running: Promise<void> | undefined
  #closing: Promise<void> | undefined

  constructor (init: SfuFeedInit, relay: PeerId) {
    this.#init = init
    this.relay = relay
    this.client = new SfuClient({ node: init.node, relay })
    this.#log = init.log ?? logger('swarmcast:sfu-feed')
    if (init.signal != null) init.signal.addEventListener('abort', () => { void this.close() }, { once: true })
  }

  get status (): SfuFeedStatus {
    return this.#status
  }

  get epoch (): number {
    return this.#epoch
  }

  get ffmpegPid (): number | undefined {
    return this.#rtp?.pid
  }

  start (): void {
    this.#running ??= this.#run()
  }

  async #run (): Promise<void> {
    const signal = this.#abort.signal
    void this.#watch()
    while (!signal.aborted) {
      // armed before produce, so a loss reported right after it is not missed
      const lost = new Promise<string>(resolve => { this.#lost = resolve })
      try {
        const { targets, epoch } = await this.client.produce(this.#init.channel, this.#init.identity, feedRtpParameters(this.#ssrcs), { signal })
        this.#epoch = epoch
        const restarted = await this.#feedTo(targets)
        this.events.safeDispatchEvent('produced', { detail: { targets, epoch, ffmpegRestarted: restarted } })
        this.#setStatus('producing', `the relay's SFU carries the stream (epoch ${epoch})`)
      } catch (err) {
        if (signal.aborted) break
        const e = err as Error
        this.#setStatus(e.name === 'SfuRefusedError' ? 'refused' : 'waiting', `${e.message}; trying again in ${PRODUCE_RETRY_MS / 1000} s`)
        await sleep(PRODUCE_RETRY_MS, signal)
        continue
      }
      const reason = await lost
      if (signal.aborted) break
      this.#setStatus('reproducing', `the SFU lost the stream (${reason}); producing again`)
    }
  }

  // Starts ffmpeg towards `targets`, or keeps the running one when they did not change. Returns whether it (re)started.
  async #feedTo (targets: SfuRtpTarget[]): Promise<boolean> {
    const find = (media: SfuMedia): RtpDestination => {
      const t = targets.find(t => t.media === media)
      if (t == null) throw new Error(`the SFU gave no ${media === SfuMedia.Video ? 'video' : 'audio'} target`)
      return { ip: t.ip, port: t.port, rtcpPort: t.rtcpPort !== 0 ? t.rtcpPort : t.port }
    }
    const dest = { video: find(SfuMedia.Video), audio: find(SfuMedia.Audio) }
    if (this.#rtp != null && this.#dest != null && same(dest.video, this.#dest.video) && same(dest.audio, this.#dest.audio)) return false
    await this.#rtp?.stop()
    const rtp = new RtpFeed({
      input: this.#init.input,
      video: dest.video,
      audio: dest.audio,
      ssrcs: this.#ssrcs,
      bitrate: this.#init.bitrate ?? INGEST_DEFAULTS.bitrate,
      videoSize: this.#init.videoSize ?? INGEST_DEFAULTS.videoSize,
      fps: this.#init.fps ?? INGEST_DEFAULTS.fps,
      fileHasAudio: this.#init.fileHasAudio,
      ffmpegPath: this.#init.ffmpegPath,
      log: this.#log
    })
    rtp.addEventListener('status', (e) => { this.events.safeDispatchEvent('ffmpeg', { detail: e.detail }) })
    this.#rtp = rtp
    this.#dest = dest
    await rtp.start()
    if (this.#abort.signal.aborted) await rtp.stop()
    return true
  }

  // Follows the channel's SFU events: our producer closing means produce again.
  async #watch (): Promise<void> {
    const signal = this.#abort.signal
    while (!signal.aborted) {
      try {
        for await (const event of this.client.watch(this.#init.channel, { signal })) {
          if (event.kind === SfuEventKind.ProducerClosed && event.epoch === this.#epoch) this.#lost?.(event.reason)
        }
      } catch (err) {
        this.#log('sfu watch failed: %s', (err as Error).message)
      }
      if (signal.aborted) return
      // without a connection the relay dropped our producer; with one the watch just ended: watch again
      if (this.#init.node.getConnections(this.relay).length === 0) this.#lost?.('the connection to the relay was lost')
      await sleep(PRODUCE_RETRY_MS / 5, signal)
    }
  }

  readonly close = async (): Promise<void> => {
    this.#closing ??= (async () => {
      this.#abort.abort()
      this.#lost?.('closed')
      await this.#rtp?.stop()
      if (this.#epoch !== 0) await this.client.stopProducing(this.#init.channel, { signal: AbortSignal.timeout(2_000) }).catch(() => {})
      this.#setStatus('stopped', 'the SFU feed stopped')
    })()
    await this.#closing
  }

  #setStatus (state: SfuFeedState, message: string): void {
    this.#status = { state, message }
    this.#log('%s: %s', state, message)
    this.events.safeDispatchEvent('status', { detail: this.#status })
  }
}

function same (a: RtpDestination, b: RtpDestination): boolean {
  return a.ip === b.ip && a.port === b.port && a.rtcpPort === b.rtcpPort
}

async function sleep (ms: number, signal: AbortSignal): Promise<void> {
  await new Promise<void>(resolve => {
    const timer = setTimeout(done, ms)
    function done (): void {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}
