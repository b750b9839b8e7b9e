import t from 'tap'
import { ChannelId } from '../../src/channel/index.ts'
import { Identity } from '../../src/identity/index.ts'
import { Viewer, hashHex } from '../../src/video/index.ts'
import { RequestKind } from '../../src/video/swarm-messages.ts'
import { testRelay, testVideoPeer } from '../helpers/nodes.ts'
import { seedLoop, SEED_LOOP } from '../helpers/seed-loop.ts'
import { nextEvent, waitFor } from '../helpers/wait.ts'
import type { VideoServiceInit, VideoSwarm, ViewerInit } from '../../src/video/index.ts'
import type { VideoNode } from '../helpers/nodes.ts'
import type { PeerId } from '@libp2p/interface'
import type { Test } from 'tap'

const { SEGMENT_MS, SEGMENT_BYTES } = SEED_LOOP

/** Joins `count` viewers to `channel`; each records the hash of every segment it plays. */
async function startViewers (t: Test, channel: ChannelId, bootstrap: string[], count: number, init: Partial<ViewerInit> = {}): Promise<Array<{ node: VideoNode, swarm: VideoSwarm, viewer: Viewer, got: Map<number, string> }>> {
  const viewers = []
  for (let i = 0; i < count; i++) {
    const node = await testVideoPeer(t, `viewer${i}`, bootstrap)
    const swarm = await node.services.video.join(channel)
    const viewer = new Viewer(swarm, { selfId: node.peerId.toString(), targetBufferMs: 1500, ...init })
    const got = new Map<number, string>()
    viewer.addEventListener('segment', (evt) => { got.set(evt.detail.announcement.seq, hashHex(evt.detail.bytes)) })
    viewer.start()
    t.teardown(() => { viewer.close() })
    viewers.push({ node, swarm, viewer, got })
  }
  return viewers
}

/** A relay and a streamer seeding a fresh channel `name`, all stopped at the end of `t`. */
async function liveChannel (t: Test, name: string, streamerInit: VideoServiceInit = {}): Promise<{ channel: ChannelId, bootstrap: string[], streamer: VideoNode, seeding: ReturnType<typeof seedLoop> }> {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, name)
  const { bootstrap } = await testRelay(t)
  const streamer = await testVideoPeer(t, 'streamer', bootstrap, streamerInit)
  const seeding = seedLoop(await streamer.services.video.join(channel), owner)
  t.teardown(seeding.stop)
  return { channel, bootstrap, streamer, seeding }
}

/** The seqs `got` holds, checked to be one run with no gap. */
function contiguous (got: Map<number, string>): boolean {
  const seqs = [...got.keys()].sort((a, b) => a - b)
  return seqs.length === (seqs.at(-1) ?? 0) - (seqs[0] ?? 0) + 1
}

t.test('five viewers get every segment, mostly from each other, with hashes equal to the streamer\'s', async t => {
  // the source may give two copies of each segment: the rest must come from peers
  const { channel, bootstrap, seeding } = await liveChannel(t, 'swarm-test', { uploadLimit: 2 * SEGMENT_BYTES * 1000 / SEGMENT_MS, uploadSlots: 2 })
  const viewers = await startViewers(t, channel, bootstrap, 5)

  await waitFor(() => viewers.every(v => v.got.size >= 20), 'every viewer to play 20 segments', 40_000)
  seeding.stop()
  for (const [i, v] of viewers.entries()) {
    t.ok(contiguous(v.got), `viewer ${i} played a contiguous run with no gap`)
    t.ok([...v.got].every(([seq, hash]) => hash === seeding.seeded.get(seq)), `viewer ${i}: every hash equals the streamer's`)
  }
  const stats = viewers.map(v => v.swarm.stats)
  const fromPeers = stats.reduce((sum, s) => sum + s.bytesFromPeers, 0)
  const total = stats.reduce((sum, s) => sum + s.bytesFromPeers + s.bytesFromSeed + s.bytesFromOrigin, 0)
  t.ok(fromPeers / total > 0.5, `more than half the bytes came from peers (${(100 * fromPeers / total).toFixed(0)} %)`)
  t.same(viewers.map(v => v.viewer.stats().stalls), [0, 0, 0, 0, 0], 'no viewer stalled after it started')
})

