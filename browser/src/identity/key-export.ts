import { base58btc } from 'multiformats/bases/base58'
import { Identity } from '../../../src/identity/index.ts'

/** Marks exported identity text, so a public key or peer id pasted by mistake is told apart. */
export const EXPORT_PREFIX = 'swarmcast-identity-v1:'

/** Text that is not an exported swarmcast identity. */
export class InvalidIdentityTextError extends Error {
  override readonly name = 'InvalidIdentityTextError'
}

/**
 * The identity's private key as text, to move it to another browser or
 * machine: the prefix, then base58btc of the key in libp2p's protobuf form
 * (the bytes the key store keeps). Whoever holds this text can sign as you.
 */
export function identityToText (identity: Identity): string {
  return EXPORT_PREFIX + base58btc.baseEncode(identity.toBytes())
}

/** Reads text made by identityToText; throws InvalidIdentityTextError saying what is wrong. */
export function identityFromText (text: string): Identity {
  const trimmed = text.trim()
  if (!trimmed.startsWith(EXPORT_PREFIX)) {
    throw new InvalidIdentityTextError(`this is not an exported identity: it should start with "${EXPORT_PREFIX}" (a public key or fingerprint cannot be imported, only the exported private key)`)
  }
  let bytes: Uint8Array
  try {
    bytes = base58btc.baseDecode(trimmed.slice(EXPORT_PREFIX.length))
  } catch {
    throw new InvalidIdentityTextError('the exported identity is damaged (not base58 text); copy it again in full')
  }
  try {
    return Identity.fromBytes(bytes)
  } catch (err) {
    throw new InvalidIdentityTextError(`the exported identity is damaged: ${(err as Error).message}`)
  }
}
