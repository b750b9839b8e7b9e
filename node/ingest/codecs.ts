import { Fmp4Error, boxes, child, findAll, view } from './fmp4.ts'
import type { Box } from './fmp4.ts'

export { Fmp4Error } from './fmp4.ts'

/** One track of an init segment. */
export interface InitTrack {
  id: number
  /** Ticks per second of the track's media times. */
  timescale: number
  handler: string
  /** RFC 6381 codec of the track's first sample entry, e.g. `avc1.4d401f`. */
  codec: string
}

export interface InitSegmentInfo {
  tracks: InitTrack[]
  /** The tracks' codecs joined in track order, as MSE and HLS `CODECS` take them: `avc1.4d401f,mp4a.40.2`. */
  codecs: string
}

/** Bytes a visual / audio sample entry has before its child boxes (ISO 14496-12 §12.1.3, §12.2.3). */
const VISUAL_ENTRY_FIELDS = 78
const AUDIO_ENTRY_FIELDS = 28

/** The RFC 6381 codecs string of an fMP4 init segment, e.g. `avc1.4d401f,mp4a.40.2`. */
export function codecsFromInit (init: Uint8Array): string {
  return parseInitSegment(init).codecs
}

/** Tracks (id, timescale, codec) of an fMP4 init segment; throws `Fmp4Error` if it is not one. */
export function parseInitSegment (init: Uint8Array): InitSegmentInfo {
  const moov = child(init, undefined, 'moov')
  if (moov == null) throw new Fmp4Error('no moov box: not an init segment')
  const tracks: InitTrack[] = []
  for (const trak of findAll(init, ['trak'], moov)) {
    const tkhd = child(init, trak, 'tkhd')
    const mdia = child(init, trak, 'mdia')
    const mdhd = mdia != null ? child(init, mdia, 'mdhd') : undefined
    const hdlr = mdia != null ? child(init, mdia, 'hdlr') : undefined
    const stsd = mdia != null ? findAll(init, ['minf', 'stbl', 'stsd'], mdia)[0] : undefined
    if (tkhd == null || mdhd == null || hdlr == null || stsd == null) throw new Fmp4Error('a trak lacks tkhd, mdhd, hdlr or stsd')
    const dv = view(init)
    const tkhdVersion = init[tkhd.body]
    const mdhdVersion = init[mdhd.body]
    need(tkhd, tkhdVersion === 1 ? 24 : 16)
    need(mdhd, mdhdVersion === 1 ? 24 : 16)
    need(hdlr, 12)
    need(stsd, 8)
    const id = dv.getUint32(tkhd.body + (tkhdVersion === 1 ? 20 : 12))
    const timescale = dv.getUint32(mdhd.body + (mdhdVersion === 1 ? 20 : 12))
    const handler = fourcc(init, hdlr.body + 8)
    const entry = boxes(init, stsd.body + 8, stsd.end).next().value
    if (entry == null) throw new Fmp4Error(`track ${id} has no sample entry`)
    tracks.push({ id, timescale, handler, codec: sampleEntryCodec(init, entry) })
  }
  if (tracks.length === 0) throw new Fmp4Error('the init segment has no tracks')
  return { tracks, codecs: tracks.map(t => t.codec).join(',') }
}

function sampleEntryCodec (bytes: Uint8Array, entry: Box): string {
  const type = entry.type
  if (type === 'avc1' || type === 'avc3') {
    const avcC = child(bytes, { ...entry, body: entry.body + VISUAL_ENTRY_FIELDS }, 'avcC')
    if (avcC == null) throw new Fmp4Error(`${type} sample entry has no avcC`)
    need(avcC, 4)
    // profile_idc, constraint flags, level_idc
    return `${type}.${hex(bytes[avcC.body + 1]!)}${hex(bytes[avcC.body + 2]!)}${hex(bytes[avcC.body + 3]!)}`
  }
  if (type === 'mp4a') {
    need(entry, AUDIO_ENTRY_FIELDS)
    // QuickTime sound description versions 1 and 2 carry more fields before the children
    const soundVersion = view(bytes).getUint16(entry.body + 8)
    const fields = AUDIO_ENTRY_FIELDS + (soundVersion === 1 ? 16 : soundVersion === 2 ? 36 : 0)
    const esds = child(bytes, { ...entry, body: entry.body + fields }, 'esds')
    if (esds == null) throw new Fmp4Error('mp4a sample entry has no esds')
    return mp4aCodec(bytes.subarray(esds.body + 4, esds.end))
  }
  // not what our encoder makes: the sample entry's name, which is the codecs entry for these
  return type === 'Opus' ? 'opus' : type === 'fLaC' ? 'flac' : type
}

/** `mp4a.OTI[.AOT]` from an ES descriptor (ISO 14496-1 §7.2.6.5). */
function mp4aCodec (esds: Uint8Array): string {
  const reader = { at: 0 }
  const es = readDescriptor(esds, reader)
  if (es.tag !== 0x03) throw new Fmp4Error('esds does not start with an ES_Descriptor')
  let at = es.body + 2 // ES_ID
  const flags = esds[at++] ?? 0
  if ((flags & 0x80) !== 0) at += 2 // dependsOn_ES_ID
  if ((flags & 0x40) !== 0) at += 1 + (esds[at] ?? 0) // URL
  if ((flags & 0x20) !== 0) at += 2 // OCR_ES_Id
  reader.at = at
  const config = readDescriptor(esds, reader, es.end)
  if (config.tag !== 0x04) throw new Fmp4Error('ES_Descriptor has no DecoderConfigDescriptor')
  const objectType = esds[config.body]
  if (objectType == null) throw new Fmp4Error('truncated DecoderConfigDescriptor')
  const oti = hex(objectType)
  if (objectType !== 0x40) return `mp4a.${oti}`
  reader.at = config.body + 13
  if (reader.at >= config.end) return `mp4a.${oti}`
  const specific = readDescriptor(esds, reader, config.end)
  if (specific.tag !== 0x05 || specific.end <= specific.body) return `mp4a.${oti}`
  let aot = (esds[specific.body]! >> 3) & 0x1f
  if (aot === 31) {
    if (specific.end - specific.body < 2) throw new Fmp4Error('truncated AudioSpecificConfig')
    aot = 32 + (((esds[specific.body]! & 0x07) << 3) | (esds[specific.body + 1]! >> 5))
  }
  return `mp4a.${oti}.${aot}`
}

function readDescriptor (bytes: Uint8Array, reader: { at: number }, end = bytes.byteLength): { tag: number, body: number, end: number } {
  const tag = bytes[reader.at]
  if (tag == null || reader.at >= end) throw new Fmp4Error('truncated descriptor')
  let at = reader.at + 1
  let size = 0
  for (let i = 0; i < 4; i++) {
    const b = bytes[at++]
    if (b == null) throw new Fmp4Error('truncated descriptor size')
    size = (size << 7) | (b & 0x7f)
    if ((b & 0x80) === 0) break
  }
  if (at + size > end) throw new Fmp4Error(`descriptor 0x${hex(tag)} claims ${size} bytes, ${end - at} left`)
  reader.at = at + size
  return { tag, body: at, end: at + size }
}

function need (box: Box, bytes: number): void {
  if (box.end - box.body < bytes) throw new Fmp4Error(`${box.type} box too short`)
}

function fourcc (bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!)
}

function hex (byte: number): string {
  return byte.toString(16).padStart(2, '0')
}
