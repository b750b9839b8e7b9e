import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { loadOrCreateIdentity } from '../src/identity/index.ts'
import { loadOrCreatePeerKey } from '../src/net/index.ts'
import { dataDirError, ensureDataDir, resolveDataDir } from './data-dir.ts'
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
  const { identity, created, peerKey } = await (async () => {
    const { identity, created } = await loadOrCreateIdentity(keyFile(paths.identityKey))
    return { identity, created, peerKey: await loadOrCreatePeerKey(keyFile(paths.peerKey)) }
  })().catch((err: NodeJS.ErrnoException) => {
    // a key that cannot be written (full or read-only disk) is a data dir problem; other errors say their own
    throw typeof err.code === 'string' && err.syscall != null ? dataDirError(paths.dir, err) : err
  })
  return { paths, identity, created, peerKey, peerId: peerIdFromPrivateKey(peerKey) }
}
