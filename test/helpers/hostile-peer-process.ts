// The hostile peer of test/integration/hostile-peer.test.ts, run as its own
// process (see hostile-peer.ts): a real libp2p node with its own gossipsub that
// joins a channel next to honest nodes, behaves while told to stay quiet, and
// during an attack window misbehaves in every way it can:
// - floods the chat topic with valid-looking junk: well-formed envelopes with bad
//   signatures, oversize envelopes, and correctly signed messages from throwaway
//   keys far above the per-author rate limit;
// - replays captured honest messages, over and over;
// - sends oversize frames: a gossip RPC over the inbound frame limit, frames over
//   each protocol's request bound, a length prefix of 2^40;
// - opens hundreds of streams on chat-history, mod-sync and segments and never
//   reads (half of them send a request first, half stay silent);
// - requests every segment of the live window from every honest node, again and again;
// - lies in haves: claims every announced segment and, asked for one, never
//   answers, answers not-found, or serves wrong bytes;
// - answers history requests with tampered, replayed and over-rate signed messages.
// It is driven over the IPC channel: commands in, reports out (see HostileCommand).
import { setPriority } from 'node:os'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@libp2p/noise'
import { yamux } from '@libp2p/yamux'
import { identify } from '@libp2p/identify'
import { gossipsub, TopicValidatorResult } from '@libp2p/gossipsub'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { wire, boundedLpStream } from '../../src/wire/index.ts'
import { ChannelId, chatTopic, modTopic, videoTopic } from '../../src/channel/index.ts'
import { Identity } from '../../src/identity/index.ts'
import { Kind, MAX_ENVELOPE_BYTES } from '../../src/envelope/index.ts'
import { CHAT_HISTORY_PROTOCOL, messageId } from '../../src/chat/index.ts'
import { MOD_SYNC_PROTOCOL } from '../../src/moderation/index.ts'
import { AnnouncementValidator, SEGMENTS_PROTOCOL, MAX_SWARM_MESSAGE_BYTES } from '../../src/video/index.ts'
import { requestFromPeer } from '../../src/video/segment-client.ts'
import { decodeRequest, encodeHaves, encodeRequest, encodeResponse, RequestKind, SwarmStatus } from '../../src/video/swarm-messages.ts'
import { chatEnvelope, tamper } from './chat-envelopes.ts'
import { HostileStream } from './hostile-node.ts'
import type { SegmentAnnouncement } from '../../src/video/index.ts'
import type { GossipSub } from '@libp2p/gossipsub'
import type { Libp2p, PeerId, Stream } from '@libp2p/interface'
import type { ConnectionManager } from '@libp2p/interface-internal'

/** What the test tells the hostile peer. */
export type HostileCommand =
  | { type: 'start', channel: string, targets: Array<{ peerId: string, addrs: string[] }> }
  | { type: 'attack', durationMs: number }
  | { type: 'stop' }

/** Everything the hostile peer did in the attack window, and what it sent (for the "nothing stored" checks). */
export interface AttackReport {
  gossip: { badSignature: number, oversizeEnvelope: number, oversizeFrame: number, throwaway: number, replayed: number, publishFailed: number }
  streams: { opened: number, refused: number, requestThenSilent: number, silent: number, oversizeFrames: number, endedByHonest: number }
  leech: { requests: number, ok: number, busy: number, notFound: number, failed: number }
  haves: { subscribers: number, liesSent: number, notFound: number, hung: number, wrongBytes: number }
  history: { requests: number, itemsServed: number }
  /** Keys of the throwaway authors whose signed messages went out by gossip (each above the rate limit). */
  throwawayAuthors: string[]
  /** The author whose over-rate messages went out only in history answers. */
  syncFloodAuthor: string
  /** Ids of the forged (tampered or badly signed) envelopes it sent. */
  forgedIds: string[]
  /** Ids of the captured honest messages it replayed. */
  replayedIds: string[]
}

export type HostileReply =
  | { type: 'ready', peerId: string, addrs: string[] }
  | { type: 'report', report: AttackReport }
  | { type: 'error', message: string }

// bounds of the attack (per honest node where it says so)
const STREAMS_PER_PROTOCOL = 40
const LEECH_LOOPS_PER_TARGET = 3
const BAD_SIGNATURES_PER_SECOND = 40
const REPLAYS_PER_SECOND = 100
const THROWAWAY_BURST = 25
const SYNC_FLOOD_MESSAGES = 40
// a stream the honest node has not ended by then is given up by us
const HUNG_ANSWER_MS = 10_000

