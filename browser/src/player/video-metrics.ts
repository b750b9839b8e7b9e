import { bufferAhead } from './live-edge.ts'

export interface VideoMetricsSnapshot {
  /** ms from navigation start to the first frame on screen; null before it. */
  firstFrameMs: number | null
  currentTime: number
  /** Media seconds played through since the first frame (seeks and jumps aside). */
  playedS: number
  bufferS: number
  paused: boolean
  muted: boolean
  /** Times playback waited for data after the first frame, and for how long in all. */
  stalls: number
  stallMs: number
  framesDecoded: number
  framesDropped: number
  error: string | null
}

type FrameCallbackVideo = HTMLVideoElement & { requestVideoFrameCallback?: (cb: () => void) => number }

export interface VideoMetricsEvents {
  /** The first frame is on screen (`firstFrameMs` is set). */
  'first-frame': Event
  /** Playback waited for data after the first frame. */
  stall: Event
}

/**
 * What the video element itself reports: the first rendered frame (via
 * requestVideoFrameCallback where there is one), stalls after it, the buffer
 * ahead and frame counts. Tells `first-frame` and `stall` as events.
 */
export class VideoMetrics extends EventTarget {
  readonly #video: HTMLVideoElement
  #firstFrameMs: number | null = null
  #playedS = 0
  #lastTime: number | undefined
  #stalls = 0
  #stallMs = 0
  #waitingSince: number | undefined
  #seeking = false
  #error: string | null = null
  #closed = false
  readonly #listeners: Array<[string, () => void]>

  constructor (video: HTMLVideoElement) {
    super()
    this.#video = video
    const v = video as FrameCallbackVideo
    if (typeof v.requestVideoFrameCallback === 'function') {
      v.requestVideoFrameCallback(() => { this.#firstFrame() })
    }
    this.#listeners = [
      ['playing', () => {
        if (typeof v.requestVideoFrameCallback !== 'function') this.#firstFrame()
        this.#endWait()
      }],
      ['waiting', () => {
        if (this.#firstFrameMs != null && !this.#seeking && this.#waitingSince == null) {
          this.#stalls++
          this.#waitingSince = performance.now()
          this.dispatchEvent(new Event('stall'))
        }
      }],
      ['seeking', () => { this.#seeking = true }],
      ['seeked', () => { this.#seeking = false }],
      ['timeupdate', () => {
        if (!video.paused && video.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA) this.#endWait()
        this.#countPlayed()
      }],
      ['error', () => { this.#error = video.error?.message || `media error ${video.error?.code ?? ''}` }]
    ]
    for (const [type, fn] of this.#listeners) video.addEventListener(type, fn)
  }

  #firstFrame (): void {
    if (this.#firstFrameMs != null || this.#closed) return
    this.#firstFrameMs = performance.now()
    this.#lastTime = this.#video.currentTime
    this.dispatchEvent(new Event('first-frame'))
  }

  // media time that played through (seeks and jumps do not count)
  #countPlayed (): void {
    if (this.#lastTime == null) return
    const t = this.#video.currentTime
    const step = t - this.#lastTime
    if (step > 0 && step < 2) this.#playedS += step
    this.#lastTime = t
  }

  #endWait (): void {
    if (this.#waitingSince == null) return
    this.#stallMs += performance.now() - this.#waitingSince
    this.#waitingSince = undefined
  }

  snapshot (): VideoMetricsSnapshot {
    const v = this.#video
    const quality = typeof v.getVideoPlaybackQuality === 'function' ? v.getVideoPlaybackQuality() : undefined
    const waiting = this.#waitingSince != null ? performance.now() - this.#waitingSince : 0
    return {
      firstFrameMs: this.#firstFrameMs == null ? null : Math.round(this.#firstFrameMs),
      currentTime: v.currentTime,
      playedS: this.#playedS,
      bufferS: bufferAhead(v),
      paused: v.paused,
      muted: v.muted,
      stalls: this.#stalls,
      stallMs: Math.round(this.#stallMs + waiting),
      framesDecoded: quality?.totalVideoFrames ?? 0,
      framesDropped: quality?.droppedVideoFrames ?? 0,
      error: this.#error
    }
  }

  /** performance.now() of the first frame on screen, undefined before it. */
  get firstFrameAt (): number | undefined {
    return this.#firstFrameMs ?? undefined
  }

  close (): void {
    this.#closed = true
    for (const [type, fn] of this.#listeners) this.#video.removeEventListener(type, fn)
  }
}