t.test('a peer that serves corrupted bytes is caught, dropped and penalized; the viewer plays on without a gap', async t => {
  const { channel, bootstrap, seeding } = await liveChannel(t, 'liar-test')

  // a liar: a real viewer that takes every segment first and serves corrupted copies of it
  const [liar] = await startViewers(t, channel, bootstrap, 1, { firstFetchers: 1000 })
  const real = liar!.swarm.window.segment.bind(liar!.swarm.window)
  liar!.swarm.window.segment = (seq) => {
    const bytes = real(seq)?.slice()
    if (bytes != null) bytes[100] = (bytes[100] ?? 0) ^ 0xff
    return bytes
  }
  // an honest viewer that never takes a fresh segment from the streamer first: it asks the liar
  const [honest] = await startViewers(t, channel, bootstrap, 1, { firstFetchers: 0 })
  const caught = await nextEvent<{ peer: PeerId }>(honest!.swarm, 'bad-peer', 20_000)
  t.ok(caught.peer.equals(liar!.node.peerId), 'the viewer caught the liar')
  await waitFor(() => !honest!.node.getConnections().some(c => c.remotePeer.equals(liar!.node.peerId)), 'the liar to be disconnected')
  t.ok(honest!.node.services.penalties.isPenalized(liar!.node.peerId), 'and penalized: no reconnecting, lower gossip score')
  const playedBefore = honest!.got.size
  await waitFor(() => honest!.got.size >= playedBefore + 6, 'the viewer to play 6 more segments', 20_000)
  seeding.stop()
  t.ok(contiguous(honest!.got), 'it played every segment, with no gap')
  t.ok([...honest!.got].every(([seq, hash]) => hash === seeding.seeded.get(seq)), 'and only genuine bytes')
  t.equal(honest!.viewer.stats().stalls, 0, 'without a stall')
})

t.test('a peer that claims segments and never sends them: the viewer asks another source before the deadline, without a stall', async t => {
  const { channel, bootstrap, seeding } = await liveChannel(t, 'hang-test')

  // a hanger: a real viewer that takes every segment first, announces it, and never answers a request for it
  const [hanger] = await startViewers(t, channel, bootstrap, 1, { firstFetchers: 1000 })
  const serve = hanger!.swarm.serve.bind(hanger!.swarm)
  let unanswered = 0
  hanger!.swarm.serve = async (request, stream, lp, peer) => {
    if (request.kind !== RequestKind.Segment) { await serve(request, stream, lp, peer); return }
    unanswered++
    await new Promise(resolve => { stream.addEventListener('close', resolve) })
  }
  // an honest viewer that never takes a fresh segment from the streamer first: it asks the hanger
  const [honest] = await startViewers(t, channel, bootstrap, 1, { firstFetchers: 0 })
  await waitFor(() => unanswered >= 1 && honest!.got.size >= 1, 'the viewer to play and to have asked the hanger', 20_000)
  const playedBefore = honest!.got.size
  await waitFor(() => honest!.got.size >= playedBefore + 12, 'the viewer to play 12 more segments', 30_000)
  seeding.stop()
  const s = honest!.viewer.stats()
  t.comment(`the hanger left ${unanswered} requests unanswered; the viewer played ${honest!.got.size} segments, ${s.stalls} stalls, buffer ${Math.round(s.bufferMs)} ms`)
  t.ok(contiguous(honest!.got), 'it played every segment, with no gap')
  t.equal(s.stalls, 0, 'without a stall: each unanswered request had a second source beside it in time')
  t.equal(s.skipped, 0, 'and skipped nothing')
})

t.test('a viewer cut off from the streamer keeps playing from peers, without a stall', async t => {
  const { channel, bootstrap, streamer, seeding } = await liveChannel(t, 'cut-test')
  const viewers = await startViewers(t, channel, bootstrap, 3)
  await waitFor(() => viewers.every(v => v.got.size >= 5), 'every viewer to play 5 segments', 20_000)

  // the streamer stops uploading to viewer 0: drops the connection and refuses it back
  const cut = viewers[0]!
  streamer.services.penalties.penalize(cut.node.peerId)
  await streamer.hangUp(cut.node.peerId)
  const playedBefore = cut.got.size
  await waitFor(() => cut.got.size >= playedBefore + 12, 'the cut-off viewer to play 12 more segments', 30_000)
  seeding.stop()

  t.notOk(cut.node.getConnections().some(c => c.remotePeer.equals(streamer.peerId)), 'the viewer has no connection to the streamer')
  t.ok(contiguous(cut.got), 'it played every segment, with no gap')
  t.equal(cut.viewer.stats().stalls, 0, 'and never stalled')
})