// An attacker runs on its own machine: on a shared box our CPU should not come out of
// the honest nodes' share (at equal priority, a saturated box slows them by our mere
// presence, whatever their defences). Niced a little, we yield to them when the box
// is full, yet still get enough to attack.
try {
  setPriority(5)
} catch {
  // not allowed here: run at normal priority
}

const send = (reply: HostileReply): void => { process.send?.(reply) }
const sleep = async (ms: number): Promise<void> => { await new Promise(resolve => setTimeout(resolve, ms)) }

let node: Libp2p<{ pubsub: GossipSub }> | undefined
let channel: ChannelId
let targets: PeerId[] = []
let mode: 'quiet' | 'attack' = 'quiet'
const captured: Uint8Array[] = []
const announcements = new Map<number, SegmentAnnouncement>()
const havesSubscribers = new Set<HostileStream>()
const requestsBy = new Map<string, number>()
const report: AttackReport = {
  gossip: { badSignature: 0, oversizeEnvelope: 0, oversizeFrame: 0, throwaway: 0, replayed: 0, publishFailed: 0 },
  streams: { opened: 0, refused: 0, requestThenSilent: 0, silent: 0, oversizeFrames: 0, endedByHonest: 0 },
  leech: { requests: 0, ok: 0, busy: 0, notFound: 0, failed: 0 },
  haves: { subscribers: 0, liesSent: 0, notFound: 0, hung: 0, wrongBytes: 0 },
  history: { requests: 0, itemsServed: 0 },
  throwawayAuthors: [],
  syncFloodAuthor: '',
  forgedIds: [],
  replayedIds: []
}
const replayed = new Set<string>()
let syncFlood: Uint8Array[] = []

async function start (command: Extract<HostileCommand, { type: 'start' }>): Promise<void> {
  channel = ChannelId.parse(command.channel)
  node = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    connectionManager: { allow: ['/ip4/127.0.0.1/ipcidr/8'], maxConnections: 1000 },
    services: {
      identify: identify(),
      pubsub: gossipsub({
        globalSignaturePolicy: 'StrictNoSign',
        // a fresh id each time: our gossipsub publishes the same bytes as often as we like
        msgIdFn: () => crypto.getRandomValues(new Uint8Array(16)),
        emitSelf: false,
        allowPublishToZeroTopicPeers: true,
        floodPublish: true,
        // frames far over what honest nodes read
        maxInboundDataLength: 8 * 1024 * 1024,
        maxOutboundBufferSize: 64 * 1024 * 1024,
        scoreParams: { IPColocationFactorWeight: 0 }
      })
    }
  })
  const validator = new AnnouncementValidator(channel)
  const pubsub = node.services.pubsub
  // capture everything honest nodes send; forward nothing (a freeloader)
  pubsub.topicValidators.set(chatTopic(channel), (_from, msg) => {
    if (captured.length < 1000) captured.push(msg.data)
    return TopicValidatorResult.Ignore
  })
  pubsub.topicValidators.set(videoTopic(channel), async (_from, msg) => {
    const check = await validator.validate(msg.data, 'haves')
    if (check.verdict === 'accept' && !announcements.has(check.announcement.seq)) {
      announcements.set(check.announcement.seq, check.announcement)
      for (const seq of [...announcements.keys()].sort((a, b) => a - b).slice(0, -60)) announcements.delete(seq)
      if (mode === 'attack') for (const s of havesSubscribers) void writeLies(s, [check.announcement])
    }
    return TopicValidatorResult.Ignore
  })
  pubsub.topicValidators.set(modTopic(channel), () => TopicValidatorResult.Ignore)
  for (const topic of [chatTopic(channel), videoTopic(channel), modTopic(channel)]) pubsub.subscribe(topic)
  await node.handle(SEGMENTS_PROTOCOL, (stream, connection) => { void answerSegments(new HostileStream(stream), connection.remotePeer) }, { maxInboundStreams: 1024, maxOutboundStreams: 1024 })
  await node.handle(CHAT_HISTORY_PROTOCOL, (stream) => { void answerHistory(stream) }, { maxInboundStreams: 64 })
  await node.handle(MOD_SYNC_PROTOCOL, (stream) => { void stream.close().catch(() => {}) }, { maxInboundStreams: 64 })
  targets = command.targets.map(t => peerIdFromString(t.peerId))
  for (const t of command.targets) {
    const peer = peerIdFromString(t.peerId)
    await node.peerStore.merge(peer, { multiaddrs: t.addrs.map(a => multiaddr(a)) })
    // a loaded box can time a handshake out: try again for a while
    for (const deadline = Date.now() + 45_000; ;) {
      try {
        await node.dial(peer, { signal: AbortSignal.timeout(15_000) })
        break
      } catch (err) {
        if (Date.now() > deadline) throw err
        await sleep(500)
      }
    }
  }
  // what the history answer will carry: SYNC_FLOOD_MESSAGES signed by one key within a second
  const flooder = await Identity.generate()
  report.syncFloodAuthor = flooder.key
  const now = Date.now()
  syncFlood = await Promise.all(Array.from({ length: SYNC_FLOOD_MESSAGES }, async (_, i) => await chatEnvelope(flooder, channel, { text: `history flood ${i}`, timestamp: now - 20_000 + i * 20 })))
  send({ type: 'ready', peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map(a => a.toString()) })
}

