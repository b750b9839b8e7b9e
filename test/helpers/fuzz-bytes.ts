// fast-check arbitraries of hostile protobuf bytes: random bytes, truncations and
// mutations of valid encodings, and valid encodings with one hostile field spliced
// in (huge length prefixes, wrong wire types, deep group nesting, unknown fields,
// broken varints, invalid UTF-8 in string fields, repeated fields at and over their
// bounds). Decoders must treat every one of them as input, never as a crash.
import fc from 'fast-check'
import { concat } from 'uint8arrays/concat'

export const WireType = { Varint: 0, Fixed64: 1, Bytes: 2, StartGroup: 3, EndGroup: 4, Fixed32: 5 } as const

/** Protobuf base-128 varint of a non-negative integer up to 2^64 - 1. */
export function varint (value: number | bigint): Uint8Array {
  let n = BigInt(value)
  const out: number[] = []
  do {
    const low = Number(n & 0x7fn)
    n >>= 7n
    out.push(n > 0n ? low | 0x80 : low)
  } while (n > 0n)
  return Uint8Array.from(out)
}

export function tag (field: number, wireType: number): Uint8Array {
  return varint((BigInt(field) << 3n) | BigInt(wireType))
}

/** One length-delimited field. */
export function lenField (field: number, content: Uint8Array): Uint8Array {
  return concat([tag(field, WireType.Bytes), varint(content.byteLength), content])
}

/** What the hostile splices aim at in one message type. */
export interface WireShape {
  /** Highest field number the message defines (unknown fields start above it). */
  maxField: number
  /** `string` fields: protobufjs decodes them leniently, the reader must bound them. */
  strings?: number[]
  /** `bytes` fields that carry UTF-8 text decoded strictly. */
  text?: number[]
  /** Repeated fields and the count the decoder allows. */
  repeated?: Array<{ field: number, max: number, entry: Uint8Array, packed?: boolean }>
}

const INVALID_UTF8: Uint8Array[] = [
  Uint8Array.of(0xc3, 0x28), // bad continuation
  Uint8Array.of(0xff, 0xfe), // never valid
  Uint8Array.of(0xed, 0xa0, 0x80), // lone surrogate
  Uint8Array.of(0xc0, 0x80), // overlong NUL
  Uint8Array.of(0xe2, 0x82), // truncated sequence
  Uint8Array.of(0xf4, 0x90, 0x80, 0x80), // above U+10FFFF
  Uint8Array.of(0x61, 0x00, 0x1b, 0x7f) // valid but control characters
]

const HUGE_LENGTHS = [0x7fffffff, 0xffffffff, 2 ** 32, 2 ** 53, 2n ** 64n - 1n, 0x10000, 0x1000000]
const EDGE_VALUES = [0, 1, 0x7f, 0x80, 0xff, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 1, 2 ** 53, 2n ** 63n, 2n ** 64n - 1n]
const INTERESTING_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x08, 0x0a, 0x12, 0x1a, 0x22, 0x0b, 0x0c]

/** A field with a length prefix far beyond what follows. */
const hugeLength = (shape: WireShape): fc.Arbitrary<Uint8Array> =>
  fc.tuple(fc.integer({ min: 1, max: shape.maxField + 2 }), fc.constantFrom(...HUGE_LENGTHS), fc.uint8Array({ maxLength: 16 }))
    .map(([f, len, rest]) => concat([tag(f, WireType.Bytes), varint(len), rest]))

/** A known field number with every wire type, including the invalid 6 and 7. */
const wrongWireType = (shape: WireShape): fc.Arbitrary<Uint8Array> =>
  fc.tuple(fc.integer({ min: 1, max: shape.maxField }), fc.integer({ min: 0, max: 7 }), fc.constantFrom(...EDGE_VALUES), fc.uint8Array({ maxLength: 12 }))
    .map(([f, wt, value, rest]) => {
      const body = wt === WireType.Varint
        ? varint(value)
        : wt === WireType.Fixed64 ? new Uint8Array(8).fill(0xff) : wt === WireType.Fixed32 ? new Uint8Array(4).fill(0xff) : wt === WireType.Bytes ? concat([varint(rest.byteLength), rest]) : rest
      return concat([tag(f, wt), body])
    })

/** Start-group tags nested past protobufjs' recursion limit (100), closed or not. */
const deepNesting: fc.Arbitrary<Uint8Array> =
  fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.constantFrom(99, 100, 101, 1000, 5000, 20_000), fc.boolean())
    .map(([f, depth, closed]) => {
      const open = tag(f, WireType.StartGroup)
      const close = tag(f, WireType.EndGroup)
      const parts: Uint8Array[] = []
      for (let i = 0; i < depth; i++) parts.push(open)
      if (closed) for (let i = 0; i < depth; i++) parts.push(close)
      return concat(parts)
    })

/** A well-formed field the message does not define, of any valid wire type. */
const unknownField = (shape: WireShape): fc.Arbitrary<Uint8Array> =>
  fc.tuple(fc.integer({ min: shape.maxField + 1, max: 2 ** 29 - 1 }), fc.constantFrom(0, 1, 2, 5), fc.uint8Array({ maxLength: 64 }))
    .map(([f, wt, body]) => concat([tag(f, wt), wt === 0 ? varint(body.byteLength) : wt === 1 ? new Uint8Array(8) : wt === 5 ? new Uint8Array(4) : concat([varint(body.byteLength), body])]))

