export { sealEnvelope, openEnvelope, EnvelopeError, EnvelopeFault, Kind } from './envelope.ts'
export type { VerifiedEnvelope, SealInit, OpenOptions } from './envelope.ts'
export { signingBytes } from './signing-bytes.ts'
export { MAX_ENVELOPE_BYTES, SIGNATURE_LENGTH, SIGNING_DOMAIN } from './constants.ts'
