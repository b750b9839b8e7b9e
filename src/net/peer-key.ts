import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import type { KeyStore } from '../identity/key-store.ts'
import type { PrivateKey } from '@libp2p/interface'

/**
 * The libp2p peer key in `store`, created on first use: a relay keeps the same
 * peer id across restarts, so the addresses it printed stay valid.
 */
export async function loadOrCreatePeerKey (store: KeyStore): Promise<PrivateKey> {
  const bytes = await store.load()
  if (bytes != null) return privateKeyFromProtobuf(bytes)
  const key = await generateKeyPair('Ed25519')
  await store.save(privateKeyToProtobuf(key))
  return key
}
