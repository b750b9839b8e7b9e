// A worker process of the chat benchmark: hosts a share of the nodes of both
// systems (signed chat and raw gossipsub), answers JSON-line commands on stdin
// with JSON lines on stdout (see protocol.ts), logs on stderr. It cleans up
// (nodes, stores, temp dir) on `stop`, on SIGTERM and when stdin closes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { Session } from 'node:inspector/promises'
import { Socket } from 'node:net'
import { PerformanceObserver, monitorEventLoopDelay } from 'node:perf_hooks'
import { multiaddr } from '@multiformats/multiaddr'
import { createSwarmNode } from '../../../src/net/index.ts'
import { chat } from '../../../src/chat/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { Identity } from '../../../src/identity/index.ts'
import { openStore } from '../../../src/store/index.ts'
import { nodeNoiseCrypto, nodeTransports } from '../../../node/platform.ts'
import { RAW_TOPIC, chatText, findChatMark, now, parseChatText, parseRawPayload, rawPayload } from './protocol.ts'
import { sleep } from '../common/numbers.ts'
import type { Command, CpuTimes, MeshStatus, ReceiptRecord, Results, SendRecord, System } from './protocol.ts'
import type { ChatRoom, ChatService } from '../../../src/chat/index.ts'
import type { SwarmNode } from '../../../src/net/index.ts'
import type { Store } from '../../../src/store/index.ts'

interface BenchNode {
  idx: number
  node: SwarmNode
  topic: string
  room?: ChatRoom
  store?: Store
}

interface StepState {
  system: System
  t0: number
  cpu0?: NodeJS.CpuUsage
  io0?: { writes: number, bytes: number }
  scheduled: number
  settled: number
  ok: number
  failed: number
  sends: SendRecord[]
  receipts: ReceiptRecord[]
  /** Signed only: when gossipsub delivered (validated) each message, by `${seq}:${node}`, until the room emits it. */
  passed: Map<string, number>
}

const dir = await mkdtemp(join(tmpdir(), 'swarmcast-bench-chat-'))
const nodes: Record<System, BenchNode[]> = { signed: [], raw: [] }
const steps = new Map<number, StepState>()
let profiler: Session | undefined
let stopping: Promise<void> | undefined
// a send of step s for seq: the sender is seq mod n (round-robin over all nodes)
let currentN = 0

// socket writes (syscalls, roughly) in this process: explains CPU that the profile shows as writeBuffer
const io = { writes: 0, bytes: 0 }
const socketWrite = Socket.prototype.write as (this: Socket, ...args: unknown[]) => boolean
Socket.prototype.write = function countedSocketWrite (this: Socket, ...args: unknown[]): boolean {
  io.writes++
  io.bytes += (args[0] as { byteLength?: number, length?: number }).byteLength ?? (args[0] as { length?: number }).length ?? 0
  return socketWrite.apply(this, args)
} as typeof Socket.prototype.write

// what stalls the event loop (p99 latency): its delay, and GC pauses, per step
const loopDelay = monitorEventLoopDelay({ resolution: 5 })
loopDelay.enable()
const gcPauses: number[] = []
new PerformanceObserver((list) => { for (const e of list.getEntries()) gcPauses.push(e.duration) }).observe({ entryTypes: ['gc'] })

function log (text: string): void {
  process.stderr.write(`[bench worker ${process.pid}] ${text}\n`)
}

function reply (id: number, result: object): void {
  // id and ok last: a result field of the same name must not overwrite them
  process.stdout.write(JSON.stringify({ ...result, id, ok: true }) + '\n')
}

function cpuTimes (u: NodeJS.CpuUsage): CpuTimes {
  return { user: u.user, system: u.system }
}

function errorName (err: unknown): string {
  const e = err as Error
  return e?.name != null && e.name !== 'Error' ? e.name : (e?.message ?? String(err))
}

function record (system: System, step: number, seq: number, idx: number, t: number): void {
  const st = steps.get(step)
  if (st == null || st.system !== system) return
  // the sender's own room emits its message too: only other nodes' receipts count
  if (currentN > 0 && seq % currentN === idx) return
  const key = `${seq}:${idx}`
  const passed = st.passed.get(key) ?? t
  st.passed.delete(key)
  st.receipts.push([seq, idx, t, passed])
}

/** Signed: gossipsub has validated and delivered a chat message (the room stores, then emits it). */
function passedGossip (step: number, seq: number, idx: number, t: number): void {
  steps.get(step)?.passed.set(`${seq}:${idx}`, t)
}

