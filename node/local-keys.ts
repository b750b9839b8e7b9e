import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { loadOrCreateIdentity } from '../src/identity/index.ts'
import { loadOrCreatePeerKey } from '../src/net/index.ts'
import { ensureDataDir, resolveDataDir } from './data-dir.ts'
import { keyFile } from './key-file.ts'
import type { Identity } from '../src/identity/index.ts'
import type { DataPaths } from './data-dir.ts'
import type { PeerId, PrivateKey } from '@libp2p/interface'

export interface LocalKeys {
  paths: DataPaths
  identity: Identity
  /** Whether the identity was created just now. */
  created: boolean
  peerKey: PrivateKey
  peerId: PeerId
}

/** The data dir's identity and peer key, created on first use. */
export async function loadLocalKeys (dataFlag: string | undefined, env: NodeJS.ProcessEnv): Promise<LocalKeys> {
  const paths = await ensureDataDir(resolveDataDir(dataFlag, env))
  const { identity, created } = await loadOrCreateIdentity(keyFile(paths.identityKey))
  const peerKey = await loadOrCreatePeerKey(keyFile(paths.peerKey))
  return { paths, identity, created, peerKey, peerId: peerIdFromPrivateKey(peerKey) }
}
