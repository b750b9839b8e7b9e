/** Behind the target by more than this, playback speeds up a little to catch up. */
const CATCH_UP_ABOVE_S = 1.5
/** Behind the target by more than this, playback jumps (after a long stall or a pause). */
const JUMP_ABOVE_S = 8
/** Catch-up speed: barely audible, closes 1 s in 10 s. */
const CATCH_UP_RATE = 1.1
/** Gaps the playhead jumps over (a segment that never came), seconds. */
const MAX_GAP_S = 6
const TICK_MS = 250

/** The end of the buffered media: where live is, as far as this player knows. */
export function bufferedEnd (video: HTMLVideoElement): number | undefined {
  const b = video.buffered
  return b.length === 0 ? undefined : b.end(b.length - 1)
}

/** Seconds of media buffered ahead of the playhead, in the range it is in. */
export function bufferAhead (video: HTMLVideoElement): number {
  const b = video.buffered
  const t = video.currentTime
  for (let i = 0; i < b.length; i++) if (b.start(i) <= t + 0.05 && t < b.end(i)) return b.end(i) - t
  return 0
}

export interface LiveEdgeState {
  /** Seconds behind the newest buffered media. */
  behindS: number
  /** Whether the viewer fell behind the target (paused, stalled): the "go live" button shows. */
  behind: boolean
}

/**
 * Keeps a live video near its target latency: starts at the target behind the
 * newest media, jumps gaps left by segments that never came, speeds up a
 * little when behind, jumps when far behind (unless the user paused), and
 * offers "go live".
 */
export class LiveEdge {
  readonly #video: HTMLVideoElement
  readonly #targetS: number
  readonly #timer: ReturnType<typeof setInterval>
  #started = false
  #userPaused = false

  constructor (video: HTMLVideoElement, targetMs: number) {
    this.#video = video
    this.#targetS = targetMs / 1000
    this.#timer = setInterval(() => { this.tick() }, TICK_MS)
    video.addEventListener('pause', this.#onPause)
    video.addEventListener('play', this.#onPlay)
  }

  get targetS (): number {
    return this.#targetS
  }

  #onPause = (): void => { if (this.#started) this.#userPaused = true }
  #onPlay = (): void => { this.#userPaused = false }

  /** Called when media was appended, and on a timer. */
  tick (): void {
    const v = this.#video
    const end = bufferedEnd(v)
    if (end == null) return
    if (!this.#started) {
      this.#started = true
      v.currentTime = Math.max(v.buffered.start(0), end - this.#targetS)
      void v.play().catch(() => {})
      return
    }
    this.#jumpGap()
    if (this.#userPaused || v.paused) return
    const behind = end - v.currentTime - this.#targetS
    if (behind > JUMP_ABOVE_S) {
      v.currentTime = end - this.#targetS
      v.playbackRate = 1
    } else if (behind > CATCH_UP_ABOVE_S) {
      if (v.playbackRate !== CATCH_UP_RATE) v.playbackRate = CATCH_UP_RATE
    } else if (behind <= 0.25 && v.playbackRate !== 1) {
      v.playbackRate = 1
    }
  }

  // Waiting at the end of one range while a later one is there: skip the hole.
  #jumpGap (): void {
    const v = this.#video
    if (v.readyState >= HTMLMediaElement.HAVE_FUTURE_DATA && bufferAhead(v) > 0.3) return
    const b = v.buffered
    const t = v.currentTime
    for (let i = 0; i < b.length; i++) {
      const start = b.start(i)
      if (start > t && start - t <= MAX_GAP_S) {
        v.currentTime = start + 0.05
        return
      }
    }
  }

  /** Where the viewer is against the live edge now. */
  state (): LiveEdgeState {
    const end = bufferedEnd(this.#video)
    const behindS = end == null ? 0 : Math.max(0, end - this.#video.currentTime)
    return { behindS, behind: this.#started && behindS > this.#targetS + CATCH_UP_ABOVE_S + 0.5 }
  }

  /** Jumps to the target latency behind the newest media and plays. */
  goLive (): void {
    const v = this.#video
    const end = bufferedEnd(v)
    if (end == null) return
    v.currentTime = Math.max(v.buffered.start(v.buffered.length - 1), end - this.#targetS)
    v.playbackRate = 1
    this.#userPaused = false
    void v.play().catch(() => {})
  }

  close (): void {
    clearInterval(this.#timer)
    this.#video.removeEventListener('pause', this.#onPause)
    this.#video.removeEventListener('play', this.#onPlay)
  }
}
