// Loaded only when the SFU path is taken (dynamic import): mediasoup-client
// stays out of the bundle every viewer downloads first.
import { Device } from 'mediasoup-client'
import { SfuClient, SfuReceiver } from '../../../src/sfu/index.ts'
import type { SfuClientNode } from '../../../src/sfu/index.ts'
import type { ChannelId } from '../../../src/channel/index.ts'
import type { PeerId } from '@libp2p/interface'
import type { SfuPathState } from './path-choice.ts'

/** How often the receive connection's WebRTC stats are read. */
const STATS_INTERVAL_MS = 1_000

export interface SfuPlaybackInit {
  node: SfuClientNode
  relay: PeerId
  channel: ChannelId
  video: HTMLVideoElement
}

/** A few numbers of the receive RTCPeerConnection (getStats), summed over the session's consumers. */
export interface SfuWebRtcStats {
  /** inbound-rtp video framesDecoded / framesDropped. */
  framesDecoded: number
  framesDropped: number
  /** inbound-rtp packetsLost, audio and video. */
  packetsLost: number
  videoPacketsReceived: number
  audioPacketsReceived: number
  bytesReceived: number
  /** inbound-rtp video jitter, ms. */
  jitterMs: number | null
  /** The selected ICE candidate pair's currentRoundTripTime, ms. */
  rttMs: number | null
}

export const NO_WEBRTC_STATS: Readonly<SfuWebRtcStats> = Object.freeze({
  framesDecoded: 0, framesDropped: 0, packetsLost: 0, videoPacketsReceived: 0, audioPacketsReceived: 0, bytesReceived: 0, jitterMs: null, rttMs: null
})

export interface SfuPlaybackEvents {
  state: CustomEvent<SfuPathState>
}

interface RtcStat {
  type: string
  id: string
  kind?: string
  framesDecoded?: number
  framesDropped?: number
  packetsLost?: number
  packetsReceived?: number
  bytesReceived?: number
  jitter?: number
  currentRoundTripTime?: number
  selectedCandidatePairId?: string
  nominated?: boolean
  state?: string
}

/**
 * Plays a channel from the relay's SFU into a video element: an SfuReceiver
 * (signalling over the tab's libp2p node, media over WebRTC) whose stream
 * becomes the element's srcObject, again after every session rebuild; it
 * keeps trying until closed. Reads the receive connection's stats every
 * second for the stats panel.
 */
export class SfuPlayback extends EventTarget {
  readonly #receiver: SfuReceiver | undefined
  readonly #video: HTMLVideoElement
  readonly #timer: ReturnType<typeof setInterval>
  #webrtc: SfuWebRtcStats = NO_WEBRTC_STATS
  #error: string | null = null
  #closed = false

  constructor (init: SfuPlaybackInit) {
    super()
    this.#video = init.video
    let device: Device
    try {
      device = new Device()
    } catch (err) {
      // no handler for this browser's WebRTC
      this.#error = `this browser's WebRTC cannot receive from the SFU: ${(err as Error).message}`
      this.#timer = setInterval(() => {}, STATS_INTERVAL_MS)
      queueMicrotask(() => { this.dispatchEvent(new CustomEvent('state', { detail: 'closed' })) })
      return
    }
    const receiver = new SfuReceiver({ client: new SfuClient({ node: init.node, relay: init.relay }), channel: init.channel, device })
    this.#receiver = receiver
    receiver.addEventListener('tracks', () => {
      if (this.#closed) return
      this.#video.srcObject = receiver.stream
      void this.#video.play().catch(() => {})
    })
    receiver.addEventListener('state', (e) => {
      if (e.detail === 'playing') this.#error = null
      this.dispatchEvent(new CustomEvent('state', { detail: e.detail }))
    })
    receiver.addEventListener('error', (e) => { this.#error = e.detail.message })
    // SfuTimeoutError after 30 s: the receiver goes on trying, the state says where it is
    receiver.start().catch((err: Error) => { if (!this.#closed) this.#error = err.message })
    this.#timer = setInterval(() => { void this.#poll() }, STATS_INTERVAL_MS)
  }

  get state (): SfuPathState {
    return this.#receiver?.state ?? 'closed'
  }

  /** The last failure, until playback works again. */
  get error (): string | null {
    return this.#error
  }

  get sessions (): number {
    return this.#receiver?.stats.sessions ?? 0
  }

  get epoch (): number {
    return this.#receiver?.stats.epoch ?? 0
  }

  get webrtc (): SfuWebRtcStats {
    return this.#webrtc
  }

  async #poll (): Promise<void> {
    const report = await this.#receiver?.getStats().catch(() => undefined)
    if (this.#closed) return
    if (report == null) {
      this.#webrtc = NO_WEBRTC_STATS
      return
    }
    const stats: SfuWebRtcStats = { ...NO_WEBRTC_STATS }
    const all = new Map<string, RtcStat>()
    report.forEach((s: RtcStat) => { all.set(s.id, s) })
    let pair: RtcStat | undefined
    for (const s of all.values()) {
      if (s.type === 'inbound-rtp') {
        stats.packetsLost += s.packetsLost ?? 0
        stats.bytesReceived += s.bytesReceived ?? 0
        if (s.kind === 'video') {
          stats.videoPacketsReceived += s.packetsReceived ?? 0
          stats.framesDecoded += s.framesDecoded ?? 0
          stats.framesDropped += s.framesDropped ?? 0
          if (s.jitter != null) stats.jitterMs = Math.round(s.jitter * 1000 * 10) / 10
        } else if (s.kind === 'audio') {
          stats.audioPacketsReceived += s.packetsReceived ?? 0
        }
      } else if (s.type === 'transport' && s.selectedCandidatePairId != null) {
        pair = all.get(s.selectedCandidatePairId)
      }
    }
    pair ??= [...all.values()].find(s => s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded')
    if (pair?.currentRoundTripTime != null) stats.rttMs = Math.round(pair.currentRoundTripTime * 1000 * 10) / 10
    this.#webrtc = stats
  }

  /** Stops receiving and detaches from the element; safe twice. */
  close (): void {
    if (this.#closed) return
    this.#closed = true
    clearInterval(this.#timer)
    this.#receiver?.close()
    this.#video.srcObject = null
  }
}
