import { sha256 } from '@noble/hashes/sha2.js'
import { toString as bytesToString } from 'uint8arrays/to-string'
import { wire, decodeBounded, decodeUtf8, checkLength } from '../wire/index.ts'
import { fingerprint, keyToText } from '../identity/key-text.ts'
import { CHAT_NONCE_LENGTH, MAX_CHAT_PAYLOAD_BYTES, MAX_CHAT_TEXT_BYTES } from './constants.ts'
import type { VerifiedEnvelope } from '../envelope/envelope.ts'

/** A verified chat message as the API hands it out. */
export interface ChatMessage {
  /** Hex SHA-256 of the envelope bytes: the same message has the same id everywhere. */
  id: string
  /** Channel id text. */
  channel: string
  /** Author's key, full text form. */
  author: string
  /** Author's key, short display form. */
  fingerprint: string
  text: string
  /** Author's clock, ms since the epoch. */
  timestamp: number
  /** Per-author sequence number. */
  seq: number
}

/** Reads a verified envelope's ChatMessage payload; throws MalformedMessageError. */
export function readChatMessage (envelopeBytes: Uint8Array, env: VerifiedEnvelope): ChatMessage {
  const payload = decodeBounded(wire.ChatMessage, 'chat message', env.payload, MAX_CHAT_PAYLOAD_BYTES)
  const text = decodeUtf8('chat text', payload.text, MAX_CHAT_TEXT_BYTES)
  checkLength('chat nonce', payload.nonce, CHAT_NONCE_LENGTH)
  return {
    id: messageId(envelopeBytes),
    channel: env.channel.text,
    author: keyToText(env.author),
    fingerprint: fingerprint(env.author),
    text,
    timestamp: payload.timestamp,
    seq: payload.seq
  }
}

export function messageId (envelopeBytes: Uint8Array): string {
  return bytesToString(sha256(envelopeBytes), 'base16')
}
