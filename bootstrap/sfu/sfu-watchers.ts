import { encodeEvent, encodeResponse, SfuStatus } from '../../src/sfu/index.ts'
import { MAX_WATCHERS, MAX_WATCHERS_PER_PEER } from './constants.ts'
import { busy } from './sfu-fault.ts'
import type { SfuEvent } from '../../src/sfu/index.ts'
import type { LengthPrefixedStream } from '@libp2p/utils'
import type { Stream } from '@libp2p/interface'

interface Watcher {
  peer: string
  channel: string
  stream: Stream
  lp: LengthPrefixedStream<Stream>
  /** Writes go out in order, one at a time. */
  queue: Promise<void>
}

/**
 * The open WATCH streams: channel events go to every watcher of the channel,
 * transport and consumer events only to their owner's watchers. A watcher
 * whose stream closes or fails is dropped.
 */
export class SfuWatchers {
  readonly #byChannel = new Map<string, Set<Watcher>>()
  readonly #perPeer = new Map<string, number>()
  #count = 0

  get size (): number {
    return this.#count
  }

  /** Answers OK on `stream` and keeps it for events; throws SfuFault(BUSY) over the limits. */
  async add (peer: string, channel: string, stream: Stream, lp: LengthPrefixedStream<Stream>, epoch: number, first?: Partial<SfuEvent> & Pick<SfuEvent, 'kind'>): Promise<void> {
    if ((this.#perPeer.get(peer) ?? 0) >= MAX_WATCHERS_PER_PEER) throw busy(`this peer already watches ${MAX_WATCHERS_PER_PEER} times; close a watch stream first`)
    if (this.#count >= MAX_WATCHERS) throw busy(`the SFU has its maximum of ${MAX_WATCHERS} watch streams; try again later`)
    const watcher: Watcher = { peer, channel, stream, lp, queue: Promise.resolve() }
    const set = this.#byChannel.get(channel) ?? new Set<Watcher>()
    set.add(watcher)
    this.#byChannel.set(channel, set)
    this.#perPeer.set(peer, (this.#perPeer.get(peer) ?? 0) + 1)
    this.#count++
    const drop = (): void => { this.#remove(watcher) }
    stream.addEventListener('close', drop, { once: true })
    stream.addEventListener('remoteCloseWrite', drop, { once: true })
    this.#send(watcher, encodeResponse({ status: SfuStatus.Ok, epoch }))
    if (first != null) this.#send(watcher, encodeEvent(first))
  }

  /** Sends `event` to every watcher of `channel`. */
  toChannel (channel: string, event: Partial<SfuEvent> & Pick<SfuEvent, 'kind'>): void {
    const bytes = encodeEvent(event)
    for (const w of this.#byChannel.get(channel) ?? []) this.#send(w, bytes)
  }

  /** Sends `event` to `peer`'s watchers of `channel`. */
  toPeer (peer: string, channel: string, event: Partial<SfuEvent> & Pick<SfuEvent, 'kind'>): void {
    const bytes = encodeEvent(event)
    for (const w of this.#byChannel.get(channel) ?? []) if (w.peer === peer) this.#send(w, bytes)
  }

  /** Ends every watch stream of `peer` (it disconnected), or all when no peer is given. */
  close (peer?: string): void {
    for (const set of this.#byChannel.values()) {
      for (const w of set) {
        if (peer != null && w.peer !== peer) continue
        this.#remove(w)
        w.stream.abort(new Error('the SFU watch ended'))
      }
    }
  }

  #send (w: Watcher, bytes: Uint8Array): void {
    w.queue = w.queue.then(async () => {
      await w.lp.write(bytes, { signal: AbortSignal.timeout(5_000) })
    }).catch((err: Error) => {
      this.#remove(w)
      w.stream.abort(err)
    })
  }

  #remove (w: Watcher): void {
    const set = this.#byChannel.get(w.channel)
    if (set?.delete(w) !== true) return
    if (set.size === 0) this.#byChannel.delete(w.channel)
    const n = (this.#perPeer.get(w.peer) ?? 1) - 1
    if (n <= 0) this.#perPeer.delete(w.peer)
    else this.#perPeer.set(w.peer, n)
    this.#count--
  }
}
