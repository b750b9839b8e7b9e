// npm run bench -- chat
// Signed swarmcast chat against raw gossipsub on the same loopback topology,
// in the same run: N=10 nodes in one worker process and N=30 across two. Raw
// runs twice: with 1 KiB payloads, and with payloads as large as the signed
// envelope (stock noise switched cipher path at 1200 bytes). Both run the same
// libp2p stack (createSwarmNode with the same init); only chat differs. Each
// system's network runs alone, one after the other in the run. Every node has DEGREE
// direct TCP neighbours (no relay, no discovery); gossipsub runs its default
// D=6. Per variant and N it reports the highest offered rate (msg/s, ~1 KiB,
// senders round-robin over all nodes) that reached every node with no loss and
// p99 < 1 s, latency to all nodes at 20 msg/s, CPU per message per node (all
// worker processes, net of idle), and above saturation how many sends the
// sender was told failed against how many were lost silently. It ends with a
// CPU profile of the signed and raw paths.
//
// Env: RUNS (20 msg/s repeats, default 3), DURATION (s per step, default 4),
// NS (default "10,30"), RATES (sweep above 20, default "50,100,150,200,300,400,600,800"),
// PROFILE=0 to skip profiling, SEED (topology, default 1).
import { mkdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Identity } from '../../src/identity/index.ts'
import { report } from './report.ts'
import { RpcWorker } from './common/rpc-worker.ts'
import { hostBusyUs } from './common/proc.ts'
import { median, percentile, sleep } from './common/numbers.ts'
import { summarizeProfile } from './chat/profile.ts'
import { PAYLOAD_BYTES, SYSTEMS, now } from './chat/protocol.ts'
import type { Row } from './report.ts'
import type { ProfileSummary } from './chat/profile.ts'
import type { Command, CpuTimes, Results, System } from './chat/protocol.ts'

const RUNS = Number(process.env.RUNS ?? 3)
const DURATION_MS = Number(process.env.DURATION ?? 4) * 1000
const NS = (process.env.NS ?? '10,30').split(',').map(Number)
const RATES = (process.env.RATES ?? '50,100,150,200,300,400,600,800').split(',').map(Number)
const PROFILE = process.env.PROFILE !== '0'
const SEED = Number(process.env.SEED ?? 1)
/** Rate of the latency/CPU runs, msg/s. */
const BASE_RATE = 20
/** Rate of the profiled steps. */
const PROFILE_RATE = 50
/** Neighbours (direct connections) per node: each dials about half of them. */
const DEGREE = 8
/** Gossipsub's Dlo: below it a node grafts more peers; the mesh counts as formed when every node has min(Dlo, neighbours). */
const MESH_MIN = 4
const MESH_TIMEOUT_MS = 30_000
const IDLE_MS = 3000
const IDLE_SETTLE_MS = 2000
/** After the last send settles, how long deliveries may still arrive. */
const GRACE_MS = 3000
const P99_LIMIT_MS = 1000
const TARGET_CPU_RATIO = 1.3
const TARGET_P99_MS = 100

const WORKER = fileURLToPath(new URL('./chat/worker.ts', import.meta.url))
const RESULTS = join(import.meta.dirname, 'results')

// ---------- workers ----------

class Worker extends RpcWorker<Command, Results> {
  dir: string | undefined

  constructor (index: number) {
    super(WORKER, index, 'bench worker', 120_000)
  }

  /** Waits for the worker's hello: it has made its temp dir. */
  async ready (): Promise<void> {
    this.dir = (await this.hello(30_000)).dir
  }

  /** Asks the worker to stop its nodes and exit; kills it if it does not; removes its temp dir. */
  async stop (): Promise<void> {
    if (this.proc.exitCode == null && this.proc.signalCode == null) {
      await this.request({ cmd: 'stop' }, 20_000).catch(() => {})
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5_000)
      await this.exited
      clearTimeout(timer)
    }
    if (this.dir != null) await rm(this.dir, { recursive: true, force: true })
  }
}

const live = new Set<Worker>()

async function spawnWorkers (count: number): Promise<Worker[]> {
  const workers = Array.from({ length: count }, (_, i) => new Worker(i))
  for (const w of workers) live.add(w)
  await Promise.all(workers.map(async w => { await w.ready() }))
  return workers
}

async function stopWorkers (workers: Worker[]): Promise<void> {
  await Promise.allSettled(workers.map(async w => { await w.stop(); live.delete(w) }))
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const w of live) w.proc.kill('SIGKILL')
    void Promise.allSettled([...live].map(async w => { await w.exited; if (w.dir != null) await rm(w.dir, { recursive: true, force: true }) }))
      .finally(() => process.exit(130))
  })
}

// ---------- helpers ----------

function cpuUs (c: CpuTimes): number {
  return c.user + c.system
}

