// A viewer worker of test/bench/swarm.ts: on {"cmd":"run"} it starts one
// libp2p node with the video service per viewer, each at its join time (joined
// through the relay, as `swarmcast watch` does), plays the channel with a
// Viewer until endAt, then prints one result line (per-viewer stats and the
// process's CPU time since t0), stops every node and exits. Stdin closing, or
// SIGINT/SIGTERM, stops the nodes and exits too.
import { createInterface } from 'node:readline'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createSwarmNode, joinNetwork } from '../../../src/net/index.ts'
import { video, Viewer } from '../../../src/video/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { nodeTransports } from '../../../node/platform.ts'
import { sleep } from '../common/numbers.ts'
import type { FetchResult, VideoService, VideoSwarm } from '../../../src/video/index.ts'
import type { SwarmNode } from '../../../src/net/index.ts'
import type { Attempt, Received, RunCommand, ViewerEvent, ViewerResult, WorkerLine } from './protocol.ts'

type VideoNode = SwarmNode<{ video: VideoService }>

interface BenchViewer {
  index: number
  node?: VideoNode
  swarm?: VideoSwarm
  viewer?: Viewer
  nodeStartMs: number
  startedAtMs: number | null
  firstNeighbourMs: number | null
  firstSeedNeighbourMs: number | null
  firstSegmentMs: number | null
  error?: string
  events: ViewerEvent[]
  received: Received[]
  attempts: Attempt[]
}

const PROGRESS_INTERVAL_MS = 5_000
const JOIN_TIMEOUT_MS = 15_000
const STOP_TIMEOUT_MS = 10_000

const nodes = new Set<VideoNode>()
let stopping: Promise<void> | undefined

function send (line: WorkerLine): void {
  process.stdout.write(JSON.stringify(line) + '\n')
}

async function join (v: BenchViewer, c: RunCommand, channel: ChannelId): Promise<void> {
  const started = Date.now()
  const node: VideoNode = await createSwarmNode({
    name: `bench-viewer${v.index}`,
    bootstrap: c.bootstrap,
    transports: nodeTransports,
    listen: ['/ip4/127.0.0.1/tcp/0'],
    services: { video: video() }
  })
  nodes.add(node)
  v.node = node
  await joinNetwork(node, c.bootstrap, { timeoutMs: JOIN_TIMEOUT_MS })
  const swarm = await node.services.video.join(channel)
  watchFetches(swarm, v, c.t0)
  const viewer = new Viewer(swarm, { selfId: node.peerId.toString(), p2p: c.p2p })
  const rel = (): number => Date.now() - c.t0
  viewer.addEventListener('stall', (evt) => { v.events.push([rel(), 'stall', evt.detail.seq]) })
  viewer.addEventListener('resume', (evt) => { v.events.push([rel(), 'resume', Math.round(evt.detail.stallMs)]) })
  viewer.addEventListener('skip', (evt) => { v.events.push([rel(), 'skip', evt.detail.to - evt.detail.from]) })
  swarm.addEventListener('received', (evt) => {
    v.firstSegmentMs ??= rel() - (v.startedAtMs ?? 0)
    v.received.push([rel(), evt.detail.source, evt.detail.latencyMs, evt.detail.announcement.seq])
  })
  swarm.addEventListener('neighbours', () => {
    if (swarm.neighbours.size > 0) v.firstNeighbourMs ??= rel() - (v.startedAtMs ?? 0)
    if ([...swarm.neighbours.values()].some(n => n.seed)) v.firstSeedNeighbourMs ??= rel() - (v.startedAtMs ?? 0)
  })
  v.nodeStartMs = Date.now() - started
  v.startedAtMs = rel()
  v.swarm = swarm
  v.viewer = viewer
  viewer.start()
}

/** Records every fetch the viewer asks the swarm for (source, outcome, duration); behaviour unchanged. */
function watchFetches (swarm: VideoSwarm, v: BenchViewer, t0: number): void {
  const fromPeer = swarm.fetchFromPeer.bind(swarm)
  const fromOrigin = swarm.fetchFromOrigin.bind(swarm)
  const timed = async (seq: number, from: Attempt[2], fetching: Promise<FetchResult>): Promise<FetchResult> => {
    const at = Date.now()
    const r = await fetching
    v.attempts.push([at - t0, seq, from, r.ok, r.reason ?? '', Date.now() - at])
    return r
  }
  swarm.fetchFromPeer = async (neighbour, seq, signal) => await timed(seq, neighbour.seed ? 'seed' : 'peer', fromPeer(neighbour, seq, signal))
  swarm.fetchFromOrigin = async (origin, seq, signal) => await timed(seq, 'origin', fromOrigin(origin, seq, signal))
}

