import { delay } from '../util/delay.ts'
import { DEFAULT_UPLOAD_SLOTS, MAX_UPLOAD_WAIT_MS } from './constants.ts'

export interface UploadLimiterInit {
  /** Average upload budget; unlimited when absent. */
  bytesPerSecond?: number
  /** Concurrent uploads. */
  slots?: number
  /** Longest a request may queue for budget before it is refused. */
  maxWaitMs?: number
  now?: () => number
}

/** Returned by a granted `acquire`; call once the upload is done. */
export type ReleaseUpload = () => void

/**
 * Bounds what a node gives: a number of upload slots and a token bucket of
 * bytes per second (one second of burst), shared by every way the node
 * uploads (swarm and HTTP origin). A request that would wait too long is
 * refused at once, so the asker goes elsewhere instead of queueing here.
 */
export class UploadLimiter {
  readonly bytesPerSecond: number
  readonly slots: number
  readonly #maxWaitMs: number
  readonly #now: () => number
  #tokens: number
  #refilledAt: number
  #active = 0
  /** Bytes granted so far. */
  uploaded = 0
  /** Requests refused as busy so far. */
  refused = 0

  constructor (init: UploadLimiterInit = {}) {
    this.bytesPerSecond = init.bytesPerSecond ?? Infinity
    this.slots = init.slots ?? DEFAULT_UPLOAD_SLOTS
    this.#maxWaitMs = init.maxWaitMs ?? MAX_UPLOAD_WAIT_MS
    this.#now = init.now ?? Date.now
    this.#tokens = this.bytesPerSecond
    this.#refilledAt = this.#now()
  }

  get active (): number {
    return this.#active
  }

  /**
   * Takes a slot and `bytes` of budget, waiting for the budget if that is
   * quick. Undefined when no slot is free or the wait would be too long.
   */
  async acquire (bytes: number, signal?: AbortSignal): Promise<ReleaseUpload | undefined> {
    if (this.#active >= this.slots) return this.#refuse()
    const waitMs = this.#reserve(bytes)
    if (waitMs === undefined) return this.#refuse()
    this.#active++
    let released = false
    const release = (): void => {
      if (released) return
      released = true
      this.#active--
    }
    if (waitMs > 0) {
      try {
        await delay(waitMs, signal)
      } catch (err) {
        release()
        throw err
      }
    }
    this.uploaded += bytes
    return release
  }

  #refuse (): undefined {
    this.refused++
    return undefined
  }

  // Takes the tokens now (possibly into debt) and says how long until they exist.
  #reserve (bytes: number): number | undefined {
    if (this.bytesPerSecond === Infinity) return 0
    const now = this.#now()
    this.#tokens = Math.min(this.bytesPerSecond, this.#tokens + (now - this.#refilledAt) * this.bytesPerSecond / 1000)
    this.#refilledAt = now
    const waitMs = Math.max(0, (bytes - this.#tokens) * 1000 / this.bytesPerSecond)
    if (waitMs > this.#maxWaitMs) return undefined
    this.#tokens -= bytes
    return waitMs
  }
}