// ---- lying in haves ----

async function answerSegments (s: HostileStream, peer: PeerId): Promise<void> {
  try {
    const lp = boundedLpStream(s.stream, MAX_SWARM_MESSAGE_BYTES)
    const request = decodeRequest((await lp.read({ signal: AbortSignal.timeout(5_000) })).subarray())
    if (request.kind === RequestKind.Haves) {
      havesSubscribers.add(s)
      report.haves.subscribers++
      s.stream.addEventListener('close', () => { havesSubscribers.delete(s) })
      if (mode === 'attack') await writeLies(s, [...announcements.values()])
      else await s.sendFrame(encodeHaves({ seqs: [], announcements: [], seed: false }))
      return
    }
    const a = announcements.get(request.seq)
    if (mode !== 'attack' || request.kind === RequestKind.Init || a == null) {
      await lp.write(encodeResponse(SwarmStatus.NotFound))
      await s.closeWrite()
      return
    }
    // per asker: the first request is never answered, the second gets not-found, the rest
    // wrong bytes (a viewer has two requests in flight to a peer: it meets all three at once)
    const n = requestsBy.get(peer.toString()) ?? 0
    requestsBy.set(peer.toString(), n + 1)
    if (n === 0) {
      report.haves.hung++
      await s.remoteEnd(HUNG_ANSWER_MS)
      s.reset()
    } else if (n === 1) {
      report.haves.notFound++
      await lp.write(encodeResponse(SwarmStatus.NotFound))
      await s.closeWrite()
    } else {
      report.haves.wrongBytes++
      await lp.write(encodeResponse(SwarmStatus.Ok, crypto.getRandomValues(new Uint8Array(Math.min(a.size, 65_536)))))
      await s.closeWrite()
    }
  } catch {
    s.reset()
  }
}

/** Claims to hold `these` (real announcements; we hold none of the bytes). */
async function writeLies (s: HostileStream, these: SegmentAnnouncement[]): Promise<void> {
  if (these.length === 0) return
  report.haves.liesSent++
  await s.sendFrame(encodeHaves({ seqs: these.map(a => a.seq), announcements: these.map(a => a.envelope), seed: false })).catch(() => { havesSubscribers.delete(s) })
}

// ---- a history server that serves junk ----

async function answerHistory (stream: Stream): Promise<void> {
  const s = new HostileStream(stream)
  try {
    const lp = boundedLpStream(stream, MAX_ENVELOPE_BYTES)
    await lp.read({ signal: AbortSignal.timeout(5_000) })
    report.history.requests++
    if (mode === 'attack') {
      const honest = captured.slice(-50)
      const forged = honest.slice(0, 10).map(bytes => forge(bytes)).filter(f => f != null)
      for (const h of honest) noteReplay(h)
      for (const item of [...forged, ...honest, ...syncFlood]) {
        await lp.write(item)
        report.history.itemsServed++
      }
    }
    await s.closeWrite()
  } catch {
    s.reset()
  }
}

/** A captured honest message with its text changed and its signature kept. */
function forge (bytes: Uint8Array): Uint8Array | undefined {
  try {
    const forged = tamper(bytes, 'forged by the hostile peer')
    report.forgedIds.push(messageId(forged))
    return forged
  } catch {
    return undefined
  }
}

function noteReplay (bytes: Uint8Array): void {
  const id = messageId(bytes)
  if (!replayed.has(id)) {
    replayed.add(id)
    report.replayedIds.push(id)
  }
}

// ---- gossip floods ----

async function publish (bytes: Uint8Array): Promise<boolean> {
  try {
    await node!.services.pubsub.publish(chatTopic(channel), bytes)
    return true
  } catch {
    report.gossip.publishFailed++
    return false
  }
}

