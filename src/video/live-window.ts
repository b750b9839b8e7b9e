import { sha256 } from '@noble/hashes/sha2.js'
import { equals } from 'uint8arrays/equals'
import { TypedEventEmitter } from 'main-event'
import { toString as bytesToString } from 'uint8arrays/to-string'
import { contentDigest } from '../net/message-id.ts'
import { hashHex } from './segment-announcement.ts'
import { LIVE_WINDOW_MS, MAX_HAVES, MAX_INIT_SEGMENTS } from './constants.ts'
import type { SegmentAnnouncement } from './segment-announcement.ts'

export interface LiveWindowEvents {
  /** A new verified announcement (bytes may not be here yet). */
  announcement: CustomEvent<SegmentAnnouncement>
  /** A segment's bytes arrived and match its announcement. */
  segment: CustomEvent<SegmentAnnouncement>
}

/** What `put` made of some bytes. */
export type PutResult = 'stored' | 'duplicate' | 'unknown' | 'mismatch'

/**
 * The live end of one stream as this node knows it: verified announcements,
 * the segment bytes that match them, and their init segments. Bounded by time
 * (announcements older than the window behind the newest are dropped) and by
 * count, so memory stays flat however long the stream runs.
 */
export class LiveWindow extends TypedEventEmitter<LiveWindowEvents> {
  readonly windowMs: number
  readonly #announcements = new Map<number, SegmentAnnouncement>()
  readonly #bytes = new Map<number, Uint8Array>()
  readonly #inits = new Map<string, Uint8Array>()
  readonly #ids = new Set<string>()
  #newest: SegmentAnnouncement | undefined

  constructor (windowMs = LIVE_WINDOW_MS) {
    super()
    this.windowMs = windowMs
  }

  /** The announcement with the highest seq. */
  get newest (): SegmentAnnouncement | undefined {
    return this.#newest
  }

  /** Announcements in the window, oldest first. */
  announcements (): SegmentAnnouncement[] {
    return [...this.#announcements.values()].sort((a, b) => a.seq - b.seq)
  }

  announcement (seq: number): SegmentAnnouncement | undefined {
    return this.#announcements.get(seq)
  }

  /** Whether these announcement envelope bytes are already in the window (no need to verify them again). */
  knows (envelope: Uint8Array): boolean {
    return this.#ids.has(bytesToString(contentDigest(envelope), 'base16'))
  }

  /** Seqs whose bytes this node holds, oldest first. */
  held (): number[] {
    return [...this.#bytes.keys()].sort((a, b) => a - b)
  }

  has (seq: number): boolean {
    return this.#bytes.has(seq)
  }

  segment (seq: number): Uint8Array | undefined {
    return this.#bytes.get(seq)
  }

  /** An init segment by its hex SHA-256. */
  init (initId: string): Uint8Array | undefined {
    return this.#inits.get(initId)
  }

  /**
   * Adds a verified announcement. False when already known, too old for the
   * window, or conflicting with another for the same seq (the first one wins:
   * a streamer that signs two contents for one seq gets no say over which).
   */
  add (a: SegmentAnnouncement): boolean {
    if (this.#announcements.has(a.seq)) return false
    if (this.#newest != null && a.timestamp < this.#newest.timestamp - this.windowMs) return false
    this.#announcements.set(a.seq, a)
    this.#ids.add(a.id)
    if (this.#newest == null || a.seq > this.#newest.seq) this.#newest = a
    this.#prune()
    if (!this.#announcements.has(a.seq)) return false
    this.safeDispatchEvent('announcement', { detail: a })
    return true
  }

  /** Stores segment bytes if they match the announcement for `seq`. */
  put (seq: number, bytes: Uint8Array): PutResult {
    const a = this.#announcements.get(seq)
    if (a == null) return 'unknown'
    if (this.#bytes.has(seq)) return 'duplicate'
    if (bytes.byteLength !== a.size || !equals(sha256(bytes), a.sha256)) return 'mismatch'
    this.#bytes.set(seq, bytes)
    this.safeDispatchEvent('segment', { detail: a })
    return 'stored'
  }

  /** Stores an init segment that some announcement in the window names; false otherwise. */
  putInit (bytes: Uint8Array): boolean {
    const id = hashHex(bytes)
    if (this.#inits.has(id)) return true
    if (!this.wantsInit(id)) return false
    this.#inits.set(id, bytes)
    while (this.#inits.size > MAX_INIT_SEGMENTS) this.#inits.delete(this.#inits.keys().next().value as string)
    return true
  }

  /** Whether an announcement in the window plays with this init segment. */
  wantsInit (initId: string): boolean {
    for (const a of this.#announcements.values()) if (a.initId === initId) return true
    return false
  }

  #prune (): void {
    const newest = this.#newest
    if (newest == null) return
    // by age, then by count (a restarted stream's seqs jump ahead: the old run's tail stays while it is young)
    const excess = this.#announcements.size - MAX_HAVES
    const oldestKept = excess > 0 ? [...this.#announcements.keys()].sort((x, y) => x - y)[excess] as number : -Infinity
    for (const [seq, a] of this.#announcements) {
      if (a.timestamp < newest.timestamp - this.windowMs || seq < oldestKept) {
        this.#announcements.delete(seq)
        this.#ids.delete(a.id)
        this.#bytes.delete(seq)
      }
    }
    const used = new Set([...this.#announcements.values()].map(a => a.initId))
    for (const id of this.#inits.keys()) if (!used.has(id)) this.#inits.delete(id)
  }
}
