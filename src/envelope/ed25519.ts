import { publicKeyFromRaw } from '@libp2p/crypto/keys'
import { toString as bytesToString } from 'uint8arrays/to-string'
import type { Identity } from '../identity/identity.ts'
import type { PublicKey } from '@libp2p/interface'

/** Ed25519 as envelopes use it; a platform may put in a faster one (Node: node/ed25519.ts). */
export interface Ed25519 {
  /** Whether `signature` over `data` verifies against a raw 32-byte public key. */
  verify: (publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array) => boolean | Promise<boolean>
  /** `identity`'s signature over `data`. */
  sign: (identity: Identity, data: Uint8Array) => Uint8Array | Promise<Uint8Array>
}

/** Authors whose parsed keys are kept (by the portable verify here and by platform ones). */
export const VERIFY_KEY_CACHE_SIZE = 4096

// Parsed public keys of recent authors: building a key object costs about a third of a verify
const authorKeys = new Map<string, PublicKey>()

/** The portable implementation (@libp2p/crypto: node:crypto in Node, WebCrypto or JS in browsers). */
export const portableEd25519: Ed25519 = {
  async verify (raw, data, signature) {
    const id = bytesToString(raw, 'base64')
    let key = authorKeys.get(id)
    if (key == null) {
      key = publicKeyFromRaw(raw)
      if (authorKeys.size >= VERIFY_KEY_CACHE_SIZE) authorKeys.delete(authorKeys.keys().next().value as string)
      authorKeys.set(id, key)
    }
    return await key.verify(data, signature)
  },
  async sign (identity, data) {
    return await identity.sign(data)
  }
}

let current: Ed25519 = portableEd25519

/**
 * Puts in a platform's Ed25519 for every envelope this process seals or opens.
 * Node's keeps native key objects: @libp2p/crypto rebuilds one from JWK on
 * every call, a quarter of a verify and two thirds of a sign.
 */
export function useEd25519 (impl: Ed25519): void {
  current = impl
}

/** Whether `signature` verifies; false (never a throw) for a malformed key or signature. */
export async function verifyEd25519 (publicKey: Uint8Array, data: Uint8Array, signature: Uint8Array): Promise<boolean> {
  try {
    return await current.verify(publicKey, data, signature)
  } catch {
    return false
  }
}

export async function signEd25519 (identity: Identity, data: Uint8Array): Promise<Uint8Array> {
  return await current.sign(identity, data)
}
