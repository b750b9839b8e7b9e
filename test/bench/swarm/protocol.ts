// What test/bench/swarm.ts and its viewer workers say to each other: one JSON object a line.
import type { SegmentSource } from '../../../src/video/index.ts'

/** Coordinator → worker: join these viewers at these times, watch until `endAt`, then report. */
export interface RunCommand {
  cmd: 'run'
  bootstrap: string[]
  channel: string
  /** false: HTTP-only players (every segment from the origin). */
  p2p: boolean
  /** Wall-clock ms the run starts (the worker's CPU window opens here). */
  t0: number
  /** Wall-clock ms every viewer stops watching. */
  endAt: number
  /** Global viewer index and the wall-clock ms it joins. */
  joins: Array<{ index: number, at: number }>
}

/** A viewer event: [ms since t0, what, seq (stall, skip) or stall ms (resume)]. */
export type ViewerEvent = [number, 'stall' | 'resume' | 'skip', number]

/** A segment that arrived: [ms since t0, source, latency ms (signed → verified here), seq]. */
export type Received = [number, SegmentSource, number, number]

/** One fetch the viewer made: [ms since t0 it began, seq, from, ok, reason when not, ms it took]. */
export type Attempt = [number, number, 'peer' | 'seed' | 'origin', boolean, string, number]

export interface ViewerResult {
  index: number
  /** Set when the viewer could not join: the bench fails. */
  error?: string
  /** Node start + bootstrap connection + clock check, before the viewer started. */
  nodeStartMs: number
  /** When Viewer.start() ran, ms since t0. */
  startedAtMs: number | null
  /** Viewer.start() → first swarm neighbour (any, and the streamer), first segment verified. */
  firstNeighbourMs: number | null
  firstSeedNeighbourMs: number | null
  firstSegmentMs: number | null
  /** Viewer.start() → first segment played (what `swarmcast watch` reports). */
  startupMs: number | null
  segments: number
  stalls: number
  stallMs: number
  skipped: number
  latencies: number[]
  bytesFromPeers: number
  bytesFromSeed: number
  bytesFromOrigin: number
  /** Bytes this viewer uploaded to other viewers. */
  uploaded: number
  /** Swarm neighbours at the end. */
  neighbours: number
  events: ViewerEvent[]
  received: Received[]
  attempts: Attempt[]
}

/** A worker's state every few seconds: how playback goes, and how loaded its process is. */
export interface Progress {
  elapsedMs: number
  joined: number
  started: number
  stalls: number
  stalled: number
  bytesFromPeers: number
  bytesFromSeed: number
  bytesFromOrigin: number
  /** Process CPU since the previous progress line, % of one core. */
  cpuPercent: number
  /** Event-loop delay since the previous line: a late loop makes every timer of its 10 viewers late. */
  loopDelayP99Ms: number
  loopDelayMaxMs: number
}

/** Worker → coordinator lines. */
export type WorkerLine =
  | { type: 'ready', pid: number }
  | { type: 'progress' } & Progress
  | { type: 'result', viewers: ViewerResult[], cpuUs: number, windowMs: number }
  | { type: 'error', error: string }
