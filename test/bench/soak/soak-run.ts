// The soak (issue 9, "Load"): a relay, a streamer and their viewers and
// chatters, all real processes on loopback, for a long run. Samples the RSS of
// every process, counts stalls and skips after the warm-up, and checks that
// every chat message reached every chatter (and the relay's archive). Run by
// test/bench/soak.ts (`npm run bench -- soak --minutes 30`) and, for two
// minutes, by test/integration/soak.test.ts.
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { CLI, CLI_HEAP_FLAG, CliProcess, runCli, tempDir } from '../../helpers/cli.ts'
import { leastSquares, sleep, sum } from '../common/numbers.ts'
import { processCpuUs } from '../common/proc.ts'
import { CliChatter } from './cli-chatter.ts'
import type { ChildProcess } from 'node:child_process'
import type { SoakCommand, SoakLine, ViewerProgress } from './protocol.ts'

const WORKER = fileURLToPath(new URL('./worker.ts', import.meta.url))

export interface SoakOptions {
  /** Length of the run from when everyone plays and chats (the warm-up included). */
  minutes: number
  /** Viewers as `swarmcast watch --json` processes, one each. */
  cliViewers: number
  /**
   * The last CLI viewer runs with V8's default young generation instead of the
   * launcher's cap (NODE_OPTIONS=--max-semi-space-size=0): the same run's
   * baseline for what the cap does to RSS. Reported, not judged.
   */
  baselineCliViewer?: boolean
  /** Viewers hosted in worker processes (peer sessions as the CLI opens them), spread over `viewerWorkers`. */
  inProcessViewers: number
  viewerWorkers: number
  /** Chatters as `swarmcast chat --json` processes, one each. */
  chatters: number
  /** Each chatter sends one message this often. */
  chatIntervalMs: number
  /** RSS is read from /proc every this often. */
  sampleMs: number
  /** Growth, stalls and skips count only after this much of the run. */
  warmupMs: number
  /**
   * Viewer workers run with --expose-gc and collect before each progress line,
   * so that their RSS follows what they hold rather than when V8 gets round to
   * collecting (for short runs, whose window is shorter than V8's GC cycles).
   */
  forceGc?: boolean
  /**
   * Viewer workers watch their heap after the warm-up and write what it holds
   * here (heap-watch.ts): collection sizes every minute, heap snapshots.
   */
  diagnoseDir?: string
  /** Progress lines (stderr of the bench, comments of the test). */
  log: (line: string) => void
  /** Ends the run early (Ctrl-C): every process is still stopped and the temporary dir removed. */
  signal?: AbortSignal
}

export interface ProcessTrend {
  name: string
  pid: number
  samples: number
  startMiB: number
  endMiB: number
  /** CPU it used after the warm-up, % of one core. */
  cpuPct: number
  maxMiB: number
  /** Least-squares growth over the run after the warm-up, % of the fitted value where it starts. */
  trendPct: number
  /**
   * The JS heap each full GC left (V8's --trace-gc), after the warm-up: what the
   * process holds, without V8's choice of when to collect and how much heap to keep.
   * Undefined for ffmpeg, or with fewer than three full GCs.
   */
  heap?: { fullGcs: number, startMiB: number, endMiB: number, trendPct: number }
  /** A worker that collected garbage before each sample (`forceGc`): its RSS follows what it holds. */
  gcForced: boolean
  /** The CLI viewer with V8's default heap (`baselineCliViewer`): a reference, not judged. */
  baseline: boolean
}

/** One minute of the run. */
export interface SoakMinute {
  minute: number
  /** The box's 1-minute load average (other work shares it). */
  load: number
  rssMiB: Record<string, number>
  stalls: number
  skipped: number
}

export interface SoakResult {
  options: Omit<SoakOptions, 'log'>
  channel: string
  runMs: number
  processes: ProcessTrend[]
  viewers: { count: number, segmentsMin: number, stallsAfterWarmup: number, skippedAfterWarmup: number, stallsTotal: number }
  chat: { sent: number, failed: number, failures: string[], lost: number, duplicates: number, archivedByRelay: number, drainMs: number }
  timeline: SoakMinute[]
}

