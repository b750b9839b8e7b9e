import { TypedEventEmitter } from 'main-event'
import { TopicValidatorResult } from '@libp2p/gossipsub'
import { lpStream } from '@libp2p/utils'
import { videoTopic } from '../channel/topics.ts'
import { joinContentTopic, leaveContentTopic } from '../net/content-topic.ts'
import { publishCount } from '../net/publish.ts'
import { LiveWindow } from './live-window.ts'
import { PeerUploads } from './peer-uploads.ts'
import { AnnouncementValidator } from './announcement-validator.ts'
import { readAnnouncement, signAnnouncement } from './segment-announcement.ts'
import { requestFromPeer, subscribeHaves } from './segment-client.ts'
import { encodeHaves, encodeResponse, RequestKind, SwarmStatus } from './swarm-messages.ts'
import { openEnvelope, Kind } from '../envelope/index.ts'
import { MAX_HAVES, ORIGIN_REQUEST_TIMEOUT_MS, PEER_REQUEST_TIMEOUT_MS } from './constants.ts'
import type { SegmentAnnouncement, SegmentFacts } from './segment-announcement.ts'
import type { StreamRate } from './peer-uploads.ts'
import type { AnnouncementRefusal } from './announcement-validator.ts'
import type { SwarmRequest } from './swarm-messages.ts'
import type { UploadLimiter } from './upload-limiter.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import type { Identity } from '../identity/identity.ts'
import type { ChannelDiscovery } from '../net/channel-discovery.ts'
import type { PeerPenalties } from '../net/peer-penalties.ts'
import type { GossipSub, Message, SubscriptionChangeData } from '@libp2p/gossipsub'
import type { Logger, PeerId, Stream } from '@libp2p/interface'
import type { ConnectionManager } from '@libp2p/interface-internal'

/** A swarm neighbour: a peer in the channel's video topic and what it holds. */
export interface Neighbour {
  peer: PeerId
  /** Seqs it holds (verified there), as it last told us. */
  haves: Set<number>
  /** It is the stream's source. */
  seed: boolean
  /** Our requests to it in flight. */
  inflight: number
}

/** Where a segment came from. */
export type SegmentSource = 'peer' | 'seed' | 'origin' | 'self'

export interface FetchResult {
  ok: boolean
  /** Why not, in a few words (busy, not-found, timeout, mismatch, ...). */
  reason?: string
}

export interface VideoSwarmEvents {
  /** A neighbour's haves changed, or a neighbour came or went: fetch decisions may change. */
  neighbours: CustomEvent<void>
  /** A verified segment arrived. */
  received: CustomEvent<{ announcement: SegmentAnnouncement, source: SegmentSource, peer?: PeerId, bytes: number, latencyMs: number }>
  /** A peer sent bytes that do not match the signed hash. */
  'bad-peer': CustomEvent<{ peer: PeerId, seq: number }>
  /** An announcement refused by validation. */
  rejected: CustomEvent<{ from: PeerId | undefined, verdict: 'reject' | 'ignore', code: AnnouncementRefusal, reason: string }>
}

export interface VideoSwarmInit {
  channel: ChannelId
  pubsub: GossipSub
  discovery: ChannelDiscovery
  connectionManager: ConnectionManager
  penalties: PeerPenalties
  /** Bounds every upload of this node (swarm and HTTP origin). */
  limiter: UploadLimiter
  /** Whether a key other than the owner may stream here (a STREAM grant). */
  mayStream?: (key: string) => boolean
  /** Extra HTTP origins to fall back on, besides those the streamer announces. */
  origins?: string[]
  log: Logger
}

/** Bytes received per source, and what the swarm saw. */
export interface SwarmStats {
  bytesFromPeers: number
  bytesFromSeed: number
  bytesFromOrigin: number
  segmentsFromPeers: number
  segmentsFromSeed: number
  segmentsFromOrigin: number
  badSegments: number
  /** Segments (and their bytes) this node uploaded to neighbours. */
  segmentsServed: number
  bytesServed: number
}

interface HavesSubscriber {
  write: (haves: Uint8Array) => void
  close: () => void
}

