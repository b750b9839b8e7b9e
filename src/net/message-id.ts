import { sha256 } from '@noble/hashes/sha2.js'

/**
 * Gossip message ids are content hashes: with StrictNoSign there is no
 * from/seqno, and the same envelope relayed by two peers is the same message.
 */
export function contentMessageId (msg: { data?: Uint8Array }): Uint8Array {
  return sha256(msg.data ?? new Uint8Array(0))
}

/**
 * A cheap 64-bit hash (two 32-bit FNV-1a lanes with different seeds) used by
 * gossipsub to drop duplicate copies before any decode or signature check.
 * It only guards a local seen-cache; a collision would at worst drop a copy
 * that the content-hash id would have dropped too, or one fresh message, which
 * history sync later fills.
 */
export function fastMessageId (msg: { data?: Uint8Array }): string {
  const data = msg.data ?? new Uint8Array(0)
  let a = 0x811c9dc5
  let b = 0x9dc5811c ^ data.byteLength
  for (let i = 0; i < data.byteLength; i++) {
    const byte = data[i] as number
    a = Math.imul(a ^ byte, 0x01000193)
    b = Math.imul(b ^ byte, 0x01000193) ^ (b >>> 15)
  }
  return (a >>> 0).toString(36) + ':' + (b >>> 0).toString(36)
}
