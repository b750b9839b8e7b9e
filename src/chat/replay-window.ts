/**
 * Replay protection per author: a high-water mark plus the sequence numbers
 * seen within the live time window (as IPsec's anti-replay window does). A
 * message whose (author, seq) was seen is a replay; one below the mark but not
 * seen is a reordered delivery and is fine. Anything older than the window is
 * refused by the time check before it gets here, so the set stays bounded.
 */
export class ReplayWindow {
  readonly #windowMs: number
  readonly #maxAuthors: number
  readonly #authors = new Map<string, { hwm: number, seen: Map<number, number> }>()

  constructor (windowMs: number, maxAuthors: number) {
    this.#windowMs = windowMs
    this.#maxAuthors = maxAuthors
  }

  /** Whether (author, seq) was already seen. */
  has (author: string, seq: number): boolean {
    return this.#authors.get(author)?.seen.has(seq) === true
  }

  /** Records (author, seq) for a message stamped `timestamp`; `now` prunes what left the window. */
  add (author: string, seq: number, timestamp: number, now: number): void {
    let state = this.#authors.get(author)
    if (state == null) {
      state = { hwm: 0, seen: new Map() }
      if (this.#authors.size >= this.#maxAuthors) {
        this.#authors.delete(this.#authors.keys().next().value as string)
      }
    }
    this.#authors.delete(author)
    this.#authors.set(author, state)
    state.hwm = Math.max(state.hwm, seq)
    state.seen.set(seq, timestamp)
    // entries are in arrival order, nearly time order: prune from the front
    for (const [s, ts] of state.seen) {
      if (ts >= now - this.#windowMs) break
      state.seen.delete(s)
    }
  }

  /** The author's highest sequence number seen (0 if none). */
  highWaterMark (author: string): number {
    return this.#authors.get(author)?.hwm ?? 0
  }
}
