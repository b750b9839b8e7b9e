import { open, readFile, rename, stat, mkdir } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { KeyStore } from '../src/identity/index.ts'

/** A key file that exists but must not be used as it is. */
export class KeyFileError extends Error {
  override readonly name = 'KeyFileError'
}

/**
 * A KeyStore in one file, mode 0600. Written to a temporary file, synced and
 * renamed over the target, so a crash leaves either the old key or the new one.
 * A key file others can read is refused, as ssh does, rather than used.
 */
export function keyFile (path: string): KeyStore {
  return {
    async load () {
      let mode: number
      try {
        mode = (await stat(path)).mode
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw new KeyFileError(`cannot read key file ${path}: ${(err as NodeJS.ErrnoException).code}`)
      }
      if ((mode & 0o077) !== 0) {
        throw new KeyFileError(`key file ${path} is readable by other users (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${path}`)
      }
      return new Uint8Array(await readFile(path))
    },
    async save (bytes) {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 })
      const tmp = `${path}.tmp-${process.pid}`
      const file = await open(tmp, 'w', 0o600)
      try {
        await file.writeFile(bytes)
        await file.sync()
      } finally {
        await file.close()
      }
      await rename(tmp, path)
      const dir = await open(dirname(path), 'r')
      try {
        await dir.sync()
      } finally {
        await dir.close()
      }
    }
  }
}
