/** Token buckets per key (author), bounded in how many keys it remembers. */
export class RateLimiter {
  readonly #ratePerMs: number
  readonly #burst: number
  readonly #maxKeys: number
  // Map keeps insertion order: re-inserting on use makes the first key the least recently used
  readonly #buckets = new Map<string, { tokens: number, at: number }>()

  constructor (ratePerSecond: number, burst: number, maxKeys: number) {
    this.#ratePerMs = ratePerSecond / 1000
    this.#burst = burst
    this.#maxKeys = maxKeys
  }

  /** Takes one token for `key` at time `now`; returns 0 if allowed, else ms until it would be. */
  take (key: string, now: number): number {
    const wait = this.peek(key, now)
    if (wait > 0) return wait
    const bucket = this.#refill(key, now)
    bucket.tokens -= 1
    this.#buckets.delete(key)
    this.#buckets.set(key, bucket)
    while (this.#buckets.size > this.#maxKeys) {
      const oldest = this.#buckets.keys().next().value as string
      this.#buckets.delete(oldest)
    }
    return 0
  }

  /** Like take without taking: ms until `key` may send again (0 = now). */
  peek (key: string, now: number): number {
    const bucket = this.#refill(key, now)
    return bucket.tokens >= 1 ? 0 : Math.ceil((1 - bucket.tokens) / this.#ratePerMs)
  }

  #refill (key: string, now: number): { tokens: number, at: number } {
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: now }
    bucket.tokens = Math.min(this.#burst, bucket.tokens + Math.max(0, now - bucket.at) * this.#ratePerMs)
    bucket.at = now
    return bucket
  }
}
