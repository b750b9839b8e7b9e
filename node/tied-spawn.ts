import { spawn } from 'node:child_process'
import { accessSync, constants as fsConstants } from 'node:fs'
import type { ChildProcess, SpawnOptions } from 'node:child_process'

// util-linux's setpriv sets the parent-death signal, then execs the program (same pid)
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find(path => {
  try {
    accessSync(path, fsConstants.X_OK)
    return true
  } catch {
    return false
  }
})

/**
 * Spawns a helper process (ffmpeg) that dies with this one: on Linux the kernel
 * sends it SIGTERM when we exit, even by SIGKILL, so a killed streamer leaves
 * no encoder running on as an orphan. Elsewhere it is a plain spawn.
 */
export function spawnTied (command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  if (process.platform !== 'linux' || SETPRIV == null) return spawn(command, args, options)
  return spawn(SETPRIV, ['--pdeathsig', 'TERM', '--', command, ...args], options)
}
