import { execFile } from 'node:child_process'
import { access, constants as fsConstants, mkdir, mkdtemp, readFile, rm, stat, unlink } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { TypedEventEmitter } from 'main-event'
import { logger } from '@libp2p/logger'
import { escapeFilterOption, ffmpegArgs } from './ffmpeg-args.ts'
import { FfmpegNotFoundError, findFfmpeg } from './ffmpeg-binary.ts'
import { parseInitSegment } from './codecs.ts'
import { rebaseSegment } from './fmp4.ts'
import { parseMediaPlaylist } from './playlist.ts'
import { spawnTied } from '../tied-spawn.ts'
import {
  CLOCK_FONTS, INGEST_DEFAULTS, INIT_NAME, MAX_RESTART_DELAY_MS, PLAYLIST_NAME, POLL_INTERVAL_MS,
  PROBE_TIMEOUT_MS, SEGMENT_PATTERN, STDERR_TAIL_LINES, STOP_GRACE_MS
} from './constants.ts'
import type { IngestInput } from './ffmpeg-args.ts'
import type { PlaylistEntry } from './playlist.ts'
import type { AbortOptions, Logger } from '@libp2p/interface'
import type { ChildProcess } from 'node:child_process'

export interface IngestInit {
  input: IngestInput
  /** Segment (and GOP) length, ms (default 1000). */
  segmentMs?: number
  /** Video bitrate, bits/s (default 2.5 Mbit/s). */
  bitrate?: number
  /** Encoded size, `WIDTHxHEIGHT` (default 1280x720). */
  videoSize?: string
  /** Encoded frame rate (default 30). */
  fps?: number
  /** The ffmpeg to run; found with `findFfmpeg()` when absent. */
  ffmpegPath?: string
  /** A dir the ingest may create; it works in a fresh subdir it removes on stop. */
  workDir: string
  /** First restart delay after ffmpeg exits, ms (default 1000); doubles up to 10 s, back to this after a run that produced segments. */
  restartDelayMs?: number
  log?: Logger
}

/** One media segment cut by ffmpeg, on a timeline continuous across ffmpeg restarts. */
export interface CutSegment {
  /** 0, 1, 2… across restarts. */
  index: number
  /** The init segment this segment plays with (a restarted ffmpeg brings a new one). */
  init: Uint8Array
  /** The fMP4 fragment, its decode times moved onto the continuous timeline. */
  bytes: Uint8Array
  /** ms, from the playlist's EXTINF. */
  duration: number
  /** ms where the segment starts; each segment starts where the one before ended. */
  mediaTime: number
  /** RFC 6381, from the init segment, e.g. `avc1.4d401f,mp4a.40.2`. */
  codecs: string
}

export type IngestState = 'starting' | 'running' | 'waiting-for-input' | 'restarting' | 'stopped'

export interface IngestStatus {
  state: IngestState
  /** One line for the streamer: what is happening, and why when something went wrong. */
  message: string
}

export interface IngestEvents {
  segment: CustomEvent<CutSegment>
  status: CustomEvent<IngestStatus>
}

/** One ffmpeg process and what has been taken from its output dir. */
interface Run {
  readonly n: number
  readonly dir: string
  readonly proc: ChildProcess
  /** Where this run's media starts on the stream's timeline (ms). */
  readonly offsetMs: number
  /** Resolves once the process is gone and its last segments are emitted. */
  closed: Promise<void>
  stderr: string[]
  nextSeq: number
  segments: number
  init?: { bytes: Uint8Array, codecs: string, timescales: Map<number, number> }
  playlistStamp: string
  exited: boolean
  pollTimer?: ReturnType<typeof setTimeout>
  harvesting: Promise<void>
}

/**
 * The streamer's ffmpeg: it encodes the input into fMP4 segments in a work
 * dir, and the ingest hands each finished segment out as a `segment` event (in
 * order, then deletes the file, so disk use stays flat). When ffmpeg exits (the
 * file is unreadable, the RTMP publisher left, a crash) it says why in a
 * `status` event and starts ffmpeg again after a backoff; the timeline and the
 * segment index continue. Nothing here throws into the caller after `start`.
 */
