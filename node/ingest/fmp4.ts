/** Bytes that are not the fragmented MP4 they should be. */
export class Fmp4Error extends Error {
  override readonly name = 'Fmp4Error'
}

/** One ISO-BMFF box: `type`, and where its header, payload and end are in the buffer. */
export interface Box {
  type: string
  start: number
  /** First payload byte (after size, type and any 64-bit size). */
  body: number
  end: number
}

/** Boxes nest at most this deep in anything we read (moov/trak/mdia/minf/stbl/stsd/entry/config). */
const MAX_DEPTH = 10

/** The boxes laid end to end in `bytes[start, end)`; throws on a size that does not fit. */
export function * boxes (bytes: Uint8Array, start = 0, end = bytes.byteLength): Generator<Box> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let at = start
  while (at < end) {
    if (end - at < 8) throw new Fmp4Error(`truncated box header at byte ${at}`)
    let size = view.getUint32(at)
    const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!)
    let body = at + 8
    if (size === 1) {
      if (end - at < 16) throw new Fmp4Error(`truncated 64-bit box size at byte ${at}`)
      size = Number(view.getBigUint64(at + 8))
      body = at + 16
    } else if (size === 0) {
      size = end - at
    }
    if (size < body - at || at + size > end) throw new Fmp4Error(`box ${JSON.stringify(type)} at byte ${at} claims ${size} bytes, ${end - at} left`)
    yield { type, start: at, body, end: at + size }
    at += size
  }
}

/** The first child of `parent` (or top-level box when absent) of `type`. */
export function child (bytes: Uint8Array, parent: Box | undefined, type: string): Box | undefined {
  for (const box of boxes(bytes, parent?.body ?? 0, parent?.end ?? bytes.byteLength)) {
    if (box.type === type) return box
  }
  return undefined
}

/** Every box reached by following `path` (each step may match several children). */
export function findAll (bytes: Uint8Array, path: string[], parent?: Box, depth = 0): Box[] {
  if (depth > MAX_DEPTH) throw new Fmp4Error('boxes nest too deep')
  const [first, ...rest] = path
  if (first == null) return parent != null ? [parent] : []
  const found: Box[] = []
  for (const box of boxes(bytes, parent?.body ?? 0, parent?.end ?? bytes.byteLength)) {
    if (box.type === first) found.push(...(rest.length === 0 ? [box] : findAll(bytes, rest, box, depth + 1)))
  }
  return found
}

export function view (bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/**
 * A copy of a media segment moved `offsetMs` later on the timeline: each
 * track fragment's decode time (`tfdt`) and each `sidx` earliest presentation
 * time grows by the offset in that track's timescale. Sizes and offsets do not
 * change, so the rest of the segment stays valid. `timescales` maps track id
 * to timescale (from the init segment).
 */
export function rebaseSegment (segment: Uint8Array, timescales: ReadonlyMap<number, number>, offsetMs: number): Uint8Array {
  const out = new Uint8Array(segment)
  if (offsetMs === 0) return out
  const dv = view(out)
  const ticks = (timescale: number): bigint => BigInt(Math.round(offsetMs * timescale / 1000))
  for (const box of boxes(out)) {
    if (box.type === 'sidx') {
      const version = out[box.body] ?? 0
      if (box.end - box.body < (version === 1 ? 28 : 20)) throw new Fmp4Error('sidx too short')
      const timescale = dv.getUint32(box.body + 8)
      addToTime(dv, box.body + 12, version, ticks(timescale))
    } else if (box.type === 'moof') {
      for (const traf of findAll(out, ['traf'], box)) {
        const tfhd = child(out, traf, 'tfhd')
        const tfdt = child(out, traf, 'tfdt')
        if (tfhd == null || tfdt == null) throw new Fmp4Error('a track fragment lacks tfhd or tfdt')
        const version = out[tfdt.body] ?? 0
        if (tfhd.end - tfhd.body < 8 || tfdt.end - tfdt.body < (version === 1 ? 12 : 8)) throw new Fmp4Error('tfhd or tfdt too short')
        const trackId = dv.getUint32(tfhd.body + 4)
        const timescale = timescales.get(trackId)
        if (timescale == null) throw new Fmp4Error(`segment has track ${trackId}, which its init segment does not`)
        addToTime(dv, tfdt.body + 4, version, ticks(timescale))
      }
    }
  }
  return out
}

/** Adds to a version-0 (32-bit) or version-1 (64-bit) time field in place. */
function addToTime (dv: DataView, at: number, version: number, add: bigint): void {
  if (version === 1) {
    dv.setBigUint64(at, dv.getBigUint64(at) + add)
    return
  }
  const sum = BigInt(dv.getUint32(at)) + add
  if (sum > 0xffffffffn) throw new Fmp4Error('a 32-bit media time overflows after rebasing')
  dv.setUint32(at, Number(sum))
}