// a neighbour's haves writes that may wait before it is dropped as too slow
const MAX_HAVES_BACKLOG = 32
// an answer the asker has not taken in this long is reset (askers give up after
// PEER_REQUEST_TIMEOUT_MS): a peer that never reads must not hold an upload slot for good
const UPLOAD_TIMEOUT_MS = 5_000

/**
 * One channel's video swarm on one node: verified announcements (gossip and
 * neighbours' haves), the live window of segment bytes, haves exchanged with
 * every neighbour in the video topic, serving within the upload limiter, and
 * fetching from a chosen peer or the HTTP origin with every byte checked
 * against the signed hash before use or re-sharing.
 */
export class VideoSwarm extends TypedEventEmitter<VideoSwarmEvents> {
  readonly channel: ChannelId
  readonly topic: string
  readonly window = new LiveWindow()
  readonly neighbours = new Map<string, Neighbour>()
  readonly stats: SwarmStats = { bytesFromPeers: 0, bytesFromSeed: 0, bytesFromOrigin: 0, segmentsFromPeers: 0, segmentsFromSeed: 0, segmentsFromOrigin: 0, badSegments: 0, segmentsServed: 0, bytesServed: 0 }
  readonly #init: VideoSwarmInit
  readonly #validator: AnnouncementValidator
  readonly #accepted = new WeakMap<Message, SegmentAnnouncement>()
  readonly #subscribers = new Set<HavesSubscriber>()
  readonly #subscriptions = new Map<string, AbortController>()
  readonly #closing = new AbortController()
  readonly #peerUploads = new PeerUploads()
  #seeding = false
  #closed = false

