// A hostile peer among honest ones (issue 9, "Bad input" 2). A relay, a
// streamer seeding fake segments and four chat+video viewers run in this
// process; the hostile peer is a real libp2p node in its own process
// (test/helpers/hostile-peer-process.ts). Honest chat runs at a steady 5 msg/s
// through a window with the hostile peer connected but quiet, then through a
// window in which it does everything at once (gossip junk, throwaway keys over
// the rate limit, replays, oversize frames, hundreds of unread streams,
// leeching every segment, lying haves, a junk history server). The honest
// nodes must keep their latency, lose nothing, keep playing, store nothing the
// protocol refuses, and end with the hostile peer disconnected, scored out or
// penalized.
import t from 'tap'
import { join } from 'node:path'
import { peerIdFromString } from '@libp2p/peer-id'
import { createSwarmNode, peerScore } from '../../src/net/index.ts'
import { chat, ChatValidator, DEFAULT_RATE_BURST, DEFAULT_RATE_PER_SECOND } from '../../src/chat/index.ts'
import { moderation } from '../../src/moderation/index.ts'
import { video, Viewer, DEFAULT_TARGET_BUFFER_MS } from '../../src/video/index.ts'
import { Identity } from '../../src/identity/index.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { openStore } from '../../src/store/index.ts'
import { nodeTransports } from '../../node/platform.ts'
import { tempDir } from '../helpers/cli.ts'
import { testRelay } from '../helpers/nodes.ts'
import { seedLoop, SEED_LOOP } from '../helpers/seed-loop.ts'
import { startHostilePeer } from '../helpers/hostile-peer.ts'
import { waitFor } from '../helpers/wait.ts'
import type { ChatRoom, ChatService } from '../../src/chat/index.ts'
import type { ModerationService } from '../../src/moderation/index.ts'
import type { VideoService } from '../../src/video/index.ts'
import type { SwarmNode } from '../../src/net/index.ts'
import type { AttackReport } from '../helpers/hostile-peer.ts'
import type { Test } from 'tap'

type FullNode = SwarmNode<{ moderation: ModerationService, chat: ChatService, video: VideoService }>

const SEND_INTERVAL_MS = 200
const WINDOW_MS = 10_000
// Ratio to the quiet windows, plus an absolute floor: on an idle box the quiet
// median is under 10 ms, where one scheduler hiccup of the shared 2-core
// machine (other test files run beside this one) is as large as the figure itself.
const LATENCY_RATIO = 2
const LATENCY_FLOOR_MS = 50

/** An honest peer with moderation, chat and video, its own identity and LevelDB store. */
async function honestPeer (t: Test, name: string, bootstrap: string[], identity?: Identity, uploadLimit?: number): Promise<{ node: FullNode, identity: Identity }> {
  const tmp = await tempDir()
  const store = await openStore(join(tmp.dir, 'store'))
  const id = identity ?? await Identity.generate()
  const node: FullNode = await createSwarmNode({
    name,
    bootstrap,
    transports: nodeTransports,
    listen: ['/ip4/127.0.0.1/tcp/0'],
    services: { moderation: moderation({ store, identity: id }), chat: chat({ store, identity: id }), video: video({ uploadLimit }) }
  })
  t.teardown(async () => { await node.stop(); await store.close(); await tmp.remove() })
  return { node, identity: id }
}

function percentile (values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] ?? NaN
}

interface Sent { id: string, sentAt: number, from: number }

