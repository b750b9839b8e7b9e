import { sha256 } from '@noble/hashes/sha2.js'

// Digests computed for gossip, kept for the same bytes' content id a moment later
// (the validator sees the very Uint8Array gossipsub hashed): one SHA-256 per message, not two.
const digests = new WeakMap<Uint8Array, Uint8Array>()

/** SHA-256 of `data`, computed once per byte array. */
export function contentDigest (data: Uint8Array): Uint8Array {
  let digest = digests.get(data)
  if (digest == null) {
    digest = sha256(data)
    digests.set(data, digest)
  }
  return digest
}

/**
 * Gossip message ids are content hashes: with StrictNoSign there is no
 * from/seqno, and the same envelope relayed by two peers is the same message.
 */
export function contentMessageId (msg: { data?: Uint8Array }): Uint8Array {
  return contentDigest(msg.data ?? new Uint8Array(0))
}

// Per-process seeds: someone who sees a message first cannot craft other bytes
// with the same fast id for our nodes (a collision would make gossipsub drop
// the genuine message as a duplicate of the crafted one).
const [SEED_A, SEED_B] = crypto.getRandomValues(new Uint32Array(2)) as unknown as [number, number]

/**
 * A cheap 64-bit hash (two seeded 32-bit FNV-1a lanes) that gossipsub uses to
 * drop duplicate copies before any decode or signature check. It only guards a
 * local seen-cache; an accidental collision would drop one fresh message,
 * which history sync later fills.
 */
export function fastMessageId (msg: { data?: Uint8Array }): string {
  const data = msg.data ?? new Uint8Array(0)
  let a = 0x811c9dc5 ^ SEED_A
  let b = 0x9dc5811c ^ SEED_B ^ data.byteLength
  for (let i = 0; i < data.byteLength; i++) {
    const byte = data[i] as number
    a = Math.imul(a ^ byte, 0x01000193)
    b = Math.imul(b ^ byte, 0x01000193) ^ (b >>> 15)
  }
  return (a >>> 0).toString(36) + ':' + (b >>> 0).toString(36)
}
