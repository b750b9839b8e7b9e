import { MseFeeder } from './mse-feeder.ts'
import { LiveEdge } from './live-edge.ts'
import { VideoMetrics } from './video-metrics.ts'
import { PathChooser } from './path-choice.ts'
import type { PlayerProblem } from './mse-feeder.ts'
import type { PathChoice, PathRules, PlayPath, SfuPathState } from './path-choice.ts'
import type { VideoMetricsSnapshot } from './video-metrics.ts'
import type { SfuPlayback, SfuWebRtcStats } from './sfu-playback.ts'
import type { PlayedSegment, Viewer } from '../../../src/video/index.ts'
import type { SfuClientNode } from '../../../src/sfu/index.ts'
import type { ChannelId } from '../../../src/channel/index.ts'
import type { PeerId } from '@libp2p/interface'

/** How often the path rule looks at the P2P path and the SFU. */
const TICK_MS = 500
/** Live, but no segment handed to the player for this long: the sources are not delivering. */
const NO_SEGMENT_MS = 10_000
/** Extra media (beyond the target latency) put back into MSE when the P2P path resumes. */
const RESUME_EXTRA_MS = 4_000
const RESUME_MAX_SEGMENTS = 12
/** With no new segment for this long (or 4 segment durations), the stream is not live. */
const NOT_LIVE_AFTER_MS = 6_000

/** What the player needs to use a relay's SFU. */
export interface SfuAccess {
  node: SfuClientNode
  relay: PeerId
  channel: ChannelId
}

/** The SFU path's numbers for the stats panel and `window.swarmcast.stats()`. */
export interface SfuPathStats extends SfuWebRtcStats {
  state: SfuPathState
  /** Sessions the receiver set up (1 + recoveries). */
  sessions: number
  epoch: number
  /** ms from taking the SFU path to its first frame on screen; null before. */
  firstFrameAfterMs: number | null
  error: string | null
}

export interface PlayerEngineState {
  /** The path the rule chose. */
  choice: PathChoice
  /** The element on screen: MSE plays on until the SFU shows its first frame. */
  shown: PlayPath
  /** The relay offers an SFU (the "Low latency" switch shows). */
  sfuOffered: boolean
  /** MSE cannot play here at all: the SFU is the only way. */
  mseImpossible: boolean
  /** Why MSE failed, if it did. */
  problem: PlayerProblem | null
  /** The shown path has media (MSE appended some, or the SFU presented a frame). */
  hasMedia: boolean
  sfuState: SfuPathState | null
  muted: boolean
  volume: number
}

export interface PlayerEngineInit {
  viewer: Viewer
  mseVideo: HTMLVideoElement
  sfuVideo: HTMLVideoElement
  targetMs: number
  rules?: Partial<PathRules>
}

interface MseRun {
  feeder: MseFeeder
  edge: LiveEdge
  metrics: VideoMetrics
  appended: boolean
}

interface SfuRun {
  access: SfuAccess
  metrics: VideoMetrics
  startedAt: number
  playback: SfuPlayback | undefined
  state: SfuPathState
}

/**
 * The player without its markup: plays the core Viewer's segments through
 * MSE on one video element, or the relay's SFU over WebRTC on another, as the
 * PathChooser says. Taking the SFU, MSE plays on until the SFU's first frame
 * (then stops appending; the swarm core keeps running); going back, MSE starts
 * again from the recent segments the swarm window holds. Tells `change`.
 */
export class PlayerEngine extends EventTarget {
  readonly #viewer: Viewer
  readonly #mseVideo: HTMLVideoElement
  readonly #sfuVideo: HTMLVideoElement
  readonly #targetMs: number
  readonly #chooser: PathChooser
  readonly #timer: ReturnType<typeof setInterval>
  #mse: MseRun | undefined
  #sfu: SfuRun | undefined
  #access: SfuAccess | undefined
  #shown: PlayPath = 'mse'
  #problem: PlayerProblem | null = null
  #lastSeq: number | undefined
  #lastSegmentAt: number
  #liveSince: number | undefined
  #muted = true
  #volume = 1
  #closed = false
  #lastKey = ''

  constructor (init: PlayerEngineInit) {
    super()
    this.#viewer = init.viewer
    this.#mseVideo = init.mseVideo
    this.#sfuVideo = init.sfuVideo
    this.#targetMs = init.targetMs
    this.#chooser = new PathChooser(init.rules)
    this.#lastSegmentAt = Date.now()
    this.#viewer.addEventListener('segment', this.#onSegment)
    this.#reconcile()
    // the viewer starts once the player listens, so no segment is handed out unseen
    this.#viewer.start()
    this.#timer = setInterval(() => { this.#tick() }, TICK_MS)
  }