t.test('a hostile peer floods, replays, leeches and lies: honest latency holds, nothing is lost or stored, it ends scored out', async t => {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'hostile')
  const relay = await testRelay(t, { follow: [channel] })
  // upload budgets as a home connection would set them: the streamer can send each segment
  // about three times over, a viewer twice; a leecher that takes them all starves the swarm
  const segmentRate = SEED_LOOP.SEGMENT_BYTES * 1000 / SEED_LOOP.SEGMENT_MS
  const streamer = await honestPeer(t, 'streamer', relay.bootstrap, owner, 3 * segmentRate)
  const viewers = await Promise.all(['v1', 'v2', 'v3', 'v4'].map(async name => await honestPeer(t, name, relay.bootstrap, undefined, 2 * segmentRate)))
  const senders = [streamer, ...viewers]
  const nodes: FullNode[] = [relay.relay.node, ...senders.map(s => s.node)]
  const names = ['relay', 'streamer', 'v1', 'v2', 'v3', 'v4']
  const rooms: ChatRoom[] = [relay.relay.node.services.chat.room(channel)!, ...await Promise.all(senders.map(async s => await s.node.services.chat.join(channel)))]

  const seeding = seedLoop(await streamer.node.services.video.join(channel), owner)
  t.teardown(seeding.stop)
  const players = await Promise.all(viewers.map(async v => {
    const player = new Viewer(await v.node.services.video.join(channel), { selfId: v.node.peerId.toString() })
    player.start()
    t.teardown(() => { player.close() })
    return player
  }))

  // every receipt, by room: when each message arrived, and how often it was shown
  const receipts = rooms.map(() => new Map<string, number>())
  const shown = rooms.map(() => new Map<string, number>())
  const refused = rooms.map(() => new Map<string, number>())
  for (const [i, room] of rooms.entries()) {
    room.addEventListener('message', (evt) => {
      if (!receipts[i]!.has(evt.detail.id)) receipts[i]!.set(evt.detail.id, Date.now())
      shown[i]!.set(evt.detail.id, (shown[i]!.get(evt.detail.id) ?? 0) + 1)
    })
    room.addEventListener('rejected', (evt) => { refused[i]!.set(evt.detail.code, (refused[i]!.get(evt.detail.code) ?? 0) + 1) })
  }

  await waitFor(() => rooms.every(r => r.peers().length >= rooms.length - 1), 'every honest node to share the chat topic with the five others', 60_000)
  const hostile = await startHostilePeer(t, channel.text, nodes.map(n => ({ peerId: n.peerId.toString(), addrs: n.getMultiaddrs().map(a => a.toString()) })))
  const hostileId = peerIdFromString(hostile.peerId)
  await waitFor(() => rooms.every(r => r.peers().some(p => p.equals(hostileId))) && players.every(p => p.swarm.neighbours.has(hostile.peerId)),
    'every honest node to see the hostile peer in the chat topic, and every viewer to take its haves', 60_000)
  await waitFor(() => players.every(p => p.stats().segments >= 2), 'every viewer to play', 60_000)

  const sent: Sent[] = []
  let sendFailures = 0
  /** Sends at a steady rate for `ms`, round-robin over the five honest senders; resolves when every send settled. */
  const chatLoad = async (label: string, ms: number): Promise<Sent[]> => {
    const start = Date.now()
    const mine: Sent[] = []
    const sends: Array<Promise<void>> = []
    for (let i = 0; i < ms / SEND_INTERVAL_MS; i++) {
      const wait = start + i * SEND_INTERVAL_MS - Date.now()
      if (wait > 0) await new Promise(resolve => setTimeout(resolve, wait))
      const from = 1 + (i % senders.length)
      const sentAt = Date.now()
      sends.push(rooms[from]!.send(`${label} ${i}`).then(m => { mine.push({ id: m.id, sentAt, from }) }, (err: Error) => { sendFailures++; t.comment(`send failed: ${err.name}: ${err.message}`) }))
    }
    await Promise.all(sends)
    sent.push(...mine)
    return mine
  }
  const deliveredToAll = (list: Sent[]): boolean => list.every(s => receipts.every((r, i) => i === s.from || r.has(s.id)))
  const latencies = (list: Sent[]): number[] => list.map(s => Math.max(...receipts.map((r, i) => i === s.from ? 0 : (r.get(s.id) ?? Infinity) - s.sentAt)))

  /** A window of chat load; resolves once every message reached every honest node. */
  const measure = async (label: string, during: Promise<unknown> = Promise.resolve()): Promise<{ sent: Sent[], ms: number, cpuPct: number }> => {
    const startedAt = Date.now()
    const cpu = process.cpuUsage()
    const [list] = await Promise.all([chatLoad(label, WINDOW_MS), during])
    const ms = Date.now() - startedAt
    const used = process.cpuUsage(cpu)
    await waitFor(() => deliveredToAll(list), `every ${label}-window message to reach every honest node`, 20_000)
    return { sent: list, ms, cpuPct: Math.round((used.user + used.system) / 10 / ms) }
  }

  // when each viewer's stalls began, by phase of the test: a stall before the attack is not the attack's doing
  const phases: Array<{ name: string, from: number }> = [{ name: 'start-up', from: 0 }]
  const stallsBy = players.map(() => [] as string[])
  for (const [i, p] of players.entries()) {
    let since = 0
    p.addEventListener('stall', () => { since = Date.now() })
    p.addEventListener('resume', (evt) => { stallsBy[i]!.push(`${Math.round(evt.detail.stallMs)} ms in ${phases.findLast(ph => ph.from <= since)!.name}`) })
  }
  phases.push({ name: 'quiet window', from: Date.now() })
  const before = await measure('quiet')
  const playedBefore = players.map(p => p.stats().segments)
  const skippedBefore = players.map(p => p.stats().skipped)
  const rssBefore = process.memoryUsage().rss
  // the attack window: chat load, the hostile peer's attack, and each honest node asking it for history
  let attackReport: AttackReport | undefined
  phases.push({ name: 'attack window', from: Date.now() })
  const attack = await measure('attack', Promise.all([
    hostile.attack(WINDOW_MS).then(r => { attackReport = r }),
    (async () => {
      await new Promise(resolve => setTimeout(resolve, 1_000))
      await Promise.all(rooms.map(async r => await r.syncFrom(hostileId, { signal: AbortSignal.timeout(5_000) }).catch(() => undefined)))
    })()
  ]))
  const attackMs = attack.ms
  const played = players.map((p, i) => p.stats().segments - playedBefore[i]!)
  const rssAfter = process.memoryUsage().rss
  // the box's load drifts: a second quiet window after the attack brackets it
  phases.push({ name: 'quiet window again', from: Date.now() })
  const after = await measure('quiet again')
  if (attackReport == null) throw new Error('the hostile peer sent no report')
  const report: AttackReport = attackReport

  // latency: send → the last honest node shows it
  const stats = (w: { sent: Sent[], ms: number, cpuPct: number }): string => {
    const l = latencies(w.sent)
    return `median ${percentile(l, 0.5)} ms, p90 ${percentile(l, 0.9)} ms, max ${Math.max(...l)} ms (${l.length} messages; honest process CPU ${w.cpuPct} % of a core over ${w.ms} ms)`
  }
  t.comment(`quiet window:        ${stats(before)}`)
  t.comment(`attack window:       ${stats(attack)}`)
  t.comment(`quiet window again:  ${stats(after)}`)
  t.comment(`hostile peer did: ${JSON.stringify({ gossip: report.gossip, streams: report.streams, leech: report.leech, haves: report.haves, history: report.history })}`)
  t.comment(`refusals by honest rooms: ${rooms.map((_, i) => `${names[i]} ${JSON.stringify(Object.fromEntries(refused[i]!))}`).join('; ')}`)
  t.comment(`test process RSS ${(rssBefore / 1048576).toFixed(0)} → ${(rssAfter / 1048576).toFixed(0)} MiB over the attack`)
  const { gossip, streams, leech, haves, history } = report
  t.ok(gossip.badSignature > 0 && gossip.oversizeEnvelope > 0 && gossip.oversizeFrame > 0 && gossip.throwaway > 0 && gossip.replayed > 0 &&
    streams.opened + streams.refused >= 100 && streams.oversizeFrames > 0 && leech.requests > 0 && haves.liesSent > 0 && haves.wrongBytes > 0 && history.requests > 0,
  'the hostile peer did all of it within the window')
  t.equal(sendFailures, 0, 'every honest send went out')
  t.ok(deliveredToAll(sent), `all ${sent.length} honest messages reached every honest node`)
  // The median, against the slower of the quiet windows before and after: the box's
  // load drifts (other test files, other work), and the median of 60 messages ignores
  // the odd multi-hundred-ms scheduling stall of a loaded 2-core machine that a p90
  // (6 messages) or a max would count, while an attack that slows honest traffic as
  // a whole moves it.
  const quietMedian = Math.max(percentile(latencies(before.sent), 0.5), percentile(latencies(after.sent), 0.5))
  const attackMedian = percentile(latencies(attack.sent), 0.5)
  t.ok(attackMedian <= LATENCY_RATIO * quietMedian + LATENCY_FLOOR_MS, `honest median latency under attack ${attackMedian} ms ≤ ${LATENCY_RATIO} × ${quietMedian} ms + ${LATENCY_FLOOR_MS} ms`)

  // video: every viewer kept getting segments through the attack, nothing skipped ("played"
  // counts segments handed to the player, which happens as they arrive in order: it may lag
  // the cutting by what the buffer gave up, at most one target buffer)
  const segmentsInWindow = Math.floor(attackMs / SEED_LOOP.SEGMENT_MS)
  const bufferSegments = DEFAULT_TARGET_BUFFER_MS / SEED_LOOP.SEGMENT_MS
  for (const [i, p] of players.entries()) {
    const s = p.stats()
    t.comment(`${names[i + 2]}: got ${played[i]!} segments in the attack window (${segmentsInWindow} were cut), buffer ${Math.round(s.bufferMs)} ms, ${s.stalls} stalls (${Math.round(s.stallMs)} ms${stallsBy[i]!.length > 0 ? `: ${stallsBy[i]!.join(', ')}` : ''}), ${s.skipped} skipped, ${p.swarm.stats.badSegments} bad segments caught`)
    t.equal(s.skipped - skippedBefore[i]!, 0, `${names[i + 2]} skipped no segment from the attack on`)
    t.ok(played[i]! >= segmentsInWindow - bufferSegments, `${names[i + 2]} kept getting segments through the attack`)
  }

  // the hostile peer: disconnected, scored below zero or penalized by every honest node
  for (const [i, node] of nodes.entries()) {
    const connected = node.getConnections(hostileId).length > 0
    const score = peerScore(node.services.pubsub, hostileId)
    const penalized = node.services.penalties.isPenalized(hostileId)
    t.ok(!connected || score < 0 || penalized, `${names[i]}: hostile peer ${connected ? 'connected' : 'disconnected'}, gossip score ${score.toFixed(1)}, ${penalized ? 'penalized' : 'not penalized'}`)
  }

  // nothing it sent was stored, beyond what any signer may post
  const honestAuthors = new Set(senders.map(s => s.identity.key))
  const throwaway = new Set(report.throwawayAuthors)
  const forged = new Set(report.forgedIds)
  const sentIds = new Set(sent.map(s => s.id))
  // signatures, channel and encoding of what is stored; its rates are checked below, against the timestamps
  const verifier = new ChatValidator(channel, { ratePerSecond: 1e9, rateBurst: 1e9 })
  // what one author may have stored: a burst, then the sustained rate over the span of its
  // timestamps (a throwaway key's burst takes longer than a second on a loaded box)
  const allowance = (timestamps: number[]): number => DEFAULT_RATE_BURST + DEFAULT_RATE_PER_SECOND * Math.ceil((Math.max(...timestamps) - Math.min(...timestamps) + 1000) / 1000)
  for (const [i, room] of rooms.entries()) {
    const stored = await room.history.queryEnvelopes({ limit: 100_000 })
    const verdicts = await Promise.all(stored.map(async s => await verifier.validate(s.envelope, 'sync')))
    const messages = verdicts.flatMap(v => v.verdict === 'accept' && v.item.kind === 'message' ? [v.item.message] : [])
    const byAuthor = new Map<string, number[]>()
    for (const m of messages) byAuthor.set(m.author, [...(byAuthor.get(m.author) ?? []), m.timestamp])
    const strangers = [...byAuthor.keys()].filter(k => !honestAuthors.has(k) && !throwaway.has(k) && k !== report.syncFloodAuthor)
    const honestStored = messages.filter(m => honestAuthors.has(m.author))
    const overRate = [...throwaway].filter(k => (byAuthor.get(k)?.length ?? 0) > allowance(byAuthor.get(k) ?? [0]))
    const throwawayStored = [...throwaway].reduce((n, k) => n + (byAuthor.get(k)?.length ?? 0), 0)
    const maxThrowaway = Math.max(0, ...[...throwaway].map(k => byAuthor.get(k)?.length ?? 0))
    t.equal(messages.length, stored.length, `${names[i]}: every stored item verifies`)
    t.notOk(messages.some(m => forged.has(m.id)), `${names[i]}: no forged item stored (${forged.size} sent)`)
    t.same(strangers, [], `${names[i]}: no author but the honest ones and the hostile peer's own keys`)
    t.ok(honestStored.length === sentIds.size && honestStored.every(m => sentIds.has(m.id)), `${names[i]}: exactly the ${sentIds.size} honest messages, each once (${report.replayedIds.length} replayed)`)
    t.ok([...shown[i]!.values()].every(n => n === 1), `${names[i]}: no message shown twice`)
    t.same(overRate, [], `${names[i]}: throwaway keys kept to the per-author rate limit (${throwawayStored} stored from ${throwaway.size} keys, at most ${maxThrowaway} per key; ${report.gossip.throwaway} sent)`)
    const flood = byAuthor.get(report.syncFloodAuthor) ?? []
    t.ok(flood.length <= allowance(flood.length > 0 ? flood : [0]), `${names[i]}: over-rate messages served as history kept to the rate limit (${flood.length} stored)`)
  }
})