async function startNodes (system: System, indices: number[], channelOwner: string): Promise<Results['start']> {
  const channel = ChannelId.derive(Uint8Array.from(Buffer.from(channelOwner, 'hex')), 'bench')
  const created = await Promise.all(indices.map(async (idx): Promise<BenchNode> => {
    // both systems run the same stack (transports, noise and its crypto, yamux, gossipsub settings): only chat differs
    const common = { name: `${system}-${idx}`, transports: nodeTransports, noiseCrypto: nodeNoiseCrypto, listen: ['/ip4/127.0.0.1/tcp/0'] }
    if (system === 'raw') {
      const node = await createSwarmNode(common)
      await node.services.discovery.stop()
      node.services.pubsub.addEventListener('message', (evt) => {
        const t = now()
        if (evt.detail.topic !== RAW_TOPIC) return
        const id = parseRawPayload(evt.detail.data)
        if (id != null) record('raw', id.step, id.seq, idx, t)
      })
      node.services.pubsub.subscribe(RAW_TOPIC)
      return { idx, node, topic: RAW_TOPIC }
    }
    const store = await openStore(join(dir, `store-${idx}`))
    try {
      const identity = await Identity.generate()
      const node: SwarmNode<{ chat: ChatService }> = await createSwarmNode({
        ...common,
        services: { chat: chat({ store, identity, ratePerSecond: 10_000, rateBurst: 10_000 }) }
      })
      // channel discovery would dial every peer of the channel; the benchmark keeps its own topology
      await node.services.discovery.stop()
      const room = await node.services.chat.join(channel)
      node.services.pubsub.addEventListener('message', (evt) => {
        const t = now()
        if (evt.detail.topic !== room.topic) return
        const id = findChatMark(evt.detail.data)
        if (id != null) passedGossip(id.step, id.seq, idx, t)
      })
      room.addEventListener('message', (evt) => {
        const t = now()
        const id = parseChatText(evt.detail.text)
        if (id != null) record('signed', id.step, id.seq, idx, t)
      })
      return { idx, node: node as unknown as SwarmNode, topic: room.topic, room, store }
    } catch (err) {
      await store.close()
      throw err
    }
  }))
  nodes[system].push(...created)
  return { addrs: created.map(b => [b.idx, b.node.getMultiaddrs()[0]!.toString()]) }
}

function byIdx (system: System, idx: number): BenchNode {
  const b = nodes[system].find(n => n.idx === idx)
  if (b == null) throw new Error(`no ${system} node ${idx} in this worker`)
  return b
}

async function dial (system: System, edges: Array<[number, string]>): Promise<Results['dial']> {
  const failed: string[] = []
  const queue = [...edges]
  // a few dials at a time per worker: hundreds at once only add handshake contention
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let e = queue.shift(); e != null; e = queue.shift()) {
      const [from, addr] = e
      try {
        await byIdx(system, from).node.dial(multiaddr(addr), { signal: AbortSignal.timeout(15_000) })
      } catch (err) {
        failed.push(`${from} -> ${addr}: ${(err as Error).message}`)
      }
    }
  }))
  return { failed }
}

/** The implementation has getMeshPeers; the GossipSub interface type does not. */
function meshPeers (b: BenchNode): string[] {
  return (b.node.services.pubsub as unknown as { getMeshPeers: (topic: string) => string[] }).getMeshPeers(b.topic)
}

function mesh (system: System): Results['mesh'] {
  const status: MeshStatus[] = nodes[system].map(b => ({
    idx: b.idx,
    conns: b.node.getPeers().length,
    subs: b.room?.peers().length ?? b.node.services.pubsub.getSubscribers(b.topic).length,
    mesh: meshPeers(b).length
  }))
  return { status }
}

async function sendOne (st: StepState, system: System, step: number, seq: number, b: BenchNode, tSched: number, rawBytes: number): Promise<void> {
  let outcome = 'ok'
  const tStart = now()
  try {
    if (system === 'signed') {
      await b.room!.send(chatText(step, seq), { peerWaitMs: 1000 })
    } else {
      const { recipients } = await b.node.services.pubsub.publish(RAW_TOPIC, rawPayload(step, seq, rawBytes))
      if (recipients.length === 0) outcome = 'NoRecipients'
    }
  } catch (err) {
    outcome = errorName(err)
  }
  st.sends.push([seq, b.idx, tSched, tStart, now(), outcome])
  st.settled++
  if (outcome === 'ok') st.ok++
  else st.failed++
}

/** Sends this worker's share of the step: message seq goes out from node seq mod n at t0 + seq/rate. */
async function runStep (c: Extract<Command, { cmd: 'step' }>): Promise<Results['step']> {
  currentN = c.n
  const local = new Map(nodes[c.system].map(b => [b.idx, b]))
  const total = Math.round(c.rate * c.durationMs / 1000)
  const mine: number[] = []
  for (let seq = 0; seq < total; seq++) if (local.has(seq % c.n)) mine.push(seq)
  const st: StepState = { system: c.system, t0: c.t0, scheduled: mine.length, settled: 0, ok: 0, failed: 0, sends: [], receipts: [], passed: new Map() }
  steps.set(c.step, st)
  await sleep(c.t0 - now())
  st.cpu0 = process.cpuUsage()
  st.io0 = { ...io }
  loopDelay.reset()
  gcPauses.length = 0
  const sending: Array<Promise<void>> = []
  const due = (seq: number): number => c.t0 + seq * 1000 / c.rate
  let k = 0
  while (k < mine.length) {
    const t = now()
    while (k < mine.length && due(mine[k]!) <= t) {
      const seq = mine[k++]!
      sending.push(sendOne(st, c.system, c.step, seq, local.get(seq % c.n)!, due(seq), c.rawBytes))
    }
    if (k < mine.length) await sleep(due(mine[k]!) - now())
  }
  await Promise.all(sending)
  return { scheduled: mine.length }
}

