import t from 'tap'
import { codecsFromInit, parseInitSegment } from '../../../node/ingest/index.ts'
import { rebaseSegment } from '../../../node/ingest/fmp4.ts'
import { parseMediaPlaylist } from '../../../node/ingest/playlist.ts'

// ISO-BMFF builders: just enough structure for the parsers under test

function u32 (n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]
}
function u64 (n: number): number[] {
  return [...u32(Math.floor(n / 2 ** 32)), ...u32(n >>> 0)]
}
function box (type: string, ...parts: Array<number[] | Uint8Array>): Uint8Array {
  const body = parts.flatMap(p => [...p])
  return Uint8Array.from([...u32(8 + body.length), ...[...type].map(c => c.charCodeAt(0)), ...body])
}
function zeros (n: number): number[] {
  return new Array<number>(n).fill(0)
}
/** An MPEG-4 descriptor; `long` writes the size in the 4-byte form ffmpeg uses. */
function descriptor (tag: number, body: number[], long = false): number[] {
  const size = long ? [0x80, 0x80, 0x80, body.length] : [body.length]
  return [tag, ...size, ...body]
}
function esds (audioSpecificConfig: number[], long = false, objectType = 0x40): Uint8Array {
  const config = descriptor(0x04, [objectType, 0x15, 0, 0, 0, ...u32(128000), ...u32(128000), ...descriptor(0x05, audioSpecificConfig, long)], long)
  return box('esds', zeros(4), descriptor(0x03, [0, 1, 0, ...config, ...descriptor(0x06, [2], long)], long))
}
function trak (id: number, timescale: number, handler: string, entry: Uint8Array, version = 0): Uint8Array {
  const tkhd = version === 1
    ? box('tkhd', [1, 0, 0, 3], zeros(16), u32(id), zeros(4), zeros(8), zeros(60))
    : box('tkhd', [0, 0, 0, 3], zeros(8), u32(id), zeros(4), zeros(4), zeros(60))
  const mdhd = version === 1
    ? box('mdhd', [1, 0, 0, 0], zeros(16), u32(timescale), zeros(8), zeros(4))
    : box('mdhd', zeros(4), zeros(8), u32(timescale), zeros(4), zeros(4))
  const hdlr = box('hdlr', zeros(4), zeros(4), [...handler].map(c => c.charCodeAt(0)), zeros(12), [0])
  const stsd = box('stsd', zeros(4), u32(1), entry)
  return box('trak', tkhd, box('mdia', mdhd, hdlr, box('minf', box('stbl', stsd))))
}
function avc1 (profile: number, constraints: number, level: number, type = 'avc1'): Uint8Array {
  return box(type, zeros(78), box('avcC', [1, profile, constraints, level, 0xff, 0xe1]))
}
function mp4a (config: Uint8Array): Uint8Array {
  return box('mp4a', zeros(6), [0, 1], zeros(8), [0, 2, 0, 16], zeros(4), u32(48000 << 16), config)
}
function init (...traks: Uint8Array[]): Uint8Array {
  return Uint8Array.from([...box('ftyp', [...'iso5'].map(c => c.charCodeAt(0)), zeros(4)), ...box('moov', box('mvhd', zeros(100)), ...traks)])
}

t.test('codecs of an H.264 + AAC-LC init segment, as ffmpeg writes it', async t => {
  const bytes = init(trak(1, 15360, 'vide', avc1(0x4d, 0x40, 0x1f)), trak(2, 48000, 'soun', mp4a(esds([0x11, 0x90], true))))
  t.equal(codecsFromInit(bytes), 'avc1.4d401f,mp4a.40.2')
  const info = parseInitSegment(bytes)
  t.same(info.tracks.map(tr => [tr.id, tr.timescale, tr.handler]), [[1, 15360, 'vide'], [2, 48000, 'soun']])
})

t.test('other profiles, audio object types, box versions and track orders', async t => {
  t.equal(codecsFromInit(init(trak(1, 90000, 'vide', avc1(0x64, 0x00, 0x28, 'avc3'), 1))), 'avc3.640028', 'High 4.0, version-1 boxes')
  t.equal(codecsFromInit(init(trak(1, 44100, 'soun', mp4a(esds([0x2b, 0x92, 0x08]))), trak(2, 1000, 'vide', avc1(0x42, 0xc0, 0x1e)))), 'mp4a.40.5,avc1.42c01e', 'HE-AAC first, then baseline')
  t.equal(codecsFromInit(init(trak(1, 48000, 'soun', mp4a(esds([0xf9, 0x40]))))), 'mp4a.40.42', 'escaped audio object type')
  t.equal(codecsFromInit(init(trak(1, 48000, 'soun', mp4a(esds([], false, 0x6b))))), 'mp4a.6b', 'MP3 in MP4 has no object type suffix')
  t.equal(codecsFromInit(init(trak(1, 48000, 'soun', box('Opus', zeros(28))))), 'opus')
})