/** A well-formed chat envelope (valid payload, random author) whose signature is junk. */
function badlySigned (): Uint8Array {
  const payload = wire.ChatMessage.encode({ text: new TextEncoder().encode('junk with a bad signature'), timestamp: Date.now(), seq: Date.now() * 1000, nonce: crypto.getRandomValues(new Uint8Array(8)) }).finish()
  return wire.Envelope.encode({ kind: Kind.ChatMessage, author: crypto.getRandomValues(new Uint8Array(32)), channelId: channel.bytes, payload, signature: crypto.getRandomValues(new Uint8Array(64)) }).finish()
}

/**
 * The gossip part of the window. First 40 %: only what costs no score
 * (throwaway keys over the rate limit, replays), so those defences are met
 * before any other; then bad signatures and oversize envelopes too (which take
 * our score below the graylist); near the end one RPC frame over the inbound
 * limit (honest gossipsub drops us as a peer).
 */
async function gossipFlood (startedAt: number, durationMs: number): Promise<void> {
  const tickMs = 100
  let lastThrowaway = 0
  let oversizeFrameSent = false
  while (Date.now() - startedAt < durationMs) {
    const f = (Date.now() - startedAt) / durationMs
    const work: Array<Promise<unknown>> = []
    // replays of captured honest messages
    for (let i = 0; i < REPLAYS_PER_SECOND * tickMs / 1000 && captured.length > 0; i++) {
      const bytes = captured[Math.floor(Math.random() * captured.length)]!
      noteReplay(bytes)
      work.push(publish(bytes).then(ok => { if (ok) report.gossip.replayed++ }))
    }
    // a fresh key every second, bursting far above the per-author rate limit
    if (Date.now() - lastThrowaway >= 1000) {
      lastThrowaway = Date.now()
      work.push((async () => {
        const key = await Identity.generate()
        report.throwawayAuthors.push(key.key)
        const burst = await Promise.all(Array.from({ length: THROWAWAY_BURST }, async (_, i) => await chatEnvelope(key, channel, { text: `throwaway ${i}` })))
        for (const bytes of burst) if (await publish(bytes)) report.gossip.throwaway++
      })())
    }
    if (f >= 0.4) {
      for (let i = 0; i < BAD_SIGNATURES_PER_SECOND * tickMs / 1000; i++) {
        const junk = badlySigned()
        report.forgedIds.push(messageId(junk))
        work.push(publish(junk).then(ok => { if (ok) report.gossip.badSignature++ }))
      }
      const forged = captured.length > 0 ? forge(captured[Math.floor(Math.random() * captured.length)]!) : undefined
      if (forged != null) work.push(publish(forged).then(ok => { if (ok) report.gossip.badSignature++ }))
      // over MAX_ENVELOPE_BYTES, under gossip's frame limit: the validator refuses it
      const big = new Uint8Array(MAX_ENVELOPE_BYTES + 4096).fill(0x41)
      big.set(badlySigned())
      work.push(publish(big).then(ok => { if (ok) report.gossip.oversizeEnvelope++ }))
    }
    if (f >= 0.85 && !oversizeFrameSent) {
      oversizeFrameSent = true
      // over GOSSIP_MAX_INBOUND_BYTES: the frame itself is refused
      work.push(publish(new Uint8Array(2 * 1024 * 1024).fill(0x42)).then(ok => { if (ok) report.gossip.oversizeFrame++ }))
    }
    await Promise.all(work)
    await sleep(tickMs)
  }
}

// ---- streams that are never read, and oversize frames on our protocols ----

async function streamFlood (target: PeerId, protocol: string, until: number): Promise<void> {
  const open = new Set<HostileStream>()
  let n = 0
  while (Date.now() < until) {
    if (open.size >= STREAMS_PER_PROTOCOL) {
      await sleep(50)
      continue
    }
    let s: HostileStream
    try {
      s = new HostileStream(await node!.dialProtocol(target, protocol, { signal: AbortSignal.timeout(2_000) }))
    } catch {
      report.streams.refused++
      await sleep(100)
      continue
    }
    report.streams.opened++
    open.add(s)
    void s.remoteEnd(until - Date.now() + 1000).then(end => {
      if (end !== 'open') report.streams.endedByHonest++
      open.delete(s)
    })
    s.neverRead()
    if (n++ % 2 === 0) {
      report.streams.requestThenSilent++
      await s.sendFrame(validRequest(protocol)).catch(() => {})
    } else {
      report.streams.silent++
    }
  }
  for (const s of open) s.reset()
}