  constructor (init: VideoSwarmInit) {
    super()
    this.#init = init
    this.channel = init.channel
    this.topic = videoTopic(init.channel)
    this.#validator = new AnnouncementValidator(init.channel, { mayStream: init.mayStream })
    this.window.addEventListener('segment', this.#onSegment)
    init.pubsub.addEventListener('message', this.#onMessage)
    init.pubsub.addEventListener('subscription-change', this.#onSubscriptionChange)
    joinContentTopic(init.pubsub, this.topic, async (from, msg) => await this.#validate(from, msg))
    init.discovery.join(init.channel)
    for (const peer of init.pubsub.getSubscribers(this.topic)) this.#subscribe(peer)
  }

  /** HTTP origins to fall back on: configured ones, then those the newest announcement names. */
  origins (): string[] {
    return [...new Set([...(this.#init.origins ?? []), ...(this.window.newest?.origins ?? [])])]
  }

  /** Whether this node is the stream's source (or stands in for it, see serveAsSource). */
  get seeding (): boolean {
    return this.#seeding
  }

  /**
   * Tells neighbours to treat us like the stream's source: a relay that keeps
   * the whole window. Viewers then ask each other first and come to us as they
   * would to the streamer, so the swarm carries the load and we are its backstop.
   */
  serveAsSource (): void {
    this.#seeding = true
  }

  /**
   * The streamer's side: signs the announcement for a segment it cut, keeps
   * the bytes to serve, and gossips the announcement. Resolves with it.
   */
  async seed (identity: Identity, facts: SegmentFacts): Promise<SegmentAnnouncement> {
    this.#seeding = true
    const envelope = await signAnnouncement(identity, this.channel, facts)
    const announcement = readAnnouncement(envelope, await openEnvelope(envelope, { channel: this.channel, kinds: [Kind.VideoSegment] }))
    this.window.add(announcement)
    this.window.putInit(facts.init)
    this.window.put(announcement.seq, facts.bytes)
    // nobody listening yet is fine: neighbours learn the window from our haves
    await publishCount(this.#init.pubsub, this.topic, envelope).catch((err: Error) => { this.#init.log('announcing segment %d failed: %s', announcement.seq, err.message) })
    return announcement
  }

  /** Neighbours that hold `seq`, with no penalty against them. */
  holders (seq: number): Neighbour[] {
    return [...this.neighbours.values()].filter(n => n.haves.has(seq) && !this.#init.penalties.isPenalized(n.peer))
  }

  /**
   * Fetches `seq` (and its init segment when missing) from `neighbour`;
   * verifies the bytes. A peer whose bytes do not match is penalized and
   * disconnected.
   */
  async fetchFromPeer (neighbour: Neighbour, seq: number, signal?: AbortSignal): Promise<FetchResult> {
    const a = this.window.announcement(seq)
    if (a == null) return { ok: false, reason: 'unknown' }
    const requestSignal = AbortSignal.any([AbortSignal.timeout(PEER_REQUEST_TIMEOUT_MS), this.#closing.signal, ...(signal != null ? [signal] : [])])
    neighbour.inflight++
    try {
      if (this.window.init(a.initId) == null) {
        const init = await requestFromPeer(this.#init.connectionManager, neighbour.peer, this.channel, { kind: 'init', initHash: a.initHash }, requestSignal)
        if (init.status !== SwarmStatus.Ok) return { ok: false, reason: statusText(init.status) }
        if (!this.window.putInit(init.data)) return this.#badBytes(neighbour.peer, seq)
      }
      const response = await requestFromPeer(this.#init.connectionManager, neighbour.peer, this.channel, { kind: 'segment', seq }, requestSignal)
      if (response.status !== SwarmStatus.Ok) {
        if (response.status === SwarmStatus.NotFound) neighbour.haves.delete(seq)
        return { ok: false, reason: statusText(response.status) }
      }
      return this.#store(a, response.data, neighbour.seed ? 'seed' : 'peer', neighbour.peer)
    } catch (err) {
      return { ok: false, reason: requestSignal.aborted ? 'timeout' : (err as Error).message }
    } finally {
      neighbour.inflight--
    }
  }

  /** Fetches `seq` (and its init segment when missing) from an HTTP origin. */
  async fetchFromOrigin (origin: string, seq: number, signal?: AbortSignal): Promise<FetchResult> {
    const a = this.window.announcement(seq)
    if (a == null) return { ok: false, reason: 'unknown' }
    const requestSignal = AbortSignal.any([AbortSignal.timeout(ORIGIN_REQUEST_TIMEOUT_MS), this.#closing.signal, ...(signal != null ? [signal] : [])])
    const base = `${origin.replace(/\/$/, '')}/live/${this.channel.text}`
    try {
      if (this.window.init(a.initId) == null) {
        const init = await fetchBytes(`${base}/init-${a.initId}.mp4`, requestSignal)
        if (typeof init === 'string') return { ok: false, reason: `origin: ${init}` }
        if (!this.window.putInit(init)) return { ok: false, reason: 'origin init segment does not match' }
      }
      const bytes = await fetchBytes(`${base}/${seq}.m4s`, requestSignal)
      if (typeof bytes === 'string') return { ok: false, reason: `origin: ${bytes}` }
      return this.#store(a, bytes, 'origin')
    } catch (err) {
      return { ok: false, reason: requestSignal.aborted ? 'timeout' : (err as Error).message }
    }
  }

  #store (a: SegmentAnnouncement, bytes: Uint8Array, source: SegmentSource, peer?: PeerId): FetchResult {
    const result = this.window.put(a.seq, bytes)
    if (result === 'mismatch') {
      if (peer != null) return this.#badBytes(peer, a.seq)
      this.stats.badSegments++
      return { ok: false, reason: 'mismatch' }
    }
    if (result !== 'stored') return { ok: result === 'duplicate', reason: result }
    if (source === 'peer') { this.stats.bytesFromPeers += bytes.byteLength; this.stats.segmentsFromPeers++ }
    if (source === 'seed') { this.stats.bytesFromSeed += bytes.byteLength; this.stats.segmentsFromSeed++ }
    if (source === 'origin') { this.stats.bytesFromOrigin += bytes.byteLength; this.stats.segmentsFromOrigin++ }
    this.safeDispatchEvent('received', { detail: { announcement: a, source, peer, bytes: bytes.byteLength, latencyMs: Date.now() - a.timestamp } })
    return { ok: true }
  }

  #badBytes (peer: PeerId, seq: number): FetchResult {
    this.stats.badSegments++
    this.#init.log.error('peer %p sent bytes for segment %d that do not match the signed hash: disconnecting it', peer, seq)
    this.#init.penalties.penalize(peer, 10)
    this.#unsubscribe(peer)
    void this.#init.connectionManager.closeConnections(peer).catch(() => {})
    this.safeDispatchEvent('bad-peer', { detail: { peer, seq } })
    return { ok: false, reason: 'mismatch' }
  }

  /** Answers one swarm request (the service routes it here by channel). */
  async serve (request: SwarmRequest, stream: Stream, lp: ReturnType<typeof lpStream>, peer: PeerId): Promise<void> {
    if (request.kind === RequestKind.Haves) {
      this.#serveHaves(stream, lp, peer)
      return
    }
    const bytes = request.kind === RequestKind.Segment
      ? this.window.segment(request.seq)
      : this.window.init(hex(request.initHash))
    const signal = AbortSignal.timeout(UPLOAD_TIMEOUT_MS)
    if (bytes == null) {
      await lp.write(encodeResponse(SwarmStatus.NotFound), { signal })
      await stream.close({ signal })
      return
    }
    // init segments are tiny and needed first: they skip the per-peer share and the limiter
    const init = request.kind === RequestKind.Init
    // one neighbour may not take the upload budget the others need
    const share = init ? () => {} : this.#peerUploads.take(peer.toString(), bytes.byteLength, this.#streamRate())
    const release = share == null || init ? () => {} : await this.#init.limiter.acquire(bytes.byteLength, signal).catch((err: Error) => { share(false); throw err })
    if (share == null || release == null) {
      share?.(false)
      await lp.write(encodeResponse(SwarmStatus.Busy), { signal })
      await stream.close({ signal })
      return
    }
    let sent = false
    try {
      await lp.write(encodeResponse(SwarmStatus.Ok, bytes), { signal })
      await stream.close({ signal })
      sent = true
      if (request.kind === RequestKind.Segment) {
        this.stats.segmentsServed++
        this.stats.bytesServed += bytes.byteLength
      }
    } finally {
      release()
      share(sent)
    }
  }

  /** The stream's average rate and segment size, over the live window. */
  #streamRate (): StreamRate {
    let size = 0
    let duration = 0
    let count = 0
    for (const a of this.window.announcements()) {
      size += a.size
      duration += a.duration
      count++
    }
    return { bytesPerMs: duration > 0 ? size / duration : Infinity, segmentBytes: count > 0 ? size / count : Infinity }
  }

  #serveHaves (stream: Stream, lp: ReturnType<typeof lpStream>, peer: PeerId): void {
    let chain = Promise.resolve()
    let backlog = 0
    const subscriber: HavesSubscriber = {
      write: (haves) => {
        if (++backlog > MAX_HAVES_BACKLOG) {
          this.#init.log('neighbour %p reads haves too slowly: dropping its subscription', peer)
          subscriber.close()
          return
        }
        chain = chain.then(async () => { await lp.write(haves) }).then(() => { backlog-- }, () => { subscriber.close() })
      },
      close: () => {
        if (!this.#subscribers.delete(subscriber)) return
        stream.abort(new Error('haves subscription closed'))
      }
    }
    this.#subscribers.add(subscriber)
    stream.addEventListener('close', () => { this.#subscribers.delete(subscriber) }, { once: true })
    const held = this.window.held().slice(-MAX_HAVES)
    subscriber.write(encodeHaves({
      seqs: held,
      announcements: held.map(seq => this.window.announcement(seq)?.envelope).filter(e => e != null),
      seed: this.#seeding
    }))
  }

  #onSegment = (evt: CustomEvent<SegmentAnnouncement>): void => {
    if (this.#subscribers.size === 0) return
    const haves = encodeHaves({ seqs: [evt.detail.seq], announcements: [evt.detail.envelope], seed: this.#seeding })
    for (const s of this.#subscribers) s.write(haves)
  }

  #subscribe (peer: PeerId): void {
    const key = peer.toString()
    if (this.#closed || this.#subscriptions.has(key) || this.#init.penalties.isPenalized(peer)) return
    const controller = new AbortController()
    this.#subscriptions.set(key, controller)
    const neighbour: Neighbour = { peer, haves: new Set(), seed: false, inflight: 0 }
    void (async () => {
      try {
        for await (const haves of subscribeHaves(this.#init.connectionManager, peer, this.channel, AbortSignal.any([controller.signal, this.#closing.signal]))) {
          neighbour.seed = haves.seed
          for (const envelope of haves.announcements) await this.#learn(envelope, peer)
          for (const seq of haves.seqs) if (this.window.announcement(seq) != null) neighbour.haves.add(seq)
          for (const seq of neighbour.haves) if (this.window.announcement(seq) == null) neighbour.haves.delete(seq)
          this.neighbours.set(key, neighbour)
          this.safeDispatchEvent('neighbours')
        }
      } catch (err) {
        if (!controller.signal.aborted && !this.#closed) this.#init.log('haves from %p ended: %s', peer, (err as Error).message)
      } finally {
        if (this.#subscriptions.get(key) === controller) this.#subscriptions.delete(key)
        if (this.neighbours.get(key) === neighbour) {
          this.neighbours.delete(key)
          if (!this.#closed) this.safeDispatchEvent('neighbours')
        }
      }
    })()
  }

  #unsubscribe (peer: PeerId): void {
    this.#subscriptions.get(peer.toString())?.abort()
  }

  // an announcement from a neighbour's haves: verified like gossip, minus the age bound
  async #learn (envelope: Uint8Array, from: PeerId): Promise<void> {
    if (this.window.knows(envelope)) return
    const check = await this.#validator.validate(envelope, 'haves')
    if (check.verdict === 'accept') {
      this.window.add(check.announcement)
      return
    }
    this.safeDispatchEvent('rejected', { detail: { from, verdict: check.verdict, code: check.code, reason: check.reason } })
    if (check.verdict === 'reject') this.#init.penalties.penalize(from)
  }

  async #validate (from: PeerId, msg: Message): Promise<TopicValidatorResult> {
    if (this.#closed) return TopicValidatorResult.Ignore
    const check = await this.#validator.validate(msg.data, 'live')
    if (check.verdict === 'accept') {
      if (this.window.announcement(check.announcement.seq) != null) return TopicValidatorResult.Ignore
      this.#accepted.set(msg, check.announcement)
      return TopicValidatorResult.Accept
    }
    this.safeDispatchEvent('rejected', { detail: { from, verdict: check.verdict, code: check.code, reason: check.reason } })
    return check.verdict === 'reject' ? TopicValidatorResult.Reject : TopicValidatorResult.Ignore
  }

  #onMessage = (evt: CustomEvent<Message>): void => {
    const a = this.#accepted.get(evt.detail)
    if (a == null) return
    this.#accepted.delete(evt.detail)
    this.window.add(a)
  }

  #onSubscriptionChange = (evt: CustomEvent<SubscriptionChangeData>): void => {
    for (const s of evt.detail.subscriptions) {
      if (s.topic !== this.topic) continue
      if (s.subscribe) this.#subscribe(evt.detail.peerId)
      else this.#unsubscribe(evt.detail.peerId)
    }
  }

  /** Leaves the channel's video swarm; safe twice. */
  close (): void {
    if (this.#closed) return
    this.#closed = true
    this.#closing.abort()
    for (const s of [...this.#subscribers]) s.close()
    this.window.removeEventListener('segment', this.#onSegment)
    this.#init.pubsub.removeEventListener('message', this.#onMessage)
    this.#init.pubsub.removeEventListener('subscription-change', this.#onSubscriptionChange)
    leaveContentTopic(this.#init.pubsub, this.topic)
    this.#init.discovery.leave(this.channel)
  }
}

function statusText (status: SwarmStatus): string {
  return status === SwarmStatus.Busy ? 'busy' : status === SwarmStatus.NotFound ? 'not-found' : `status ${status}`
}

function hex (bytes: Uint8Array): string {
  return [...bytes].map(b => b.toString(16).padStart(2, '0')).join('')
}

/** The body, or the HTTP status line when there is none. */
async function fetchBytes (url: string, signal: AbortSignal): Promise<Uint8Array | string> {
  const res = await fetch(url, { signal })
  if (!res.ok) {
    await res.body?.cancel()
    return `HTTP ${res.status} ${res.statusText}`
  }
  return new Uint8Array(await res.arrayBuffer())
}