/** Varints that never end or run past ten bytes, tags of field 0, stray end-group tags. */
const brokenTag: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.integer({ min: 1, max: 20 }).map(n => new Uint8Array(n).fill(0xff)),
  fc.constant(Uint8Array.of(0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)),
  fc.constantFrom(0, 1, 2, 3, 4, 5).map(wt => Uint8Array.of(wt, 0x01)),
  fc.integer({ min: 1, max: 30 }).map(f => tag(f, WireType.EndGroup)),
  fc.constant(Uint8Array.of(0x80))
)

/** Invalid UTF-8 (and control characters) in a string or text field. */
const invalidUtf8 = (shape: WireShape): fc.Arbitrary<Uint8Array> | undefined => {
  const fields = [...(shape.strings ?? []), ...(shape.text ?? [])]
  if (fields.length === 0) return undefined
  return fc.tuple(fc.constantFrom(...fields), fc.string({ maxLength: 8 }), fc.constantFrom(...INVALID_UTF8), fc.string({ maxLength: 8 }))
    .map(([f, before, bad, after]) => lenField(f, concat([new TextEncoder().encode(before), bad, new TextEncoder().encode(after)])))
}

/** A repeated field at its bound, just over it, and far over it (packed where the field allows). */
const maxCount = (shape: WireShape): fc.Arbitrary<Uint8Array> | undefined => {
  const repeated = shape.repeated ?? []
  if (repeated.length === 0) return undefined
  return fc.tuple(fc.constantFrom(...repeated), fc.constantFrom(0, 1, 2, 1000), fc.boolean())
    .map(([r, extra, packed]) => {
      const count = r.max + extra
      if (packed && r.packed === true) {
        const parts: Uint8Array[] = []
        for (let i = 0; i < count; i++) parts.push(varint(i))
        return lenField(r.field, concat(parts))
      }
      const one = lenField(r.field, r.entry)
      const parts: Uint8Array[] = []
      for (let i = 0; i < count; i++) parts.push(r.packed === true ? concat([tag(r.field, WireType.Varint), varint(i)]) : one)
      return concat(parts)
    })
}

/** A single hostile field for `shape`. */
export function hostileField (shape: WireShape): fc.Arbitrary<Uint8Array> {
  const arbs = [hugeLength(shape), wrongWireType(shape), deepNesting, unknownField(shape), brokenTag, invalidUtf8(shape), maxCount(shape)]
  return fc.oneof(...arbs.filter(a => a != null))
}

type Edit =
  | { op: 'flip', at: number, bit: number }
  | { op: 'set', at: number, value: number }
  | { op: 'insert', at: number, bytes: Uint8Array }
  | { op: 'delete', at: number, length: number }
  | { op: 'duplicate', at: number, length: number }

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.oneof(fc.constantFrom(...INTERESTING_BYTES), fc.integer({ min: 0, max: 255 })) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }) }
)

function applyEdit (bytes: Uint8Array, e: Edit): Uint8Array {
  if (bytes.byteLength === 0) return e.op === 'insert' ? e.bytes : bytes
  const at = e.at % bytes.byteLength
  switch (e.op) {
    case 'flip': {
      const out = Uint8Array.from(bytes)
      out[at] = out[at]! ^ (1 << e.bit)
      return out
    }
    case 'set': {
      const out = Uint8Array.from(bytes)
      out[at] = e.value
      return out
    }
    case 'insert': return concat([bytes.subarray(0, at), e.bytes, bytes.subarray(at)])
    case 'delete': return concat([bytes.subarray(0, at), bytes.subarray(at + e.length)])
    case 'duplicate': return concat([bytes.subarray(0, at + e.length), bytes.subarray(at)])
  }
}

/** Valid encodings with one to four byte-level edits (bit flips, overwrites, inserts, deletes, duplicated runs). */
export function mutated (valid: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.constantFrom(...valid), fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([bytes, edits]) => edits.reduce(applyEdit, bytes))
}

/** Valid encodings cut short anywhere. */
export function truncated (valid: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.constantFrom(...valid), fc.nat()).map(([bytes, n]) => bytes.subarray(0, n % Math.max(1, bytes.byteLength)))
}

/** Valid encodings with a hostile field prepended, appended or spliced in at a field boundary-or-not. */
export function spliced (valid: readonly Uint8Array[], shape: WireShape): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.constantFrom(...valid), hostileField(shape), fc.constantFrom('prepend', 'append', 'anywhere'), fc.nat())
    .map(([bytes, field, where, at]) => {
      if (where === 'prepend') return concat([field, bytes])
      if (where === 'append') return concat([bytes, field])
      const i = at % (bytes.byteLength + 1)
      return concat([bytes.subarray(0, i), field, bytes.subarray(i)])
    })
}

/** Random bytes: mostly short, sometimes up to a few KiB. */
export const randomBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 1024 }) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1024, maxLength: 8192 }) }
)

/**
 * Every kind of hostile input for one message type, built around `valid`
 * encodings of it: random bytes, truncations, mutations, hostile splices, and
 * (rarely) the valid encodings themselves, so the accept path is checked too.
 */
export function hostileBytes (valid: readonly Uint8Array[], shape: WireShape): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { weight: 2, arbitrary: randomBytes },
    { weight: 2, arbitrary: truncated(valid) },
    { weight: 4, arbitrary: mutated(valid) },
    { weight: 4, arbitrary: spliced(valid, shape) },
    { weight: 1, arbitrary: fc.constantFrom(...valid) }
  )
}
