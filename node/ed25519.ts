// Ed25519 for Node that keeps native key objects. @libp2p/crypto builds a
// KeyObject from JWK on every call (~30 µs of a ~115 µs verify, ~55 of a ~90 µs
// sign on this box); a chat node verifies every message once, mostly from a few
// authors, and signs with one identity, so keeping the objects takes that off
// each message.
import crypto from 'node:crypto'
import { privateKeyFromProtobuf } from '@libp2p/crypto/keys'
import { VERIFY_KEY_CACHE_SIZE } from '../src/envelope/index.ts'
import type { Ed25519 } from '../src/envelope/index.ts'
import type { Identity } from '../src/identity/index.ts'

// DER headers: prefix + 32 raw bytes is a key node:crypto reads
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
const RAW_KEY_BYTES = 32

const publicKeys = new Map<string, crypto.KeyObject>()
const privateKeys = new WeakMap<Identity, crypto.KeyObject>()

function publicKeyObject (raw: Uint8Array): crypto.KeyObject {
  const id = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64')
  let key = publicKeys.get(id)
  if (key == null) {
    key = crypto.createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' })
    if (publicKeys.size >= VERIFY_KEY_CACHE_SIZE) publicKeys.delete(publicKeys.keys().next().value as string)
    publicKeys.set(id, key)
  }
  return key
}

function privateKeyObject (identity: Identity): crypto.KeyObject {
  let key = privateKeys.get(identity)
  if (key == null) {
    // libp2p's raw Ed25519 private key is seed ‖ public key
    const seed = privateKeyFromProtobuf(identity.toBytes()).raw.subarray(0, RAW_KEY_BYTES)
    key = crypto.createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' })
    privateKeys.set(identity, key)
  }
  return key
}

/** Same answers and signatures as the portable implementation (a unit test checks), cheaper per message. */
export const nodeEd25519: Ed25519 = {
  verify (publicKey, data, signature) {
    if (publicKey.byteLength !== RAW_KEY_BYTES) return false
    return crypto.verify(null, data, publicKeyObject(publicKey), signature)
  },
  sign (identity, data) {
    return crypto.sign(null, data, privateKeyObject(identity))
  }
}
