import { MAX_ENVELOPE_BYTES } from '../envelope/constants.ts'
import { boundedLpStream } from '../wire/index.ts'
import type { AbortOptions, Logger, PeerId, Stream } from '@libp2p/interface'
import type { ConnectionManager } from '@libp2p/interface-internal'

/** Bounds of one request/response exchange whose answer is a stream of envelopes. */
export interface EnvelopeStreamLimits {
  maxItems: number
  maxBytes: number
  timeoutMs: number
}

/** Most bytes of a request (a small protobuf). */
const MAX_REQUEST_BYTES = 128
/**
 * A request must arrive this soon after its stream opens, whatever the
 * exchange's budget (mod-sync has a minute): a silent peer must not hold a
 * stream slot for the whole budget. Same bound as the segments protocol.
 */
const REQUEST_READ_TIMEOUT_MS = 5_000

/**
 * Serves one request whose answer is a stream of length-prefixed envelopes,
 * ended by closing the stream: reads the request, writes what `answer` yields
 * within the limits. Failures are logged, never thrown at the handler.
 */
export async function serveEnvelopes (stream: Stream, limits: EnvelopeStreamLimits, answer: (request: Uint8Array) => AsyncIterable<Uint8Array> | Iterable<Uint8Array>, log: Logger): Promise<void> {
  const signal = AbortSignal.timeout(limits.timeoutMs)
  try {
    const lp = boundedLpStream(stream, MAX_ENVELOPE_BYTES)
    const request = (await lp.read({ signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_READ_TIMEOUT_MS)]) })).subarray()
    if (request.byteLength > MAX_REQUEST_BYTES) throw new RangeError(`request of ${request.byteLength} bytes is over ${MAX_REQUEST_BYTES}`)
    let items = 0
    let bytes = 0
    for await (const envelope of answer(request)) {
      if (++items > limits.maxItems || (bytes += envelope.byteLength) > limits.maxBytes) break
      await lp.write(envelope, { signal })
    }
    await stream.close({ signal })
  } catch (err) {
    log('request on %s failed: %s', stream.protocol, (err as Error).message)
    stream.abort(err as Error)
  }
}

/**
 * Sends `request` to `peer` over `protocol` and yields each envelope of the
 * answer as received, unverified (the caller validates every one); stops at
 * the limits whatever the peer sends.
 */
export async function * requestEnvelopes (connectionManager: ConnectionManager, peer: PeerId, protocol: string, request: Uint8Array, limits: EnvelopeStreamLimits, options: AbortOptions = {}): AsyncGenerator<Uint8Array> {
  const signal = AbortSignal.any([AbortSignal.timeout(limits.timeoutMs), ...(options.signal != null ? [options.signal] : [])])
  const stream = await connectionManager.openStream(peer, protocol, { signal })
  try {
    const lp = boundedLpStream(stream, MAX_ENVELOPE_BYTES)
    await lp.write(request, { signal })
    let bytes = 0
    for (let i = 0; i < limits.maxItems; i++) {
      let frame
      try {
        frame = (await lp.read({ signal })).subarray()
      } catch (err) {
        if ((err as Error).name === 'UnexpectedEOFError') break
        throw err
      }
      if ((bytes += frame.byteLength) > limits.maxBytes) break
      yield frame
    }
    await stream.close({ signal }).catch(() => {})
  } catch (err) {
    stream.abort(err as Error)
    throw err
  }
}
