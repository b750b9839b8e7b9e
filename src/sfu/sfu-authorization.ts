import { equals } from 'uint8arrays/equals'
import { wire, decodeBounded } from '../wire/index.ts'
import { sealEnvelope, openEnvelope, EnvelopeError, Kind } from '../envelope/index.ts'
import { keyToText } from '../identity/key-text.ts'
import { MAX_SFU_AUTH_PAYLOAD_BYTES, SFU_AUTH_WINDOW_MS } from './constants.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import type { Identity } from '../identity/identity.ts'
import type { PeerId } from '@libp2p/interface'

/** A produce authorization that does not hold: says what was wrong. */
export class SfuAuthorizationError extends Error {
  override readonly name = 'SfuAuthorizationError'
}

/**
 * Signs, with the streamer's identity, that the libp2p peer `peer` may feed
 * `channel` to an SFU now. The envelope binds the channel; the payload binds
 * the peer of the connection that carries it and the time.
 */
export async function signProduceAuthorization (identity: Identity, channel: ChannelId, peer: PeerId, now = Date.now()): Promise<Uint8Array> {
  const payload = wire.SfuProduceAuthorization.encode({ peerId: peer.toMultihash().bytes, timestamp: now }).finish()
  return await sealEnvelope(identity, { kind: Kind.SfuProduce, channel, payload })
}

export interface VerifyAuthorizationOptions {
  channel: ChannelId
  /** The remote peer of the connection the request came on. */
  peer: PeerId
  now?: number
}

/**
 * Checks a produce authorization and returns the signer's key (text form);
 * whether that key may stream is the caller's question (moderation). Throws
 * SfuAuthorizationError.
 */
export async function verifyProduceAuthorization (bytes: Uint8Array, options: VerifyAuthorizationOptions): Promise<string> {
  if (bytes.byteLength === 0) throw new SfuAuthorizationError('the produce request carries no authorization; sign one with the streamer identity (signProduceAuthorization)')
  let author: Uint8Array
  let payload: Uint8Array
  try {
    ({ author, payload } = await openEnvelope(bytes, { channel: options.channel, kinds: [Kind.SfuProduce] }))
  } catch (err) {
    if (err instanceof EnvelopeError) throw new SfuAuthorizationError(`the produce authorization is not valid: ${err.message}`)
    throw err
  }
  let auth: wire.SfuProduceAuthorization
  try {
    auth = decodeBounded(wire.SfuProduceAuthorization, 'sfu produce authorization', payload, MAX_SFU_AUTH_PAYLOAD_BYTES)
  } catch (err) {
    throw new SfuAuthorizationError((err as Error).message)
  }
  if (!equals(auth.peerId ?? new Uint8Array(0), options.peer.toMultihash().bytes)) {
    throw new SfuAuthorizationError('the produce authorization was signed for another peer; sign it for the peer id of the connection that sends it')
  }
  const now = options.now ?? Date.now()
  if (Math.abs(now - (auth.timestamp ?? 0)) > SFU_AUTH_WINDOW_MS) {
    throw new SfuAuthorizationError(`the produce authorization is dated ${Math.round((now - (auth.timestamp ?? 0)) / 1000)} s from the relay's clock (limit ${SFU_AUTH_WINDOW_MS / 1000} s); check this computer's clock and sign a fresh one`)
  }
  return keyToText(author)
}
