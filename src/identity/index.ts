export { Identity, InvalidIdentityError } from './identity.ts'
export { loadOrCreateIdentity } from './key-store.ts'
export type { KeyStore } from './key-store.ts'
export { keyToText, keyFromText, fingerprint, InvalidKeyError, PUBLIC_KEY_LENGTH } from './key-text.ts'
