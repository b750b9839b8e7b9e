import { mkdir, access, constants as fsConstants } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** The data dir is missing and cannot be created, or is not writable. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError'
}

/** `--data DIR`, else `SWARMCAST_DATA`, else `~/.swarmcast`. */
export function resolveDataDir (flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env.SWARMCAST_DATA ?? join(homedir(), '.swarmcast'))
}

/** Creates the data dir (0700: it holds private keys) and checks that it is writable. */
export async function ensureDataDir (dir: string): Promise<DataPaths> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    await access(dir, fsConstants.W_OK)
  } catch (err) {
    throw dataDirError(dir, err as NodeJS.ErrnoException)
  }
  return dataPaths(dir)
}

const FS_ERROR_TEXT: Record<string, string> = {
  ENOSPC: 'the disk holding it is full; free some space',
  EDQUOT: 'the disk quota is used up; free some space',
  EROFS: 'it is on a read-only file system',
  EACCES: 'this user may not write there',
  EPERM: 'this user may not write there',
  ENOTDIR: 'a file is in the way of the directory'
}

/** A data dir failure (at start or on a later write) as one line that says what to do. */
export function dataDirError (dir: string, err: NodeJS.ErrnoException): DataDirError {
  const why = FS_ERROR_TEXT[err.code ?? ''] ?? err.code ?? err.message
  return new DataDirError(`cannot use data dir ${dir}: ${why} (${err.code ?? err.message}); fix that, or pick another with --data DIR or SWARMCAST_DATA`)
}

export interface DataPaths {
  dir: string
  /** The content-signing identity (Ed25519, libp2p protobuf key format). */
  identityKey: string
  /** The libp2p peer key: one peer id per data dir, stable across restarts. */
  peerKey: string
  /** LevelDB: history, moderation state. */
  store: string
}

export function dataPaths (dir: string): DataPaths {
  return {
    dir,
    identityKey: join(dir, 'identity.key'),
    peerKey: join(dir, 'peer.key'),
    store: join(dir, 'store')
  }
}
