import { TypedEventEmitter } from 'main-event'
import { MAX_WORKER_RESTART_DELAY_MS, WORKER_RESTART_DELAY_MS } from './constants.ts'
import type { types } from 'mediasoup'
import type { Logger } from '@libp2p/interface'

/** One worker process place in the pool; the process in it changes when it dies and is restarted. */
export interface WorkerSlot {
  readonly index: number
  /** Undefined while the worker is being restarted. */
  worker: types.Worker | undefined
  /** Bumps on every (re)start: routers made on an older generation are gone. */
  generation: number
  restarts: number
  /** Receive transports on this worker now (the load used to spread viewers). */
  transports: number
  consumers: number
}

export interface WorkerPoolEvents {
  /** A worker process exited unexpectedly (crash, OOM, SIGKILL); everything on it is gone. */
  'worker-died': CustomEvent<{ index: number, pid: number, error: Error }>
  /** A replacement worker is up in the slot. */
  'worker-restarted': CustomEvent<{ index: number, pid: number }>
}

export interface WorkerPoolInit {
  size: number
  workerBin: string
  log: Logger
  /** mediasoup's createWorker (injected so the module loads only when the SFU runs). */
  createWorker: (settings: types.WorkerSettings) => Promise<types.Worker>
  logLevel?: types.WorkerLogLevel
  /** Ports for pipe transports between workers (the WebRTC and plain transports name their own range). */
  rtcMinPort?: number
  rtcMaxPort?: number
}

/**
 * mediasoup workers, one per core by default. A worker that dies is logged,
 * reported (`worker-died`, so routers on it are dropped) and started again
 * after a backoff that doubles while it keeps dying right away.
 */
export class WorkerPool extends TypedEventEmitter<WorkerPoolEvents> {
  readonly slots: WorkerSlot[] = []
  readonly #init: WorkerPoolInit
  readonly #timers = new Set<ReturnType<typeof setTimeout>>()
  #stopped = false

  constructor (init: WorkerPoolInit) {
    super()
    if (!(Number.isInteger(init.size) && init.size >= 1)) throw new RangeError(`the SFU needs at least one worker, got ${init.size}`)
    this.#init = init
  }

  /** Starts every worker; on a failure the ones started are closed and the error is thrown. */
  async start (): Promise<void> {
    try {
      for (let index = 0; index < this.#init.size; index++) {
        const slot: WorkerSlot = { index, worker: undefined, generation: 0, restarts: 0, transports: 0, consumers: 0 }
        this.slots.push(slot)
        await this.#spawn(slot)
      }
    } catch (err) {
      this.stop()
      throw err
    }
  }

  /** Slots whose worker runs now. */
  alive (): WorkerSlot[] {
    return this.slots.filter(s => s.worker != null && !s.worker.closed)
  }

  /** The running worker with the fewest receive transports; on a tie, not `avoid` (the busy producer's worker). */
  leastLoaded (avoid?: number): WorkerSlot | undefined {
    const penalty = (s: WorkerSlot): number => s.index === avoid ? 1 : 0
    return this.alive().sort((a, b) => a.transports - b.transports || penalty(a) - penalty(b) || a.consumers - b.consumers)[0]
  }

  /** Closes every worker; no restarts after this. Safe twice. */
  stop (): void {
    this.#stopped = true
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
    for (const slot of this.slots) {
      slot.worker?.close()
      slot.worker = undefined
    }
  }

  async #spawn (slot: WorkerSlot): Promise<void> {
    const worker = await this.#init.createWorker({
      workerBin: this.#init.workerBin,
      logLevel: this.#init.logLevel ?? 'warn',
      rtcMinPort: this.#init.rtcMinPort,
      rtcMaxPort: this.#init.rtcMaxPort,
      appData: { index: slot.index }
    })
    if (this.#stopped) {
      worker.close()
      return
    }
    slot.worker = worker
    slot.generation++
    slot.transports = 0
    slot.consumers = 0
    const startedAt = Date.now()
    worker.on('died', (error) => { this.#onDied(slot, worker, error, Date.now() - startedAt) })
    this.#init.log('sfu worker %d started (pid %d)', slot.index, worker.pid)
  }

  #onDied (slot: WorkerSlot, worker: types.Worker, error: Error, upMs: number): void {
    if (slot.worker !== worker) return
    slot.worker = undefined
    this.#init.log.error('sfu worker %d (pid %d) died: %s; restarting it', slot.index, worker.pid, error.message)
    this.safeDispatchEvent('worker-died', { detail: { index: slot.index, pid: worker.pid, error } })
    // a worker that dies right after starting backs off; one that ran a while restarts at once
    this.#scheduleRestart(slot, upMs < MAX_WORKER_RESTART_DELAY_MS ? WORKER_RESTART_DELAY_MS * 2 ** Math.min(slot.restarts, 6) : WORKER_RESTART_DELAY_MS)
  }

  #scheduleRestart (slot: WorkerSlot, delayMs: number): void {
    if (this.#stopped) return
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      slot.restarts++
      this.#spawn(slot).then(() => {
        if (slot.worker != null) this.safeDispatchEvent('worker-restarted', { detail: { index: slot.index, pid: slot.worker.pid } })
      }, (err: Error) => {
        this.#init.log.error('sfu worker %d could not be restarted: %s; trying again', slot.index, err.message)
        this.#scheduleRestart(slot, Math.min(delayMs * 2, MAX_WORKER_RESTART_DELAY_MS))
      })
    }, Math.min(delayMs, MAX_WORKER_RESTART_DELAY_MS))
    this.#timers.add(timer)
  }
}
