import t from 'tap'
import { Identity } from '../../../src/identity/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { openEnvelope, Kind } from '../../../src/envelope/index.ts'
import { LiveWindow } from '../../../src/video/live-window.ts'
import { signAnnouncement, readAnnouncement, hashHex } from '../../../src/video/segment-announcement.ts'
import { renderPlaylist } from '../../../src/video/hls-playlist.ts'
import type { SegmentAnnouncement } from '../../../src/video/segment-announcement.ts'

const streamer = await Identity.generate()
const channel = ChannelId.derive(streamer.publicKey, 'hls')
const initA = new TextEncoder().encode('init segment A (ftyp moov)')
const initB = new TextEncoder().encode('init segment B (ftyp moov)')
const idA = hashHex(initA)
const idB = hashHex(initB)
// Streamers number segments from the clock at start, so seqs are large
const BASE = 1_760_000_000_000
const T0 = Date.parse('2025-10-09T09:00:00.000Z')

interface Seg {
  seq: number
  duration?: number
  mediaTime: number
  timestamp: number
  init?: Uint8Array
  /** Put the bytes too (default true). */
  hold?: boolean
}

/** Signs, verifies and adds one announcement; puts its bytes and init unless `hold` is false. */
async function add (window: LiveWindow, seg: Seg): Promise<{ a: SegmentAnnouncement, bytes: Uint8Array }> {
  const bytes = new TextEncoder().encode(`media segment ${seg.seq} ${'x'.repeat(seg.seq % 97)}`)
  const init = seg.init ?? initA
  const envelope = await signAnnouncement(streamer, channel, { seq: seg.seq, duration: seg.duration ?? 1000, bytes, mediaTime: seg.mediaTime, init, codecs: 'avc1.64000d,mp4a.40.2', timestamp: seg.timestamp })
  const a = readAnnouncement(envelope, await openEnvelope(envelope, { channel, kinds: [Kind.VideoSegment] }))
  if (!window.add(a)) throw new Error(`window refused seq ${seg.seq}`)
  if (seg.hold !== false) {
    if (window.put(seg.seq, bytes) !== 'stored') throw new Error(`window did not store seq ${seg.seq}`)
    window.putInit(init)
  }
  return { a, bytes }
}

/** `count` back-to-back one-second segments from seq `first` (media time and clock follow the seq). */
async function run (window: LiveWindow, first: number, count: number, extra: Partial<Seg> = {}): Promise<void> {
  for (let i = 0; i < count; i++) {
    const n = first - BASE + i
    await add(window, { seq: first + i, mediaTime: n * 1000, timestamp: T0 + (n + 1) * 1000, ...extra })
  }
}

t.test('nothing held, nothing to play', async t => {
  const window = new LiveWindow()
  t.equal(renderPlaylist(window), undefined, 'empty window')
  await add(window, { seq: BASE, mediaTime: 0, timestamp: T0, hold: false })
  t.equal(renderPlaylist(window), undefined, 'announced but no bytes')
  const onlyBytes = new LiveWindow()
  const { a, bytes } = await add(new LiveWindow(), { seq: BASE, mediaTime: 0, timestamp: T0, hold: false })
  onlyBytes.add(a)
  onlyBytes.put(a.seq, bytes)
  t.equal(renderPlaylist(onlyBytes), undefined, 'bytes but not the init segment they play with')
})

