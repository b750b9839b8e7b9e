import { equals } from 'uint8arrays/equals'
import { wire, decodeBounded, checkLength, MalformedMessageError, OversizeMessageError } from '../wire/index.ts'
import { ChannelId } from '../channel/channel-id.ts'
import { PUBLIC_KEY_LENGTH } from '../identity/key-text.ts'
import { MAX_ENVELOPE_BYTES, SIGNATURE_LENGTH } from './constants.ts'
import { signingBytes } from './signing-bytes.ts'
import { signEd25519, verifyEd25519 } from './ed25519.ts'
import type { Identity } from '../identity/identity.ts'

/** Payload kinds (mirrors `Kind` in proto/envelope.proto). */
export const Kind = {
  ChatMessage: wire.Kind.CHAT_MESSAGE,
  Profile: wire.Kind.PROFILE,
  ModGrant: wire.Kind.MOD_GRANT,
  ModRevocation: wire.Kind.MOD_REVOCATION,
  ModAction: wire.Kind.MOD_ACTION,
  VideoSegment: wire.Kind.VIDEO_SEGMENT,
  SfuProduce: wire.Kind.SFU_PRODUCE
} as const
export type Kind = typeof Kind[keyof typeof Kind]

/**
 * Why an envelope was refused. All of these are faults anyone can check from the
 * bytes alone, so a gossip validator answers Reject for every one of them.
 */
export const EnvelopeFault = {
  Oversize: 'oversize',
  Malformed: 'malformed',
  WrongKind: 'wrong-kind',
  WrongChannel: 'wrong-channel',
  BadSignature: 'bad-signature'
} as const
export type EnvelopeFault = typeof EnvelopeFault[keyof typeof EnvelopeFault]

export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError'
  readonly fault: EnvelopeFault

  constructor (fault: EnvelopeFault, message: string) {
    super(message)
    this.fault = fault
  }
}

/** An envelope whose signature has been checked against its author. */
export interface VerifiedEnvelope {
  kind: Kind
  channel: ChannelId
  /** Raw Ed25519 public key of the signer. */
  author: Uint8Array
  /** The payload bytes exactly as received and signed. */
  payload: Uint8Array
  signature: Uint8Array
}

export interface SealInit {
  kind: Kind
  channel: ChannelId
  payload: Uint8Array
}

/** Signs `payload` as `kind` in `channel` and encodes the envelope. */
export async function sealEnvelope (identity: Identity, init: SealInit): Promise<Uint8Array> {
  const signature = await signEd25519(identity, signingBytes(init.kind, init.channel.bytes, init.payload))
  const bytes = wire.Envelope.encode({
    kind: init.kind,
    author: identity.publicKey,
    channelId: init.channel.bytes,
    payload: init.payload,
    signature
  }).finish()
  if (bytes.byteLength > MAX_ENVELOPE_BYTES) {
    throw new EnvelopeError(EnvelopeFault.Oversize, `envelope would be ${bytes.byteLength} bytes, over the ${MAX_ENVELOPE_BYTES}-byte limit`)
  }
  return bytes
}

export interface OpenOptions {
  /** The channel the bytes arrived on (topic or request); others are refused. */
  channel: ChannelId
  /** Kinds acceptable here; others are refused. */
  kinds: readonly Kind[]
}

/**
 * One message, one byte form. The signature covers the payload, not the
 * envelope's framing, and a message's id is the hash of its envelope bytes: any
 * other encoding of the same fields (an unknown field, a field given twice, a
 * padded varint, another field order) would be the same signed message under
 * another id, stored and shown once more. Only the bytes our encoder writes pass.
 */
function checkCanonical (env: wire.Envelope, bytes: Uint8Array): void {
  if (env.$unknowns != null || !equals(wire.Envelope.encode(env).finish(), bytes)) {
    throw new MalformedMessageError('envelope is not in canonical form (unknown or repeated fields, padded varints or another field order)')
  }
}

/**
 * Decodes and verifies an envelope: size, decode, canonical form, kind, channel, then the
 * signature over the received payload bytes. Throws only EnvelopeError.
 */
export async function openEnvelope (bytes: Uint8Array, options: OpenOptions): Promise<VerifiedEnvelope> {
  let env: wire.Envelope
  let author: Uint8Array
  let signature: Uint8Array
  try {
    env = decodeBounded(wire.Envelope, 'envelope', bytes, MAX_ENVELOPE_BYTES)
    checkCanonical(env, bytes)
    author = checkLength('envelope author', env.author, PUBLIC_KEY_LENGTH)
    signature = checkLength('envelope signature', env.signature, SIGNATURE_LENGTH)
  } catch (err) {
    if (err instanceof OversizeMessageError) throw new EnvelopeError(EnvelopeFault.Oversize, err.message)
    if (err instanceof MalformedMessageError) throw new EnvelopeError(EnvelopeFault.Malformed, err.message)
    throw err
  }
  const kind = env.kind as Kind
  if (!options.kinds.includes(kind)) {
    throw new EnvelopeError(EnvelopeFault.WrongKind, `envelope kind ${env.kind} is not accepted here`)
  }
  const channelId = env.channelId ?? new Uint8Array(0)
  if (!equals(channelId, options.channel.bytes)) {
    throw new EnvelopeError(EnvelopeFault.WrongChannel, 'envelope belongs to another channel')
  }
  const payload = env.payload ?? new Uint8Array(0)
  if (!await verifyEd25519(author, signingBytes(kind, channelId, payload), signature)) {
    throw new EnvelopeError(EnvelopeFault.BadSignature, 'envelope signature does not verify against its author')
  }
  return { kind, channel: options.channel, author, payload, signature }
}
