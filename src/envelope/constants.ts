/** Largest encoded envelope any node accepts: bounds memory before decoding. */
export const MAX_ENVELOPE_BYTES = 64 * 1024
/** Ed25519 signatures are exactly 64 bytes. */
export const SIGNATURE_LENGTH = 64
/** Prefix of every signed byte string: a swarmcast signature means nothing elsewhere. */
export const SIGNING_DOMAIN = new TextEncoder().encode('swarmcast/envelope/v1\0')