t.test('what is not an init segment is refused with Fmp4Error', async t => {
  t.throws(() => codecsFromInit(box('moof', box('mfhd', zeros(8)))), { name: 'Fmp4Error', message: /no moov/ })
  t.throws(() => codecsFromInit(init()), { name: 'Fmp4Error', message: /no tracks/ })
  t.throws(() => codecsFromInit(init(trak(1, 1000, 'vide', box('avc1', zeros(78))))), { name: 'Fmp4Error', message: /avcC/ })
  const good = init(trak(1, 15360, 'vide', avc1(0x4d, 0x40, 0x1f)))
  t.throws(() => codecsFromInit(good.subarray(0, good.byteLength - 3)), { name: 'Fmp4Error' }, 'truncated')
  const liar = new Uint8Array(good)
  liar.set(u32(0x7fffffff), 0)
  t.throws(() => codecsFromInit(liar), { name: 'Fmp4Error', message: /claims/ })
})

/** A media segment like ffmpeg's: styp, one sidx per track, moof with a traf per track, mdat. */
function segment (video: number, audio: number, sidx: number): Uint8Array {
  const traf = (id: number, tfdt: Uint8Array): Uint8Array => box('traf', box('tfhd', [0, 2, 0, 0], u32(id)), tfdt, box('trun', zeros(8)))
  return Uint8Array.from([
    ...box('styp', zeros(8)),
    ...box('sidx', [1, 0, 0, 0], u32(1), u32(15360), u64(sidx), u64(0), zeros(4)),
    ...box('moof', box('mfhd', zeros(8)), traf(1, box('tfdt', [1, 0, 0, 0], u64(video))), traf(2, box('tfdt', [0, 0, 0, 0], u32(audio)))),
    ...box('mdat', [1, 2, 3, 4])
  ])
}

function times (bytes: Uint8Array): { sidx: number, video: number, audio: number } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const find = (type: string, from = 0): number => Buffer.from(bytes).indexOf(type, from, 'latin1')
  const sidx = find('sidx')
  const v = find('tfdt')
  const a = find('tfdt', v + 4)
  return { sidx: Number(dv.getBigUint64(sidx + 16)), video: Number(dv.getBigUint64(v + 8)), audio: dv.getUint32(a + 8) }
}

t.test('rebasing a segment moves every decode time by the offset, in each track\'s timescale', async t => {
  const original = segment(15360, 48128, 15688)
  const copy = new Uint8Array(original)
  const moved = rebaseSegment(original, new Map([[1, 15360], [2, 48000]]), 2500)
  t.same(times(moved), { sidx: 15688 + 38400, video: 15360 + 38400, audio: 48128 + 120000 })
  t.equal(moved.byteLength, original.byteLength, 'same size: offsets inside stay valid')
  t.same(original, copy, 'the input is not changed')
  t.same(times(rebaseSegment(original, new Map([[1, 15360], [2, 48000]]), 0)), times(original))
  t.throws(() => rebaseSegment(original, new Map([[1, 15360]]), 1000), { name: 'Fmp4Error', message: /track 2/ })
  t.throws(() => rebaseSegment(segment(0, 0xffff0000, 0), new Map([[1, 15360], [2, 48000]]), 1_000_000), { name: 'Fmp4Error', message: /overflows/ })
})

t.test('playlist parsing takes only complete lines and counts from the media sequence', async t => {
  const text = '#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-TARGETDURATION:1\n#EXT-X-MEDIA-SEQUENCE:7\n#EXT-X-INDEPENDENT-SEGMENTS\n#EXT-X-MAP:URI="init.mp4"\n' +
    '#EXTINF:1.000000,\nseg7.m4s\n#EXTINF:0.966667,\nseg8.m4s\n'
  t.same(parseMediaPlaylist(text), { entries: [{ seq: 7, duration: 1, uri: 'seg7.m4s' }, { seq: 8, duration: 0.966667, uri: 'seg8.m4s' }], ended: false })
  t.same(parseMediaPlaylist(text + '#EXTINF:1.000000,\nseg9.m4').entries.length, 2, 'a half-written entry is not listed yet')
  t.same(parseMediaPlaylist(text.slice(0, text.length - 3)).entries.length, 1)
  t.equal(parseMediaPlaylist(text + '#EXT-X-ENDLIST\n').ended, true)
  t.same(parseMediaPlaylist('').entries, [])
})
