import { wire } from '../../src/wire/index.ts'
import { sealEnvelope, Kind } from '../../src/envelope/index.ts'
import type { ChannelId } from '../../src/channel/index.ts'
import type { Identity } from '../../src/identity/index.ts'

export interface MessageFields {
  text?: string | Uint8Array
  timestamp?: number
  seq?: number
  nonce?: Uint8Array
}

let nextSeq = 1

/** A signed chat message envelope with any field overridden: the raw material of attack tests. */
export async function chatEnvelope (author: Identity, channel: ChannelId, fields: MessageFields = {}): Promise<Uint8Array> {
  const text = fields.text ?? `message ${nextSeq}`
  const payload = wire.ChatMessage.encode({
    text: typeof text === 'string' ? new TextEncoder().encode(text) : text,
    timestamp: fields.timestamp ?? Date.now(),
    seq: fields.seq ?? nextSeq++,
    nonce: fields.nonce ?? crypto.getRandomValues(new Uint8Array(8))
  }).finish()
  return await sealEnvelope(author, { kind: Kind.ChatMessage, channel, payload })
}

/** A signed profile envelope. */
export async function profileEnvelope (author: Identity, channel: ChannelId, nick: string, seq = nextSeq++): Promise<Uint8Array> {
  const payload = wire.Profile.encode({ nick, timestamp: Date.now(), seq }).finish()
  return await sealEnvelope(author, { kind: Kind.Profile, channel, payload })
}

/** `envelope` with its payload swapped, signature kept: a tampered message. */
export function tamper (envelope: Uint8Array, text: string): Uint8Array {
  const env = wire.Envelope.decode(envelope)
  const payload = wire.ChatMessage.decode(env.payload)
  return wire.Envelope.encode({ ...env, payload: wire.ChatMessage.encode({ ...payload, text: new TextEncoder().encode(text) }).finish() }).finish()
}
