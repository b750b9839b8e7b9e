import { lpStream } from '@libp2p/utils'
import { MalformedMessageError } from './errors.ts'
import type { MessageStream } from '@libp2p/interface'
import type { LengthPrefixedStream, LengthPrefixedStreamOpts } from '@libp2p/utils'

type Bytes = Parameters<LengthPrefixedStreamOpts['lengthDecoder']>[0]

/** Bytes of the varint that encodes `value`. */
function varintLength (value: number): number {
  let bytes = 1
  while (value >= 0x80) {
    value = Math.floor(value / 0x80)
    bytes++
  }
  return bytes
}

/**
 * Reads the varint length prefix; RangeError means "not all of it yet" (what
 * lpStream expects), and a prefix longer than `maxBytes` is malformed at once.
 */
function decodeLength (data: Bytes, maxBytes: number): number {
  let value = 0
  for (let i = 0; i < Math.min(data.byteLength, maxBytes); i++) {
    const byte = data.get(i)
    value += (byte & 0x7f) * 2 ** (7 * i)
    if (byte < 0x80) return value
  }
  if (data.byteLength >= maxBytes) throw new MalformedMessageError(`length prefix is over ${maxBytes} bytes`)
  throw new RangeError('length prefix is incomplete')
}

/**
 * lpStream for frames of at most `maxDataLength` bytes, with the length prefix
 * bounded too. @libp2p/utils' lpStream takes a varint it cannot decode (9 or
 * more bytes) for "need more bytes" and checks its length only after a decode
 * succeeds, so a peer sending 0x80 bytes keeps it reading one byte at a time
 * for good: each buffered byte is a microtask (the event loop starves, the read
 * timeout never fires) and ~130 bytes of heap. Use this for every stream a peer
 * writes to.
 */
export function boundedLpStream<T extends MessageStream> (stream: T, maxDataLength: number): LengthPrefixedStream<T> {
  const maxLengthLength = varintLength(maxDataLength)
  return lpStream(stream, { maxDataLength, maxLengthLength, lengthDecoder: (data) => decodeLength(data, maxLengthLength) })
}