/** Deterministic PRNG (mulberry32), so a SEED gives the same topology every run. */
function prng (seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A random graph where every node has DEGREE neighbours (or n-1 when fewer
 * exist): [dialer, dialed] pairs. Even degrees keep gossipsub's mesh stable:
 * with DEGREE between D (6) and Dhi (12) no node is ever grafted past Dhi, so
 * nobody is pruned into a backoff that would leave a low-degree node under Dlo.
 * Retried with the next seed until connected.
 */
function topology (n: number, seed: number): Array<[number, number]> {
  const degree = Math.min(n - 1, DEGREE)
  for (let attempt = 0; ; attempt++) {
    const rand = prng(seed * 1000 + n * 10 + attempt)
    const adj = Array.from({ length: n }, () => new Set<number>())
    const edges: Array<[number, number]> = []
    const order = Array.from({ length: n }, (_, i) => i).sort(() => rand() - 0.5)
    for (const i of order) {
      while (adj[i]!.size < degree) {
        const candidates = order.filter(j => j !== i && adj[j]!.size < degree && !adj[i]!.has(j))
        if (candidates.length === 0) break
        const j = candidates[Math.floor(rand() * candidates.length)]!
        adj[i]!.add(j)
        adj[j]!.add(i)
        edges.push([i, j])
      }
    }
    const seen = new Set([0])
    for (const queue = [0]; queue.length > 0;) for (const j of adj[queue.shift()!]!) if (!seen.has(j)) { seen.add(j); queue.push(j) }
    if (seen.size === n && adj.every(a => a.size >= degree - 1)) return edges
    if (attempt > 100) throw new Error(`no connected ${degree}-regular topology for N=${n}`)
  }
}

// ---------- variants ----------

/** What is measured: signed chat, and raw gossipsub (on the raw nodes) at 1 KiB and at the signed envelope's size. */
type VariantKey = 'signed' | 'raw' | 'raw-env'
interface Variant { key: VariantKey, system: System, label: string }
const VARIANTS: Variant[] = [
  { key: 'signed', system: 'signed', label: 'signed chat' },
  { key: 'raw', system: 'raw', label: `raw gossipsub ${PAYLOAD_BYTES} B` },
  { key: 'raw-env', system: 'raw', label: 'raw gossipsub, envelope-sized' }
]
/** Bytes of a signed envelope carrying PAYLOAD_BYTES of text, learnt after the first signed step. */
let envelopeBytes = 0
const rawBytes = (v: Variant): number => v.key === 'raw-env' ? envelopeBytes : PAYLOAD_BYTES

// ---------- steps ----------

interface StepResult {
  n: number
  variant: VariantKey
  bytes: number
  phase: 'warmup' | 'base' | 'sweep' | 'retry' | 'profile'
  rate: number
  offered: number
  sentOk: number
  sendFailed: number
  failures: Record<string, number>
  deliveredAll: number
  /** Sent OK (the sender was told it went out) but did not reach every node within the grace period. */
  silentLoss: number
  p50AllMs: number
  p99AllMs: number
  /** p99 to all nodes measured from the scheduled send time (includes sender-side queueing). */
  p99AllSchedMs: number
  p50EachMs: number
  p99EachMs: number
  /** Signed: p50/p99 to all when gossipsub delivered (validated, before the room's LevelDB write and event). */
  p50AllGossipMs: number
  p99AllGossipMs: number
  schedLagP99Ms: number
  /** Cores' worth of CPU that other processes on the machine used during the step (the shared box's noise). */
  otherCores: number
  cpuUsPerMsgNode: number
  cpuNetUsPerMsgNode: number
  /** Socket writes and bytes written per message per node (all TCP, including gossip control traffic). */
  writesPerMsgNode: number
  bytesPerMsgNode: number
  /** Worst worker's event-loop delay p99 / max and GC pauses (sum over workers, longest), ms. */
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  gcTotalMs: number
  gcMaxMs: number
  windowMs: number
  pass: boolean
  latAll: number[]
  latEach: number[]
}

interface Net {
  n: number
  workers: Worker[]
  idleUsPerMs: number[]
}

let stepCounter = 0

async function runStep (net: Net, variant: Variant, rate: number, phase: StepResult['phase']): Promise<StepResult> {
  const { n, workers } = net
  const { system } = variant
  const step = ++stepCounter
  const t0 = now() + 300
  const hostAtT0 = sleep(t0 - now()).then(() => ({ busy: hostBusyUs(), self: process.cpuUsage() }))
  await Promise.all(workers.map(async w => await w.request({ cmd: 'step', system, step, rate, durationMs: DURATION_MS, t0, n, rawBytes: rawBytes(variant) })))
  // drain: until every message sent OK has reached the other n-1 nodes, or the grace period ends
  const deadline = now() + GRACE_MS
  while (now() < deadline) {
    const st = await Promise.all(workers.map(async w => await w.request({ cmd: 'status', step })))
    const ok = st.reduce((s, x) => s + x.sentOk, 0)
    const receipts = st.reduce((s, x) => s + x.receipts, 0)
    if (receipts >= ok * (n - 1)) break
    await sleep(100)
  }
  const parts = await Promise.all(workers.map(async w => await w.request({ cmd: 'collect', step })))
  const host0 = await hostAtT0
  const hostWindowUs = (now() - t0) * 1000
  const ours = parts.reduce((x, p) => x + cpuUs(p.cpu), 0) + cpuUs(process.cpuUsage(host0.self))
  const otherCores = (hostBusyUs() - host0.busy - ours) / hostWindowUs

  const sends = parts.flatMap(p => p.sends)
  const receivers = new Map<number, { count: number, last: number, lastPassed: number, times: number[] }>()
  for (const [seq, , t, passed] of parts.flatMap(p => p.receipts)) {
    const r = receivers.get(seq) ?? { count: 0, last: 0, lastPassed: 0, times: [] }
    r.count++
    r.last = Math.max(r.last, t)
    r.lastPassed = Math.max(r.lastPassed, passed)
    r.times.push(t)
    receivers.set(seq, r)
  }
  const failures: Record<string, number> = {}
  const latAll: number[] = []
  const latAllSched: number[] = []
  const latAllGossip: number[] = []
  const latEach: number[] = []
  const lag: number[] = []
  let sentOk = 0
  let deliveredAll = 0
  for (const [seq, , tSched, tStart, , outcome] of sends) {
    lag.push(tStart - tSched)
    if (outcome !== 'ok') {
      failures[outcome] = (failures[outcome] ?? 0) + 1
      continue
    }
    sentOk++
    const r = receivers.get(seq)
    for (const t of r?.times ?? []) latEach.push(t - tStart)
    if (r != null && r.count >= n - 1) {
      deliveredAll++
      latAll.push(r.last - tStart)
      latAllSched.push(r.last - tSched)
      latAllGossip.push(r.lastPassed - tStart)
    }
  }
  const cpu = parts.reduce((s, p) => s + cpuUs(p.cpu), 0)
  const cpuNet = parts.reduce((s, p, i) => s + cpuUs(p.cpu) - net.idleUsPerMs[i]! * p.windowMs, 0)
  const offered = Math.round(rate * DURATION_MS / 1000)
  const sendFailed = sends.length - sentOk
  const silentLoss = sentOk - deliveredAll
  const p99AllSchedMs = percentile(latAllSched, 99)
  if (system === 'signed' && envelopeBytes === 0) envelopeBytes = (await workers[0]!.request({ cmd: 'envelope-size' })).bytes
  const result: StepResult = {
    n,
    variant: variant.key,
    bytes: system === 'signed' ? envelopeBytes : rawBytes(variant),
    phase,
    rate,
    offered,
    sentOk,
    sendFailed,
    failures,
    deliveredAll,
    silentLoss,
    p50AllMs: percentile(latAll, 50),
    p99AllMs: percentile(latAll, 99),
    p99AllSchedMs,
    p50EachMs: percentile(latEach, 50),
    p99EachMs: percentile(latEach, 99),
    p50AllGossipMs: percentile(latAllGossip, 50),
    p99AllGossipMs: percentile(latAllGossip, 99),
    schedLagP99Ms: percentile(lag, 99),
    otherCores,
    cpuUsPerMsgNode: cpu / (Math.max(1, sentOk) * n),
    cpuNetUsPerMsgNode: cpuNet / (Math.max(1, sentOk) * n),
    writesPerMsgNode: parts.reduce((x, p) => x + p.writes, 0) / (Math.max(1, sentOk) * n),
    bytesPerMsgNode: parts.reduce((x, p) => x + p.bytes, 0) / (Math.max(1, sentOk) * n),
    loopDelayP99Ms: Math.max(...parts.map(p => p.stalls.loopDelayP99Ms)),
    loopDelayMaxMs: Math.max(...parts.map(p => p.stalls.loopDelayMaxMs)),
    gcTotalMs: parts.reduce((x, p) => x + p.stalls.gcTotalMs, 0),
    gcMaxMs: Math.max(...parts.map(p => p.stalls.gcMaxMs)),
    windowMs: Math.max(...parts.map(p => p.windowMs)),
    pass: sends.length === offered && sendFailed === 0 && silentLoss === 0 && p99AllSchedMs < P99_LIMIT_MS,
    latAll,
    latEach
  }
  const fails = Object.entries(failures).map(([k, v]) => `${k}×${v}`).join(' ')
  process.stdout.write(`  N=${n} ${variant.key.padEnd(7)} ${phase.padEnd(7)} ${String(rate).padStart(4)} msg/s: sent ${sentOk}/${offered}${fails !== '' ? ` (${fails})` : ''}, to all ${deliveredAll}, silent loss ${silentLoss}, p50/p99 all ${result.p50AllMs.toFixed(1)}/${result.p99AllMs.toFixed(1)} ms${system === 'signed' ? ` (gossip ${result.p50AllGossipMs.toFixed(1)}/${result.p99AllGossipMs.toFixed(1)})` : ''}, cpu ${result.cpuNetUsPerMsgNode.toFixed(0)} µs/msg/node, ${result.writesPerMsgNode.toFixed(1)} writes/msg/node, loop delay p99/max ${result.loopDelayP99Ms.toFixed(0)}/${result.loopDelayMaxMs.toFixed(0)} ms, GC ${result.gcTotalMs.toFixed(0)} ms (max ${result.gcMaxMs.toFixed(0)}), others ${otherCores.toFixed(2)} cores ${result.pass ? 'ok' : 'FAIL'}\n`)
  return result
}

// ---------- network setup ----------

async function buildNet (n: number, channelOwner: string, system: System): Promise<{ net: Net, mesh: object }> {
  const procs = n <= 10 ? 1 : Math.max(2, Math.ceil(n / 15))
  const workers = await spawnWorkers(procs)
  const net: Net = { n, workers, idleUsPerMs: workers.map(() => 0) }
  try {
    const edges = topology(n, SEED)
    const degree = Array.from({ length: n }, (_, i) => edges.filter(e => e.includes(i)).length)
    const hostOf = (idx: number): number => idx % procs
    const startedAt = now()
    const addrs = new Map<number, string>()
    const started = await Promise.all(workers.map(async (w, wi) => await w.request({
      cmd: 'start', system, channelOwner, indices: Array.from({ length: n }, (_, i) => i).filter(i => hostOf(i) === wi)
    })))
    for (const s of started) for (const [i, a] of s.addrs) addrs.set(i, a)
    const dialed = await Promise.all(workers.map(async (w, wi) => await w.request({
      cmd: 'dial', system, edges: edges.filter(([from]) => hostOf(from) === wi).map(([from, to]): [number, string] => [from, addrs.get(to)!])
    })))
    const failed = dialed.flatMap(d => d.failed)
    if (failed.length > 0) throw new Error(`N=${n} ${system}: ${failed.length} dials failed:\n${failed.slice(0, 5).join('\n')}`)
    process.stdout.write(`  N=${n} ${system}: ${n} nodes in ${procs} process(es), ${edges.length} connections, started in ${((now() - startedAt) / 1000).toFixed(1)} s\n`)
    const meshAt = now()
    let status: Results['mesh']['status'] = []
    let formed = false
    while (now() - meshAt < MESH_TIMEOUT_MS) {
      status = (await Promise.all(workers.map(async w => await w.request({ cmd: 'mesh', system })))).flatMap(m => m.status)
      formed = status.every(s => s.conns >= degree[s.idx]! && s.subs >= degree[s.idx]! && s.mesh >= Math.min(MESH_MIN, degree[s.idx]!))
      if (formed) break
      await sleep(250)
    }
    const sizes = status.map(s => s.mesh)
    const mesh = { formed, ms: Math.round(now() - meshAt), meshMin: Math.min(...sizes), meshMedian: median(sizes), meshMax: Math.max(...sizes), degreeMin: Math.min(...degree), degreeMax: Math.max(...degree) }
    process.stdout.write(`  N=${n} ${system}: mesh ${formed ? 'formed' : 'NOT fully formed'} after ${((now() - meshAt) / 1000).toFixed(1)} s (mesh sizes ${Math.min(...sizes)}-${Math.max(...sizes)}, degrees ${Math.min(...degree)}-${Math.max(...degree)})\n`)
    // idle CPU of each process with the network up (after start-up churn: identify, history sync): subtracted from step CPU
    await sleep(IDLE_SETTLE_MS)
    const c0 = await Promise.all(workers.map(async w => await w.request({ cmd: 'cpu' })))
    const t0 = now()
    await sleep(IDLE_MS)
    const c1 = await Promise.all(workers.map(async w => await w.request({ cmd: 'cpu' })))
    const elapsed = now() - t0
    net.idleUsPerMs = workers.map((_, i) => (cpuUs(c1[i]!) - cpuUs(c0[i]!)) / elapsed)
    process.stdout.write(`  N=${n} ${system}: idle CPU ${net.idleUsPerMs.map(x => (x / 10).toFixed(1) + '%').join(', ')} per process\n`)
    return { net, mesh }
  } catch (err) {
    await stopWorkers(workers)
    throw err
  }
}

// ---------- profile ----------

interface ProfileResult { variant: VariantKey, file: string, step: StepResult, summary: ProfileSummary }

async function profileStep (net: Net, variant: Variant): Promise<ProfileResult> {
  const w = net.workers[0]!
  const file = join(RESULTS, `chat-${variant.key}-n${net.n}.cpuprofile`)
  await w.request({ cmd: 'profile-start', intervalUs: 200 })
  const step = await runStep(net, variant, PROFILE_RATE, 'profile')
  await w.request({ cmd: 'profile-stop', file })
  return { variant: variant.key, file, step, summary: summarizeProfile(file) }
}

function ratePasses (attempts: StepResult[]): boolean {
  return attempts.length > 0 && attempts.filter(s => s.pass).length * 2 >= attempts.length
}

// ---------- main ----------

const started = now()
const steps: StepResult[] = []
const meshInfo: Record<string, object> = {}
const profiles: ProfileResult[] = []
const owner = await Identity.generate()
const channelOwner = Buffer.from(owner.publicKey).toString('hex')
mkdirSync(RESULTS, { recursive: true })

process.stdout.write(`chat bench: N=${NS.join(',')}, ${RUNS} runs at ${BASE_RATE} msg/s, sweep ${RATES.join(',')} msg/s, ${DURATION_MS / 1000} s per step, ${PAYLOAD_BYTES} B messages\n`)
for (const n of NS) {
  // one system's network at a time, on the same topology: with both up, each process carried
  // twice the nodes and their idle work, and every latency measured the other system too
  for (const system of SYSTEMS) {
    const variants = VARIANTS.filter(v => v.system === system)
    const { net, mesh } = await buildNet(n, channelOwner, system)
    meshInfo[`N=${n} ${system}`] = { procs: net.workers.length, idleCpuPctPerProcess: net.idleUsPerMs.map(x => Math.round(x * 10) / 100), ...mesh }
    try {
      // not recorded: the first messages of a path pay for its JIT compilation
      for (const v of variants) await runStep(net, v, BASE_RATE, 'warmup')
      for (let r = 0; r < RUNS; r++) {
        // raw and raw-env alternate, so drift hits both alike
        for (const v of r % 2 === 0 ? variants : [...variants].reverse()) steps.push(await runStep(net, v, BASE_RATE, 'base'))
      }
      // profiled before the sweep: overload can leave the network worse than it found it (see the notes)
      if (PROFILE && n === Math.min(...NS)) {
        for (const v of variants) profiles.push(await profileStep(net, v))
      }
      // a rate passes when at least half of its attempts pass; a failed sweep step is tried once more (the box is shared)
      const stopped = new Set<VariantKey>(variants.filter(v => !ratePasses(steps.filter(s => s.n === n && s.variant === v.key && s.rate === BASE_RATE))).map(v => v.key))
      for (const rate of RATES) {
        for (const v of variants) {
          if (stopped.has(v.key)) continue
          const first = await runStep(net, v, rate, 'sweep')
          steps.push(first)
          if (!first.pass) steps.push(await runStep(net, v, rate, 'retry'))
          if (!ratePasses(steps.filter(s => s.n === n && s.variant === v.key && s.rate === rate))) stopped.add(v.key)
        }
        if (variants.every(v => stopped.has(v.key))) break
      }
    } finally {
      await stopWorkers(net.workers)
    }
  }
}

// ---------- summary ----------

interface Summary {
  n: number
  variant: Variant
  maxRate: number
  saturation: StepResult | undefined
  silentLossBelowSat: number
  /** At BASE_RATE: p50 over all runs' messages; p99 = median of the runs' p99 (one contended run does not decide it), and the worst run's. */
  base: { p50All: number, p99All: number, p99AllWorst: number, p50Each: number, p99Each: number, cpuNet: number, cpuGross: number, writes: number, otherCores: number, loss: number }
}

function summarize (n: number, variant: Variant): Summary {
  const mine = steps.filter(s => s.n === n && s.variant === variant.key && s.phase !== 'profile')
  const base = mine.filter(s => s.phase === 'base')
  const byRate = [...new Set(mine.map(s => s.rate))].sort((a, b) => a - b)
  let maxRate = 0
  let saturation: StepResult | undefined
  for (const rate of byRate) {
    const attempts = mine.filter(s => s.rate === rate)
    if (!ratePasses(attempts)) {
      // the attempt that did best still failed: report it
      saturation = attempts.filter(s => !s.pass).sort((a, b) => a.p99AllSchedMs - b.p99AllSchedMs)[0]
      break
    }
    maxRate = rate
  }
  const below = saturation == null ? mine : mine.filter(s => s.rate < saturation.rate)
  const runP99 = base.map(s => s.p99AllMs)
  return {
    n,
    variant,
    maxRate,
    saturation,
    silentLossBelowSat: below.reduce((x, s) => x + s.silentLoss, 0),
    base: {
      p50All: percentile(base.flatMap(s => s.latAll), 50),
      p99All: median(runP99),
      p99AllWorst: Math.max(...runP99),
      p50Each: percentile(base.flatMap(s => s.latEach), 50),
      p99Each: median(base.map(s => s.p99EachMs)),
      cpuNet: median(base.map(s => s.cpuNetUsPerMsgNode)),
      cpuGross: median(base.map(s => s.cpuUsPerMsgNode)),
      writes: median(base.map(s => s.writesPerMsgNode)),
      otherCores: median(base.map(s => s.otherCores)),
      loss: base.reduce((x, s) => x + s.silentLoss + s.sendFailed, 0)
    }
  }
}

const fmtSat = (s: StepResult | undefined): string => s == null
  ? 'not reached'
  : `${s.rate}/s: ${s.sentOk}/${s.offered} sent ok, ${s.sendFailed} told, ${s.deliveredAll} to all, ${s.silentLoss} silent`

const summaries = NS.flatMap(n => VARIANTS.map(v => summarize(n, v)))
const rows: Row[] = []
const targets: Array<{ target: string, value: string, pass: boolean | null }> = []
const ratios: Array<Record<string, number | string>> = []
for (const n of NS) {
  const get = (key: VariantKey): Summary => summaries.find(s => s.n === n && s.variant.key === key)!
  const signed = get('signed')
  for (const s of summaries.filter(x => x.n === n)) {
    rows.push({
      N: n,
      system: s.variant.key === 'raw-env' ? `raw gossipsub ${envelopeBytes} B` : s.variant.label,
      'max msg/s': s.maxRate,
      [`p50/p99 all ms @${BASE_RATE}`]: `${s.base.p50All.toFixed(1)}/${s.base.p99All.toFixed(1)}`,
      'p99 worst run': Math.round(s.base.p99AllWorst),
      [`p50/p99 each ms @${BASE_RATE}`]: `${s.base.p50Each.toFixed(1)}/${s.base.p99Each.toFixed(1)}`,
      'CPU µs/msg/node': Math.round(s.base.cpuNet),
      'CPU gross': Math.round(s.base.cpuGross),
      'writes/msg/node': Math.round(s.base.writes * 10) / 10,
      'others cores': Math.round(s.base.otherCores * 100) / 100,
      [`lost @${BASE_RATE}`]: s.base.loss,
      'silent loss <sat': s.silentLossBelowSat,
      'saturated at (best failing attempt)': fmtSat(s.saturation)
    })
  }
  for (const key of ['raw', 'raw-env'] as const) {
    const raw = get(key)
    const r = {
      N: n,
      versus: key,
      cpu: signed.base.cpuNet / raw.base.cpuNet,
      cpuGross: signed.base.cpuGross / raw.base.cpuGross,
      maxRate: raw.maxRate > 0 ? signed.maxRate / raw.maxRate : NaN,
      p50All: signed.base.p50All / raw.base.p50All,
      p99All: signed.base.p99All / raw.base.p99All
    }
    ratios.push(r)
    rows.push({
      N: n,
      system: `signed / ${key === 'raw' ? `raw ${PAYLOAD_BYTES} B` : `raw ${envelopeBytes} B`}`,
      'max msg/s': r.maxRate,
      [`p50/p99 all ms @${BASE_RATE}`]: `${r.p50All.toFixed(2)}/${r.p99All.toFixed(2)}`,
      'CPU µs/msg/node': r.cpu,
      'CPU gross': r.cpuGross
    })
  }
  const cpuRatio = ratios.find(r => r.N === n && r.versus === 'raw')!.cpu as number
  const cpuRatioEnv = ratios.find(r => r.N === n && r.versus === 'raw-env')!.cpu as number
  targets.push({ target: `N=${n}: signed CPU/msg ≤ ${TARGET_CPU_RATIO} × raw ${PAYLOAD_BYTES} B`, value: `${cpuRatio.toFixed(2)} ×`, pass: cpuRatio <= TARGET_CPU_RATIO })
  targets.push({ target: `N=${n}: (info) same against raw of envelope size ${envelopeBytes} B`, value: `${cpuRatioEnv.toFixed(2)} ×`, pass: null })
  if (n >= 30) targets.push({ target: `N=${n}: signed p99 to all ≤ ${TARGET_P99_MS} ms at ${BASE_RATE} msg/s`, value: `${signed.base.p99All.toFixed(1)} ms (median of ${RUNS} runs; worst ${signed.base.p99AllWorst.toFixed(0)})`, pass: signed.base.p99All <= TARGET_P99_MS })
  for (const s of summaries.filter(x => x.n === n)) {
    targets.push({ target: `N=${n}: ${s.variant.key} zero loss below saturation`, value: `${s.silentLossBelowSat} silent, ${s.base.loss} lost @${BASE_RATE}`, pass: s.silentLossBelowSat === 0 && s.base.loss === 0 })
  }
}

// per-step table
const stepRows: Row[] = steps.filter(s => s.phase !== 'base').concat(steps.filter(s => s.phase === 'base')).map(s => ({
  N: s.n,
  variant: s.variant,
  phase: s.phase,
  'msg/s': s.rate,
  offered: s.offered,
  'sent ok': s.sentOk,
  'told failed': Object.entries(s.failures).map(([k, v]) => `${k} ${v}`).join(', '),
  'to all': s.deliveredAll,
  'silent loss': s.silentLoss,
  'p50 all ms': s.p50AllMs,
  'p99 all ms': s.p99AllMs,
  'p99 from sched ms': s.p99AllSchedMs,
  'p50/p99 gossip ms': s.variant === 'signed' ? `${s.p50AllGossipMs.toFixed(1)}/${s.p99AllGossipMs.toFixed(1)}` : '',
  'sched lag p99 ms': s.schedLagP99Ms,
  'others cores': s.otherCores,
  'CPU µs/msg/node': Math.round(s.cpuNetUsPerMsgNode),
  'writes/msg/node': s.writesPerMsgNode,
  'loop delay p99/max ms': `${s.loopDelayP99Ms.toFixed(0)}/${s.loopDelayMaxMs.toFixed(0)}`,
  'GC ms (max)': `${s.gcTotalMs.toFixed(0)} (${s.gcMaxMs.toFixed(0)})`,
  'B/msg/node': Math.round(s.bytesPerMsgNode),
  pass: s.pass ? 'yes' : 'NO'
}))
printTable('chat steps', stepRows)

// profile
const profileMeta = profiles.map(p => {
  const perMsgNode = (ms: number): number => ms * 1000 / (Math.max(1, p.step.sentOk) * p.step.n)
  return {
    variant: p.variant,
    bytes: p.step.bytes,
    n: p.step.n,
    rate: p.step.rate,
    file: p.file,
    sentOk: p.step.sentOk,
    processCpuUsPerMsgNode: Math.round(p.step.cpuUsPerMsgNode),
    mainThreadBusyMs: Math.round(p.summary.busyMs),
    note: 'main-thread JS samples only (LevelDB and libuv thread-pool work is in process CPU, not here); µs = sampled time / (messages × nodes); profiler overhead included; the sampler counts wall time, so when other processes take the CPU the sampled total exceeds process CPU (read shares, not absolutes, then)',
    byComponent: p.summary.byComponent.map(e => ({ ...e, usPerMsgNode: Math.round(perMsgNode(e.ms)) })),
    topSelf: p.summary.topSelf.map(e => ({ ...e, usPerMsgNode: Math.round(perMsgNode(e.ms)) })),
    srcInclusive: p.summary.srcInclusive.map(e => ({ ...e, usPerMsgNode: Math.round(perMsgNode(e.ms)) }))
  }
})
if (profileMeta.length > 0) {
  const names = [...new Set(profileMeta.flatMap(p => p.byComponent.slice(0, 12).map(e => e.name)))]
  const of = (p: typeof profileMeta[number], name: string): number => p.byComponent.find(e => e.name === name)?.usPerMsgNode ?? 0
  process.stdout.write(`\nprofile: N=${profileMeta[0]!.n} in one process, ${PROFILE_RATE} msg/s for ${DURATION_MS / 1000} s per variant; main-thread JS self time, µs per message per node (sampling profiler, its overhead included)\n`)
  printTable('profile by component (self time charged to the nearest library or src/ frame on the stack)', names.map(name => ({
    component: name,
    ...Object.fromEntries(profileMeta.map(p => [`${p.variant} µs`, of(p, name)])),
    ...Object.fromEntries(profileMeta.map(p => [`${p.variant} %`, p.byComponent.find(e => e.name === name)?.pct ?? 0]))
  })).sort((a, b) => of(profileMeta[0]!, b.component) - of(profileMeta[0]!, a.component)).concat([{
    component: 'total sampled (process CPU)',
    ...Object.fromEntries(profileMeta.map(p => [`${p.variant} µs`, `${Math.round(perMsg(p.mainThreadBusyMs, p))} (${p.processCpuUsPerMsgNode})`]))
  }]))
  const signedProfile = profileMeta.find(p => p.variant === 'signed')
  if (signedProfile != null) {
    printTable('signed: top self-time functions', signedProfile.topSelf.slice(0, 12).map(e => ({ function: e.name, '%': e.pct, 'µs/msg/node': e.usPerMsgNode })))
    printTable('signed: swarmcast src files, inclusive (a sample counts for every src file on its stack)', signedProfile.srcInclusive.slice(0, 10).map(e => ({ file: e.name, '%': e.pct, 'µs/msg/node': e.usPerMsgNode })))
  }
}

function perMsg (ms: number, p: { sentOk: number, n: number }): number {
  return ms * 1000 / (Math.max(1, p.sentOk) * p.n)
}

printTable('chat targets', targets.map(t => ({ target: t.target, value: t.value, result: t.pass == null ? 'info' : t.pass ? 'PASS' : 'FAIL' })))
report('chat', rows, {
  runs: RUNS,
  durationS: DURATION_MS / 1000,
  baseRate: BASE_RATE,
  rates: RATES,
  payloadBytes: PAYLOAD_BYTES,
  envelopeBytes,
  seed: SEED,
  degree: DEGREE,
  meshMin: MESH_MIN,
  graceMs: GRACE_MS,
  p99LimitMs: P99_LIMIT_MS,
  totalS: Math.round((now() - started) / 1000),
  notes: [
    'signed, then raw: each system\'s network runs alone on the same topology in the same number of worker processes (N=10: 1 process, N=30: 2), so neither pays for the other\'s idle work; raw and raw-env alternate on the raw network',
    'both systems are createSwarmNode with the same init: TCP, noise with the Node crypto every swarmcast node runs (node/noise-crypto.ts: wasm ChaCha20-Poly1305 up to 2.5 KiB frames, node:crypto above) and one socket write per noise frame (src/net/noise-encrypter.ts), yamux, the same gossipsub settings (StrictNoSign, content-hash ids, fastMsgIdFn, scoring); channel discovery stopped on both. Only the chat layer differs: the signed topic has the chat validator (envelope decode, Ed25519 verify, time/replay/rate checks), the room stores history in LevelDB and emits events; raw has no validator and no store',
    `raw runs twice on the raw nodes: ${PAYLOAD_BYTES} B payloads (the baseline asked for) and payloads as large as the signed envelope (${envelopeBytes} B). Stock @libp2p/noise switched cipher at 1200 B (wasm below, a node:crypto cipher object per frame above), which put a 1 KiB chat line in its ~1.2 KiB envelope on the slow path; with our crypto both sizes take the same path, so raw-env now only shows what the envelope's extra bytes cost`,
    'CPU µs/msg/node = (sum of worker process.cpuUsage over the step, minus each process\'s idle rate × window) / (messages sent OK × N); "CPU gross" keeps the idle part; ratios use the net figure',
    'writes/msg/node = net.Socket write() calls (TCP, all traffic incl. gossip control) per message per node',
    'latency "all" = send() call until the last other node got it (signed: the room\'s message event, emitted before its batched LevelDB write; raw: gossipsub message event); "each" = every single delivery',
    '"loop delay" = worst worker\'s event-loop delay during the step (perf_hooks monitorEventLoopDelay, p99/max), "GC" = sum of GC pauses over the workers (longest): what a late message waited behind',
    'a step passes when every message was sent and delivered to all nodes and p99 from the scheduled send time < 1 s; a rate passes when at least half its attempts pass (a failed sweep step is retried once, the 20 msg/s rate has RUNS attempts); max msg/s = highest rate with it and every lower rate passing',
    `p99 @${BASE_RATE} = median over the runs of each run's p99 (a single run hit by the shared box's other load does not decide it); the worst run is shown too; "others cores" = CPU other processes on the machine used during the step, from /proc/stat`,
    'channel discovery is stopped on every node so that the dialled topology stays as built (it would otherwise dial every peer in the channel)',
    'before the measured runs each variant runs one unrecorded warm-up step (JIT compilation of its path); the profile runs before the sweep, so overload cannot leave it a damaged network',
    `with ${BASE_RATE} msg/s for ${DURATION_MS / 1000} s a run has ${BASE_RATE * DURATION_MS / 1000} messages, so its p99 to all is its slowest message or next to it: one stall decides a run (DURATION=10 gives a steadier tail)`,
    'signed history writes are batched (src/chat/constants.ts HISTORY_WRITE_BATCH_MS); each step flushes them before its CPU is read, so none spill into the next step'
  ],
  mesh: meshInfo,
  ratios,
  targets,
  steps: steps.map(({ latAll: _a, latEach: _e, ...s }) => s),
  profile: profileMeta
})

function printTable (title: string, rs: Row[]): void {
  const columns = [...new Set(rs.flatMap(r => Object.keys(r)))]
  const cell = (v: string | number | undefined): string => typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : (v ?? '')
  const widths = columns.map(c => Math.max(c.length, ...rs.map(r => cell(r[c]).length)))
  const line = (values: string[]): string => values.map((v, i) => v.padEnd(widths[i]!)).join('  ')
  process.stdout.write(`\n${title}\n${[line(columns), line(widths.map(w => '-'.repeat(w))), ...rs.map(r => line(columns.map(c => cell(r[c]))))].join('\n')}\n`)
}