t.test('a few held segments make a live v7 playlist', async t => {
  const window = new LiveWindow()
  await add(window, { seq: BASE, duration: 1001, mediaTime: 0, timestamp: T0 + 1001 })
  await add(window, { seq: BASE + 1, duration: 2500, mediaTime: 1001, timestamp: T0 + 3501 })
  await add(window, { seq: BASE + 2, duration: 999, mediaTime: 3501, timestamp: T0 + 4500 })
  t.equal(renderPlaylist(window), [
    '#EXTM3U',
    '#EXT-X-VERSION:7',
    '#EXT-X-TARGETDURATION:3',
    `#EXT-X-MEDIA-SEQUENCE:${BASE}`,
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-MAP:URI="init-${idA}.mp4"`,
    '#EXT-X-PROGRAM-DATE-TIME:2025-10-09T09:00:00.000Z',
    '#EXTINF:1.001,',
    `${BASE}.m4s`,
    '#EXTINF:2.500,',
    `${BASE + 1}.m4s`,
    '#EXTINF:0.999,',
    `${BASE + 2}.m4s`,
    ''
  ].join('\n'))
})

t.test('the playlist keeps the newest segments', async t => {
  const window = new LiveWindow()
  await run(window, BASE, 10)
  const text = renderPlaylist(window) ?? ''
  t.match(text, `#EXT-X-MEDIA-SEQUENCE:${BASE + 4}\n`, 'six by default')
  t.equal(text.match(/^#EXTINF:1\.000,$/gm)?.length, 6)
  t.match(text, new RegExp(`#EXTINF:1.000,\n${BASE + 9}.m4s\n$`), 'ends at the newest')
  t.notMatch(text, '#EXT-X-ENDLIST', 'live')
  t.notMatch(text, '#EXT-X-DISCONTINUITY')
  t.match(text, '#EXT-X-PROGRAM-DATE-TIME:2025-10-09T09:00:04.000Z', 'date of the first listed segment')
  const three = renderPlaylist(window, { maxSegments: 3 }) ?? ''
  t.match(three, `#EXT-X-MEDIA-SEQUENCE:${BASE + 7}\n`)
  t.equal(three.match(/\.m4s$/gm)?.length, 3)
})

t.test('a new init segment, a seq jump or a timeline break starts a discontinuity', async t => {
  const initChange = new LiveWindow()
  await run(initChange, BASE, 3)
  await run(initChange, BASE + 3, 2, { init: initB })
  const text = renderPlaylist(initChange) ?? ''
  t.match(text, `#EXTINF:1.000,\n${BASE + 2}.m4s\n#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI="init-${idB}.mp4"\n#EXT-X-PROGRAM-DATE-TIME:2025-10-09T09:00:03.000Z\n#EXTINF:1.000,\n${BASE + 3}.m4s\n`)
  t.equal(text.match(/#EXT-X-MAP/g)?.length, 2)
  t.match(text, `#EXT-X-MEDIA-SEQUENCE:${BASE}\n`)

  // a long run of missing seqs (a relay cut off for a while): more than the playlist would list as gaps
  const restart = new LiveWindow()
  await run(restart, BASE, 2)
  const later = BASE + 20
  await add(restart, { seq: later, mediaTime: 0, timestamp: T0 + 5000 })
  await add(restart, { seq: later + 1, mediaTime: 1000, timestamp: T0 + 6000 })
  const jumped = renderPlaylist(restart) ?? ''
  t.equal(jumped.slice(jumped.indexOf(`${BASE + 1}.m4s`)), `${BASE + 1}.m4s\n#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI="init-${idA}.mp4"\n#EXT-X-PROGRAM-DATE-TIME:2025-10-09T09:00:04.000Z\n#EXTINF:1.000,\n${later}.m4s\n#EXTINF:1.000,\n${later + 1}.m4s\n`)
  t.notMatch(jumped, '#EXT-X-GAP', 'a jump is no gap')

  // a streamer restart numbers from its clock again: the old run's tail stays while it is young, then a discontinuity
  const restarted = new LiveWindow()
  await run(restarted, BASE, 2)
  await add(restarted, { seq: BASE + 60_000, mediaTime: 0, timestamp: T0 + 5000, init: initB })
  const afterRestart = renderPlaylist(restarted) ?? ''
  t.match(afterRestart, `#EXT-X-MEDIA-SEQUENCE:${BASE}\n`)
  t.match(afterRestart, `${BASE + 1}.m4s\n#EXT-X-DISCONTINUITY\n#EXT-X-MAP:URI="init-${idB}.mp4"\n`)

  const timeline = new LiveWindow()
  await run(timeline, BASE, 2)
  await add(timeline, { seq: BASE + 2, mediaTime: 0, timestamp: T0 + 3000 })
  t.match(renderPlaylist(timeline) ?? '', `${BASE + 1}.m4s\n#EXT-X-DISCONTINUITY\n`, 'media time starting over')
})

t.test('a hole holds the playlist back for the grace, then is listed as a gap', async t => {
  const window = new LiveWindow()
  await run(window, BASE, 2)
  await add(window, { seq: BASE + 2, mediaTime: 2000, timestamp: T0 + 3000, hold: false })
  await add(window, { seq: BASE + 3, mediaTime: 3000, timestamp: T0 + 4000 })
  const early = renderPlaylist(window) ?? ''
  t.match(early, new RegExp(`${BASE + 1}.m4s\n$`), 'ends before a segment still on its way')
  t.notMatch(early, '#EXT-X-GAP')

  await run(window, BASE + 4, 4) // the stream goes on: newest is now 5 s past the missing one
  const late = renderPlaylist(window) ?? ''
  t.match(late, `#EXT-X-MEDIA-SEQUENCE:${BASE + 3}\n`, 'six entries back reach the gap, and a gap does not lead')
  t.notMatch(late, '#EXT-X-GAP')
  t.match(late, new RegExp(`${BASE + 7}.m4s\n$`), 'past the hole to the newest')
  t.notMatch(late, '#EXT-X-DISCONTINUITY', 'a gap keeps the timeline')

  const wider = renderPlaylist(window, { maxSegments: 8 }) ?? ''
  t.match(wider, `#EXT-X-MEDIA-SEQUENCE:${BASE}\n`)
  t.match(wider, `${BASE + 1}.m4s\n#EXTINF:1.000,\n#EXT-X-GAP\n${BASE + 2}.m4s\n#EXTINF:1.000,\n${BASE + 3}.m4s\n`)
  t.notMatch(wider, '#EXT-X-DISCONTINUITY')

  window.put(BASE + 2, new TextEncoder().encode(`media segment ${BASE + 2} ${'x'.repeat((BASE + 2) % 97)}`))
  const filled = renderPlaylist(window, { maxSegments: 8 }) ?? ''
  t.notMatch(filled, '#EXT-X-GAP', 'late bytes fill the gap')
  t.match(filled, `#EXTINF:1.000,\n${BASE + 2}.m4s\n`)
})

t.test('a hole nobody announced waits the grace too', async t => {
  const window = new LiveWindow()
  await run(window, BASE, 2)
  await add(window, { seq: BASE + 3, mediaTime: 3000, timestamp: T0 + 4000 })
  t.match(renderPlaylist(window) ?? '', new RegExp(`${BASE + 1}.m4s\n$`))
  t.match(renderPlaylist(window, { gapGraceMs: 0 }) ?? '', `${BASE + 1}.m4s\n#EXTINF:1.000,\n#EXT-X-GAP\n${BASE + 2}.m4s\n#EXTINF:1.000,\n${BASE + 3}.m4s\n`)
})
