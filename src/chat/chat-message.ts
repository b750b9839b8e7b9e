import { toString as bytesToString } from 'uint8arrays/to-string'
import { wire, decodeBounded, decodeUtf8, checkLength, MalformedMessageError } from '../wire/index.ts'
import { fingerprint, keyToText } from '../identity/key-text.ts'
import { Kind } from '../envelope/envelope.ts'
import { contentDigest } from '../net/message-id.ts'
import { CHAT_NONCE_LENGTH, MAX_CHAT_PAYLOAD_BYTES, MAX_CHAT_TEXT_BYTES, MAX_NICK_BYTES } from './constants.ts'
import type { VerifiedEnvelope } from '../envelope/envelope.ts'

/** A verified chat message as the API hands it out. */
export interface ChatMessage {
  /** Hex SHA-256 of the envelope bytes: the same message has the same id everywhere. */
  id: string
  /** Channel id text. */
  channel: string
  /** Author's key, full text form. */
  author: string
  /** Author's key, short display form: nicks are not unique, this tells authors apart. */
  fingerprint: string
  /** Author's nickname from their newest signed profile, if we have one. */
  nick: string | null
  text: string
  /** Author's clock, ms since the epoch. */
  timestamp: number
  /** Per-author sequence number. */
  seq: number
}

/** An author's signed display profile. */
export interface Profile {
  author: string
  nick: string
  timestamp: number
  seq: number
}

/** A chat payload read from a verified envelope, with the envelope's bytes and id. */
export type ChatItem =
  | { kind: 'message', id: string, envelope: Uint8Array, message: ChatMessage }
  | { kind: 'profile', id: string, envelope: Uint8Array, profile: Profile }

// key text and fingerprint of recent authors (a base58 encode and a SHA-256 per message otherwise)
const AUTHOR_CACHE_SIZE = 4096
const authorForms = new Map<string, { key: string, fingerprint: string }>()

function authorForm (raw: Uint8Array): { key: string, fingerprint: string } {
  const id = bytesToString(raw, 'base64')
  let form = authorForms.get(id)
  if (form == null) {
    form = { key: keyToText(raw), fingerprint: fingerprint(raw) }
    if (authorForms.size >= AUTHOR_CACHE_SIZE) authorForms.delete(authorForms.keys().next().value as string)
    authorForms.set(id, form)
  }
  return form
}

/** Hex SHA-256 of the envelope bytes (the digest gossip computed, when it did). */
export function messageId (envelopeBytes: Uint8Array): string {
  return bytesToString(contentDigest(envelopeBytes), 'base16')
}

/**
 * The author's timestamp in a chat message envelope, unverified; undefined for
 * a profile or for bytes that do not decode. Tells where a history page ends,
 * nothing more: the message itself is validated like any other.
 */
export function chatMessageTimestamp (envelopeBytes: Uint8Array): number | undefined {
  try {
    const env = wire.Envelope.decode(envelopeBytes)
    return env.kind === Kind.ChatMessage ? wire.ChatMessage.decode(env.payload).timestamp : undefined
  } catch {
    return undefined
  }
}

/** Reads the payload of a verified chat-topic envelope; throws MalformedMessageError. */
export function readChatItem (envelopeBytes: Uint8Array, env: Pick<VerifiedEnvelope, 'kind' | 'channel' | 'author' | 'payload'>): ChatItem {
  const id = messageId(envelopeBytes)
  const form = authorForm(env.author)
  const author = form.key
  if (env.kind === Kind.Profile) {
    const p = decodeBounded(wire.Profile, 'profile', env.payload, MAX_CHAT_PAYLOAD_BYTES)
    return { kind: 'profile', id, envelope: envelopeBytes, profile: { author, nick: checkNick(p.nick ?? ''), timestamp: p.timestamp, seq: p.seq } }
  }
  const payload = decodeBounded(wire.ChatMessage, 'chat message', env.payload, MAX_CHAT_PAYLOAD_BYTES)
  const text = decodeUtf8('chat text', payload.text, MAX_CHAT_TEXT_BYTES)
  if (text.length === 0) throw new MalformedMessageError('chat text is empty')
  checkLength('chat nonce', payload.nonce, CHAT_NONCE_LENGTH)
  return {
    kind: 'message',
    id,
    envelope: envelopeBytes,
    message: {
      id,
      channel: env.channel.text,
      author,
      fingerprint: form.fingerprint,
      nick: null,
      text,
      timestamp: payload.timestamp,
      seq: payload.seq
    }
  }
}

/** Nicks: 1-32 UTF-8 bytes, no control characters; throws MalformedMessageError. */
export function checkNick (nick: string): string {
  const size = new TextEncoder().encode(nick).byteLength
  // eslint-disable-next-line no-control-regex
  if (size === 0 || size > MAX_NICK_BYTES || /[\u0000-\u001f\u007f]/.test(nick)) {
    throw new MalformedMessageError(`a nick must be 1-${MAX_NICK_BYTES} bytes without control characters`)
  }
  return nick
}
