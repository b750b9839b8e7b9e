import t from 'tap'
import { ChannelId } from '../../src/channel/index.ts'
import { Identity } from '../../src/identity/index.ts'
import { Viewer, hashHex } from '../../src/video/index.ts'
import { testRelay, testVideoPeer } from '../helpers/nodes.ts'
import { waitFor } from '../helpers/wait.ts'
import type { VideoSwarm } from '../../src/video/index.ts'

// Segments of made-up bytes: the swarm moves and checks bytes, whatever they encode.
const SEGMENT_MS = 400
const SEGMENT_BYTES = 64 * 1024
const INIT = crypto.getRandomValues(new Uint8Array(1200))

/** Cuts and seeds one segment every SEGMENT_MS until stopped; returns the hashes seeded by seq. */
function seedLoop (swarm: VideoSwarm, identity: Identity): { seeded: Map<number, string>, stop: () => void } {
  const seeded = new Map<number, string>()
  const seq0 = Date.now()
  let n = 0
  const timer = setInterval(() => {
    const bytes = crypto.getRandomValues(new Uint8Array(SEGMENT_BYTES))
    const seq = seq0 + n
    void swarm.seed(identity, { seq, duration: SEGMENT_MS, bytes, mediaTime: n * SEGMENT_MS, init: INIT, codecs: 'avc1.4d401f,mp4a.40.2' })
      .then(() => { seeded.set(seq, hashHex(bytes)) })
    n++
  }, SEGMENT_MS)
  return { seeded, stop: () => { clearInterval(timer) } }
}

t.test('viewers get every segment, mostly from each other, and drop a peer that serves bad bytes', async t => {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'swarm-test')
  const { bootstrap } = await testRelay(t)
  // the source may give two copies of each segment per second: the rest must come from peers
  const streamer = await testVideoPeer(t, 'streamer', bootstrap, { uploadLimit: 2 * SEGMENT_BYTES * 1000 / SEGMENT_MS, uploadSlots: 2 })
  const source = await streamer.services.video.join(channel)
  const seeding = seedLoop(source, owner)
  t.teardown(seeding.stop)

  const viewers: Array<{ swarm: VideoSwarm, viewer: Viewer, got: Map<number, string> }> = []
  for (let i = 0; i < 4; i++) {
    const node = await testVideoPeer(t, `viewer${i}`, bootstrap)
    const swarm = await node.services.video.join(channel)
    const viewer = new Viewer(swarm, { selfId: node.peerId.toString(), targetBufferMs: 1200 })
    const got = new Map<number, string>()
    viewer.addEventListener('segment', (evt) => { got.set(evt.detail.announcement.seq, hashHex(evt.detail.bytes)) })
    viewer.start()
    t.teardown(() => { viewer.close() })
    viewers.push({ swarm, viewer, got })
  }

  // a liar: a real viewer that serves corrupted copies of what it verified
  const liarNode = await testVideoPeer(t, 'liar', bootstrap)
  const liar = await liarNode.services.video.join(channel)
  // it takes every segment first, so honest viewers find it holding what they need
  const liarViewer = new Viewer(liar, { selfId: liarNode.peerId.toString(), firstFetchers: 1000 })
  liarViewer.start()
  t.teardown(() => { liarViewer.close() })
  const real = liar.window.segment.bind(liar.window)
  liar.window.segment = (seq) => {
    const bytes = real(seq)
    if (bytes == null) return undefined
    const bad = bytes.slice()
    bad[100] = (bad[100] ?? 0) ^ 0xff
    return bad
  }

  await waitFor(() => viewers.every(v => v.got.size >= 20), 'every viewer to play 20 segments', 40_000)
  seeding.stop()

  for (const [i, v] of viewers.entries()) {
    const seqs = [...v.got.keys()].sort((a, b) => a - b)
    const first = seqs[0] ?? 0
    const last = seqs.at(-1) as number
    t.equal(seqs.length, last - first + 1, `viewer ${i} played a contiguous run with no gap`)
    t.ok(seqs.every(seq => v.got.get(seq) === seeding.seeded.get(seq)), `viewer ${i}: every hash equals the streamer's`)
  }
  const stats = viewers.map(v => v.swarm.stats)
  const fromPeers = stats.reduce((sum, s) => sum + s.bytesFromPeers, 0)
  const total = stats.reduce((sum, s) => sum + s.bytesFromPeers + s.bytesFromSeed + s.bytesFromOrigin, 0)
  t.ok(fromPeers / total > 0.5, `more than half the bytes came from peers (${(100 * fromPeers / total).toFixed(0)} %)`)
  t.ok(liarNode.services.video.limiter.uploaded > 0, 'the liar served corrupted copies')
  const caught = stats.reduce((sum, s) => sum + s.badSegments, 0)
  t.ok(caught > 0, `the corrupted copies were caught (${caught})`)
  t.ok(viewers.every(v => !v.swarm.neighbours.has(liarNode.peerId.toString()) || v.swarm.stats.badSegments === 0), 'a viewer that caught the liar dropped it')
  const stalls = viewers.map(v => v.viewer.stats().stalls)
  t.same(stalls, [0, 0, 0, 0], 'no viewer stalled after it started')
})
