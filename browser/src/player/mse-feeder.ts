import type { PlayedSegment } from '../../../src/video/index.ts'

/** Used when an announcement carries no codecs string (H.264 main + AAC-LC, what `swarmcast stream` makes). */
export const FALLBACK_CODECS = 'avc1.4d401f,mp4a.40.2'
/** Media kept behind the playhead; older media is removed from the SourceBuffer. */
const BACK_BUFFER_S = 20
/** A segment that starts this far before the previous one ended is a new timeline (stream restart). */
const TIMELINE_JUMP_S = 0.5

export type PlayerProblemKind = 'no-mse' | 'unsupported-codec' | 'append-failed'

export interface PlayerProblem {
  kind: PlayerProblemKind
  message: string
}

export interface MseFeederEvents {
  /** Media was appended: the buffered ranges changed. */
  appended: CustomEvent<{ seq: number }>
  /** Playback cannot go on in this browser, with why. */
  problem: CustomEvent<PlayerProblem>
}

type MediaSourceCtor = typeof MediaSource

/** MediaSource, or ManagedMediaSource (iPhone Safari), or undefined. */
export function mediaSourceClass (): MediaSourceCtor | undefined {
  const g = globalThis as { MediaSource?: MediaSourceCtor, ManagedMediaSource?: MediaSourceCtor }
  return g.MediaSource ?? g.ManagedMediaSource
}

/** The MIME type of a stream's segments for MSE. */
export function mimeFor (codecs: string): string {
  return `video/mp4; codecs="${codecs === '' ? FALLBACK_CODECS : codecs}"`
}

/** Whether this browser can play segments with these codecs through MSE. */
export function canPlay (codecs: string): boolean {
  return mediaSourceClass()?.isTypeSupported(mimeFor(codecs)) === true
}

type Op =
  | { kind: 'append', bytes: Uint8Array, seq: number }
  | { kind: 'offset', seconds: number }
  | { kind: 'change-type', mime: string }
  | { kind: 'remove', start: number, end: number }

/**
 * Feeds the verified CMAF segments the core's Viewer hands out, in order, to a
 * video element through Media Source Extensions: the init segment first (again
 * whenever it changes), then each media segment, one SourceBuffer operation at
 * a time. A stream restart (new init segment, timeline going back) is placed
 * after what is buffered, so playback runs on; old media is removed behind the
 * playhead to bound memory.
 */
export class MseFeeder extends EventTarget {
  readonly #video: HTMLVideoElement
  readonly #mediaSource: MediaSource | undefined
  readonly #url: string | undefined
  readonly #queue: Op[] = []
  #buffer: SourceBuffer | undefined
  #mime: string | undefined
  #initId: string | undefined
  #offset = 0
  // end of the last appended segment on the presentation timeline, seconds
  #end: number | undefined
  #failed = false
  #closed = false
  #quotaRetry = false

