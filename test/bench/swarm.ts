// npm run bench -- swarm
// One streamer (the real `swarmcast stream` CLI: ffmpeg test pattern at
// 2.5 Mbit/s CBR, 1 s segments, upload limited to 4 × the bitrate, HTTP origin
// and swarm together) and 20 headless viewers (in-process Viewers, 10 per
// worker process, joining through an in-process relay staggered over the first
// 5 s, once the stream has a few segments). The P2P run, then in the same
// bench an HTTP-only baseline (Viewers with p2p off) against a fresh streamer
// with the same upload limit and duration. Per run: P2P offload (bytes from
// other viewers / all bytes viewers received; bytes from the streamer's node
// over P2P are not offloaded), startup p50/p95, stalls (count and total time,
// summed over viewers), segment latency (announcement signed → verified at the
// viewer, all viewers' samples pooled) p50/p95, CPU per viewer, streamer CPU
// (node and its ffmpeg). Targets (P2P run): offload ≥ 85 %, zero stalls,
// latency p95 ≤ one segment, startup p95 ≤ 2 s. Exits 0 when the bench ran,
// whether or not the targets were met (the table says). The table also shows
// the figures from 15 s on (after the joins), and "other cores": what the rest
// of the machine kept busy during the run (a 2-core box shared with other work
// changes the join phase a lot). The JSON holds, per run, timelines (latency,
// sources and fetch outcomes per 5 s; each worker's CPU and event-loop delay),
// every stall with the fetches of the segment it waited for, and per viewer
// how its startup went.
//
// Env: SWARM_BENCH_SECONDS (length of each run, default 60),
// SWARM_BENCH_STAGGER_SECONDS (viewers join over this long, default 5).
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { startRelay } from '../../bootstrap/index.ts'
import { openStore } from '../../src/store/index.ts'
import { CliProcess, CLI, tempDir } from '../helpers/cli.ts'
import { report } from './report.ts'
import { cleanUpOnSignal, cleanupAll, onCleanup, wasInterrupted } from './common/cleanup.ts'
import { CLOCK_TICK_US, hostBusyUs } from './common/proc.ts'
import { percentile, sleep, sum } from './common/numbers.ts'
import type { ChildProcess } from 'node:child_process'
import type { Relay } from '../../bootstrap/index.ts'
import type { Store } from '../../src/store/index.ts'
import type { Row } from './report.ts'
import type { Attempt, Progress, RunCommand, ViewerResult, WorkerLine } from './swarm/protocol.ts'

const SECONDS = Number(process.env.SWARM_BENCH_SECONDS ?? 60)
const VIEWERS = 20
const WORKERS = 2
/** Viewers join evenly over this long from the start of a run. */
const STAGGER_MS = Number(process.env.SWARM_BENCH_STAGGER_SECONDS ?? 5) * 1000
/** The stream has this many segments at the origin before the first viewer joins. */
const WARMUP_SEGMENTS = 4
const BITRATE = 2_500_000
const SEGMENT_MS = 1_000
const UPLOAD_LIMIT = 4 * BITRATE
const VIDEO_SIZE = '640x360'
const TARGET_OFFLOAD = 0.85
const TARGET_LATENCY_P95_MS = SEGMENT_MS
const TARGET_STARTUP_P95_MS = 2_000
/** "Steady" figures leave out segments signed, and stalls begun, before this (joins plus settling). */
const STEADY_FROM_MS = Math.min(STAGGER_MS + 10_000, SECONDS * 500)
/** Width of the timeline buckets in the JSON. */
const BUCKET_MS = 5_000
const WORKER = fileURLToPath(new URL('./swarm/worker.ts', import.meta.url))

if (!(SECONDS >= 5)) {
  process.stderr.write(`SWARM_BENCH_SECONDS must be at least 5, got "${process.env.SWARM_BENCH_SECONDS ?? ''}"\n`)
  process.exit(2)
}

type RunKind = 'p2p' | 'http-only'

function log (text: string): void {
  process.stderr.write(`[swarm bench] ${text}\n`)
}

// ---------- CPU from /proc ----------

