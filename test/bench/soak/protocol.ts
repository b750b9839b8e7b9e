// What test/bench/soak/soak-run.ts and its workers say to each other: one JSON object a line
// (commands on the worker's stdin, lines on its stdout).

/** Coordinator → worker. */
export type SoakCommand =
  /**
   * Start `count` viewers (each a `swarmcast` peer session, as the CLI runs it), joined through `bootstrap`.
   * `forceGc`: collect garbage before each memory sample (the worker runs with --expose-gc).
   */
  | { cmd: 'start', count: number, channel: string, bootstrap: string[], dir: string, name: string, forceGc: boolean }
  /** Watch the heap from `afterMs` on (heap-watch.ts), writing to `dir`. */
  | { cmd: 'diagnose', dir: string, afterMs: number }
  /** Stop every peer and exit. */
  | { cmd: 'stop' }

/** One viewer's playback so far. */
export interface ViewerProgress {
  segments: number
  stalls: number
  stallMs: number
  skipped: number
  peers: number
  /** Wall-clock ms of each stall's start, and how many segments each skip jumped. */
  stallsAt: number[]
  skips: Array<[number, number]>
}

/** The worker's memory, MiB (after a full GC when the worker runs with --expose-gc). */
export interface MemorySample { rss: number, heapUsed: number, external: number, arrayBuffers: number, gc: boolean }

/** Worker → coordinator. */
export type SoakLine =
  | { type: 'ready', count: number, startMs: number }
  | { type: 'progress', at: number, viewers?: ViewerProgress[], memory?: MemorySample }
  | { type: 'viewers-final', viewers: ViewerProgress[] }
  | { type: 'error', message: string }