  get state (): PlayerEngineState {
    const shownHasMedia = this.#shown === 'sfu' ? this.#sfu?.metrics.firstFrameAt != null : this.#mse?.appended === true
    return {
      choice: this.#chooser.choice,
      shown: this.#shown,
      sfuOffered: this.#access != null,
      mseImpossible: this.#chooser.mseImpossible,
      problem: this.#problem,
      hasMedia: shownHasMedia,
      sfuState: this.#sfu?.state ?? null,
      muted: this.#muted,
      volume: this.#volume
    }
  }

  /** The element on screen (controls act on it). */
  get video (): HTMLVideoElement {
    return this.#shown === 'sfu' ? this.#sfuVideo : this.#mseVideo
  }

  /** The MSE live edge, when MSE is on screen. */
  get edge (): LiveEdge | undefined {
    return this.#shown === 'mse' ? this.#mse?.edge : undefined
  }

  /** The shown element's metrics. */
  metrics (): VideoMetricsSnapshot | null {
    return (this.#shown === 'sfu' ? this.#sfu?.metrics : this.#mse?.metrics)?.snapshot() ?? null
  }

  behindLiveS (): number {
    return this.edge?.state().behindS ?? 0
  }

  sfuStats (): SfuPathStats | null {
    const run = this.#sfu
    if (run == null) return null
    const p = run.playback
    const first = run.metrics.firstFrameAt
    return {
      state: run.state,
      sessions: p?.sessions ?? 0,
      epoch: p?.epoch ?? 0,
      firstFrameAfterMs: first == null ? null : Math.round(first - run.startedAt),
      error: p?.error ?? null,
      ...(p?.webrtc ?? EMPTY_WEBRTC)
    }
  }

  /** The relay's SFU, or null when no relay offers one. */
  setSfu (access: SfuAccess | null): void {
    if (this.#closed) return
    const same = access != null && this.#access != null && access.relay.equals(this.#access.relay) && access.channel.text === this.#access.channel.text
    if (same || (access == null && this.#access == null)) return
    this.#access = access ?? undefined
    this.#chooser.setOffered(access != null)
    this.#reconcile()
  }

  /** The "Low latency" switch. */
  setLowLatency (on: boolean): void {
    this.#chooser.setLowLatency(on, Date.now())
    this.#reconcile()
  }

  setMuted (muted: boolean): void {
    this.#muted = muted
    if (!muted && this.#volume === 0) this.#volume = 0.5
    this.#applyAudio()
    this.#changed()
  }

  setVolume (volume: number): void {
    this.#volume = volume
    this.#muted = volume === 0
    this.#applyAudio()
    this.#changed()
  }

  goLive (): void {
    this.edge?.goLive()
  }

  #onSegment = (evt: CustomEvent<PlayedSegment>): void => {
    this.#lastSeq = evt.detail.announcement.seq
    this.#lastSegmentAt = Date.now()
    this.#mse?.feeder.push(evt.detail)
  }

  #tick (): void {
    const now = Date.now()
    this.#chooser.observe({ now, live: this.#isLive(now), hasSource: this.#hasSource(now) })
    if (this.#sfu != null) this.#chooser.sfuState(this.#sfu.state, now)
    this.#reconcile()
  }

  // Announcements keep coming, recently enough.
  #isLive (now: number): boolean {
    const newest = this.#viewer.swarm.window.newest
    const live = newest != null && !this.#viewer.stats().offline && now - newest.timestamp < Math.max(NOT_LIVE_AFTER_MS, 4 * newest.duration)
    if (!live) this.#liveSince = undefined
    else this.#liveSince ??= now
    return live
  }

  // A peer holds segments or an origin is known, and segments did reach the player lately.
  #hasSource (now: number): boolean {
    const swarm = this.#viewer.swarm
    const somewhere = swarm.origins().length > 0 || [...swarm.neighbours.values()].some(n => n.haves.size > 0)
    const since = Math.max(this.#lastSegmentAt, this.#liveSince ?? 0)
    return somewhere && now - since < NO_SEGMENT_MS
  }

  // Brings the running pieces in line with the choice.
  #reconcile (): void {
    if (this.#closed) return
    const choice = this.#chooser.choice
    const wantSfu = choice.path === 'sfu' && this.#access != null
    const mseUsable = !this.#chooser.mseImpossible

    if (wantSfu && this.#sfu != null && !this.#sfu.access.relay.equals(this.#access!.relay)) this.#stopSfu()
    if (wantSfu && this.#sfu == null) this.#startSfu(this.#access!)
    if (!wantSfu && this.#sfu != null) this.#stopSfu()

    const sfuFramed = this.#sfu?.metrics.firstFrameAt != null
    this.#shown = wantSfu && (sfuFramed || !mseUsable) ? 'sfu' : 'mse'

    const mseRun = mseUsable && this.#shown === 'mse'
    if (mseRun && this.#mse == null) this.#startMse()
    if (!mseRun && this.#mse != null) this.#stopMse()
    this.#applyAudio()
    this.#changed()
  }

  #startMse (): void {
    const video = this.#mseVideo
    const feeder = new MseFeeder(video)
    const run: MseRun = { feeder, edge: new LiveEdge(video, this.#targetMs), metrics: new VideoMetrics(video), appended: false }
    this.#problem = null
    feeder.addEventListener('appended', () => {
      run.appended = true
      run.edge.tick()
    })
    feeder.addEventListener('problem', (evt) => {
      const problem = (evt as CustomEvent<PlayerProblem>).detail
      this.#problem = problem
      this.#chooser.mseFault(problem.kind)
      this.#reconcile()
    })
    run.metrics.addEventListener('stall', () => {
      this.#chooser.stall(Date.now())
      this.#reconcile()
    })
    this.#mse = run
    // back from the SFU: the recent segments the window holds, so playback starts with a buffer
    for (const segment of this.#recentSegments()) feeder.push(segment)
  }

  #stopMse (): void {
    const run = this.#mse
    if (run == null) return
    this.#mse = undefined
    run.edge.close()
    run.metrics.close()
    run.feeder.close()
  }

  // The last segments handed out, up to the target latency and a little more, oldest first.
  #recentSegments (): PlayedSegment[] {
    const window = this.#viewer.swarm.window
    const out: PlayedSegment[] = []
    let ms = 0
    for (let seq = this.#lastSeq; seq != null && ms < this.#targetMs + RESUME_EXTRA_MS && out.length < RESUME_MAX_SEGMENTS; seq--) {
      const announcement = window.announcement(seq)
      const bytes = window.segment(seq)
      const init = announcement != null ? window.init(announcement.initId) : undefined
      if (announcement == null || bytes == null || init == null) break
      out.unshift({ announcement, bytes, init })
      ms += announcement.duration
    }
    return out
  }

  #startSfu (access: SfuAccess): void {
    const run: SfuRun = { access, metrics: new VideoMetrics(this.#sfuVideo), startedAt: performance.now(), playback: undefined, state: 'connecting' }
    this.#sfu = run
    run.metrics.addEventListener('first-frame', () => { this.#reconcile() })
    // mediasoup-client is loaded on first use
    import('./sfu-playback.ts').then(({ SfuPlayback }) => {
      if (this.#sfu !== run) return
      const playback = new SfuPlayback({ ...access, video: this.#sfuVideo })
      run.playback = playback
      playback.addEventListener('state', (evt) => {
        run.state = (evt as CustomEvent<SfuPathState>).detail
        this.#chooser.sfuState(run.state, Date.now())
        this.#reconcile()
      })
    }, (err: Error) => {
      run.state = 'closed'
      this.#problem = { kind: 'append-failed', message: `the low-latency player could not be loaded (${err.message}); reload the page` }
      this.#changed()
    })
  }

  #stopSfu (): void {
    const run = this.#sfu
    if (run == null) return
    this.#sfu = undefined
    run.playback?.close()
    run.metrics.close()
    this.#sfuVideo.srcObject = null
  }

  // Sound from the shown element only (both play while switching).
  #applyAudio (): void {
    const shown = this.video
    for (const v of [this.#mseVideo, this.#sfuVideo]) {
      const muted = v === shown ? this.#muted : true
      if (v.volume !== this.#volume) v.volume = this.#volume
      if (v.muted !== muted) v.muted = muted
    }
  }

  // tells `change` when something the player shows changed
  #changed (): void {
    const s = this.state
    const key = [s.choice.path, s.choice.reason, s.shown, s.sfuOffered, s.mseImpossible, s.problem?.message, s.hasMedia, s.sfuState, s.muted, s.volume].join('|')
    if (key === this.#lastKey) return
    this.#lastKey = key
    this.dispatchEvent(new Event('change'))
  }

  /** Stops both paths (the swarm core is the session's); safe twice. */
  close (): void {
    if (this.#closed) return
    this.#closed = true
    clearInterval(this.#timer)
    this.#viewer.removeEventListener('segment', this.#onSegment)
    this.#stopSfu()
    this.#stopMse()
  }
}

const EMPTY_WEBRTC: SfuWebRtcStats = {
  framesDecoded: 0, framesDropped: 0, packetsLost: 0, videoPacketsReceived: 0, audioPacketsReceived: 0, bytesReceived: 0, jitterMs: null, rttMs: null
}