/** utime + stime of `pid` in µs, and its parent; undefined when it is gone. */
function procStat (pid: number): { cpuUs: number, ppid: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // the command name (field 2) may hold spaces: the fields after it start past the last ')'
    const f = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(f[1]), cpuUs: (Number(f[11]) + Number(f[12])) * CLOCK_TICK_US }
  } catch {
    return undefined
  }
}

/** Every live descendant of `pid` (ffmpeg under the streamer). */
function descendants (pid: number): number[] {
  const parents = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const st = procStat(Number(name))
    if (st != null) parents.set(Number(name), st.ppid)
  }
  const found: number[] = []
  for (let frontier = [pid]; frontier.length > 0;) {
    const next = [...parents].filter(([, ppid]) => frontier.includes(ppid)).map(([child]) => child)
    found.push(...next)
    frontier = next
  }
  return found
}

interface CpuSample {
  at: number
  streamerUs: number
  /** By pid: descendants come and go (ffmpeg restarts), so each is diffed on its own. */
  children: Map<number, number>
  selfUs: number
  hostUs: number
}

function sampleCpu (streamerPid: number): CpuSample {
  const self = process.cpuUsage()
  return {
    at: Date.now(),
    streamerUs: procStat(streamerPid)?.cpuUs ?? NaN,
    children: new Map(descendants(streamerPid).map(pid => [pid, procStat(pid)?.cpuUs ?? 0])),
    selfUs: self.user + self.system,
    hostUs: hostBusyUs()
  }
}

// ---------- processes ----------

class ViewerWorker {
  readonly proc: ChildProcess
  readonly index: number
  readonly exited: Promise<void>
  readonly #lines: WorkerLine[] = []
  readonly progress: Progress[] = []
  #wake: () => void = () => {}

  constructor (index: number) {
    this.index = index
    this.proc = spawn(process.execPath, [WORKER], { stdio: ['pipe', 'pipe', 'inherit'] })
    createInterface({ input: this.proc.stdout! }).on('line', (text) => {
      let line: WorkerLine
      try {
        line = JSON.parse(text) as WorkerLine
      } catch {
        process.stderr.write(`[swarm worker ${index}] ${text}\n`)
        return
      }
      if (line.type === 'progress') {
        const { type, ...progress } = line
        this.progress.push(progress)
        const mib = (n: number): string => (n / 1048576).toFixed(1)
        log(`worker ${index} at ${Math.round(line.elapsedMs / 1000)} s: ${line.started}/${line.joined} playing, ${line.stalls} stalls (${line.stalled} stalled now), MiB from peers ${mib(line.bytesFromPeers)} / streamer P2P ${mib(line.bytesFromSeed)} / origin ${mib(line.bytesFromOrigin)}; CPU ${line.cpuPercent} %, loop delay p99 ${line.loopDelayP99Ms} ms, max ${line.loopDelayMaxMs} ms`)
        return
      }
      this.#lines.push(line)
      this.#wake()
    })
    this.exited = new Promise(resolve => { this.proc.once('exit', () => { this.#wake(); resolve() }) })
  }

  /** The next line of `type` (progress aside); fails if the worker exits or reports an error first. */
  async expect<T extends WorkerLine['type']> (type: T, timeoutMs: number): Promise<Extract<WorkerLine, { type: T }>> {
    const deadline = Date.now() + timeoutMs
    while (true) {
      const line = this.#lines.shift()
      if (line?.type === type) return line as Extract<WorkerLine, { type: T }>
      if (line?.type === 'error') throw new Error(`viewer worker ${this.index} failed: ${line.error}`)
      if (line != null) continue
      if (this.proc.exitCode != null || this.proc.signalCode != null) throw new Error(`viewer worker ${this.index} exited (${this.proc.exitCode ?? this.proc.signalCode}) before its ${type} line`)
      if (Date.now() >= deadline) throw new Error(`viewer worker ${this.index}: no ${type} line within ${timeoutMs} ms`)
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, deadline - Date.now())
        this.#wake = () => { clearTimeout(timer); resolve() }
      })
    }
  }

  send (c: RunCommand): void {
    this.proc.stdin!.write(JSON.stringify(c) + '\n')
  }

  /** Closes its stdin (it stops its nodes and exits); SIGKILL if it has not within 15 s. */
  async stop (): Promise<void> {
    if (this.proc.exitCode != null || this.proc.signalCode != null) return
    this.proc.stdin!.end()
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 15_000)
    await this.exited
    clearTimeout(timer)
  }
}