function result (v: BenchViewer): ViewerResult {
  const s = v.viewer?.stats()
  const bytes = v.swarm?.stats
  return {
    index: v.index,
    ...(v.error != null ? { error: v.error } : {}),
    nodeStartMs: v.nodeStartMs,
    startedAtMs: v.startedAtMs,
    firstNeighbourMs: v.firstNeighbourMs,
    firstSeedNeighbourMs: v.firstSeedNeighbourMs,
    firstSegmentMs: v.firstSegmentMs,
    startupMs: s?.startupMs ?? null,
    segments: s?.segments ?? 0,
    stalls: s?.stalls ?? 0,
    stallMs: Math.round(s?.stallMs ?? 0),
    skipped: s?.skipped ?? 0,
    latencies: s?.latencies ?? [],
    bytesFromPeers: bytes?.bytesFromPeers ?? 0,
    bytesFromSeed: bytes?.bytesFromSeed ?? 0,
    bytesFromOrigin: bytes?.bytesFromOrigin ?? 0,
    uploaded: v.node?.services.video.limiter.uploaded ?? 0,
    neighbours: v.swarm?.neighbours.size ?? 0,
    events: v.events,
    received: v.received,
    attempts: v.attempts
  }
}

async function run (c: RunCommand): Promise<void> {
  const channel = ChannelId.parse(c.channel)
  const viewers: BenchViewer[] = c.joins.map(j => ({ index: j.index, nodeStartMs: 0, startedAtMs: null, firstNeighbourMs: null, firstSeedNeighbourMs: null, firstSegmentMs: null, events: [], received: [], attempts: [] }))
  await sleep(c.t0 - Date.now())
  const cpu0 = process.cpuUsage()
  const loop = monitorEventLoopDelay({ resolution: 10 })
  loop.enable()
  let last = { at: Date.now(), cpu: process.cpuUsage() }
  const progress = setInterval(() => {
    const playing = viewers.map(v => ({ s: v.viewer?.stats(), b: v.swarm?.stats }))
    const now = { at: Date.now(), cpu: process.cpuUsage() }
    const cpuUs = now.cpu.user + now.cpu.system - last.cpu.user - last.cpu.system
    send({
      type: 'progress',
      elapsedMs: now.at - c.t0,
      cpuPercent: Math.round(cpuUs / 10 / (now.at - last.at)),
      loopDelayP99Ms: Math.round(loop.percentile(99) / 1e6),
      loopDelayMaxMs: Math.round(loop.max / 1e6),
      joined: playing.filter(p => p.s != null).length,
      started: playing.filter(p => p.s?.startupMs != null).length,
      stalls: playing.reduce((n, p) => n + (p.s?.stalls ?? 0), 0),
      stalled: viewers.filter(v => v.events.at(-1)?.[1] === 'stall').length,
      bytesFromPeers: playing.reduce((n, p) => n + (p.b?.bytesFromPeers ?? 0), 0),
      bytesFromSeed: playing.reduce((n, p) => n + (p.b?.bytesFromSeed ?? 0), 0),
      bytesFromOrigin: playing.reduce((n, p) => n + (p.b?.bytesFromOrigin ?? 0), 0)
    })
    last = now
    loop.reset()
  }, PROGRESS_INTERVAL_MS)
  try {
    await Promise.all(c.joins.map(async (j, i) => {
      await sleep(j.at - Date.now())
      const v = viewers[i]!
      await join(v, c, channel).catch((err: Error) => { v.error = err.stack ?? err.message })
    }))
    await sleep(c.endAt - Date.now())
  } finally {
    clearInterval(progress)
    loop.disable()
  }
  // figures first: the CPU window closes before the nodes stop
  const cpu = process.cpuUsage(cpu0)
  const windowMs = Date.now() - c.t0
  for (const v of viewers) v.viewer?.close()
  send({ type: 'result', viewers: viewers.map(result), cpuUs: cpu.user + cpu.system, windowMs })
}

async function shutdown (): Promise<void> {
  stopping ??= (async () => {
    await Promise.allSettled([...nodes].map(async node => { await Promise.race([node.stop(), sleep(STOP_TIMEOUT_MS)]) }))
    nodes.clear()
  })()
  await stopping
}

function exitAfterShutdown (code: number): void {
  void shutdown().finally(() => process.exit(code))
}

process.on('unhandledRejection', (err) => { process.stderr.write(`[swarm worker ${process.pid}] unhandled rejection: ${(err as Error)?.stack ?? String(err)}\n`) })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { exitAfterShutdown(0) })

const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => {
  const c = JSON.parse(line) as RunCommand
  if (c.cmd !== 'run') return
  run(c).then(() => { exitAfterShutdown(0) }, (err: Error) => {
    send({ type: 'error', error: err.stack ?? err.message })
    exitAfterShutdown(1)
  })
})
// the coordinator went away: clean up and leave
lines.on('close', () => { exitAfterShutdown(0) })
send({ type: 'ready', pid: process.pid })
