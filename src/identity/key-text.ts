import { base32 } from 'multiformats/bases/base32'
import { base58btc } from 'multiformats/bases/base58'
import { sha256 } from '@noble/hashes/sha2.js'
import { publicKeyFromRaw } from '@libp2p/crypto/keys'

/** Raw Ed25519 public keys are 32 bytes. */
export const PUBLIC_KEY_LENGTH = 32

/** A key text that could not be read as an Ed25519 public key. */
export class InvalidKeyError extends Error {
  override readonly name = 'InvalidKeyError'
}

/**
 * The full text form of a public key, for commands and links: base58btc of the
 * 32 raw bytes (43-44 characters).
 */
export function keyToText (publicKey: Uint8Array): string {
  return base58btc.baseEncode(publicKey)
}

/** Parses the full text form; throws InvalidKeyError with what to do. */
export function keyFromText (text: string): Uint8Array {
  let bytes: Uint8Array
  try {
    bytes = base58btc.baseDecode(text.trim())
  } catch {
    throw new InvalidKeyError(`"${text}" is not a swarmcast key: expected the base58 text that \`swarmcast id\` prints`)
  }
  if (bytes.byteLength !== PUBLIC_KEY_LENGTH) {
    const hint = text.startsWith('12D3KooW') ? ' (that looks like a libp2p peer id, not an identity key)' : ''
    throw new InvalidKeyError(`"${text}" decodes to ${bytes.byteLength} bytes, not a ${PUBLIC_KEY_LENGTH}-byte Ed25519 key${hint}`)
  }
  try {
    publicKeyFromRaw(bytes)
  } catch {
    throw new InvalidKeyError(`"${text}" is not a valid Ed25519 public key`)
  }
  return bytes
}

/**
 * The short display form: 8 base32 characters of the key's SHA-256, as
 * `abcd-efgh`. Hashing first spreads look-alike keys apart; 40 bits is enough to
 * tell the people in one chat apart at a glance, not to authenticate.
 */
export function fingerprint (publicKey: Uint8Array): string {
  const short = base32.baseEncode(sha256(publicKey).subarray(0, 5))
  return `${short.slice(0, 4)}-${short.slice(4, 8)}`
}
