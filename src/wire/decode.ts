import { MalformedMessageError, OversizeMessageError } from './errors.ts'

/** The decode half of a protobufjs static message class. */
export interface Decodable<T> {
  decode(bytes: Uint8Array): T
}

/**
 * Decodes `bytes` as `type` after checking the size bound. Any failure is a
 * named error (`OversizeMessageError` or `MalformedMessageError`), never the raw
 * exception protobufjs throws, so a handler can always turn it into a verdict.
 */
export function decodeBounded<T> (type: Decodable<T>, what: string, bytes: Uint8Array, maxBytes: number): T {
  if (bytes.byteLength > maxBytes) {
    throw new OversizeMessageError(what, bytes.byteLength, maxBytes)
  }
  try {
    return type.decode(bytes)
  } catch (err) {
    throw new MalformedMessageError(`${what} is not a valid encoding: ${(err as Error).message}`)
  }
}

/** Repeated fields are bounded by count as well as by the message size. */
export function checkCount (what: string, items: readonly unknown[] | null | undefined, max: number): void {
  const count = items?.length ?? 0
  if (count > max) {
    throw new MalformedMessageError(`${what} has ${count} entries, over the limit of ${max}`)
  }
}

/** A bytes field that must have an exact length (keys, signatures, ids). */
export function checkLength (what: string, bytes: Uint8Array | null | undefined, length: number): Uint8Array {
  if (bytes == null || bytes.byteLength !== length) {
    throw new MalformedMessageError(`${what} must be ${length} bytes, got ${bytes?.byteLength ?? 0}`)
  }
  return bytes
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Text carried as bytes is decoded strictly: invalid UTF-8 is an error, not U+FFFD. */
export function decodeUtf8 (what: string, bytes: Uint8Array | null | undefined, maxBytes: number): string {
  const b = bytes ?? new Uint8Array(0)
  if (b.byteLength > maxBytes) {
    throw new MalformedMessageError(`${what} is ${b.byteLength} bytes, over the ${maxBytes}-byte limit`)
  }
  try {
    return strictUtf8.decode(b)
  } catch {
    throw new MalformedMessageError(`${what} is not valid UTF-8`)
  }
}