// V8's --trace-gc line for a full GC: "... ms: Mark-Compact 61.2 (75.0) -> 40.1 (74.1) MB, ..."
const FULL_GC = /Mark-Compact[^\d]*[\d.]+ \([\d.]+\) -> ([\d.]+) \([\d.]+\) MB/
// any --trace-gc line: "... -> 40.1 (74.1) MB", the heap V8 keeps committed after that GC (new space included)
const ANY_GC = /-> [\d.]+ \(([\d.]+)\) MB/

/** What a process's --trace-gc lines tell: the JS heap each full GC left, and what V8 keeps committed. */
class GcTrace {
  /** [wall-clock ms, MiB]: the JS heap after each full GC. */
  readonly heap: Array<[number, number]> = []
  /** MiB V8 kept committed after the latest GC. */
  committed: number | undefined

  /** Takes one output line; lines that are not GC traces change nothing. */
  add (line: string): void {
    const full = FULL_GC.exec(line)
    if (full != null) this.heap.push([Date.now(), Number(full[1])])
    const any = ANY_GC.exec(line)
    if (any != null) this.committed = Number(any[1])
  }
}

/** A worker process: JSON lines out, commands in. */
class SoakWorker {
  readonly name: string
  readonly proc: ChildProcess
  readonly lines: SoakLine[] = []
  readonly stderr: string[] = []
  readonly exited: Promise<void>
  readonly gc = new GcTrace()
  #wake: Array<() => void> = []

  constructor (name: string, exposeGc: boolean) {
    this.name = name
    // the heap the CLI gives its peer sessions, since these stand in for CLI processes
    this.proc = spawn(process.execPath, [CLI_HEAP_FLAG, '--trace-gc', ...(exposeGc ? ['--expose-gc'] : []), WORKER], { stdio: ['pipe', 'pipe', 'pipe'] })
    createInterface({ input: this.proc.stdout! }).on('line', (text) => {
      if (!text.startsWith('{')) {
        // a --trace-gc line
        this.gc.add(text)
        return
      }
      try {
        this.lines.push(JSON.parse(text) as SoakLine)
      } catch {
        this.stderr.push(text)
      }
      for (const w of this.#wake.splice(0)) w()
    })
    // a worker that already exited (or is exiting) closes its stdin: a late command is moot
    this.proc.stdin!.on('error', () => {})
    this.proc.stderr!.setEncoding('utf8')
    this.proc.stderr!.on('data', (chunk: string) => { this.stderr.push(chunk); if (this.stderr.length > 200) this.stderr.shift() })
    this.exited = new Promise(resolve => { this.proc.once('exit', () => { for (const w of this.#wake.splice(0)) w(); resolve() }) })
  }

  send (command: SoakCommand): void {
    if (this.proc.exitCode != null || this.proc.signalCode != null || this.proc.stdin?.writable !== true) return
    this.proc.stdin.write(JSON.stringify(command) + '\n')
  }

  /** The first line of `type` (matching `match`), waiting up to `timeoutMs`. */
  async next<T extends SoakLine['type']> (type: T, timeoutMs: number, match: (line: Extract<SoakLine, { type: T }>) => boolean = () => true): Promise<Extract<SoakLine, { type: T }>> {
    const deadline = Date.now() + timeoutMs
    while (true) {
      const error = this.lines.find(l => l.type === 'error')
      if (error != null) throw new Error(`${this.name}: ${(error as { message: string }).message}`)
      const found = this.lines.find(l => l.type === type && match(l as Extract<SoakLine, { type: T }>))
      if (found != null) return found as Extract<SoakLine, { type: T }>
      if (this.proc.exitCode != null || this.proc.signalCode != null) throw new Error(`${this.name} exited before "${type}"; stderr:\n${this.stderr.join('').slice(-4000)}`)
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`${this.name}: no "${type}" within ${timeoutMs} ms; stderr:\n${this.stderr.join('').slice(-4000)}`)
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, Math.min(left, 1000))
        this.#wake.push(() => { clearTimeout(timer); resolve() })
      })
    }
  }

  latest<T extends SoakLine['type']> (type: T, match: (line: Extract<SoakLine, { type: T }>) => boolean = () => true): Extract<SoakLine, { type: T }> | undefined {
    return this.lines.findLast(l => l.type === type && match(l as Extract<SoakLine, { type: T }>)) as Extract<SoakLine, { type: T }> | undefined
  }

  async stop (): Promise<void> {
    if (this.proc.exitCode != null || this.proc.signalCode != null) return
    this.send({ cmd: 'stop' })
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 20_000)
    await this.exited
    clearTimeout(timer)
  }
}

/** VmRSS of `pid` in KiB, or undefined if it is gone. */
export function rssKiB (pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m != null ? Number(m[1]) : undefined
  } catch {
    return undefined
  }
}

