import t from 'tap'
import { PeerUploads } from '../../../src/video/peer-uploads.ts'
import { MAX_UPLOADS_PER_PEER, PEER_UPLOAD_BURST_SEGMENTS, PEER_UPLOAD_SHARE } from '../../../src/video/constants.ts'

// a 64 KiB segment every 500 ms
const SEGMENT = 64 * 1024
const rate = { bytesPerMs: SEGMENT / 500, segmentBytes: SEGMENT }

t.test('a peer taking each segment once, in real time, is never refused', async t => {
  let now = 0
  const uploads = new PeerUploads(() => now)
  let refused = 0
  for (let i = 0; i < 1000; i++) {
    const end = uploads.take('viewer', SEGMENT, rate)
    if (end == null) refused++
    end?.(true)
    now += 500
  }
  t.equal(refused, 0, '1000 segments, none refused')
})

t.test('a peer asking for everything gets a lookahead at once, then about its share of the stream', async t => {
  let now = 0
  const uploads = new PeerUploads(() => now)
  let granted = 0
  // asks every 10 ms for 10 s, one request at a time
  for (; now < 10_000; now += 10) {
    const end = uploads.take('leecher', SEGMENT, rate)
    if (end != null) { granted++; end(true) }
  }
  const expected = PEER_UPLOAD_BURST_SEGMENTS + PEER_UPLOAD_SHARE * 10_000 / 500
  t.ok(granted <= expected + 1 && granted >= expected - 1, `${granted} segments in 10 s (a lookahead of ${PEER_UPLOAD_BURST_SEGMENTS} plus ${PEER_UPLOAD_SHARE} × the stream)`)
  t.ok(uploads.take('other', SEGMENT, rate), 'another peer is served meanwhile')
})

t.test('uploads in flight per peer are capped; refused or failed uploads give their bytes back', async t => {
  const uploads = new PeerUploads(() => 0)
  const ends = Array.from({ length: MAX_UPLOADS_PER_PEER }, () => uploads.take('p', SEGMENT, rate))
  t.ok(ends.every(e => e != null), `${MAX_UPLOADS_PER_PEER} at once`)
  t.equal(uploads.take('p', SEGMENT, rate), undefined, 'one more is refused while they run')
  for (const end of ends) { end!(false); end!(false) }
  // nothing was sent, so the bytes are back
  let granted = 0
  for (let i = 0; i < PEER_UPLOAD_BURST_SEGMENTS; i++) {
    const end = uploads.take('p', SEGMENT, rate)
    if (end != null) granted++
    end?.(true)
  }
  t.equal(granted, PEER_UPLOAD_BURST_SEGMENTS, 'the whole lookahead is still there')
  t.equal(uploads.take('p', SEGMENT, rate), undefined, 'then the share is spent')
})
