import { noise } from '@libp2p/noise'
import { serviceCapabilities } from '@libp2p/interface'
import type { NoiseComponents, NoiseExtensions, NoiseInit } from '@libp2p/noise'
import type { ConnectionEncrypter, MessageStream, SecuredConnection } from '@libp2p/interface'

/** A chunk or a list of chunks, as streams take them. */
type Bytes = Parameters<MessageStream['send']>[0]

/**
 * Has the raw connection send a list of chunks as one buffer. Noise hands each
 * encrypted frame to the connection as a list (2-byte length, ciphertext) and
 * TCP writes every chunk of a list separately, WebSockets sends each as its
 * own message: twice the syscalls (or WS messages) per frame. Joining costs a
 * copy of the frame, well under what the second write costs.
 */
function joinChunks<T extends MessageStream> (connection: T): T {
  const send = connection.send.bind(connection)
  // a list's subarray() is its one chunk when it has one, else a joined copy
  connection.send = (data) => send(data instanceof Uint8Array ? data : data.subarray())
  return connection
}

// Thrown, never built, when a frame's length has not arrived yet (see below).
const LENGTH_NOT_HERE = new RangeError('noise frame length not received yet')

/**
 * Reads a noise frame's 2-byte big-endian length. Noise's decoder learns that
 * a read ended on a frame boundary from a RangeError, and its own reader
 * builds a new one (capturing a stack trace) every time: once per socket read,
 * ~5 µs each, about a tenth of a node's CPU per gossip message. Throwing one
 * prebuilt error is ~0.4 µs.
 */
export function frameLength (data: Bytes): number {
  if (data.byteLength < 2) throw LENGTH_NOT_HERE
  return data instanceof Uint8Array ? (data[0]! << 8) | data[1]! : (data.get(0) << 8) | data.get(1)
}

/** Puts frameLength into the encrypted stream's decoder, where this noise version has one (the upgrade test checks it still does). */
function useFrameLength (secured: SecuredConnection<NoiseExtensions>): SecuredConnection<NoiseExtensions> {
  const decoder = (secured.connection as unknown as { decoder?: { lengthDecoder?: unknown } }).decoder
  if (typeof decoder?.lengthDecoder === 'function') decoder.lengthDecoder = frameLength
  return secured
}

/**
 * Noise (same protocol and wire format as `noise()`, so it talks to any libp2p
 * peer) with cheaper framing: each encrypted frame goes to the connection as
 * one buffer, and frame lengths are read without building an error per read.
 */
export function swarmNoise (init: NoiseInit = {}): (components: NoiseComponents) => ConnectionEncrypter<NoiseExtensions> {
  return (components) => {
    const inner = noise(init)(components)
    return {
      protocol: inner.protocol,
      [Symbol.toStringTag]: '@swarmcast/noise',
      [serviceCapabilities]: (inner as unknown as Record<symbol, string[]>)[serviceCapabilities] ?? [],
      secureOutbound: async (connection, options) => useFrameLength(await inner.secureOutbound(joinChunks(connection), options)),
      secureInbound: async (connection, options) => useFrameLength(await inner.secureInbound(joinChunks(connection), options))
    } as ConnectionEncrypter<NoiseExtensions>
  }
}