/** Pids of the processes whose parent is `pid` and whose command name is `comm`. */
function childrenNamed (pid: number, comm: string): number[] {
  const found: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses
      const close = stat.lastIndexOf(')')
      const name = stat.slice(stat.indexOf('(') + 1, close)
      const ppid = Number(stat.slice(close + 2).split(' ')[1])
      if (ppid === pid && name === comm) found.push(Number(entry))
    } catch {
      // gone meanwhile
    }
  }
  return found
}

/** Least-squares growth of `samples` ([ms, KiB]) over their span, in % of the fitted start. */
export function growthPct (samples: Array<[number, number]>): number {
  if (samples.length < 3) return 0
  const { slope, start } = leastSquares(samples)
  return 100 * slope * (samples.at(-1)![0] - samples[0]![0]) / start
}

/** Runs the soak; every process it started is stopped before it returns or throws. */
export async function runSoak (options: SoakOptions): Promise<SoakResult> {
  const { log } = options
  const tmp = await tempDir('swarmcast-soak-')
  const clis: CliProcess[] = []
  const workers: SoakWorker[] = []
  try {
    // the streamer's identity owns the channel: create it first, so the relay can follow it
    const created = await runCli(['channel', 'create', 'soak', '--json', '--data', join(tmp.dir, 'streamer')])
    if (created.code !== 0) throw new Error(`channel create failed: ${created.stderr}`)
    const channel = (JSON.parse(created.stdout) as { channelId: string }).channelId

    // every Node process traces its GCs (stdout lines the readers below skip): its live heap over the run
    const cli = (args: string[], env: NodeJS.ProcessEnv = {}): CliProcess => new CliProcess(args, env, [process.execPath, '--trace-gc', CLI])
    const relay = cli(['relay', '--tcp', '0', '--ws', '0', '--http', '0', '--host', '127.0.0.1', '--data', join(tmp.dir, 'relay'), '--follow', channel])
    clis.push(relay)
    const httpUrl = await relay.waitForLine(l => l.startsWith('http://'), 60_000)
    const bootstrap = relay.stdout.find(l => l.startsWith('/ip4/') && !l.includes('/ws/'))!
    const streamer = cli(['stream', '--data', join(tmp.dir, 'streamer'), '--channel', 'soak', '--input', 'testsrc', '--size', '320x180', '--bitrate', '300k', '--http', '0', '--host', '127.0.0.1', '--bootstrap', bootstrap, '--json', '--no-sfu'])
    clis.push(streamer)
    await streamer.waitForLine(l => l.includes('"type":"segment"'), 60_000)
    log(`relay and streamer up; channel ${channel}`)

    const isBaseline = (i: number): boolean => options.baselineCliViewer === true && i === options.cliViewers - 1
    const watchers = Array.from({ length: options.cliViewers }, (_, i) => cli(['watch', '--data', join(tmp.dir, `watch-${i}`), '--channel', channel, '--bootstrap', bootstrap, '--host', '127.0.0.1', '--json'], isBaseline(i) ? { NODE_OPTIONS: '--max-semi-space-size=0' } : {}))
    clis.push(...watchers)
    const viewerWorkers = Array.from({ length: options.viewerWorkers }, (_, i) => new SoakWorker(`viewer-worker-${i}`, options.forceGc === true || options.diagnoseDir != null))
    workers.push(...viewerWorkers)
    const perWorker = viewerWorkers.map((_, i) => Math.floor(options.inProcessViewers / options.viewerWorkers) + (i < options.inProcessViewers % options.viewerWorkers ? 1 : 0))
    for (const [i, w] of viewerWorkers.entries()) w.send({ cmd: 'start', count: perWorker[i]!, channel, bootstrap: [bootstrap], dir: tmp.dir, name: `viewer${i}`, forceGc: options.forceGc === true })
    const chatters = Array.from({ length: options.chatters }, (_, i) => new CliChatter(cli(['chat', '--data', join(tmp.dir, `chatter-${i}`), '--channel', channel, '--bootstrap', bootstrap, '--host', '127.0.0.1', '--json', '--history', '0']), i))
    clis.push(...chatters.map(c => c.process))

    // viewers join one at a time, each through the relay and a clock check, beside the others' start-up
    const joinMs = 120_000 + 6_000 * Math.max(0, ...perWorker)
    await Promise.all([
      ...viewerWorkers.map(async w => await w.next('ready', joinMs)),
      ...chatters.map(async c => await c.process.waitForLine(l => l.startsWith('joined '), joinMs, 'stderr'))
    ])
    const cliProgress = (w: CliProcess): { segments: number, stalls: number, skipped: number } | undefined => {
      const line = w.stdout.findLast(l => l.includes('"type":"progress"'))
      return line != null ? JSON.parse(line) as { segments: number, stalls: number, skipped: number } : undefined
    }
    const playing = async (): Promise<void> => {
      const deadline = Date.now() + 60_000
      while (true) {
        const cli = watchers.every(w => (cliProgress(w)?.segments ?? 0) > 0)
        const inProcess = viewerWorkers.every(w => w.latest('progress', l => l.viewers != null)?.viewers?.every(v => v.segments > 0) === true)
        if (cli && inProcess) return
        if (Date.now() > deadline) throw new Error('not every viewer played within 60 s')
        options.signal?.throwIfAborted()
        await sleep(500)
      }
    }
    await playing()

    // the run: chat starts, RSS sampled until the end
    const t0 = Date.now()
    const warmupEnd = t0 + options.warmupMs
    const end = t0 + options.minutes * 60_000
    for (const c of chatters) c.startSending(options.chatIntervalMs)
    if (options.diagnoseDir != null) for (const w of viewerWorkers) w.send({ cmd: 'diagnose', dir: options.diagnoseDir, afterMs: options.warmupMs })
    // a CLI's GC trace, read from its stdout as it grows
    const cliGc = (p: CliProcess): () => GcTrace => {
      const gc = new GcTrace()
      let read = 0
      return () => {
        for (; read < p.stdout.length; read++) gc.add(p.stdout[read]!)
        return gc
      }
    }
    const tracked: Array<{ name: string, pid: () => number[], gc?: () => GcTrace, worker?: boolean, baseline?: boolean }> = [
      { name: 'relay', pid: () => [relay.proc.pid!], gc: cliGc(relay) },
      { name: 'streamer', pid: () => [streamer.proc.pid!], gc: cliGc(streamer) },
      { name: 'ffmpeg (streamer\'s)', pid: () => childrenNamed(streamer.proc.pid!, 'ffmpeg') },
      ...watchers.map((w, i) => ({ name: `watch-${i} (CLI${isBaseline(i) ? ', V8 default heap: baseline' : ''})`, pid: () => [w.proc.pid!], gc: cliGc(w), baseline: isBaseline(i) })),
      ...viewerWorkers.map((w, i) => ({ name: `viewer-worker-${i} (${perWorker[i]!} viewers)`, pid: () => [w.proc.pid!], gc: () => w.gc, worker: true })),
      ...chatters.map((c, i) => ({ name: `chat-${i} (CLI)`, pid: () => [c.process.proc.pid!], gc: cliGc(c.process) }))
    ]
    const series = tracked.map(() => [] as Array<[number, number]>)
    const pids = tracked.map(() => 0)
    const cliCounts = (): Array<{ stalls: number, skipped: number }> => watchers.map(w => ({ stalls: cliProgress(w)?.stalls ?? 0, skipped: cliProgress(w)?.skipped ?? 0 }))
    let cliAtWarmup: Array<{ stalls: number, skipped: number }> | undefined
    // CPU µs each tracked process (its pids together) has used so far
    const cpuNow = (): { at: number, us: number[] } => ({ at: Date.now(), us: tracked.map(p => sum(p.pid().map(id => processCpuUs(id) ?? 0))) })
    let cpuAtWarmup: { at: number, us: number[] } | undefined
    // per minute: load, RSS, and the CLI viewers' counts (in-process viewers' stalls are timed at the end)
    const minutes: Array<{ at: number, load: number, rssMiB: Record<string, number>, cli: Array<{ stalls: number, skipped: number }> }> = []
    for (let at = t0; at <= end; at += options.sampleMs) {
      const wait = at - Date.now()
      if (wait > 0) await sleep(wait)
      options.signal?.throwIfAborted()
      for (const [i, p] of tracked.entries()) {
        const ids = p.pid()
        const kib = ids.reduce((sum, id) => sum + (rssKiB(id) ?? 0), 0)
        if (ids.length > 0 && kib > 0) series[i]!.push([Date.now() - t0, kib])
        pids[i] = ids[0] ?? pids[i]!
        p.gc?.()
      }
      if (cliAtWarmup == null && Date.now() >= warmupEnd) {
        cliAtWarmup = cliCounts()
        cpuAtWarmup = cpuNow()
      }
      if (Date.now() >= t0 + (minutes.length + 1) * 60_000) {
        const load = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0])
        const rssMiB = Object.fromEntries(tracked.map((p, i) => [p.name, Math.round((series[i]!.at(-1)?.[1] ?? 0) / 1024)]))
        minutes.push({ at: Date.now(), load, rssMiB, cli: cliCounts() })
        for (const c of chatters) c.poll()
        const traced = tracked.flatMap(p => p.gc != null ? [{ name: p.name, gc: p.gc() }] : [])
        const heaps = traced.map(p => `${p.name} ${p.gc.heap.at(-1)?.[1] ?? '-'}`).join(', ')
        const committed = traced.map(p => `${p.name} ${Math.round(p.gc.committed ?? 0)}`).join(', ')
        // memory outside V8's heap that Node accounts for (Buffers and other external allocations)
        const external = workers.map(w => { const m = w.latest('progress', l => l.memory != null)?.memory; return `${w.name} ${m?.external ?? '-'}` }).join(', ')
        log(`${minutes.length} min (load ${load}): RSS ${Object.entries(rssMiB).map(([k, v]) => `${k} ${v}`).join(', ')} MiB; heap after last full GC ${heaps} MiB; V8 heap committed ${committed} MiB; external ${external} MiB; chat sent ${sum(chatters.map(c => c.sent.size))}, failed ${sum(chatters.map(c => c.failed))}`)
      }
    }
    const runMs = Date.now() - t0
    cliAtWarmup ??= watchers.map(() => ({ stalls: 0, skipped: 0 }))
    const cpuAtEnd = cpuNow()
    const cpuPct = (i: number): number => cpuAtWarmup == null ? NaN : Math.round((cpuAtEnd.us[i]! - cpuAtWarmup.us[i]!) / (cpuAtEnd.at - cpuAtWarmup.at)) / 10

    // chat: stop sending, let every send finish, then wait for the last messages to land everywhere
    const drainStart = Date.now()
    for (const c of chatters) c.stopSending()
    const allSent = (): Set<string> => new Set(chatters.flatMap(c => [...c.sent]))
    const missingAt = (c: CliChatter): string[] => [...allSent()].filter(id => !c.shown.has(id))
    while (Date.now() - drainStart < 30_000 && !(chatters.every(c => c.settled) && chatters.every(c => missingAt(c).length === 0))) await sleep(100)
    const drainMs = Date.now() - drainStart
    const unsettled = sum(chatters.map(c => Math.max(0, c.written - c.sent.size - c.failed)))
    const chatFinal = {
      sent: allSent().size,
      // a line that never came back as sent or failed counts as failed
      failed: sum(chatters.map(c => c.failed)) + unsettled,
      failures: [...chatters.flatMap(c => c.failures), ...(unsettled > 0 ? [`${unsettled} lines neither sent nor refused within 30 s`] : [])].slice(0, 10),
      lost: sum(chatters.map(c => missingAt(c).length)),
      duplicates: sum(chatters.map(c => c.duplicates))
    }
    const archived = await fetch(`${httpUrl}/metrics`).then(async r => await r.text()).then(text => Number(new RegExp(`^swarmcast_chat_archived_messages\\{channel="${channel}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? -1), () => -1)

    // viewers: final figures (the CLI prints its summary on SIGTERM)
    const finals: ViewerProgress[] = []
    for (const w of viewerWorkers) {
      w.send({ cmd: 'stop' })
      finals.push(...(await w.next('viewers-final', 30_000)).viewers)
    }
    await Promise.all(watchers.map(async w => { await w.stop() }))
    const cliSummaries = watchers.map(w => {
      const line = w.stdout.findLast(l => l.includes('"type":"summary"'))
      return line != null ? JSON.parse(line) as { segments: number, stalls: number, skipped: number } : { segments: 0, stalls: Infinity, skipped: Infinity }
    })
    const stallsAfterWarmup = finals.reduce((n, v) => n + v.stallsAt.filter(at => at >= warmupEnd).length, 0) +
      cliSummaries.reduce((n, s, i) => n + s.stalls - cliAtWarmup[i]!.stalls, 0)
    const skippedAfterWarmup = finals.reduce((n, v) => n + v.skips.filter(([at]) => at >= warmupEnd).reduce((m, [, k]) => m + k, 0), 0) +
      cliSummaries.reduce((n, s, i) => n + s.skipped - cliAtWarmup[i]!.skipped, 0)
    const timeline: SoakMinute[] = minutes.map((m, i) => {
      const from = i === 0 ? t0 : minutes[i - 1]!.at
      const inMinute = (at: number): boolean => at >= from && at < m.at
      const prev = i === 0 ? watchers.map(() => ({ stalls: 0, skipped: 0 })) : minutes[i - 1]!.cli
      return {
        minute: i + 1,
        load: m.load,
        rssMiB: m.rssMiB,
        stalls: finals.reduce((n, v) => n + v.stallsAt.filter(inMinute).length, 0) + m.cli.reduce((n, c, j) => n + c.stalls - prev[j]!.stalls, 0),
        skipped: finals.reduce((n, v) => n + v.skips.filter(([at]) => inMinute(at)).reduce((k, [, c]) => k + c, 0), 0) + m.cli.reduce((n, c, j) => n + c.skipped - prev[j]!.skipped, 0)
      }
    })

    const warmupMs = options.warmupMs
    const processes: ProcessTrend[] = tracked.map((p, i) => {
      const s = series[i]!
      const after = s.filter(([t]) => t >= warmupMs)
      const mib = (kib: number | undefined): number => Math.round((kib ?? 0) / 102.4) / 10
      const heap = (p.gc?.().heap ?? []).filter(([at]) => at >= warmupEnd && at <= t0 + runMs)
      return {
        name: p.name,
        gcForced: options.forceGc === true && p.worker === true,
        baseline: p.baseline === true,
        pid: pids[i]!,
        samples: s.length,
        startMiB: mib(after[0]?.[1]),
        endMiB: mib(after.at(-1)?.[1]),
        cpuPct: cpuPct(i),
        maxMiB: mib(Math.max(...s.map(([, v]) => v))),
        trendPct: Math.round(growthPct(after) * 10) / 10,
        heap: heap.length >= 3 ? { fullGcs: heap.length, startMiB: heap[0]![1], endMiB: heap.at(-1)![1], trendPct: Math.round(growthPct(heap) * 10) / 10 } : undefined
      }
    })
    const { log: _log, ...plain } = options
    return {
      options: plain,
      channel,
      runMs,
      processes,
      viewers: {
        count: finals.length + cliSummaries.length,
        segmentsMin: Math.min(...finals.map(v => v.segments), ...cliSummaries.map(s => s.segments)),
        stallsAfterWarmup,
        skippedAfterWarmup,
        stallsTotal: finals.reduce((n, v) => n + v.stalls, 0) + cliSummaries.reduce((n, s) => n + s.stalls, 0)
      },
      chat: { ...chatFinal, archivedByRelay: archived, drainMs },
      timeline
    }
  } finally {
    await Promise.allSettled(workers.map(async w => { await w.stop() }))
    // viewers before the streamer, the relay last
    await Promise.allSettled(clis.slice(2).map(async c => await c.stop()))
    await Promise.allSettled(clis.slice(0, 2).reverse().map(async c => await c.stop()))
    await tmp.remove()
  }
}