class Streamer {
  readonly cli: CliProcess
  readonly #ffmpeg = new Set<number>()

  constructor (bootstrap: string, dataDir: string) {
    this.cli = new CliProcess([
      'stream', '--channel', 'bench', '--input', 'testsrc', '--size', VIDEO_SIZE,
      '--bitrate', `${BITRATE / 1000}k`, '--segment', `${SEGMENT_MS / 1000}s`, '--upload-limit', `${UPLOAD_LIMIT / 1e6}M`,
      '--http', '0', '--host', '127.0.0.1', '--json', '--bootstrap', bootstrap, '--data', dataDir
    ], {}, [process.execPath, CLI])
  }

  get pid (): number {
    return this.cli.proc.pid!
  }

  /** Remembers the streamer's children (ffmpeg), so that none outlives a streamer that did not stop them. */
  track (sample: CpuSample): void {
    for (const pid of sample.children.keys()) this.#ffmpeg.add(pid)
  }

  /** Resolves with the channel id and playlist URL once the origin lists WARMUP_SEGMENTS segments. */
  async live (): Promise<{ channel: string, hls: string }> {
    const line = await this.cli.waitForLine(l => l.startsWith('{') && (JSON.parse(l) as { type?: string }).type === 'stream', 30_000)
    const { channel, hls } = JSON.parse(line) as { channel: string, hls: string }
    const deadline = Date.now() + 45_000
    while (true) {
      const res = await fetch(hls, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined)
      const playlist = res?.ok === true ? await res.text() : ''
      if ((playlist.match(/#EXTINF/g) ?? []).length >= WARMUP_SEGMENTS) return { channel, hls }
      if (this.cli.proc.exitCode != null) throw new Error(`the streamer exited (${this.cli.proc.exitCode}); stderr:\n${this.cli.stderr.join('\n')}`)
      if (Date.now() > deadline) throw new Error(`the streamer's origin did not list ${WARMUP_SEGMENTS} segments within 45 s; stdout:\n${this.cli.stdout.join('\n')}\nstderr:\n${this.cli.stderr.join('\n')}`)
      await sleep(250)
    }
  }

  /** SIGTERM (it stops ffmpeg, its origin and node), SIGKILL after 10 s; then any ffmpeg left over. */
  async stop (): Promise<void> {
    await this.cli.stop('SIGTERM')
    for (const pid of this.#ffmpeg) {
      if (procStat(pid) == null) continue
      try { process.kill(pid, 'SIGKILL') } catch {}
    }
  }
}

// ---------- cleanup ----------

cleanUpOnSignal(log, 'stopping')

// ---------- one run ----------

interface RunResult {
  kind: RunKind
  viewers: ViewerResult[]
  windowMs: number
  workerCpuUs: number
  streamerCpuUs: number
  ffmpegCpuUs: number
  relayCpuUs: number
  otherCores: number
  streamerBusy: number | undefined
  workerTimelines: Progress[][]
  /** The streamer's status lines printed during the run (every 5 s). */
  streamerStatus: unknown[]
}

async function runOnce (kind: RunKind, bootstrap: string): Promise<RunResult> {
  log(`${kind}: starting the streamer`)
  const dir = await tempDir('swarmcast-bench-swarm-')
  const removeDir = onCleanup(dir.remove)
  const streamer = new Streamer(bootstrap, dir.dir)
  const stopStreamer = onCleanup(async () => { await streamer.stop() })
  const workers = Array.from({ length: WORKERS }, (_, i) => new ViewerWorker(i))
  const stopWorkers = onCleanup(async () => { await Promise.allSettled(workers.map(async w => { await w.stop() })) })
  try {
    const [{ channel }] = await Promise.all([streamer.live(), ...workers.map(async w => await w.expect('ready', 30_000))])
    log(`${kind}: stream ${channel} is live; ${VIEWERS} viewers join over ${STAGGER_MS / 1000} s and watch until ${SECONDS} s`)
    const t0 = Date.now() + 200
    const endAt = t0 + SECONDS * 1000
    for (const [w, worker] of workers.entries()) {
      const joins = Array.from({ length: VIEWERS }, (_, index) => ({ index, at: t0 + Math.round(index * STAGGER_MS / VIEWERS) })).filter(j => j.index % WORKERS === w)
      worker.send({ cmd: 'run', bootstrap: [bootstrap], channel, p2p: kind === 'p2p', t0, endAt, joins })
    }
    await sleep(t0 - Date.now())
    const cpu0 = sampleCpu(streamer.pid)
    streamer.track(cpu0)
    // no status line yet: nothing was refused before the first viewer came
    const busyAtStart = lastStatus(streamer.cli.stdout)?.busyRefusals ?? 0
    const linesAtStart = streamer.cli.stdout.length
    const cpu1 = sleep(endAt - Date.now()).then(() => sampleCpu(streamer.pid))
    const results = await Promise.all(workers.map(async w => await w.expect('result', SECONDS * 1000 + 60_000)))
    const end = await cpu1
    streamer.track(end)
    const busyAtEnd = lastStatus(streamer.cli.stdout)?.busyRefusals
    const viewers = results.flatMap(r => r.viewers).sort((a, b) => a.index - b.index)
    const failed = viewers.filter(v => v.error != null)
    if (failed.length > 0) throw new Error(`${failed.length} viewer(s) could not join: ${failed[0]!.error}`)
    const windowMs = end.at - cpu0.at
    const workerCpuUs = sum(results.map(r => r.cpuUs))
    const streamerCpuUs = end.streamerUs - cpu0.streamerUs
    const ffmpegCpuUs = sum([...end.children].map(([pid, us]) => us - (cpu0.children.get(pid) ?? 0)))
    const relayCpuUs = end.selfUs - cpu0.selfUs
    const otherCores = (end.hostUs - cpu0.hostUs - workerCpuUs - streamerCpuUs - ffmpegCpuUs - relayCpuUs) / (windowMs * 1000)
    return {
      kind,
      viewers,
      windowMs,
      workerCpuUs,
      streamerCpuUs,
      ffmpegCpuUs,
      relayCpuUs,
      otherCores,
      streamerBusy: busyAtEnd != null ? busyAtEnd - busyAtStart : undefined,
      workerTimelines: workers.map(w => w.progress),
      streamerStatus: streamer.cli.stdout.slice(linesAtStart).filter(l => l.startsWith('{"type":"status"')).map(l => JSON.parse(l) as unknown)
    }
  } finally {
    await stopWorkers()
    await stopStreamer()
    await removeDir()
  }
}

/** The streamer's newest `{"type":"status"}` line, if it prints them. */
function lastStatus (stdout: string[]): { busyRefusals?: number, uploadBitsPerSecond?: number } | undefined {
  for (let i = stdout.length - 1; i >= 0; i--) {
    const l = stdout[i]!
    if (!l.startsWith('{"type":"status"')) continue
    try {
      return JSON.parse(l) as { busyRefusals?: number }
    } catch {}
  }
  return undefined
}

// ---------- figures ----------

interface Figures {
  offload: number
  seedShare: number
  originShare: number
  started: number
  startupP50: number
  startupP95: number
  stalls: number
  stallMs: number
  stalledViewers: number
  skipped: number
  latencyP50: number
  latencyP95: number
  /** Stalls begun, and latency p95 of segments signed, from STEADY_FROM_MS on. */
  stallsSteady: number
  latencyP95Steady: number
  streamerUploadMbps: number
  cpuPerViewer: number
  streamerCpu: number
  ffmpegCpu: number
  otherCores: number
}

function figures (r: RunResult): Figures {
  const v = r.viewers
  const peers = sum(v.map(x => x.bytesFromPeers))
  const seed = sum(v.map(x => x.bytesFromSeed))
  const origin = sum(v.map(x => x.bytesFromOrigin))
  const all = peers + seed + origin
  const startups = v.map(x => x.startupMs).filter(x => x != null)
  const seconds = r.windowMs / 1000
  return {
    offload: all > 0 ? peers / all : 0,
    seedShare: all > 0 ? seed / all : 0,
    originShare: all > 0 ? origin / all : 0,
    started: startups.length,
    startupP50: percentile(startups, 50),
    startupP95: percentile(startups, 95),
    stalls: sum(v.map(x => x.stalls)),
    stallMs: sum(v.map(x => x.stallMs)),
    stalledViewers: v.filter(x => x.stalls > 0).length,
    skipped: sum(v.map(x => x.skipped)),
    latencyP50: percentile(v.flatMap(x => x.latencies), 50),
    latencyP95: percentile(v.flatMap(x => x.latencies), 95),
    stallsSteady: v.flatMap(x => x.events).filter(e => e[1] === 'stall' && e[0] >= STEADY_FROM_MS).length,
    latencyP95Steady: percentile(v.flatMap(x => x.received).filter(x => x[0] - x[2] >= STEADY_FROM_MS).map(x => x[2]), 95),
    // what left the streamer for the viewers (its upload limit covers both paths)
    streamerUploadMbps: (seed + origin) * 8 / seconds / 1e6,
    cpuPerViewer: 100 * r.workerCpuUs / 1e6 / v.length / seconds,
    streamerCpu: 100 * r.streamerCpuUs / 1e6 / seconds,
    ffmpegCpu: 100 * r.ffmpegCpuUs / 1e6 / seconds,
    otherCores: r.otherCores
  }
}

function fetchSummary (attempts: Attempt[]): Record<string, string> {
  const groups = new Map<string, number[]>()
  for (const a of attempts) {
    const key = `${a[2]}:${a[3] ? 'ok' : a[4]}`
    groups.set(key, [...(groups.get(key) ?? []), a[5]])
  }
  return Object.fromEntries([...groups].sort((x, y) => y[1].length - x[1].length).map(([k, ms]) => [k, `${ms.length} (p95 ${percentile(ms, 95)} ms)`]))
}

/** Latency and share of segments by source, and when stalls began (s since the run start), for the analysis. */
function details (r: RunResult): Record<string, unknown> {
  const received = r.viewers.flatMap(v => v.received)
  const bySource: Record<string, unknown> = {}
  for (const source of ['peer', 'seed', 'origin'] as const) {
    const lat = received.filter(x => x[1] === source).map(x => x[2])
    bySource[source] = { segments: lat.length, latencyP50: percentile(lat, 50), latencyP95: percentile(lat, 95), latencyMax: lat.length > 0 ? Math.max(...lat) : NaN }
  }
  const stallStarts = r.viewers.flatMap(v => v.events.filter(e => e[1] === 'stall').map(e => Math.round(e[0] / 100) / 10))
  // by when the streamer signed the segment (s since the run start)
  const timeline: Array<Record<string, unknown>> = []
  for (let from = Math.floor(Math.min(0, ...received.map(x => x[0] - x[2])) / BUCKET_MS) * BUCKET_MS; from < r.windowMs; from += BUCKET_MS) {
    const inBucket = received.filter(x => x[0] - x[2] >= from && x[0] - x[2] < from + BUCKET_MS)
    if (inBucket.length === 0) continue
    const lat = inBucket.map(x => x[2])
    timeline.push({
      signedFromS: from / 1000,
      segments: inBucket.length,
      peer: inBucket.filter(x => x[1] === 'peer').length,
      seed: inBucket.filter(x => x[1] === 'seed').length,
      origin: inBucket.filter(x => x[1] === 'origin').length,
      latencyP50: percentile(lat, 50),
      latencyP95: percentile(lat, 95),
      latencyMax: Math.max(...lat),
      stallsBegun: stallStarts.filter(t => t * 1000 >= from && t * 1000 < from + BUCKET_MS).length,
      // fetches begun in this bucket (by start time), 'from:outcome' → count, with p95 duration of each
      fetches: fetchSummary(r.viewers.flatMap(v => v.attempts).filter(a => a[0] >= from && a[0] < from + BUCKET_MS))
    })
  }
  return {
    windowMs: r.windowMs,
    relayCpuPercent: 100 * r.relayCpuUs / 1e3 / r.windowMs,
    otherCores: r.otherCores,
    streamerBusyRefusals: r.streamerBusy,
    streamerStatus: r.streamerStatus,
    // each stall: when it began (s since t0), how long (ms), where the segment it waited for came from in the end, its latency, when it was signed, and every fetch of it
    stalls: r.viewers.flatMap(v => v.events.flatMap((e, i) => {
      if (e[1] !== 'stall') return []
      const got = v.received.find(x => x[3] === e[2])
      const resumed = v.events.slice(i + 1).find(x => x[1] === 'resume')
      // every fetch of that segment: 'from:outcome:ms@s since t0'
      const tries = v.attempts.filter(a => a[1] === e[2]).map(a => `${a[2]}:${a[3] ? 'ok' : a[4]}:${a[5]}@${(a[0] / 1000).toFixed(1)}`)
      return [{ viewer: v.index, atS: e[0] / 1000, ms: resumed?.[2] ?? null, source: got?.[1] ?? 'never', latencyMs: got?.[2] ?? null, signedAtS: got != null ? (got[0] - got[2]) / 1000 : null, tries }]
    })).sort((a, b) => a.atS - b.atS),
    bySource,
    fetches: fetchSummary(r.viewers.flatMap(v => v.attempts)),
    stallStartsS: stallStarts.sort((a, b) => a - b),
    latencyTimeline: timeline,
    workerTimelines: r.workerTimelines,
    perViewer: r.viewers.map(v => ({
      index: v.index,
      nodeStartMs: v.nodeStartMs,
      startedAtMs: v.startedAtMs,
      firstNeighbourMs: v.firstNeighbourMs,
      firstSeedNeighbourMs: v.firstSeedNeighbourMs,
      firstSegmentMs: v.firstSegmentMs,
      startupMs: v.startupMs,
      segments: v.segments,
      stalls: v.stalls,
      stallMs: v.stallMs,
      skipped: v.skipped,
      neighbours: v.neighbours,
      mibFromPeers: +(v.bytesFromPeers / 1048576).toFixed(2),
      mibFromSeed: +(v.bytesFromSeed / 1048576).toFixed(2),
      mibFromOrigin: +(v.bytesFromOrigin / 1048576).toFixed(2),
      mibUploaded: +(v.uploaded / 1048576).toFixed(2),
      latencyP95: percentile(v.latencies, 95),
      events: v.events,
      // fetches begun before playback started: 'from:outcome:ms@s since t0'
      startupTries: v.attempts.filter(x => v.startedAtMs != null && x[0] < v.startedAtMs + (v.startupMs ?? Infinity)).slice(0, 16).map(x => `${x[2]}:${x[3] ? 'ok' : x[4]}:${x[5]}@${(x[0] / 1000).toFixed(1)}`)
    }))
  }
}

function row (kind: RunKind, f: Figures, targets?: Target[]): Row {
  return {
    run: kind,
    started: `${f.started}/${VIEWERS}`,
    'offload %': 100 * f.offload,
    'seed %': 100 * f.seedShare,
    'origin %': 100 * f.originShare,
    'startup p50 ms': Math.round(f.startupP50),
    'startup p95 ms': Math.round(f.startupP95),
    stalls: f.stalls,
    'stall s': f.stallMs / 1000,
    'stalled viewers': f.stalledViewers,
    skipped: f.skipped,
    'latency p50 ms': Math.round(f.latencyP50),
    'latency p95 ms': Math.round(f.latencyP95),
    [`stalls from ${STEADY_FROM_MS / 1000} s`]: f.stallsSteady,
    [`latency p95 from ${STEADY_FROM_MS / 1000} s`]: Math.round(f.latencyP95Steady),
    'streamer up Mbit/s': f.streamerUploadMbps,
    'CPU/viewer %': f.cpuPerViewer,
    'streamer CPU %': f.streamerCpu,
    'ffmpeg CPU %': f.ffmpegCpu,
    // the machine's noise: cores other processes (and steal) kept busy during the run
    'other cores': f.otherCores,
    targets: targets == null ? 'baseline' : `${targets.filter(t => t.met).length}/${targets.length} met`
  }
}

interface Target { what: string, target: string, value: number, met: boolean }

function targetsOf (f: Figures): Target[] {
  return [
    { what: 'P2P offload', target: `>= ${100 * TARGET_OFFLOAD} %`, value: +(100 * f.offload).toFixed(1), met: f.offload >= TARGET_OFFLOAD },
    { what: 'stalls (P2P run)', target: '0', value: f.stalls, met: f.stalls === 0 },
    { what: 'segment latency p95 ms', target: `<= ${TARGET_LATENCY_P95_MS} (one segment)`, value: f.latencyP95, met: f.latencyP95 <= TARGET_LATENCY_P95_MS },
    { what: 'startup p95 ms', target: `<= ${TARGET_STARTUP_P95_MS}`, value: f.startupP95, met: f.startupP95 <= TARGET_STARTUP_P95_MS && f.started === VIEWERS }
  ]
}

// ---------- main ----------

async function main (): Promise<void> {
  const relayDir = await tempDir('swarmcast-bench-swarm-relay-')
  onCleanup(relayDir.remove)
  const store: Store = await openStore(join(relayDir.dir, 'store'))
  onCleanup(async () => { await store.close() })
  const relay: Relay = await startRelay({ privateKey: await generateKeyPair('Ed25519'), host: '127.0.0.1', tcpPort: 0, wsPort: 0, httpPort: false, name: 'bench-relay', store })
  onCleanup(async () => { await relay.stop() })
  const bootstrap = relay.addrs().find(a => !a.includes('/ws/'))!

  const p2p = await runOnce('p2p', bootstrap)
  const http = await runOnce('http-only', bootstrap)
  const fp = figures(p2p)
  const fh = figures(http)
  const targets = targetsOf(fp)
  report('swarm', [row('p2p', fp, targets), row('http-only', fh)], {
    config: { viewers: VIEWERS, workers: WORKERS, seconds: SECONDS, staggerMs: STAGGER_MS, warmupSegments: WARMUP_SEGMENTS, bitrate: BITRATE, segmentMs: SEGMENT_MS, uploadLimitBitsPerSecond: UPLOAD_LIMIT, videoSize: VIDEO_SIZE },
    notes: {
      offload: 'bytes viewers got from other viewers / all bytes viewers received (from viewers, from the streamer over P2P = seed, from the HTTP origin)',
      startup: 'Viewer.start() (node up, joined through the relay) until the first segment plays, as swarmcast watch reports it; nodeStartMs per viewer is the time before that',
      stalls: 'summed over viewers; a stall still running at the end counts with its time so far',
      latency: 'announcement signed at the streamer until the segment is verified at the viewer, all viewers\' samples pooled',
      steady: `"from N s": stalls begun, and segments signed, from N s after the first viewer joined (joins take ${STAGGER_MS / 1000} s)`,
      cpu: 'CPU/viewer: worker process CPU / viewers / run seconds (% of one core); streamer: the swarmcast stream process and, apart, its ffmpeg',
      streamerUp: '(seed + origin bytes the viewers received) over the run: what the streamer uploaded to them'
    },
    targets,
    targetsMet: targets.every(t => t.met),
    vsBaseline: {
      streamerUploadRatio: fp.streamerUploadMbps / fh.streamerUploadMbps,
      stallMsRatio: fh.stallMs > 0 ? fp.stallMs / fh.stallMs : null,
      latencyP95Ratio: fp.latencyP95 / fh.latencyP95
    },
    runs: { p2p: details(p2p), 'http-only': details(http) }
  })
  for (const t of targets) process.stdout.write(`target ${t.what} ${t.target}: ${t.value} ${t.met ? 'met' : 'MISSED'}\n`)
}

let code = 0
try {
  await main()
} catch (err) {
  // after a signal, the workers and streamer going away is what we asked for
  if (!wasInterrupted()) process.stderr.write(`swarm bench failed: ${(err as Error).stack ?? String(err)}\n`)
  code = 1
} finally {
  await cleanupAll(log)
}
process.exit(code)