export class Ingest extends TypedEventEmitter<IngestEvents> {
  readonly input: IngestInput
  readonly #settings: Required<Omit<IngestInit, 'input' | 'ffmpegPath' | 'log' | 'workDir'>> & { workDir: string }
  readonly #ffmpegPathOption: string | undefined
  readonly #log: Logger
  readonly #abort = new AbortController()
  #status: IngestStatus = { state: 'stopped', message: 'not started' }
  #ffmpeg: string | undefined
  #clockFont: string | undefined
  #dir: string | undefined
  #starting: Promise<void> | undefined
  #launching: Promise<void> | undefined
  #stopping: Promise<void> | undefined
  #run: Run | undefined
  #runs = 0
  #restartTimer: ReturnType<typeof setTimeout> | undefined
  #backoffMs: number
  #nextIndex = 0
  #mediaTime = 0

  constructor (init: IngestInit) {
    super()
    this.input = init.input
    this.#settings = {
      segmentMs: init.segmentMs ?? INGEST_DEFAULTS.segmentMs,
      bitrate: init.bitrate ?? INGEST_DEFAULTS.bitrate,
      videoSize: init.videoSize ?? INGEST_DEFAULTS.videoSize,
      fps: init.fps ?? INGEST_DEFAULTS.fps,
      restartDelayMs: init.restartDelayMs ?? INGEST_DEFAULTS.restartDelayMs,
      workDir: init.workDir
    }
    this.#ffmpegPathOption = init.ffmpegPath
    this.#log = init.log ?? logger('swarmcast:ingest')
    this.#backoffMs = this.#settings.restartDelayMs
    // fail on bad settings now, not in a restart loop later
    ffmpegArgs({ ...this.#settings, input: this.input, outDir: '.' })
  }

  /** What the ingest is doing now (the last `status` event). */
  get status (): IngestStatus {
    return this.#status
  }

  /** The ffmpeg binary in use, once started. */
  get ffmpegPath (): string | undefined {
    return this.#ffmpeg
  }

  /** Whether a clock is burnt into the test pattern (drawtext works and a font was found). */
  get clock (): boolean {
    return this.#clockFont != null
  }

  /**
   * Finds ffmpeg and starts it; resolves once it is spawned (or, if the input
   * is not usable yet, once the retry is scheduled: `status` events say why).
   * Throws `FfmpegNotFoundError` when there is no ffmpeg to run.
   */
  async start (options: AbortOptions = {}): Promise<void> {
    if (this.#stopping != null) throw new Error('the ingest was stopped; create a new one')
    this.#starting ??= this.#start()
    const onAbort = (): void => { void this.stop() }
    options.signal?.addEventListener('abort', onAbort, { once: true })
    try {
      await this.#starting
      options.signal?.throwIfAborted()
    } finally {
      options.signal?.removeEventListener('abort', onAbort)
    }
  }

  async #start (): Promise<void> {
    this.#setStatus('starting', `starting ffmpeg for ${describeInput(this.input)}`)
    try {
      this.#ffmpeg = await this.#resolveFfmpeg()
      await mkdir(this.#settings.workDir, { recursive: true })
      this.#dir = await mkdtemp(join(this.#settings.workDir, 'ingest-'))
      if (this.input.kind === 'testsrc') this.#clockFont = await findClockFont(this.#ffmpeg, this.#abort.signal)
    } catch (err) {
      this.#setStatus('stopped', (err as Error).message)
      throw err
    }
    if (this.#stopping != null) return
    this.#launching = this.#launch()
    await this.#launching
  }

  async #resolveFfmpeg (): Promise<string> {
    const path = this.#ffmpegPathOption
    if (path == null) return (await findFfmpeg()).path
    try {
      await access(path, fsConstants.X_OK)
    } catch {
      throw new FfmpegNotFoundError(`ffmpeg ${path} does not exist or is not executable; pass a working ffmpeg, or leave it out to use the one npm installs (@ffmpeg-installer/ffmpeg)`)
    }
    return path
  }

  /** Kills ffmpeg (SIGTERM, then SIGKILL) and removes the work files. Safe to call twice. */
  async stop (): Promise<void> {
    this.#stopping ??= this.#stop()
    await this.#stopping
  }

  async #stop (): Promise<void> {
    this.#abort.abort()
    clearTimeout(this.#restartTimer)
    await this.#starting?.catch(() => {})
    await this.#launching?.catch(() => {})
    const run = this.#run
    if (run != null) {
      clearTimeout(run.pollTimer)
      if (!run.exited) {
        run.proc.kill('SIGTERM')
        const killer = setTimeout(() => { if (!run.exited) run.proc.kill('SIGKILL') }, STOP_GRACE_MS)
        await run.closed
        clearTimeout(killer)
      } else {
        await run.closed
      }
    }
    if (this.#dir != null) await rm(this.#dir, { recursive: true, force: true }).catch(() => {})
    this.#setStatus('stopped', 'stopped')
  }

  /** Starts one ffmpeg run; never throws (a failure schedules the next attempt). */
  async #launch (): Promise<void> {
    try {
      await this.#launchRun()
    } catch (err) {
      this.#failedRun(`cannot start ffmpeg: ${(err as Error).message}`, false)
    }
  }

  async #launchRun (): Promise<void> {
    const ffmpeg = this.#ffmpeg!
    const n = ++this.#runs
    const dir = join(this.#dir!, `run-${n}`)
    await mkdir(dir, { recursive: true })
    let fileHasAudio: boolean | undefined
    if (this.input.kind === 'file') {
      const probe = await probeFile(ffmpeg, this.input.path, this.#abort.signal)
      if (this.#stopping != null) return
      if (!probe.ok) {
        await rm(dir, { recursive: true, force: true }).catch(() => {})
        this.#failedRun(`cannot read ${this.input.path}: ${probe.reason}`, false)
        return
      }
      fileHasAudio = probe.audio
    }
    if (this.#stopping != null) return
    const args = ffmpegArgs({ ...this.#settings, input: this.input, outDir: dir, clockFont: this.#clockFont, fileHasAudio })
    this.#log('run %d: %s %s', n, ffmpeg, args.join(' '))
    const proc = spawnTied(ffmpeg, args, { stdio: ['ignore', 'ignore', 'pipe'], windowsHide: true })
    const run: Run = {
      n,
      dir,
      proc,
      offsetMs: this.#mediaTime,
      closed: Promise.resolve(),
      stderr: [],
      nextSeq: 0,
      segments: 0,
      playlistStamp: '',
      exited: false,
      harvesting: Promise.resolve()
    }
    this.#run = run
    run.closed = this.#watchProcess(run).catch((err: Error) => { this.#log.error('run %d: %s', n, err.message) })
    await new Promise<void>(resolve => {
      proc.once('spawn', resolve)
      proc.once('error', () => { resolve() })
    })
    if (run.exited) return
    if (this.input.kind === 'rtmp') {
      this.#setStatus('waiting-for-input', `waiting for an RTMP publisher on ${this.input.url}`)
    } else {
      this.#setStatus('starting', `ffmpeg started for ${describeInput(this.input)}; waiting for the first segment`)
    }
    this.#schedulePoll(run)
  }

  /** Collects stderr, and when the process is gone takes its last segments and decides what next. */
  async #watchProcess (run: Run): Promise<void> {
    const { proc } = run
    let partial = ''
    proc.stderr?.setEncoding('utf8')
    proc.stderr?.on('data', (chunk: string) => {
      const lines = (partial + chunk).split(/\r?\n|\r/)
      partial = lines.pop() ?? ''
      for (const line of lines) this.#stderrLine(run, line)
    })
    const outcome = await new Promise<{ code: number | null, signal: NodeJS.Signals | null, error?: Error }>(resolve => {
      let spawned = false
      proc.once('spawn', () => { spawned = true })
      proc.on('error', (error) => {
        this.#log.error('run %d: %s', run.n, error.message)
        if (!spawned) resolve({ code: null, signal: null, error })
      })
      proc.once('close', (code, signal) => { resolve({ code, signal }) })
    })
    if (partial !== '') this.#stderrLine(run, partial)
    run.exited = true
    clearTimeout(run.pollTimer)
    if (this.#stopping == null) {
      // ffmpeg writes its last segment and the final playlist as it exits
      await this.#harvest(run)
    }
    await run.harvesting
    await rm(run.dir, { recursive: true, force: true }).catch(() => {})
    if (this.#run === run) this.#run = undefined
    if (this.#stopping != null) return
    this.#afterRun(run, outcome)
  }

  #afterRun (run: Run, outcome: { code: number | null, signal: NodeJS.Signals | null, error?: Error }): void {
    const healthy = run.segments > 0
    const why = outcome.error != null
      ? `cannot run ffmpeg: ${outcome.error.message}`
      : outcome.signal != null ? `ffmpeg was killed (${outcome.signal})` : `ffmpeg exited (code ${outcome.code})`
    const detail = run.stderr.at(-1)
    this.#log('run %d ended: %s after %d segments%s', run.n, why, run.segments, detail != null ? `: ${detail}` : '')
    const input = this.input
    if (input.kind === 'file' && !input.loop && outcome.code === 0 && healthy) {
      this.#setStatus('stopped', `the input file ended: ${input.path} (not looping)`)
      return
    }
    if (input.kind === 'rtmp' && healthy) {
      // the publisher left: listen again at once, it may be reconnecting
      this.#backoffMs = this.#settings.restartDelayMs
      this.#setStatus('restarting', `the RTMP publisher on ${input.url} went away${detail != null ? ` (${detail})` : ''}; listening again`)
      this.#scheduleLaunch(0)
      return
    }
    this.#failedRun(detail != null ? `${why}: ${detail}` : why, healthy)
  }

  /** Reports why a run ended and schedules the next one after the backoff. */
  #failedRun (reason: string, healthy: boolean): void {
    if (this.#stopping != null) return
    if (healthy) this.#backoffMs = this.#settings.restartDelayMs
    const delay = this.#backoffMs
    this.#backoffMs = Math.min(this.#backoffMs * 2, Math.max(MAX_RESTART_DELAY_MS, this.#settings.restartDelayMs))
    this.#setStatus('restarting', `${reason}; retrying in ${formatDelay(delay)}`)
    this.#scheduleLaunch(delay)
  }

  #scheduleLaunch (delayMs: number): void {
    clearTimeout(this.#restartTimer)
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = undefined
      if (this.#stopping != null) return
      this.#launching = this.#launch()
    }, delayMs)
  }

  #stderrLine (run: Run, raw: string): void {
    const line = raw.trim()
    if (line === '') return
    this.#log('run %d ffmpeg: %s', run.n, line)
    if (IGNORED_STDERR.some(re => re.test(line))) return
    run.stderr.push(line.replace(/^\[(\S+) @ 0x[0-9a-f]+\] /, '$1: '))
    if (run.stderr.length > STDERR_TAIL_LINES) run.stderr.shift()
  }

  #schedulePoll (run: Run): void {
    if (run.exited || this.#stopping != null) return
    run.pollTimer = setTimeout(() => {
      void this.#harvest(run).then(() => { this.#schedulePoll(run) })
    }, POLL_INTERVAL_MS)
  }

  /** Emits the segments the playlist lists that were not emitted yet; one harvest at a time per run; never throws. */
  async #harvest (run: Run): Promise<void> {
    const next = run.harvesting.then(async () => {
      try {
        await this.#harvestNow(run)
      } catch (err) {
        this.#log.error('run %d: reading ffmpeg output failed: %s', run.n, (err as Error).message)
      }
    })
    run.harvesting = next
    await next
  }

  async #harvestNow (run: Run): Promise<void> {
    if (this.#stopping != null) return
    const playlistPath = join(run.dir, PLAYLIST_NAME)
    let stamp: string
    try {
      const s = await stat(playlistPath)
      stamp = `${s.mtimeMs}:${s.size}`
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
      throw err
    }
    if (stamp === run.playlistStamp) return
    const playlist = parseMediaPlaylist(await readFile(playlistPath, 'utf8'))
    for (const entry of playlist.entries) {
      if (entry.seq < run.nextSeq) continue
      if (entry.seq > run.nextSeq) await this.#skipped(run, entry.seq)
      if (run.init == null && !(await this.#loadInit(run))) return
      if (this.#stopping != null) return
      await this.#takeSegment(run, entry)
      run.nextSeq = entry.seq + 1
    }
    run.playlistStamp = stamp
  }

  /** Reads this run's init segment; false if it is not there yet. */
  async #loadInit (run: Run): Promise<boolean> {
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await readFile(join(run.dir, INIT_NAME)))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw err
    }
    const info = parseInitSegment(bytes)
    run.init = { bytes, codecs: info.codecs, timescales: new Map(info.tracks.map(t => [t.id, t.timescale])) }
    this.#log('run %d: init segment %d bytes, codecs %s', run.n, bytes.byteLength, info.codecs)
    return true
  }

  async #takeSegment (run: Run, entry: PlaylistEntry): Promise<void> {
    const duration = Math.round(entry.duration * 1000)
    const name = basename(entry.uri)
    let raw: Uint8Array | undefined
    if (name === entry.uri && /^[\w.-]+$/.test(name)) {
      const path = join(run.dir, name)
      try {
        raw = new Uint8Array(await readFile(path))
      } catch (err) {
        this.#log.error('run %d: cannot read segment %s: %s', run.n, name, (err as Error).message)
      }
      await unlink(path).catch(() => {})
    } else {
      this.#log.error('run %d: the playlist lists an unexpected segment URI %s', run.n, entry.uri)
    }
    if (this.#stopping != null) return
    const init = run.init!
    let bytes: Uint8Array | undefined
    try {
      if (raw != null) bytes = rebaseSegment(raw, init.timescales, run.offsetMs)
    } catch (err) {
      this.#log.error('run %d: segment %s is not a usable fMP4 fragment: %s', run.n, name, (err as Error).message)
    }
    const mediaTime = this.#mediaTime
    // a lost segment still takes its time on the timeline, so what follows stays in sync
    this.#mediaTime += duration
    if (bytes == null) return
    run.segments++
    const segment: CutSegment = { index: this.#nextIndex++, init: init.bytes, bytes, duration, mediaTime, codecs: init.codecs }
    if (run.segments === 1) {
      this.#backoffMs = this.#settings.restartDelayMs
      this.#setStatus('running', `ingesting ${describeInput(this.input)} (${init.codecs})`)
    }
    this.safeDispatchEvent('segment', { detail: segment })
  }

  /** Segments that left the playlist window before we read them (we fell far behind): drop their files. */
  async #skipped (run: Run, upTo: number): Promise<void> {
    this.#log.error('run %d: segments %d..%d left the playlist before they were read', run.n, run.nextSeq, upTo - 1)
    for (let seq = run.nextSeq; seq < upTo; seq++) {
      await unlink(join(run.dir, SEGMENT_PATTERN.replace('%d', String(seq)))).catch(() => {})
    }
    run.nextSeq = upTo
  }

  #setStatus (state: IngestState, message: string): void {
    if (this.#status.state === state && this.#status.message === message) return
    this.#status = { state, message }
    this.#log('status %s: %s', state, message)
    this.safeDispatchEvent('status', { detail: { state, message } })
  }
}

/** ffmpeg stderr lines that say nothing about why it failed. */
const IGNORED_STDERR = [
  /Cannot use rename on non file protocol/, // this 2018 build warns so even for local files
  /^Fontconfig /
]

function describeInput (input: IngestInput): string {
  switch (input.kind) {
    case 'testsrc': return 'the test pattern'
    case 'file': return `${input.path}${input.loop ? ' (looping)' : ''}`
    case 'rtmp': return `the RTMP publisher on ${input.url}`
  }
}

function formatDelay (ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`
}

/** Runs ffmpeg briefly; resolves with its exit code and stderr (never rejects). */
async function runFfmpeg (ffmpeg: string, args: string[], signal: AbortSignal): Promise<{ code: number | null, stderr: string }> {
  return await new Promise(resolve => {
    execFile(ffmpeg, args, { timeout: PROBE_TIMEOUT_MS, signal, windowsHide: true, maxBuffer: 1024 * 1024 }, (err, _stdout, stderr) => {
      const code = err == null ? 0 : typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : null
      resolve({ code, stderr: err != null && stderr === '' ? err.message : stderr })
    })
  })
}

/** Whether the file can be opened, and has audio (ffmpeg -i lists the streams). */
async function probeFile (ffmpeg: string, path: string, signal: AbortSignal): Promise<{ ok: true, audio: boolean } | { ok: false, reason: string }> {
  const { stderr } = await runFfmpeg(ffmpeg, ['-hide_banner', '-nostdin', '-i', path], signal)
  const lines = stderr.split(/\r?\n/).map(l => l.trim()).filter(l => l !== '' && !IGNORED_STDERR.some(re => re.test(l)))
  if (!lines.some(l => l.startsWith('Input #0'))) {
    const last = lines.filter(l => !l.startsWith('At least one output file')).at(-1) ?? 'ffmpeg cannot open it'
    // ffmpeg prefixes the path; the caller names the file already
    return { ok: false, reason: last.startsWith(`${path}: `) ? last.slice(path.length + 2) : last }
  }
  if (!lines.some(l => /^Stream #0:\d+.*: Video:/.test(l))) return { ok: false, reason: 'it has no video stream' }
  return { ok: true, audio: lines.some(l => /^Stream #0:\d+.*: Audio:/.test(l)) }
}

/** A font drawtext can render with here, or undefined (then the test pattern has no clock). */
async function findClockFont (ffmpeg: string, signal: AbortSignal): Promise<string | undefined> {
  for (const font of CLOCK_FONTS) {
    try {
      if (!(await stat(font)).isFile()) continue
    } catch {
      continue
    }
    const { code } = await runFfmpeg(ffmpeg, [
      '-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', 'color=size=64x64:rate=1',
      '-vf', `drawtext=fontfile=${escapeFilterOption(font)}:text=0`, '-frames:v', '1', '-f', 'null', '-'
    ], signal)
    // a build without drawtext (or freetype) fails here for every font
    return code === 0 ? font : undefined
  }
  return undefined
}