/** Size of a stored chat envelope: what a signed message weighs in gossip. */
async function envelopeSize (): Promise<Results['envelope-size']> {
  for (const b of nodes.signed) {
    const [stored] = await b.room!.history.queryEnvelopes({ limit: 1 })
    if (stored != null) return { bytes: stored.envelope.byteLength }
  }
  throw new Error('no stored chat message yet')
}

function status (step: number): Results['status'] {
  const st = steps.get(step)
  if (st == null) throw new Error(`unknown step ${step}`)
  return { sentOk: st.ok, failed: st.failed, settled: st.settled, scheduled: st.scheduled, receipts: st.receipts.length }
}

async function collect (step: number): Promise<Results['collect']> {
  const st = steps.get(step)
  if (st == null) throw new Error(`unknown step ${step}`)
  // the step's batched history writes belong to its CPU, not to the next step's
  await Promise.all(nodes[st.system].map(async b => { await b.room?.history.flushed() }))
  // CPU first: serializing the records below is not part of the step
  const cpu = cpuTimes(process.cpuUsage(st.cpu0))
  const windowMs = now() - st.t0
  const writes = io.writes - (st.io0?.writes ?? 0)
  const bytes = io.bytes - (st.io0?.bytes ?? 0)
  steps.delete(step)
  const stalls = {
    loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
    loopDelayMaxMs: loopDelay.max / 1e6,
    gcCount: gcPauses.length,
    gcTotalMs: gcPauses.reduce((a, b) => a + b, 0),
    gcMaxMs: Math.max(0, ...gcPauses)
  }
  return { cpu, windowMs, writes, bytes, stalls, sends: st.sends, receipts: st.receipts }
}

async function profileStart (intervalUs: number): Promise<Results['profile-start']> {
  profiler = new Session()
  profiler.connect()
  await profiler.post('Profiler.enable')
  await profiler.post('Profiler.setSamplingInterval', { interval: intervalUs })
  await profiler.post('Profiler.start')
  return {}
}

async function profileStop (file: string): Promise<Results['profile-stop']> {
  if (profiler == null) throw new Error('no profile running')
  const { profile } = await profiler.post('Profiler.stop')
  await profiler.post('Profiler.disable')
  profiler.disconnect()
  profiler = undefined
  await writeFile(file, JSON.stringify(profile))
  return { file, cpu: cpuTimes(process.cpuUsage()) }
}

async function shutdown (): Promise<void> {
  stopping ??= (async () => {
    const all = [...nodes.signed, ...nodes.raw]
    await Promise.allSettled(all.map(async b => {
      await Promise.race([b.node.stop(), sleep(10_000)])
      await b.store?.close()
    }))
    await rm(dir, { recursive: true, force: true })
  })()
  await stopping
}

async function handle (id: number, c: Command): Promise<void> {
  try {
    switch (c.cmd) {
      case 'start': reply(id, await startNodes(c.system, c.indices, c.channelOwner)); break
      case 'dial': reply(id, await dial(c.system, c.edges)); break
      case 'mesh': reply(id, mesh(c.system)); break
      case 'cpu': reply(id, cpuTimes(process.cpuUsage())); break
      case 'step': reply(id, await runStep(c)); break
      case 'envelope-size': reply(id, await envelopeSize()); break
      case 'status': reply(id, status(c.step)); break
      case 'collect': reply(id, await collect(c.step)); break
      case 'profile-start': reply(id, await profileStart(c.intervalUs)); break
      case 'profile-stop': reply(id, await profileStop(c.file)); break
      case 'stop':
        await shutdown()
        reply(id, {})
        process.exit(0)
    }
  } catch (err) {
    process.stdout.write(JSON.stringify({ id, ok: false, error: (err as Error).stack ?? String(err) }) + '\n')
  }
}

process.on('unhandledRejection', (err) => { log(`unhandled rejection: ${(err as Error)?.stack ?? String(err)}`) })
process.once('SIGTERM', () => { void shutdown().finally(() => process.exit(0)) })
const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => {
  const { id, ...c } = JSON.parse(line) as { id: number } & Command
  void handle(id, c as Command)
})
// the coordinator went away: clean up and leave
lines.on('close', () => { void shutdown().finally(() => process.exit(0)) })
reply(0, { dir, pid: process.pid } satisfies Results['hello'])
