// Noise's crypto primitives for Node, tuned for gossip-sized frames.
//
// Stock @libp2p/noise seals frames under 1200 B with a wasm ChaCha20-Poly1305
// and larger ones with node:crypto. A 1 KiB chat line (a ~1.2 KiB envelope,
// ~1.25 KiB with gossip and yamux framing) lands on the node:crypto side,
// which costs a cipher object per frame (~15 µs, mostly fixed: key-object
// checks and allocation) and, for a frame given as a list (yamux header +
// data), returns a list that goes to the socket as several writes. Measured
// on this box (µs per frame, seal / open): 1 KiB wasm 7.6/7.3, node 16/15;
// 2.5 KiB both ~17; 4 KiB wasm 27/27, node 18/16; 64 KiB wasm 400, node 50.
// So: wasm below WASM_MAX_FRAME_BYTES, node:crypto above it (video segments),
// and always one contiguous buffer out (src/net/noise-encrypter.ts then sends
// it with its length prefix as one socket write).
import crypto from 'node:crypto'
import { ChaCha20Poly1305, newInstance } from '@chainsafe/as-chacha20poly1305'
import { pureJsCrypto } from '@libp2p/noise'
import type { ICryptoInterface } from '@libp2p/noise'

/** What noise hands us: one array, or a list of them (e.g. yamux header + data). */
type Bytes = Parameters<ICryptoInterface['hashSHA256']>[0]

/** Frames up to this many bytes are sealed and opened in wasm; larger ones by node:crypto (where the two cost the same). */
export const WASM_MAX_FRAME_BYTES = 2560

const TAG_BYTES = 16
const CHACHA = 'chacha20-poly1305'
// DER headers that turn raw X25519 keys into the key objects node:crypto takes
const PKCS8_PREFIX = Buffer.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20])
const X25519_PREFIX = Buffer.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00])

// one wasm instance per process: calls are synchronous, so connections never interleave in it
const wasm = new ChaCha20Poly1305(newInstance())

/** Thrown by open when the tag does not match: the frame was forged or corrupted. */
export class NoiseDecryptError extends Error {
  override readonly name = 'NoiseDecryptError'
}

const bytes = (data: Bytes): Uint8Array => data instanceof Uint8Array ? data : data.subarray()

function nodeSeal (plaintext: Uint8Array, nonce: Uint8Array, ad: Uint8Array, k: Uint8Array): Uint8Array {
  const cipher = crypto.createCipheriv(CHACHA, k, nonce, { authTagLength: TAG_BYTES })
  cipher.setAAD(ad, { plaintextLength: plaintext.byteLength })
  const body = cipher.update(plaintext)
  const final = cipher.final()
  const tag = cipher.getAuthTag()
  return Buffer.concat([body, final, tag], body.byteLength + final.byteLength + tag.byteLength)
}

function nodeOpen (ciphertext: Uint8Array, nonce: Uint8Array, ad: Uint8Array, k: Uint8Array): Uint8Array {
  const decipher = crypto.createDecipheriv(CHACHA, k, nonce, { authTagLength: TAG_BYTES })
  const body = ciphertext.subarray(0, ciphertext.byteLength - TAG_BYTES)
  decipher.setAAD(ad, { plaintextLength: body.byteLength })
  decipher.setAuthTag(ciphertext.subarray(body.byteLength))
  const out = decipher.update(body)
  try {
    const final = decipher.final()
    return final.byteLength > 0 ? Buffer.concat([out, final]) : out
  } catch {
    throw new NoiseDecryptError('noise frame failed authentication')
  }
}

function toKeyObject (prefix: Buffer, raw: Bytes, type: 'public' | 'private'): crypto.KeyObject {
  const key = Buffer.concat([prefix, bytes(raw)])
  return type === 'public'
    ? crypto.createPublicKey({ key, type: 'spki', format: 'der' })
    : crypto.createPrivateKey({ key, type: 'pkcs8', format: 'der' })
}

/**
 * ICryptoInterface for `noise({ crypto })` in Node. Same wire format as stock
 * noise (it is the same cipher), so it talks to any noise peer.
 */
export const nodeNoiseCrypto: ICryptoInterface = {
  getHKDF: pureJsCrypto.getHKDF,

  hashSHA256 (data) {
    const hash = crypto.createHash('sha256')
    if (data instanceof Uint8Array) return hash.update(data).digest()
    for (const buf of data) hash.update(buf)
    return hash.digest()
  },

  generateX25519KeyPair () {
    const { publicKey, privateKey } = crypto.generateKeyPairSync('x25519', {
      publicKeyEncoding: { type: 'spki', format: 'der' },
      privateKeyEncoding: { type: 'pkcs8', format: 'der' }
    })
    return { publicKey: publicKey.subarray(X25519_PREFIX.length), privateKey: privateKey.subarray(PKCS8_PREFIX.length) }
  },

  generateX25519KeyPairFromSeed (seed) {
    const publicKey = crypto.createPublicKey(toKeyObject(PKCS8_PREFIX, seed, 'private')).export({ type: 'spki', format: 'der' })
    return { publicKey: publicKey.subarray(X25519_PREFIX.length), privateKey: seed }
  },

  generateX25519SharedKey (privateKey, publicKey) {
    return crypto.diffieHellman({ privateKey: toKeyObject(PKCS8_PREFIX, privateKey, 'private'), publicKey: toKeyObject(X25519_PREFIX, publicKey, 'public') })
  },

  chaCha20Poly1305Encrypt (plaintext, nonce, ad, k) {
    // a list (yamux header + data) is joined first: one buffer in, one buffer (one socket write) out
    const input = bytes(plaintext)
    return input.byteLength <= WASM_MAX_FRAME_BYTES ? wasm.seal(k, nonce, input, ad) : nodeSeal(input, nonce, ad, k)
  },

  chaCha20Poly1305Decrypt (ciphertext, nonce, ad, k, dst) {
    const input = bytes(ciphertext)
    if (input.byteLength > WASM_MAX_FRAME_BYTES + TAG_BYTES) return nodeOpen(input, nonce, ad, k)
    // noise passes `dst` over the ciphertext's own bytes: opening in place saves a copy
    const plaintext = wasm.open(k, nonce, input, ad, dst?.byteLength === input.byteLength - TAG_BYTES ? dst : undefined)
    if (plaintext == null) throw new NoiseDecryptError('noise frame failed authentication')
    return plaintext
  }
}
