// windows checked on either side of a timestamp: one second bounds a burst, ten seconds the sustained rate
const WINDOWS_MS = [1_000, 10_000] as const
// a sender takes its token a moment before it stamps the message: that much more refill is allowed
const STAMP_SLACK_MS = 200

/**
 * The per-author rate limit for history sync, where arrival time means
 * nothing (a peer hands over hours of chat at once): it is applied to the
 * authors' own timestamps. A token bucket of `burst` and `ratePerSecond`
 * never lets more than `burst + rate × L` messages into any span of length L
 * (give or take the moment between taking a token and stamping), so an
 * honest author, whose sender enforces that bucket, passes; a key that signs
 * a flood and serves it as history gets no more than that into any second or
 * ten seconds. Remembers a bounded number of timestamps of each of
 * `maxAuthors` authors, the least recently seen forgotten first. In memory:
 * the chat service seeds it from the stored history when a channel opens.
 */
export class TimestampRateLimit {
  readonly #limits: Array<{ spanMs: number, max: number }>
  readonly #perAuthor: number
  readonly #maxAuthors: number
  // sorted timestamps per author; Map order makes the first key the least recently used
  readonly #times = new Map<string, number[]>()

  constructor (ratePerSecond: number, burst: number, maxAuthors: number) {
    this.#limits = WINDOWS_MS.map(spanMs => ({ spanMs, max: Math.floor(burst + ratePerSecond * (spanMs + STAMP_SLACK_MS) / 1000) }))
    this.#perAuthor = 4 * Math.max(...this.#limits.map(l => l.max))
    this.#maxAuthors = maxAuthors
  }

  /** Counts `timestamp` for `author` if every window around it has room; returns whether it did. */
  take (author: string, timestamp: number): boolean {
    const times = this.#times.get(author) ?? []
    const at = insertionPoint(times, timestamp)
    for (const { spanMs, max } of this.#limits) {
      // those in [timestamp - span, timestamp] and in [timestamp, timestamp + span], plus this one
      const before = insertionPoint(times, timestamp + 1) - insertionPoint(times, timestamp - spanMs)
      const after = insertionPoint(times, timestamp + spanMs + 1) - at
      if (before + 1 > max || after + 1 > max) return false
    }
    this.record(author, timestamp, times, at)
    return true
  }

  /** Counts a message accepted by other means (live gossip, which the arrival-time limit checked). */
  record (author: string, timestamp: number, times = this.#times.get(author) ?? [], at = insertionPoint(times, timestamp)): void {
    times.splice(at, 0, timestamp)
    // the oldest go first: an author must refill far more than a window to reopen an old one
    if (times.length > this.#perAuthor) times.splice(0, times.length - this.#perAuthor)
    this.#times.delete(author)
    this.#times.set(author, times)
    while (this.#times.size > this.#maxAuthors) this.#times.delete(this.#times.keys().next().value as string)
  }
}

/** Index of the first element ≥ `value` in sorted `list`. */
function insertionPoint (list: number[], value: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (list[mid]! < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
