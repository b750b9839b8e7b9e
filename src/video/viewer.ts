import { TypedEventEmitter } from 'main-event'
import {
  DEFAULT_FIRST_FETCHERS, DEFAULT_TARGET_BUFFER_MS, HEDGE_AFTER_MS, MAX_LOOKAHEAD_SEGMENTS, MAX_PARALLEL_FETCHES, MAX_REQUESTS_PER_PEER, MAX_SOURCES_PER_SEGMENT,
  OFFLINE_AFTER_MS, ORIGIN_MARGIN_MS, RETRY_BUSY_PEER_AFTER_MS, RETRY_PEER_AFTER_MS, SEED_PATIENCE_MS, SKIP_MISSING_AFTER_MS, SLOW_PEER_REST_MS, START_SETTLE_MS
} from './constants.ts'
import type { FetchResult, Neighbour, VideoSwarm } from './video-swarm.ts'
import type { SegmentAnnouncement } from './segment-announcement.ts'

export interface ViewerInit {
  /** How far behind the newest segment playback starts (the buffer it aims for). */
  targetBufferMs?: number
  /** Our peer id text: decides, per segment, whether we are one of its first fetchers. */
  selfId: string
  /** Take segments from peers (default true); false is an HTTP-only player. */
  p2p?: boolean
  /** Fall back on the HTTP origin (default true). */
  origin?: boolean
  firstFetchers?: number
  now?: () => number
}

/** A segment handed to the player, in play order, once. */
export interface PlayedSegment {
  announcement: SegmentAnnouncement
  bytes: Uint8Array
  init: Uint8Array
}

export interface ViewerEvents {
  /** Playback began (the first segment and its init segment are here). */
  started: CustomEvent<{ startupMs: number }>
  /** The next segment for the player, in order. */
  segment: CustomEvent<PlayedSegment>
  /** The buffer ran dry while playing. */
  stall: CustomEvent<{ seq: number }>
  /** Playback resumed after a stall. */
  resume: CustomEvent<{ stallMs: number }>
  /** Segments that never came were skipped. */
  skip: CustomEvent<{ from: number, to: number }>
  /** No new segment was announced for a while: the streamer stopped or is gone. */
  offline: CustomEvent<{ lastSeq: number | undefined }>
  /** Announcements came again after `offline`; playback goes on from the new ones. */
  online: CustomEvent<{ seq: number }>
}

export interface ViewerStats {
  startupMs: number | null
  segments: number
  stalls: number
  stallMs: number
  /** Media ms buffered ahead of the playhead. */
  bufferMs: number
  skipped: number
  /** Whether the stream is off the air (see the `offline` event). */
  offline: boolean
  /** Verified segment latency, announcement signed → verified here, ms (recent samples). */
  latencies: number[]
}

const MAX_LATENCY_SAMPLES = 2_000

type Source = Neighbour | string

/** One request for a segment: where it went, and how to call it off. */
interface Fetch {
  source: Source
  startedAt: number
  controller: AbortController
}

/**
 * A headless player on a video swarm: picks where to start behind the live
 * edge, keeps a playhead running in real time (startup, stalls, buffer, as a
 * player would see them), and fetches each segment before its deadline from
 * the best source: a peer that holds it, the stream's source if we are among
 * the few that take fresh segments from it (or peers are slow), the HTTP
 * origin when the deadline is near and no peer can help. A request still
 * unanswered near its deadline gets a second source beside it; the first
 * answer wins.
 */
export class Viewer extends TypedEventEmitter<ViewerEvents> {
  readonly swarm: VideoSwarm
  readonly #init: Required<Omit<ViewerInit, 'now'>> & { now: () => number }
  readonly #firstSeen = new Map<number, number>()
  /** Requests in flight, by seq. */
  readonly #inflight = new Map<number, Fetch[]>()
  #requests = 0
  readonly #retryAfter = new Map<string, number>()
  /** Peers that let a request time out or lost the race to a second source, and until when they are not asked first. */
  readonly #slowUntil = new Map<string, number>()
  readonly #latencies: number[] = []
  #joinedAt = 0
  #firstAnnouncementAt: number | undefined
  #next: number | undefined
  #bufferEnd = 0
  #startupMs: number | null = null
  #stalledSince: number | undefined
  #stalls = 0
  #stallMs = 0
  #played = 0
  #skipped = 0
  #lastAnnouncementAt: number | undefined
  #offline = false
  #timer: ReturnType<typeof setTimeout> | undefined
  #wakeAt = Infinity
  #running = false