  constructor (video: HTMLVideoElement) {
    super()
    this.#video = video
    const MS = mediaSourceClass()
    if (MS == null) {
      this.#failed = true
      queueMicrotask(() => { this.#problem('no-mse', 'this browser cannot play the stream here: it has no Media Source Extensions. Open the page in a current Chrome, Edge, Firefox or Safari, or play the HLS link in VLC') })
      return
    }
    this.#mediaSource = new MS()
    // ManagedMediaSource plays only with remote playback disabled
    if ((globalThis as { ManagedMediaSource?: unknown }).ManagedMediaSource === MS) video.disableRemotePlayback = true
    this.#url = URL.createObjectURL(this.#mediaSource)
    video.src = this.#url
    this.#mediaSource.addEventListener('sourceopen', () => { this.#pump() }, { once: true })
  }

  /** Whether any media was appended yet. */
  get started (): boolean {
    return this.#end != null
  }

  /** Appends the next played segment (and its init segment when it is new). */
  push (segment: PlayedSegment): void {
    if (this.#failed || this.#closed) return
    const a = segment.announcement
    const mime = mimeFor(a.codecs)
    if (this.#mime == null) {
      if (mediaSourceClass()?.isTypeSupported(mime) !== true) {
        this.#failed = true
        this.#problem('unsupported-codec', `this browser cannot decode the stream's codecs (${a.codecs === '' ? 'unknown' : a.codecs}); try a current Chrome, Edge or Safari, or play the HLS link in VLC`)
        return
      }
      this.#mime = mime
    } else if (mime !== this.#mime) {
      if (mediaSourceClass()?.isTypeSupported(mime) !== true) {
        this.#failed = true
        this.#problem('unsupported-codec', `the stream switched to codecs this browser cannot decode (${a.codecs})`)
        return
      }
      this.#mime = mime
      this.#queue.push({ kind: 'change-type', mime })
    }
    const start = a.mediaTime / 1000
    const newTimeline = this.#initId != null && a.initId !== this.#initId
    if (this.#end != null && (newTimeline || start + this.#offset < this.#end - TIMELINE_JUMP_S)) {
      this.#offset = this.#end - start
      this.#queue.push({ kind: 'offset', seconds: this.#offset })
    }
    if (a.initId !== this.#initId) {
      this.#initId = a.initId
      this.#queue.push({ kind: 'append', bytes: segment.init, seq: a.seq })
    }
    this.#queue.push({ kind: 'append', bytes: segment.bytes, seq: a.seq })
    this.#end = start + this.#offset + a.duration / 1000
    this.#pump()
  }

  #pump (): void {
    const ms = this.#mediaSource
    if (ms == null || this.#failed || this.#closed || ms.readyState !== 'open') return
    if (this.#buffer == null) {
      if (this.#mime == null) return
      try {
        this.#buffer = ms.addSourceBuffer(this.#mime)
      } catch (err) {
        this.#failed = true
        this.#problem('unsupported-codec', `the browser refused the stream's format (${this.#mime}): ${(err as Error).message}`)
        return
      }
      this.#buffer.mode = 'segments'
      this.#buffer.addEventListener('updateend', () => { this.#pump() })
      this.#buffer.addEventListener('error', () => {
        this.#failed = true
        this.#problem('append-failed', 'the browser could not decode a segment; reload the page to start again')
      })
    }
    const buffer = this.#buffer
    if (buffer.updating) return
    const op = this.#queue.shift() ?? this.#trimOp()
    if (op == null) return
    try {
      switch (op.kind) {
        case 'append':
          buffer.appendBuffer(op.bytes as Uint8Array<ArrayBuffer>)
          this.#quotaRetry = false
          this.dispatchEvent(new CustomEvent('appended', { detail: { seq: op.seq } }))
          break
        case 'offset':
          buffer.timestampOffset = op.seconds
          this.#pump()
          break
        case 'change-type':
          buffer.changeType(op.mime)
          this.#pump()
          break
        case 'remove':
          if (op.end > op.start) buffer.remove(op.start, op.end)
          else this.#pump()
          break
      }
    } catch (err) {
      if (op.kind === 'append' && (err as Error).name === 'QuotaExceededError' && !this.#quotaRetry) {
        // full: drop more of what was played, then try the same bytes again
        this.#quotaRetry = true
        this.#queue.unshift(op)
        const t = this.#video.currentTime
        buffer.remove(0, Math.max(0, t - 2))
        return
      }
      this.#failed = true
      this.#problem('append-failed', `the stream could not be played: ${(err as Error).message}`)
    }
  }

  // Media well behind the playhead is removed once nothing else waits.
  #trimOp (): Op | undefined {
    const b = this.#buffer
    if (b == null || b.buffered.length === 0) return undefined
    const start = b.buffered.start(0)
    const keepFrom = this.#video.currentTime - BACK_BUFFER_S
    if (keepFrom - start < BACK_BUFFER_S / 2) return undefined
    return { kind: 'remove', start, end: keepFrom }
  }

  #problem (kind: PlayerProblemKind, message: string): void {
    this.dispatchEvent(new CustomEvent('problem', { detail: { kind, message } }))
  }

  /** Stops appending and detaches from the video element; safe twice. */
  close (): void {
    if (this.#closed) return
    this.#closed = true
    this.#queue.length = 0
    if (this.#mediaSource?.readyState === 'open') {
      try { this.#mediaSource.endOfStream() } catch {}
    }
    if (this.#url != null) {
      URL.revokeObjectURL(this.#url)
      // let go of the decoder and the buffered media (another path may use the element next)
      if (this.#video.getAttribute('src') === this.#url) {
        this.#video.removeAttribute('src')
        this.#video.load()
      }
    }
  }
}
