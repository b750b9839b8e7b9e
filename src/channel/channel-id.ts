import { base58btc } from 'multiformats/bases/base58'
import { sha256 } from '@noble/hashes/sha2.js'
import { keyToText, PUBLIC_KEY_LENGTH } from '../identity/key-text.ts'
import { publicKeyFromRaw } from '@libp2p/crypto/keys'
import { concat } from 'uint8arrays/concat'

const VERSION = 1
const NAME_HASH_LENGTH = 8
const NAME_DOMAIN = new TextEncoder().encode('swarmcast/channel-name/v1\0')

/** Binary channel ids: version ‖ owner key ‖ name hash. */
export const CHANNEL_ID_LENGTH = 1 + PUBLIC_KEY_LENGTH + NAME_HASH_LENGTH
/** Channel names are short labels, counted in UTF-8 bytes. */
export const MAX_CHANNEL_NAME_BYTES = 64

export class InvalidChannelError extends Error {
  override readonly name = 'InvalidChannelError'
}

/**
 * A channel is (owner public key, name). The id carries the owner key itself,
 * so anyone holding only the id knows whose signatures (grants, stream
 * announcements) are authoritative for it: the id proves ownership.
 */
export class ChannelId {
  readonly bytes: Uint8Array
  /** base58btc of `bytes`: what commands, links and topic names use. */
  readonly text: string

  private constructor (bytes: Uint8Array) {
    this.bytes = bytes
    this.text = base58btc.baseEncode(bytes)
  }

  /** Derives the id of channel `name` owned by `owner` (raw Ed25519 public key). */
  static derive (owner: Uint8Array, name: string): ChannelId {
    checkChannelName(name)
    if (owner.byteLength !== PUBLIC_KEY_LENGTH) {
      throw new InvalidChannelError(`channel owner must be a ${PUBLIC_KEY_LENGTH}-byte key`)
    }
    const nameHash = sha256(concat([NAME_DOMAIN, new TextEncoder().encode(name)])).subarray(0, NAME_HASH_LENGTH)
    return new ChannelId(concat([Uint8Array.of(VERSION), owner, nameHash]))
  }

  /** Reads binary id bytes from the wire; throws InvalidChannelError. */
  static fromBytes (bytes: Uint8Array): ChannelId {
    if (bytes.byteLength !== CHANNEL_ID_LENGTH || bytes[0] !== VERSION) {
      throw new InvalidChannelError(`not a version-${VERSION} channel id of ${CHANNEL_ID_LENGTH} bytes`)
    }
    try {
      publicKeyFromRaw(bytes.subarray(1, 1 + PUBLIC_KEY_LENGTH))
    } catch {
      throw new InvalidChannelError('channel id holds an invalid owner key')
    }
    return new ChannelId(Uint8Array.from(bytes))
  }

  /** Reads the text form that `swarmcast channel create` prints. */
  static parse (text: string): ChannelId {
    let bytes: Uint8Array
    try {
      bytes = base58btc.baseDecode(text.trim())
    } catch {
      throw new InvalidChannelError(`"${text}" is not a channel id: expected the text \`swarmcast channel create\` prints`)
    }
    try {
      return ChannelId.fromBytes(bytes)
    } catch (err) {
      throw new InvalidChannelError(`"${text}" is not a channel id: ${(err as Error).message}`)
    }
  }

  /** The owner's raw Ed25519 public key. */
  get owner (): Uint8Array {
    return this.bytes.subarray(1, 1 + PUBLIC_KEY_LENGTH)
  }

  /** The owner's key in full text form. */
  get ownerKey (): string {
    return keyToText(this.owner)
  }

  /** Whether this is the id of channel `name` (the name itself is not in the id). */
  hasName (name: string): boolean {
    return ChannelId.derive(this.owner, name).equals(this)
  }

  equals (other: ChannelId): boolean {
    return this.text === other.text
  }

  toString (): string {
    return this.text
  }
}

/** Names: 1-64 UTF-8 bytes, no control characters, no leading/trailing space. */
export function checkChannelName (name: string): void {
  const size = new TextEncoder().encode(name).byteLength
  if (size === 0 || size > MAX_CHANNEL_NAME_BYTES) {
    throw new InvalidChannelError(`channel name must be 1-${MAX_CHANNEL_NAME_BYTES} bytes, got ${size}`)
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name) || name.trim() !== name) {
    throw new InvalidChannelError('channel name must not contain control characters or leading/trailing spaces')
  }
}