function validRequest (protocol: string): Uint8Array {
  if (protocol === CHAT_HISTORY_PROTOCOL) return wire.HistoryRequest.encode({ channelId: channel.bytes, since: 0, limit: 1000 }).finish()
  if (protocol === MOD_SYNC_PROTOCOL) return wire.ModSyncRequest.encode({ channelId: channel.bytes }).finish()
  const newest = Math.max(...announcements.keys())
  // a haves subscription or the newest segment, in turn
  return Math.random() < 0.5 || !Number.isFinite(newest)
    ? encodeRequest({ channelId: channel.bytes, kind: RequestKind.Haves })
    : encodeRequest({ channelId: channel.bytes, kind: RequestKind.Segment, seq: newest })
}

/** Once a second per honest node: frames over each protocol's bound, and a 2^40 length prefix. */
async function oversizeFrames (target: PeerId, until: number): Promise<void> {
  const frames: Array<[string, (s: HostileStream) => Promise<void>]> = [
    [SEGMENTS_PROTOCOL, async s => { await s.sendFrame(new Uint8Array(MAX_SWARM_MESSAGE_BYTES + 1024)) }],
    [CHAT_HISTORY_PROTOCOL, async s => { await s.sendFrame(new Uint8Array(MAX_ENVELOPE_BYTES + 1024)) }],
    [MOD_SYNC_PROTOCOL, async s => { await s.sendPrefix(2 ** 40, new Uint8Array(1000)) }]
  ]
  while (Date.now() < until) {
    for (const [protocol, misbehave] of frames) {
      try {
        const s = new HostileStream(await node!.dialProtocol(target, protocol, { signal: AbortSignal.timeout(2_000) }))
        await misbehave(s).catch(() => {})
        report.streams.oversizeFrames++
        void s.remoteEnd(5_000).then(() => { s.reset() })
      } catch {
        report.streams.refused++
      }
    }
    await sleep(1000)
  }
}

// ---- leeching: every segment, from everyone, again and again ----

async function leech (target: PeerId, until: number): Promise<void> {
  const dialer = { openStream: async (peer: PeerId, protocol: string, options?: { signal?: AbortSignal }) => await node!.dialProtocol(peer, protocol, options) } as unknown as ConnectionManager
  while (Date.now() < until) {
    const seqs = [...announcements.keys()]
    if (seqs.length === 0) {
      await sleep(100)
      continue
    }
    for (const seq of seqs.sort((a, b) => b - a)) {
      if (Date.now() >= until) break
      report.leech.requests++
      try {
        const r = await requestFromPeer(dialer, target, channel, { kind: 'segment', seq }, AbortSignal.timeout(3_000))
        if (r.status === SwarmStatus.Ok) report.leech.ok++
        else if (r.status === SwarmStatus.Busy) report.leech.busy++
        else report.leech.notFound++
      } catch {
        report.leech.failed++
        await sleep(100)
      }
    }
  }
}

async function attack (durationMs: number): Promise<void> {
  mode = 'attack'
  const startedAt = Date.now()
  const until = startedAt + durationMs
  for (const s of havesSubscribers) void writeLies(s, [...announcements.values()])
  const skip = process.env.HOSTILE_SKIP ?? ''
  const tasks: Array<Promise<void>> = skip.includes('gossip') ? [] : [gossipFlood(startedAt, durationMs)]
  for (const target of targets) {
    if (!skip.includes('oversize')) tasks.push(oversizeFrames(target, until))
    for (const protocol of [CHAT_HISTORY_PROTOCOL, MOD_SYNC_PROTOCOL, SEGMENTS_PROTOCOL]) if (!skip.includes(protocol)) tasks.push(streamFlood(target, protocol, until))
    for (let i = 0; i < LEECH_LOOPS_PER_TARGET && !skip.includes('leech'); i++) tasks.push(leech(target, until))
  }
  await Promise.allSettled(tasks)
  mode = 'quiet'
  send({ type: 'report', report })
}

async function stop (): Promise<void> {
  for (const s of havesSubscribers) s.reset()
  await node?.stop()
  process.exit(0)
}

process.on('message', (command: HostileCommand) => {
  const run = command.type === 'start' ? start(command) : command.type === 'attack' ? attack(command.durationMs) : stop()
  run.catch((err: Error) => { send({ type: 'error', message: err.stack ?? err.message }) })
})
// the test process went away: do not linger
process.on('disconnect', () => { void stop() })
