// What test/bench/relay.ts and its client workers (test/bench/relay/worker.ts)
// say to each other: one JSON object a line. Every command carries an id and is
// answered with `{ id, ok: true, ...result }` or `{ id, ok: false, error }`;
// the worker's first line is its hello (id 0).

/**
 * What a lightweight client is: 'bare', a lean libp2p node with what the relay
 * sees of a viewer (see worker.ts), or 'swarm', the full createSwarmNode.
 */
export type ClientKind = 'bare' | 'swarm'

/** A lightweight client to start: its global index and whether it holds a relay reservation. */
export interface ClientSpec {
  index: number
  reserve: boolean
  /**
   * Join as the CLI does (relay as bootstrap peer, then joinNetwork) instead
   * of a plain dial: the error is then the one a user is shown.
   */
  join?: boolean
}

/** How one client's connect went. */
export interface ConnectResult {
  index: number
  /** Dial to the relay succeeded. */
  ok: boolean
  /** Node start + dial, ms. */
  ms: number
  /** `name: message` of the dial error (of the last attempt). */
  error?: string
  /** Set when the first dial failed (and it was tried again): its error. */
  firstError?: string
  /** Whether it wanted a reservation, and whether (and when, ms after the dial) it got one. */
  reserve: boolean
  reserved?: boolean
  reserveMs?: number
  /** `name: message` of the reservation failure the app sees (awaitReservation). */
  reserveError?: string
  /** Its `/p2p-circuit` address, when it holds a reservation. */
  circuitAddr?: string
}

/** One chat message as the chat worker saw it end to end. */
export interface ChatRunResult {
  /** Sends scheduled, and how they ended: 'ok' or the error's name → count. */
  scheduled: number
  outcomes: Record<string, number>
  /** Deliveries expected (scheduled sends × other chat nodes) and received in time. */
  expected: number
  received: number
  /**
   * Every delivery: [ms from t0 the send was called, latency ms = send called
   * → the receiver's room emitted it, latency from the scheduled send time
   * (adds the sender's timer lateness)].
   */
  samples: Array<[number, number, number]>
  /** Latency from the Date.now() stamp in the text (cross-check; same machine clock). */
  stampLatencies: number[]
  /** Each chat node's gossip mesh peers on the chat topic at the end (1 = the relay). */
  mesh: number[]
  /** Each chat node's open connections at the end (1 = only the relay). */
  connections: number[]
}

/** Coordinator → worker. */
export type Command =
  | { cmd: 'connect', relay: string, kind: ClientKind, clients: ClientSpec[], concurrency: number, retries: number, dialTimeoutMs: number, reserveTimeoutMs: number }
  | { cmd: 'status' }
  | { cmd: 'chat-join', relay: string, channel: string, count: number, timeoutMs: number }
  | { cmd: 'chat-run', step: number, rate: number, t0: number, durationMs: number, graceMs: number, textBytes: number }
  | { cmd: 'dial-circuit', addrs: string[], timeoutMs: number }
  | { cmd: 'leave', indices: number[] }
  | { cmd: 'stop' }

export interface WorkerStatus {
  /** Clients started in this worker (lightweight and chat). */
  clients: number
  /** ... of which have an open connection to the relay now. */
  connected: number
  /** ... of which hold a reservation now (a `/p2p-circuit` address). */
  reserved: number
  /** Connections to the relay that closed while the client was not stopping. */
  dropped: number
  /** Why they closed, when known (remote close, errors): text → count. */
  dropReasons: Record<string, number>
  rssBytes: number
  heapUsedBytes: number
  cpuUs: number
  /** Event-loop delay p99 and max since the previous status, ms. */
  loopDelayP99Ms: number
  loopDelayMaxMs: number
}

export interface Results {
  hello: { pid: number, dir: string }
  connect: { results: ConnectResult[] }
  status: WorkerStatus
  'chat-join': { joined: number, ms: number }
  'chat-run': ChatRunResult
  'dial-circuit': { results: Array<{ addr: string, ok: boolean, ms: number, error?: string }> }
  leave: { left: number }
  stop: Record<never, never>
}

/** Starts every chat text of the benchmark: `#r:step:seq:sentAtMs:` then filler. */
export const TEXT_MARK = '#r:'

export function chatText (step: number, seq: number, bytes: number): string {
  const head = `${TEXT_MARK}${step}:${seq}:${Date.now()}:`
  return head + 'x'.repeat(Math.max(0, bytes - head.length))
}

export function parseChatText (text: string): { step: number, seq: number, stamp: number } | undefined {
  if (!text.startsWith(TEXT_MARK)) return undefined
  const [step, seq, stamp] = text.slice(TEXT_MARK.length).split(':', 3).map(Number)
  return Number.isInteger(step) && Number.isInteger(seq) && Number.isFinite(stamp) ? { step: step!, seq: seq!, stamp: stamp! } : undefined
}

/**
 * High-resolution absolute time in ms; comparable across processes on one
 * machine (timeOrigin is the wall clock at process start).
 */
export function now (): number {
  return performance.timeOrigin + performance.now()
}
