// Shared between the chat benchmark's coordinator (test/bench/chat.ts) and its
// worker processes (test/bench/chat/worker.ts): the JSON-line commands, the
// payloads that carry (step, seq) so receivers can tell messages apart, and
// the clock every process stamps with.

/** The two systems measured on the same topology. */
export type System = 'signed' | 'raw'
export const SYSTEMS: readonly System[] = ['signed', 'raw']

/** Plain gossipsub topic of the raw baseline (no validator). */
export const RAW_TOPIC = '/swarmcast-bench/raw/1'
/** Bytes of chat text (signed) and of payload (raw, unless a step asks for another size) per message. */
export const PAYLOAD_BYTES = 1024

/**
 * High-resolution absolute time in ms. All processes run on one machine, so
 * timeOrigin (wall clock at process start) + monotonic now() is comparable
 * across them to well under a millisecond.
 */
export function now (): number {
  return performance.timeOrigin + performance.now()
}

/** One send as the sending worker saw it: [seq, sender index, scheduled at, started at, settled at, outcome ('ok' or the error's name)]. */
export type SendRecord = [number, number, number, number, number, string]
/**
 * One delivery: [seq, receiving node index, received at, passed gossip at].
 * Signed: received = the room's message event (after validation and the
 * LevelDB write), passed gossip = gossipsub's message event (validated, before
 * the store). Raw: both are gossipsub's message event.
 */
export type ReceiptRecord = [number, number, number, number]

export interface CpuTimes { user: number, system: number }

/** What held up a worker's event loop during a step (its nodes all share that loop). */
export interface Stalls {
  /** Event-loop delay (node:perf_hooks monitorEventLoopDelay, 5 ms resolution), p99 and max. */
  loopDelayP99Ms: number
  loopDelayMaxMs: number
  /** Garbage-collection pauses: how many, their sum and the longest. */
  gcCount: number
  gcTotalMs: number
  gcMaxMs: number
}

export interface MeshStatus { idx: number, conns: number, subs: number, mesh: number }

/** Commands from coordinator to worker; every one is answered with `{ id, ok: true, ...result }` or `{ id, ok: false, error }`. */
export type Command =
  | { cmd: 'start', system: System, indices: number[], channelOwner: string }
  | { cmd: 'dial', system: System, edges: Array<[number, string]> }
  | { cmd: 'mesh', system: System }
  | { cmd: 'cpu' }
  | { cmd: 'step', system: System, step: number, rate: number, durationMs: number, t0: number, n: number, rawBytes: number }
  | { cmd: 'envelope-size' }
  | { cmd: 'status', step: number }
  | { cmd: 'collect', step: number }
  | { cmd: 'profile-start', intervalUs: number }
  | { cmd: 'profile-stop', file: string }
  | { cmd: 'stop' }

export interface Results {
  hello: { dir: string, pid: number }
  start: { addrs: Array<[number, string]> }
  dial: { failed: string[] }
  mesh: { status: MeshStatus[] }
  cpu: CpuTimes
  step: { scheduled: number }
  'envelope-size': { bytes: number }
  status: { sentOk: number, failed: number, settled: number, scheduled: number, receipts: number }
  collect: { cpu: CpuTimes, windowMs: number, writes: number, bytes: number, stalls: Stalls, sends: SendRecord[], receipts: ReceiptRecord[] }
  'profile-start': Record<never, never>
  'profile-stop': { file: string, cpu: CpuTimes }
  stop: Record<never, never>
}

const FILLER = new TextEncoder().encode('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_')

/** Starts every benchmark chat text, so a receiver can find (step, seq) in raw envelope bytes. */
export const TEXT_MARK = '#b:'

/** Chat text of exactly PAYLOAD_BYTES ASCII bytes: `#b:step:seq:` then random characters. */
export function chatText (step: number, seq: number): string {
  const head = `${TEXT_MARK}${step}:${seq}:`
  // random bytes mapped to printable ones in place: the load generator should cost what raw's does
  const tail = crypto.getRandomValues(new Uint8Array(PAYLOAD_BYTES - head.length))
  for (let i = 0; i < tail.length; i++) tail[i] = FILLER[tail[i]! & 63]!
  return head + Buffer.from(tail.buffer, tail.byteOffset, tail.byteLength).toString('latin1')
}

export function parseChatText (text: string): { step: number, seq: number } | undefined {
  if (!text.startsWith(TEXT_MARK)) return undefined
  const a = text.indexOf(':', TEXT_MARK.length)
  const b = text.indexOf(':', a + 1)
  if (a <= 0 || b <= a) return undefined
  const step = Number(text.slice(TEXT_MARK.length, a))
  const seq = Number(text.slice(a + 1, b))
  return Number.isInteger(step) && Number.isInteger(seq) ? { step, seq } : undefined
}

const MARK_BYTES = new TextEncoder().encode(TEXT_MARK)

/** Finds (step, seq) of a benchmark chat text inside envelope bytes, without decoding them. */
export function findChatMark (bytes: Uint8Array): { step: number, seq: number } | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = buf.indexOf(MARK_BYTES)
  if (at < 0) return undefined
  return parseChatText(buf.toString('latin1', at, Math.min(buf.byteLength, at + 40)))
}

/** Raw payload of `size` bytes: step (u32 BE), seq (u32 BE), random bytes. */
export function rawPayload (step: number, seq: number, size = PAYLOAD_BYTES): Uint8Array {
  const bytes = crypto.getRandomValues(new Uint8Array(Math.max(8, size)))
  const view = new DataView(bytes.buffer)
  view.setUint32(0, step)
  view.setUint32(4, seq)
  return bytes
}

export function parseRawPayload (bytes: Uint8Array): { step: number, seq: number } | undefined {
  if (bytes.byteLength < 8) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return { step: view.getUint32(0), seq: view.getUint32(4) }
}