  constructor (swarm: VideoSwarm, init: ViewerInit) {
    super()
    this.swarm = swarm
    this.#init = {
      targetBufferMs: init.targetBufferMs ?? DEFAULT_TARGET_BUFFER_MS,
      selfId: init.selfId,
      p2p: init.p2p ?? true,
      origin: init.origin ?? true,
      firstFetchers: init.firstFetchers ?? DEFAULT_FIRST_FETCHERS,
      now: init.now ?? Date.now
    }
  }

  start (): void {
    if (this.#running) return
    this.#running = true
    this.#joinedAt = this.#init.now()
    this.swarm.window.addEventListener('announcement', this.#onAnnouncement)
    this.swarm.window.addEventListener('segment', this.#onChange)
    this.swarm.addEventListener('neighbours', this.#onChange)
    this.swarm.addEventListener('received', this.#onReceived)
    for (const a of this.swarm.window.announcements()) this.#seen(a)
    this.#schedule()
  }

  stats (): ViewerStats {
    const now = this.#init.now()
    const stalledNow = this.#stalledSince != null ? now - this.#stalledSince : 0
    return {
      startupMs: this.#startupMs,
      segments: this.#played,
      stalls: this.#stalls + (this.#stalledSince != null ? 1 : 0),
      stallMs: this.#stallMs + stalledNow,
      bufferMs: this.#startupMs == null ? 0 : Math.max(0, this.#bufferEnd - now),
      skipped: this.#skipped,
      offline: this.#offline,
      latencies: [...this.#latencies]
    }
  }

  close (): void {
    if (!this.#running) return
    this.#running = false
    clearTimeout(this.#timer)
    for (const fetches of this.#inflight.values()) for (const f of fetches) f.controller.abort()
    this.swarm.window.removeEventListener('announcement', this.#onAnnouncement)
    this.swarm.window.removeEventListener('segment', this.#onChange)
    this.swarm.removeEventListener('neighbours', this.#onChange)
    this.swarm.removeEventListener('received', this.#onReceived)
  }

  #onAnnouncement = (evt: CustomEvent<SegmentAnnouncement>): void => {
    this.#seen(evt.detail)
    this.#lastAnnouncementAt = this.#init.now()
    if (this.#offline) this.#backOnline(evt.detail)
    this.#schedule()
  }

  // The streamer came back (a restart starts new seqs and maybe a new init segment):
  // the seqs between the old and the new ones never existed, so play on from the
  // new ones without calling them skipped.
  #backOnline (a: SegmentAnnouncement): void {
    this.#offline = false
    if (this.#next != null && a.seq > this.#next && !this.swarm.window.announcements().some(k => k.seq >= this.#next! && k.seq < a.seq)) {
      this.#next = a.seq
    }
    this.safeDispatchEvent('online', { detail: { seq: a.seq } })
  }

  // Off the air: no new announcement for a while after the last one.
  #checkOffline (now: number): number {
    if (this.#lastAnnouncementAt == null) return Infinity
    const at = this.#lastAnnouncementAt + OFFLINE_AFTER_MS
    if (this.#offline || now < at) return this.#offline ? Infinity : at
    this.#offline = true
    this.safeDispatchEvent('offline', { detail: { lastSeq: this.swarm.window.newest?.seq } })
    return Infinity
  }

  #onChange = (): void => { this.#schedule() }

  #onReceived = (evt: CustomEvent<{ announcement: SegmentAnnouncement, latencyMs: number }>): void => {
    // segments signed before we came were waiting for us, not travelling
    if (evt.detail.announcement.timestamp < this.#joinedAt) return
    this.#latencies.push(evt.detail.latencyMs)
    if (this.#latencies.length > MAX_LATENCY_SAMPLES) this.#latencies.shift()
  }

  #seen (a: SegmentAnnouncement): void {
    const now = this.#init.now()
    this.#firstAnnouncementAt ??= now
    if (!this.#firstSeen.has(a.seq)) this.#firstSeen.set(a.seq, now)
    for (const seq of this.#firstSeen.keys()) if (this.swarm.window.announcement(seq) == null) this.#firstSeen.delete(seq)
  }

  // Start a little behind the newest segment, so that a buffer is there from the first frame.
  #chooseStart (now: number): void {
    if (this.#firstAnnouncementAt == null || now < this.#firstAnnouncementAt + START_SETTLE_MS) return
    const known = this.swarm.window.announcements()
    const newest = known.at(-1)
    if (newest == null) return
    const behind = Math.max(1, Math.ceil(this.#init.targetBufferMs / newest.duration))
    const wanted = newest.seq - behind + 1
    this.#next = known.find(a => a.seq >= wanted)?.seq ?? newest.seq
  }

  // Hands every segment that is next in line to the player, and tracks stalls.
  #advance (now: number): void {
    const window = this.swarm.window
    while (this.#next != null) {
      const a = window.announcement(this.#next)
      const bytes = window.segment(this.#next)
      const init = a != null ? window.init(a.initId) : undefined
      if (a == null || bytes == null || init == null) break
      if (this.#startupMs == null && !this.#bufferedEnough(this.#next)) break
      if (this.#startupMs == null) {
        this.#startupMs = now - this.#joinedAt
        this.#bufferEnd = now
        this.safeDispatchEvent('started', { detail: { startupMs: this.#startupMs } })
      }
      if (this.#stalledSince != null) {
        const stallMs = now - this.#stalledSince
        this.#stallMs += stallMs
        this.#stalls++
        this.#stalledSince = undefined
        this.#bufferEnd = now
        this.safeDispatchEvent('resume', { detail: { stallMs } })
      }
      this.#bufferEnd = Math.max(this.#bufferEnd, now) + a.duration
      this.#played++
      this.safeDispatchEvent('segment', { detail: { announcement: a, bytes, init } })
      this.#next++
    }
    if (this.#startupMs == null || this.#next == null) return
    if (this.#stalledSince == null && now >= this.#bufferEnd) {
      this.#stalledSince = this.#bufferEnd
      this.safeDispatchEvent('stall', { detail: { seq: this.#next } })
    }
    this.#skipMissing(now)
  }

  // A segment that fell out of the window, or that nobody delivered while later ones came: move on.
  #skipMissing (now: number): void {
    const next = this.#next
    if (next == null) return
    const known = this.swarm.window.announcements()
    const oldest = known[0]
    let to: number | undefined
    if (oldest != null && next < oldest.seq) to = oldest.seq
    else if (this.#stalledSince != null && now - this.#stalledSince >= SKIP_MISSING_AFTER_MS) {
      to = this.swarm.window.held().find(seq => seq > next)
    }
    if (to == null) return
    this.#skipped += to - next
    this.#next = to
    this.safeDispatchEvent('skip', { detail: { from: next, to } })
    this.#advance(now)
  }

  // Playback starts once the target buffer is here: a viewer that joins as the stream
  // starts waits for it, one that joins later finds it in the window at once.
  #bufferedEnough (from: number): boolean {
    const window = this.swarm.window
    let buffered = 0
    for (let seq = from; window.has(seq); seq++) buffered += window.announcement(seq)?.duration ?? 0
    return buffered >= this.#init.targetBufferMs
  }

  // When the player needs `seq`: now if not playing, else when the buffer before it runs out.
  #deadline (seq: number, now: number): number {
    if (this.#startupMs == null || this.#stalledSince != null || this.#next == null) return now
    let at = this.#bufferEnd
    const fallback = this.swarm.window.newest?.duration ?? 1000
    for (let s = this.#next; s < seq; s++) at += this.swarm.window.announcement(s)?.duration ?? fallback
    return at
  }

  #schedule (): void {
    if (!this.#running) return
    const now = this.#init.now()
    if (this.#next == null) this.#chooseStart(now)
    let wakeAt = this.#firstAnnouncementAt != null && this.#next == null ? this.#firstAnnouncementAt + START_SETTLE_MS : Infinity
    wakeAt = Math.min(wakeAt, this.#checkOffline(now))
    if (this.#next != null) {
      this.#advance(now)
      if (this.#startupMs != null && this.#stalledSince == null) wakeAt = Math.min(wakeAt, this.#bufferEnd)
      if (this.#stalledSince != null) wakeAt = Math.min(wakeAt, this.#stalledSince + SKIP_MISSING_AFTER_MS)
      wakeAt = Math.min(wakeAt, this.#fetchDue(now))
    }
    this.#wake(wakeAt, now)
  }

  // Starts the fetches that are due; returns when the next one becomes due.
  #fetchDue (now: number): number {
    const window = this.swarm.window
    const next = this.#next as number
    let wakeAt = Infinity
    const wanted = window.announcements().filter(a => a.seq >= next && !window.has(a.seq)).slice(0, MAX_LOOKAHEAD_SEGMENTS)
    for (const a of wanted) {
      const fetching = this.#inflight.get(a.seq) ?? []
      const deadline = this.#deadline(a.seq, now)
      const urgent = deadline - now <= this.#originMargin
      if (fetching.length > 0) {
        // one slow source must not cost the segment its deadline: near it, a second one is asked too
        if (fetching.length >= MAX_SOURCES_PER_SEGMENT) continue
        const hedgeAt = Math.max(deadline - this.#originMargin, fetching[0]!.startedAt + HEDGE_AFTER_MS)
        if (now < hedgeAt) {
          wakeAt = Math.min(wakeAt, hedgeAt)
          continue
        }
      } else if (this.#requests >= MAX_PARALLEL_FETCHES) break
      const choice = this.#chooseSource(a.seq, now, urgent, fetching)
      if (choice.source != null) {
        this.#fetch(a.seq, choice.source)
        continue
      }
      wakeAt = Math.min(wakeAt, choice.wakeAt)
      // at the margin before the deadline, the source and the origin become eligible
      if (!urgent) wakeAt = Math.min(wakeAt, deadline - this.#originMargin)
    }
    for (const [key, until] of this.#retryAfter) {
      if (until <= now) this.#retryAfter.delete(key)
      else wakeAt = Math.min(wakeAt, until)
    }
    for (const [peer, until] of this.#slowUntil) if (until <= now) this.#slowUntil.delete(peer)
    return wakeAt
  }

  // The best source for `seq` that is not already fetching it: a peer, the stream's source
  // (if we are a first fetcher, peers were given their chance, or it is urgent), the origin
  // when urgent. Without one, when to look again.
  #chooseSource (seq: number, now: number, urgent: boolean, fetching: Fetch[]): { source?: Source, wakeAt: number } {
    const available = (source: Source): boolean => !fetching.some(f => sourceKey(f.source) === sourceKey(source)) && !this.#triedRecently(seq, source, now)
    let wakeAt = Infinity
    if (this.#init.p2p) {
      const holders = this.swarm.holders(seq).filter(n => n.inflight < MAX_REQUESTS_PER_PEER && available(n))
      const peer = pickLeastBusy(holders.filter(n => !n.seed && !this.#isSlow(n, now)))
      if (peer != null) return { source: peer, wakeAt }
      const seed = pickLeastBusy(holders.filter(n => n.seed))
      const patientUntil = (this.#firstSeen.get(seq) ?? now) + SEED_PATIENCE_MS
      if (seed != null && (urgent || now >= patientUntil || this.#isFirstFetcher(seq))) return { source: seed, wakeAt }
      if (seed != null) wakeAt = patientUntil
      // a slow peer still beats waiting for nobody
      const slow = pickLeastBusy(holders.filter(n => !n.seed))
      if (slow != null && urgent) return { source: slow, wakeAt }
    }
    const origin = this.swarm.origins()[0]
    if (this.#init.origin && origin != null && (urgent || !this.#init.p2p) && available(origin)) return { source: origin, wakeAt }
    return { wakeAt }
  }

  // Short buffers leave less time to wait for peers
  get #originMargin (): number {
    return Math.min(ORIGIN_MARGIN_MS, this.#init.targetBufferMs / 3)
  }

  #fetch (seq: number, source: Source): void {
    const fetch: Fetch = { source, startedAt: this.#init.now(), controller: new AbortController() }
    const fetches = this.#inflight.get(seq) ?? []
    fetches.push(fetch)
    this.#inflight.set(seq, fetches)
    this.#requests++
    const { signal } = fetch.controller
    const fetching: Promise<FetchResult> = typeof source === 'string'
      ? this.swarm.fetchFromOrigin(source, seq, signal)
      : this.swarm.fetchFromPeer(source, seq, signal)
    void fetching.then((result) => {
      this.#requests--
      const left = (this.#inflight.get(seq) ?? []).filter(f => f !== fetch)
      if (left.length > 0) this.#inflight.set(seq, left)
      else this.#inflight.delete(seq)
      const now = this.#init.now()
      if (result.ok) {
        // the segment is here: a request that lost the race to it is called off, and its peer was too slow
        for (const other of left) {
          other.controller.abort()
          this.#restIfPeer(other.source, now)
        }
      } else if (!signal.aborted) {
        this.#retryAfter.set(retryKey(seq, source), now + (result.reason === 'busy' ? RETRY_BUSY_PEER_AFTER_MS : RETRY_PEER_AFTER_MS))
        if (result.reason === 'timeout') this.#restIfPeer(source, now)
      }
      this.#schedule()
    })
  }

  #triedRecently (seq: number, source: Source, now: number): boolean {
    return (this.#retryAfter.get(retryKey(seq, source)) ?? 0) > now
  }

  #restIfPeer (source: Source, now: number): void {
    if (typeof source !== 'string') this.#slowUntil.set(source.peer.toString(), now + SLOW_PEER_REST_MS)
  }

  #isSlow (n: Neighbour, now: number): boolean {
    return (this.#slowUntil.get(n.peer.toString()) ?? 0) > now
  }

  // Rendezvous hashing: the `firstFetchers` viewers whose hash with the seq is lowest take a
  // fresh segment from the source; every viewer that sees the same swarm agrees on who they are.
  #isFirstFetcher (seq: number): boolean {
    const mine = fnv1a(`${this.#init.selfId}:${seq}`)
    let lower = 0
    for (const n of this.swarm.neighbours.values()) {
      if (!n.seed && fnv1a(`${n.peer.toString()}:${seq}`) < mine) lower++
    }
    return lower < this.#init.firstFetchers
  }

  #wake (at: number, now: number): void {
    if (at === Infinity || !this.#running) return
    if (this.#timer != null && this.#wakeAt <= at && this.#wakeAt > now) return
    clearTimeout(this.#timer)
    this.#wakeAt = at
    this.#timer = setTimeout(() => { this.#timer = undefined; this.#wakeAt = Infinity; this.#schedule() }, Math.max(5, at - now))
  }
}

function sourceKey (source: Source): string {
  return typeof source === 'string' ? source : source.peer.toString()
}

function retryKey (seq: number, source: Source): string {
  return `${seq}:${sourceKey(source)}`
}

function pickLeastBusy (candidates: Neighbour[]): Neighbour | undefined {
  if (candidates.length === 0) return undefined
  const least = Math.min(...candidates.map(n => n.inflight))
  const idle = candidates.filter(n => n.inflight === least)
  return idle[Math.floor(Math.random() * idle.length)]
}

// FNV-1a with murmur3's finalizer: without it, strings that differ only at the end
// (one peer id with many seqs) hash to nearly the same order every time.
function fnv1a (text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}
