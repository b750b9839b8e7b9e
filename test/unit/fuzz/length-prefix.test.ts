// Length-prefixed framing (src/wire/length-prefixed.ts) as every handler reads it:
// hostile bytes on a stream, then the writer closes. A read returns a frame within
// its bound or fails with a named error, quickly, whatever the prefix.
import t from 'tap'
import fc from 'fast-check'
import { streamPair } from '@libp2p/utils'
import { boundedLpStream } from '../../../src/wire/index.ts'
import { varint } from '../../helpers/fuzz-bytes.ts'
import { FUZZ_SEED } from '../../helpers/fuzz-check.ts'

const MAX = 64 * 1024
const NAMED = ['MalformedMessageError', 'InvalidDataLengthError', 'InvalidDataLengthLengthError', 'InvalidMessageLengthError', 'UnexpectedEOFError']

async function readOne (bytes: Uint8Array): Promise<{ frame?: number, error?: string, ms: number }> {
  const [a, b] = await streamPair()
  const start = performance.now()
  if (bytes.byteLength > 0) a.send(bytes)
  await a.close()
  try {
    const frame = await boundedLpStream(b, MAX).read({ signal: AbortSignal.timeout(2_000) })
    return { frame: frame.byteLength, ms: performance.now() - start }
  } catch (err) {
    return { error: (err as Error).name, ms: performance.now() - start }
  } finally {
    b.abort(new Error('done'))
  }
}

const prefixes = fc.oneof(
  fc.uint8Array({ maxLength: 32 }),
  // continuation bytes that never end, then anything
  fc.tuple(fc.integer({ min: 1, max: 4096 }), fc.constantFrom(0x80, 0xff), fc.uint8Array({ maxLength: 8 })).map(([n, b, rest]) => Uint8Array.from([...new Uint8Array(n).fill(b), ...rest])),
  // a well-formed prefix of any size up to 2^64 - 1, then some of the data
  fc.tuple(fc.oneof(fc.integer({ min: 0, max: MAX + 10 }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })), fc.uint8Array({ maxLength: 256 })).map(([n, data]) => Uint8Array.from([...varint(n), ...data])),
  // a non-minimal encoding of a small length
  fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 12 })).map(([n, pad]) => Uint8Array.from([...new Uint8Array(pad).fill(0x80).map((b, i) => i === 0 ? b | n : b), 0x00]))
)

t.test('any prefix: a frame within bounds or a named error, fast', async t => {
  let slowest = 0
  const failures: string[] = []
  for (const bytes of fc.sample(prefixes, { seed: FUZZ_SEED, numRuns: 400 })) {
    const r = await readOne(bytes)
    slowest = Math.max(slowest, r.ms)
    const ok = r.error == null ? r.frame! <= MAX : NAMED.includes(r.error)
    if (!ok || r.ms > 1_000) failures.push(`${Buffer.from(bytes).toString('hex').slice(0, 60)}: ${r.error ?? `frame of ${r.frame}`} in ${r.ms.toFixed(0)} ms`)
  }
  t.same(failures, [], `400 prefixes, slowest ${slowest.toFixed(0)} ms`)
})

t.test('a length prefix that never ends is refused after a few bytes', async t => {
  // found by the handler fuzzer: lpStream read such a prefix one byte at a time for good,
  // starving the event loop (15 s stalls) and holding ~130 bytes of heap per byte
  const r = await readOne(new Uint8Array(100_000).fill(0x80))
  t.equal(r.error, 'MalformedMessageError')
  t.ok(r.ms < 500, `in ${r.ms.toFixed(0)} ms`)
  t.equal((await readOne(Uint8Array.of(0x85, 0x80, 0x00, 1, 2, 3, 4, 5))).frame, 5, 'a non-minimal but short prefix is still read')
})
