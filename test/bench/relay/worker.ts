// A client worker of test/bench/relay.ts. It hosts many lightweight client
// nodes that each dial the relay's /ws address (lean libp2p nodes, see
// bareClient, or full swarm nodes; the ones that hold a reservation listen on
// /p2p-circuit) and, on `chat-join`, a few chat nodes (moderation + chat
// services with a LevelDB store, as test/helpers/nodes.ts composes them, with
// no listen address: the relay is their only peer) that chat through the
// relay. Answers JSON-line commands on stdin with JSON lines on stdout (see
// protocol.ts), logs on stderr; stops every node and removes its temp dir on
// `stop`, on SIGINT/SIGTERM and when stdin closes.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { multiaddr } from '@multiformats/multiaddr'
import { createLibp2p } from 'libp2p'
import { webSockets } from '@libp2p/websockets'
import { noise } from '@libp2p/noise'
import { yamux } from '@libp2p/yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { gossipsub } from '@libp2p/gossipsub'
import { circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import { createSwarmNode, awaitReservation, joinNetwork, contentMessageId, fastMessageId, DISCOVERY_TOPIC } from '../../../src/net/index.ts'
import { chat } from '../../../src/chat/index.ts'
import { moderation } from '../../../src/moderation/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { Identity } from '../../../src/identity/index.ts'
import { openStore } from '../../../src/store/index.ts'
import { nodeNoiseCrypto } from '../../../node/platform.ts'
import { chatText, now, parseChatText } from './protocol.ts'
import { sleep } from '../common/numbers.ts'
import type { ChatRunResult, ClientKind, ClientSpec, Command, ConnectResult, Results } from './protocol.ts'
import type { ChatRoom, ChatService } from '../../../src/chat/index.ts'
import type { ModerationService } from '../../../src/moderation/index.ts'
import type { SwarmNode } from '../../../src/net/index.ts'
import type { Store } from '../../../src/store/index.ts'
import type { Connection, Libp2p } from '@libp2p/interface'

type ChatNode = SwarmNode<{ moderation: ModerationService, chat: ChatService }>

interface ChatPeer {
  idx: number
  node: ChatNode
  room: ChatRoom
  store: Store
}

interface ChatStep {
  step: number
  receipts: Array<{ seq: number, receiver: number, at: number, stamp: number, wallAt: number }>
}

const STOP_TIMEOUT_MS = 10_000

const dir = await mkdtemp(join(tmpdir(), 'swarmcast-bench-relay-worker-'))
const clients = new Map<number, Libp2p>()
const chatPeers: ChatPeer[] = []
let relayPeer: string | undefined
let dropped = 0
const dropReasons: Record<string, number> = {}
let stopping: Promise<void> | undefined
/** Clients stopped on purpose (`leave`): their connections closing is no drop. */
const leaving = new WeakSet<Libp2p>()
let chatStep: ChatStep | undefined
const loop = monitorEventLoopDelay({ resolution: 10 })
loop.enable()

function log (text: string): void {
  process.stderr.write(`[relay bench worker ${process.pid}] ${text}\n`)
}

function reply (id: number, result: object): void {
  process.stdout.write(JSON.stringify({ id, ok: true, ...result }) + '\n')
}

function describe (err: unknown): string {
  const e = err as Error
  return `${e?.name ?? 'Error'}: ${e?.message ?? String(err)}`
}

/** Counts a client's relay connection closing while we are not stopping: what "existing clients keep working" is checked by. */
function watchDrops (node: Libp2p): void {
  node.addEventListener('connection:open', (evt) => {
    const conn: Connection = evt.detail
    if (conn.remotePeer.toString() !== relayPeer || conn.limits != null) return
    conn.addEventListener('close', (e) => {
      if (stopping != null || leaving.has(node)) return
      dropped++
      const why = `${e.local === true ? 'local' : 'remote'} ${e.error != null ? describe(e.error) : 'close'}`
      dropReasons[why] = (dropReasons[why] ?? 0) + 1
    })
  })
}

/** The relay's peer id, from the /p2p/ part of its address. */
function peerOf (addr: string): string {
  const id = multiaddr(addr).getComponents().findLast(c => c.name === 'p2p')?.value
  if (id == null) throw new Error(`relay address ${addr} has no /p2p/<id>`)
  return id
}

/**
 * A lean client: what a viewer's node shows the relay (WebSockets, noise,
 * yamux, identify, ping, gossipsub on the discovery topic; /p2p-circuit when
 * it holds a reservation) without the rest of the swarm node. It costs about
 * what a full swarm node costs (measured: ~0.05 % of a core and ~1.5 MiB
 * each, idle; the traffic the relay also sees dominates), but its connection
 * monitor, which still pings the relay every 10 s, does not drop the
 * connection when a ping is late: with 1,000+ clients on this shared 2-core
 * box a starved client process would otherwise drop its own connections (a
 * swarm node's monitor does, after 5 s) and the bench would measure itself.
 */
async function bareClient (spec: ClientSpec): Promise<Libp2p> {
  const node = await createLibp2p({
    addresses: { listen: spec.reserve ? ['/p2p-circuit'] : [] },
    transports: [webSockets(), circuitRelayTransport()],
    connectionEncrypters: [noise({ crypto: nodeNoiseCrypto })],
    streamMuxers: [yamux()],
    connectionMonitor: { abortConnectionOnPingFailure: false },
    services: {
      identify: identify(),
      ping: ping(),
      pubsub: gossipsub({ globalSignaturePolicy: 'StrictNoSign', msgIdFn: contentMessageId, fastMsgIdFn: fastMessageId, allowPublishToZeroTopicPeers: false, emitSelf: false })
    }
  })
  node.services.pubsub.subscribe(DISCOVERY_TOPIC)
  return node
}

async function connectOne (spec: ClientSpec, kind: ClientKind, relay: string, retries: number, dialTimeoutMs: number): Promise<{ result: ConnectResult, node?: Libp2p }> {
  const started = now()
  let node: Libp2p | undefined
  let firstError: string | undefined
  try {
    node = kind === 'bare' && spec.join !== true
      ? await bareClient(spec)
      : await createSwarmNode({
        name: `relay-bench-client${spec.index}`,
        // WebSockets (always in a swarm node) is all a client needs to dial the relay; no TCP
        transports: [],
        noiseCrypto: nodeNoiseCrypto,
        listen: spec.reserve ? ['/p2p-circuit'] : [],
        bootstrap: spec.join === true ? [relay] : []
      })
    clients.set(spec.index, node)
    watchDrops(node)
    for (let attempt = 0; ; attempt++) {
      try {
        // joinNetwork with its default timeout, as `swarmcast chat --bootstrap` runs it
        if (spec.join === true) await joinNetwork(node as unknown as SwarmNode, [relay], { skipClockCheck: true })
        else await node.dial(multiaddr(relay), { signal: AbortSignal.timeout(dialTimeoutMs) })
        break
      } catch (err) {
        // a client whose dial failed tries once more, as an app would
        if (attempt >= retries || spec.join === true) throw err
        firstError ??= describe(err)
      }
    }
    return { node, result: { index: spec.index, ok: true, ms: Math.round(now() - started), reserve: spec.reserve, ...(firstError != null ? { firstError } : {}) } }
  } catch (err) {
    return { node, result: { index: spec.index, ok: false, ms: Math.round(now() - started), error: describe(err), reserve: spec.reserve, ...(firstError != null ? { firstError } : {}) } }
  }
}

async function connect (c: Extract<Command, { cmd: 'connect' }>): Promise<Results['connect']> {
  relayPeer ??= peerOf(c.relay)
  const queue = [...c.clients]
  const results: ConnectResult[] = []
  const reservations: Array<Promise<void>> = []
  await Promise.all(Array.from({ length: c.concurrency }, async () => {
    for (let spec = queue.shift(); spec != null; spec = queue.shift()) {
      const { result, node } = await connectOne(spec, c.kind, c.relay, c.retries, c.dialTimeoutMs)
      results.push(result)
      if (!result.ok || !spec.reserve || node == null) continue
      const dialled = now()
      // a reservation is asked for after identify; waiting for it must not hold up the next dial
      reservations.push(awaitReservation(node, { timeoutMs: c.reserveTimeoutMs }).then((addr) => {
        result.reserved = true
        result.reserveMs = Math.round(now() - dialled)
        result.circuitAddr = addr
      }, (err: unknown) => {
        result.reserved = false
        result.reserveError = describe(err)
      }))
    }
  }))
  await Promise.all(reservations)
  return { results: results.sort((a, b) => a.index - b.index) }
}

function status (): Results['status'] {
  let connected = 0
  let reserved = 0
  const all: Libp2p[] = [...clients.values(), ...chatPeers.map(p => p.node as unknown as Libp2p)]
  for (const node of all) {
    if (node.getConnections().some(conn => conn.remotePeer.toString() === relayPeer && conn.limits == null)) connected++
    if (node.getMultiaddrs().some(a => a.toString().includes('/p2p-circuit'))) reserved++
  }
  const cpu = process.cpuUsage()
  const mem = process.memoryUsage()
  const result = {
    clients: all.length,
    connected,
    reserved,
    dropped,
    dropReasons,
    rssBytes: mem.rss,
    heapUsedBytes: mem.heapUsed,
    cpuUs: cpu.user + cpu.system,
    loopDelayP99Ms: Math.round(loop.percentile(99) / 1e6),
    loopDelayMaxMs: Math.round(loop.max / 1e6)
  }
  loop.reset()
  return result
}

/** Stops these clients (viewers leaving): their connections close, their reservations should free up. */
async function leave (c: Extract<Command, { cmd: 'leave' }>): Promise<Results['leave']> {
  const nodes = c.indices.map(i => clients.get(i)).filter(n => n != null)
  for (const node of nodes) leaving.add(node)
  await Promise.all(nodes.map(async node => { await Promise.race([node.stop(), sleep(STOP_TIMEOUT_MS)]) }))
  for (const i of c.indices) clients.delete(i)
  return { left: nodes.length }
}

// ---------- chat ----------

/** The implementation has getMeshPeers; the GossipSub interface type does not. */
function meshPeers (p: ChatPeer): string[] {
  return (p.node.services.pubsub as unknown as { getMeshPeers: (topic: string) => string[] }).getMeshPeers(p.room.topic)
}

async function chatJoin (c: Extract<Command, { cmd: 'chat-join' }>): Promise<Results['chat-join']> {
  relayPeer ??= peerOf(c.relay)
  const started = now()
  const channel = ChannelId.parse(c.channel)
  const created = await Promise.all(Array.from({ length: c.count }, async (_, idx): Promise<ChatPeer> => {
    const store = await openStore(join(dir, `chat-${idx}`))
    try {
      const identity = await Identity.generate()
      const node: ChatNode = await createSwarmNode({
        name: `relay-bench-chat${idx}`,
        transports: [],
        noiseCrypto: nodeNoiseCrypto,
        // no listen address: the only path to the others is through the relay
        listen: [],
        // moderation before chat: chat finds it among its components
        services: { moderation: moderation({ store, identity }), chat: chat({ store, identity }) }
      })
      watchDrops(node as unknown as Libp2p)
      await node.dial(multiaddr(c.relay), { signal: AbortSignal.timeout(c.timeoutMs) })
      const room = await node.services.chat.join(channel)
      const peer = { idx, node, room, store }
      room.addEventListener('message', (evt) => {
        const at = now()
        const id = parseChatText(evt.detail.text)
        if (id == null || chatStep == null || id.step !== chatStep.step) return
        chatStep.receipts.push({ seq: id.seq, receiver: idx, at, stamp: id.stamp, wallAt: Date.now() })
      })
      return peer
    } catch (err) {
      await store.close()
      throw err
    }
  }))
  chatPeers.push(...created)
  // every chat node has the relay in its chat mesh (gossip flows on the mesh; the relay is its only peer)
  const deadline = Date.now() + c.timeoutMs
  while (chatPeers.some(p => !meshPeers(p).includes(relayPeer!))) {
    if (Date.now() > deadline) throw new Error(`chat nodes without the relay in their chat mesh after ${c.timeoutMs} ms: ${chatPeers.filter(p => !meshPeers(p).includes(relayPeer!)).map(p => p.idx).join(', ')}`)
    await sleep(100)
  }
  return { joined: chatPeers.length, ms: Math.round(now() - started) }
}

/**
 * Sends `rate` msg/s in total for `durationMs` from t0, round-robin over the
 * chat nodes, each without waiting for its previous send; then waits
 * `graceMs` for the last deliveries.
 */
async function chatRun (c: Extract<Command, { cmd: 'chat-run' }>): Promise<Results['chat-run']> {
  const n = chatPeers.length
  if (n < 2) throw new Error('chat-run needs at least two chat nodes (chat-join first)')
  const st: ChatStep = { step: c.step, receipts: [] }
  chatStep = st
  const scheduledAt = new Map<number, { at: number, calledAt: number, sender: number }>()
  const outcomes: Record<string, number> = {}
  const sends: Array<Promise<void>> = []
  const total = Math.floor(c.rate * c.durationMs / 1000)
  for (let seq = 0; seq < total; seq++) {
    const at = c.t0 + seq * 1000 / c.rate
    await sleep(at - now())
    const sender = seq % n
    scheduledAt.set(seq, { at, calledAt: now(), sender })
    sends.push(chatPeers[sender]!.room.send(chatText(c.step, seq, c.textBytes), { peerWaitMs: 1000 }).then(() => 'ok', (err: Error) => err.name).then((outcome) => {
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1
    }))
  }
  await Promise.all(sends)
  await sleep(c.t0 + c.durationMs + c.graceMs - now())
  chatStep = undefined
  const samples: Array<[number, number, number]> = []
  const stampLatencies: number[] = []
  let received = 0
  for (const r of st.receipts) {
    const s = scheduledAt.get(r.seq)
    // a node's own message comes back from its room too: only other nodes' receipts count
    if (s == null || s.sender === r.receiver) continue
    received++
    samples.push([Math.round(s.calledAt - c.t0), Math.round(r.at - s.calledAt), Math.round(r.at - s.at)])
    stampLatencies.push(r.wallAt - r.stamp)
  }
  const result: ChatRunResult = {
    scheduled: total,
    outcomes,
    expected: total * (n - 1),
    received,
    samples,
    stampLatencies,
    mesh: chatPeers.map(p => meshPeers(p).length),
    connections: chatPeers.map(p => p.node.getConnections().length)
  }
  return result
}

/**
 * Dials each `/p2p-circuit` address through the relay from a chat node (it is
 * connected already, so this works when the relay is at its connection cap):
 * reservation holders are still reachable.
 */
async function dialCircuit (c: Extract<Command, { cmd: 'dial-circuit' }>): Promise<Results['dial-circuit']> {
  const node = chatPeers[0]?.node
  if (node == null) throw new Error('dial-circuit needs a chat node (chat-join first)')
  const results: Results['dial-circuit']['results'] = []
  for (const addr of c.addrs) {
    const started = now()
    try {
      const conn = await node.dial(multiaddr(addr), { signal: AbortSignal.timeout(c.timeoutMs) })
      results.push({ addr, ok: true, ms: Math.round(now() - started) })
      await conn.close()
    } catch (err) {
      results.push({ addr, ok: false, ms: Math.round(now() - started), error: describe(err) })
    }
  }
  return { results }
}

// ---------- lifecycle ----------

async function shutdown (): Promise<void> {
  stopping ??= (async () => {
    const stopOne = async (stop: () => Promise<void>): Promise<void> => { await Promise.race([stop().catch(() => {}), sleep(STOP_TIMEOUT_MS)]) }
    await Promise.allSettled([
      ...[...clients.values()].map(async node => { await stopOne(async () => { await node.stop() }) }),
      ...chatPeers.map(async p => { await stopOne(async () => { await p.node.stop(); await p.store.close() }) })
    ])
    clients.clear()
    chatPeers.length = 0
    loop.disable()
    await rm(dir, { recursive: true, force: true })
  })()
  await stopping
}

function exitAfterShutdown (code: number): void {
  void shutdown().finally(() => process.exit(code))
}

async function handle (c: Command): Promise<object> {
  switch (c.cmd) {
    case 'connect': return await connect(c)
    case 'status': return status()
    case 'chat-join': return await chatJoin(c)
    case 'chat-run': return await chatRun(c)
    case 'dial-circuit': return await dialCircuit(c)
    case 'leave': return await leave(c)
    case 'stop': await shutdown(); return {}
  }
}

process.on('unhandledRejection', (err) => { log(`unhandled rejection: ${(err as Error)?.stack ?? String(err)}`) })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { exitAfterShutdown(0) })

const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => {
  let c: Command & { id: number }
  try {
    c = JSON.parse(line) as Command & { id: number }
  } catch {
    log(`not a command: ${line}`)
    return
  }
  handle(c).then((result) => {
    reply(c.id, result)
    if (c.cmd === 'stop') process.exit(0)
  }, (err: Error) => {
    process.stdout.write(JSON.stringify({ id: c.id, ok: false, error: err.stack ?? err.message }) + '\n')
  })
})
// the coordinator went away: clean up and leave
lines.on('close', () => { exitAfterShutdown(0) })
reply(0, { pid: process.pid, dir })
