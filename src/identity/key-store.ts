import { Identity } from './identity.ts'

/**
 * Where a platform keeps the identity's private key bytes: a 0600 file under
 * the data dir in Node, IndexedDB in the browser.
 */
export interface KeyStore {
  /** The stored bytes, or undefined when nothing is stored yet. */
  load(): Promise<Uint8Array | undefined>
  /** Stores the bytes durably (a crash never leaves a half-written key). */
  save(bytes: Uint8Array): Promise<void>
}

/** The identity in `store`, created and saved on first use. */
export async function loadOrCreateIdentity (store: KeyStore): Promise<{ identity: Identity, created: boolean }> {
  const bytes = await store.load()
  if (bytes != null) {
    return { identity: Identity.fromBytes(bytes), created: false }
  }
  const identity = await Identity.generate()
  await store.save(identity.toBytes())
  return { identity, created: true }
}
