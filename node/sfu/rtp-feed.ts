import { TypedEventEmitter } from 'main-event'
import { logger } from '@libp2p/logger'
import { findFfmpeg } from '../ingest/index.ts'
import { spawnTied } from '../tied-spawn.ts'
import { rtpFeedArgs } from './rtp-args.ts'
import { FEED_RESTART_DELAY_MS, FEED_STOP_GRACE_MS, MAX_FEED_RESTART_DELAY_MS } from './constants.ts'
import type { RtpFeedArgsInit } from './rtp-args.ts'
import type { Logger } from '@libp2p/interface'
import type { ChildProcess } from 'node:child_process'

export type RtpFeedState = 'starting' | 'running' | 'restarting' | 'stopped'

export interface RtpFeedStatus {
  state: RtpFeedState
  message: string
}

export interface RtpFeedEvents {
  status: CustomEvent<RtpFeedStatus>
}

export interface RtpFeedInit extends RtpFeedArgsInit {
  /** The ffmpeg to run; found with findFfmpeg() when absent. */
  ffmpegPath?: string
  log?: Logger
}

/**
 * The ffmpeg that sends the stream to the relay's SFU as RTP (its own process,
 * reading the same testsrc or file as the ingest). It is started again after
 * a backoff when it exits; `stop()` ends it (SIGTERM, then SIGKILL) and is
 * safe twice.
 */
export class RtpFeed extends TypedEventEmitter<RtpFeedEvents> {
  readonly args: string[]
  readonly #init: RtpFeedInit
  readonly #log: Logger
  #proc: ChildProcess | undefined
  #exited: Promise<void> | undefined
  #timer: ReturnType<typeof setTimeout> | undefined
  #backoffMs = FEED_RESTART_DELAY_MS
  #stopped = false
  #status: RtpFeedStatus = { state: 'stopped', message: 'not started' }

  constructor (init: RtpFeedInit) {
    super()
    this.#init = init
    this.#log = init.log ?? logger('swarmcast:sfu-feed')
    // bad settings fail now, not in the restart loop
    this.args = rtpFeedArgs(init)
  }

  get status (): RtpFeedStatus {
    return this.#status
  }

  /** The ffmpeg process id while it runs. */
  get pid (): number | undefined {
    return this.#proc?.pid
  }

  /** Spawns ffmpeg; resolves once it runs. Throws FfmpegNotFoundError when there is none. */
  async start (): Promise<void> {
    const ffmpeg = this.#init.ffmpegPath ?? (await findFfmpeg()).path
    this.#spawn(ffmpeg)
  }

  #spawn (ffmpeg: string): void {
    if (this.#stopped) return
    this.#setStatus('starting', `sending RTP to the SFU at ${this.#init.video.ip}:${this.#init.video.port} (video) and :${this.#init.audio.port} (audio)`)
    const proc = spawnTied(ffmpeg, this.args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true })
    this.#proc = proc
    const startedAt = Date.now()
    let tail = ''
    proc.stderr?.setEncoding('utf8')
    proc.stderr?.on('data', (chunk: string) => { tail = (tail + chunk).slice(-400) })
    proc.once('spawn', () => { this.#setStatus('running', 'sending RTP to the SFU') })
    this.#exited = new Promise(resolve => {
      proc.once('close', (code, signal) => {
        resolve()
        if (this.#proc === proc) this.#proc = undefined
        if (this.#stopped) return
        const why = signal != null ? `killed (${signal})` : `exited (code ${code})`
        const last = tail.trim().split('\n').at(-1) ?? ''
        // a run that lasted resets the backoff; one that died at once doubles it
        this.#backoffMs = Date.now() - startedAt > MAX_FEED_RESTART_DELAY_MS ? FEED_RESTART_DELAY_MS : Math.min(this.#backoffMs * 2, MAX_FEED_RESTART_DELAY_MS)
        this.#setStatus('restarting', `the SFU feed's ffmpeg ${why}${last !== '' ? `: ${last}` : ''}; restarting in ${this.#backoffMs} ms`)
        this.#timer = setTimeout(() => { this.#spawn(ffmpeg) }, this.#backoffMs)
      })
      proc.once('error', (err) => { this.#log('sfu feed ffmpeg failed: %s', err.message) })
    })
  }

  async stop (): Promise<void> {
    this.#stopped = true
    clearTimeout(this.#timer)
    const proc = this.#proc
    if (proc != null && proc.exitCode == null && proc.signalCode == null) {
      proc.kill('SIGTERM')
      const killer = setTimeout(() => { proc.kill('SIGKILL') }, FEED_STOP_GRACE_MS)
      await this.#exited
      clearTimeout(killer)
    }
    this.#setStatus('stopped', 'the SFU feed stopped')
  }

  #setStatus (state: RtpFeedState, message: string): void {
    this.#status = { state, message }
    this.#log('%s: %s', state, message)
    this.safeDispatchEvent('status', { detail: this.#status })
  }
}
