// A bare libp2p node (TCP, noise, yamux, no services) that speaks our protocols
// badly on purpose, as a client and as a server: raw bytes instead of frames,
// length prefixes far beyond what follows or that never end, streams it never
// writes to or never reads from, half-closes. The honest node must end each such
// stream in time, refuse what it got, and keep serving.
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@libp2p/noise'
import { yamux } from '@libp2p/yamux'
import { concat } from 'uint8arrays/concat'
import { varint } from './fuzz-bytes.ts'
import type { Libp2p, PeerId, Stream } from '@libp2p/interface'
import type { ConnectionManager } from '@libp2p/interface-internal'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { Test } from 'tap'

/** How the remote end finished with a stream, as seen from here. */
export type RemoteEnd = 'closed' | 'reset'

/** One stream opened by the hostile node, with the misbehaviours it can commit. */
export class HostileStream {
  readonly stream: Stream
  /** Bytes the honest side sent us (unless reading was paused). */
  readonly received: Uint8Array[] = []
  readonly #ended: Promise<RemoteEnd>

  constructor (stream: Stream) {
    this.stream = stream
    this.#ended = new Promise(resolve => {
      stream.addEventListener('remoteCloseWrite', () => { resolve('closed') })
      stream.addEventListener('close', () => { resolve(stream.status === 'reset' || stream.status === 'aborted' ? 'reset' : 'closed') })
      if (stream.remoteWriteStatus === 'closed') resolve('closed')
    })
    stream.addEventListener('message', (evt) => { this.received.push(evt.data.subarray()) })
  }

  /** Raw bytes, no framing; waits for the muxer to take them. */
  async send (bytes: Uint8Array): Promise<void> {
    if (bytes.byteLength === 0) return
    if (!this.stream.send(bytes)) await this.stream.onDrain()
  }

  /** One length-prefixed frame, as lpStream writes it. */
  async sendFrame (bytes: Uint8Array): Promise<void> {
    await this.send(concat([varint(bytes.byteLength), bytes]))
  }

  /** A length prefix claiming `length` bytes, followed by `partial` of them (usually far fewer). */
  async sendPrefix (length: number | bigint, partial: Uint8Array = new Uint8Array(0)): Promise<void> {
    await this.send(concat([varint(length), partial]))
  }

  /**
   * Sends `byte` over and over (0x80: a length prefix that never ends) until the
   * remote ends the stream or `forMs` pass; resolves with the bytes taken.
   */
  async flood (byte: number, forMs: number): Promise<number> {
    const chunk = new Uint8Array(16 * 1024).fill(byte)
    const until = Date.now() + forMs
    let sent = 0
    while (Date.now() < until && this.stream.writeStatus === 'writable' && this.stream.status === 'open') {
      try {
        await this.send(chunk)
      } catch {
        break
      }
      sent += chunk.byteLength
      // send() may take the chunk at once: yield, or this loop alone would starve the process
      await new Promise(resolve => setImmediate(resolve))
    }
    return sent
  }

  /** Half-close: no more from us, but we still read. */
  async closeWrite (): Promise<void> {
    await this.stream.close().catch(() => {})
  }

  /** Stop reading: no window updates, so the honest writer hits backpressure. */
  neverRead (): void {
    if (this.stream.readStatus === 'readable') this.stream.pause()
  }

  /** Reset the stream from our side. */
  reset (): void {
    this.stream.abort(new Error('hostile peer resets'))
  }

  /** Resolves with how the remote ended the stream, or 'open' if it still has not after `timeoutMs`. */
  async remoteEnd (timeoutMs: number): Promise<RemoteEnd | 'open'> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const open = new Promise<'open'>(resolve => { timer = setTimeout(resolve, timeoutMs, 'open') })
    try {
      return await Promise.race([this.#ended, open])
    } finally {
      clearTimeout(timer)
    }
  }
}

/** A raw node and the streams it opens to one peer. */
export interface HostileNode {
  node: Libp2p
  /** Dials `protocol` on `peer`; throws if the peer refuses the stream. */
  open: (protocol: string) => Promise<HostileStream>
  /**
   * A ConnectionManager stand-in that opens streams from this node, so the
   * real client code (fetchHistory, requestFromPeer, ...) can be driven from it.
   */
  connectionManager: ConnectionManager
  peer: PeerId
  /** Answers `protocol` badly: `answer` gets each stream the honest node opens. */
  serve: (protocol: string, answer: (s: HostileStream) => Promise<void>) => Promise<void>
}

/** Starts a bare libp2p node on loopback aimed at `target`; stopped at the end of `t`. */
export async function hostileNode (t: Test, target: { peerId: PeerId, addrs: Multiaddr[] }): Promise<HostileNode> {
  const node = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux()],
    connectionManager: { allow: ['/ip4/127.0.0.1/ipcidr/8'] }
  })
  t.teardown(async () => { await node.stop() })
  await node.peerStore.merge(target.peerId, { multiaddrs: target.addrs })
  const open = async (protocol: string): Promise<HostileStream> => {
    const stream = await node.dialProtocol(target.peerId, protocol, { signal: AbortSignal.timeout(10_000) })
    return new HostileStream(stream)
  }
  const connectionManager = {
    openStream: async (peer: PeerId, protocol: string, options?: { signal?: AbortSignal }) => await node.dialProtocol(peer, protocol, options)
  } as unknown as ConnectionManager
  const serve = async (protocol: string, answer: (s: HostileStream) => Promise<void>): Promise<void> => {
    await node.handle(protocol, (stream) => { answer(new HostileStream(stream)).catch(() => { stream.abort(new Error('hostile answer failed')) }) })
  }
  return { node, open, connectionManager, peer: target.peerId, serve }
}
