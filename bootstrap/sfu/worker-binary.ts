import { execFile } from 'node:child_process'
import { accessSync, constants as fsConstants, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { MEDIASOUP_VERSION, WORKER_CHECK_TIMEOUT_MS } from './constants.ts'

/** Where a worker binary came from. */
export type WorkerBinarySource = 'env' | 'option' | 'cache' | 'mediasoup'

export interface WorkerBinary {
  path: string
  source: WorkerBinarySource
}

/** No usable mediasoup-worker; the message says how to get one. */
export class SfuWorkerMissingError extends Error {
  override readonly name = 'SfuWorkerMissingError'
}

/** What to tell an operator who has no worker. */
export const HOW_TO_GET_A_WORKER = 'build it with ../shared/mediasoup/build-worker.sh (about 5 minutes; cached in ~/.cache/mediasoup-worker), or install mediasoup where its own install can fetch its prebuilt worker, or set MEDIASOUP_WORKER_BIN=/path/to/mediasoup-worker'

/** The folder build-worker.sh writes to: $MEDIASOUP_WORKER_OUT or ~/.cache/mediasoup-worker/<version>/. */
export function cachedWorkerPath (env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.MEDIASOUP_WORKER_OUT ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'mediasoup-worker', MEDIASOUP_VERSION)
  return join(dir, 'mediasoup-worker')
}

/** Where mediasoup's own install puts its prebuilt (or locally built) worker. */
export function mediasoupPrebuiltPath (): string | undefined {
  try {
    const index = createRequire(import.meta.url).resolve('mediasoup')
    return join(dirname(index), '..', '..', 'worker', 'out', 'Release', 'mediasoup-worker')
  } catch {
    return undefined
  }
}

/**
 * The worker binary to run: `explicit` (a --sfu-worker-bin style option),
 * else MEDIASOUP_WORKER_BIN, else the cached build of build-worker.sh, else
 * mediasoup's own prebuilt location; undefined when none is an executable file.
 * An explicit choice that is not usable throws SfuWorkerMissingError instead of
 * silently falling back.
 */
export function resolveWorkerBinary (options: { explicit?: string, env?: NodeJS.ProcessEnv } = {}): WorkerBinary | undefined {
  const env = options.env ?? process.env
  const chosen: Array<[string | undefined, WorkerBinarySource]> = [[options.explicit, 'option'], [env.MEDIASOUP_WORKER_BIN, 'env']]
  for (const [path, source] of chosen) {
    if (path == null || path === '') continue
    if (!isExecutableFile(path)) {
      const what = source === 'env' ? `MEDIASOUP_WORKER_BIN=${path}` : `the worker binary ${path}`
      throw new SfuWorkerMissingError(`${what} is not an executable file; point it at a mediasoup-worker ${MEDIASOUP_VERSION} binary, or unset it to use the cached build (${HOW_TO_GET_A_WORKER})`)
    }
    return { path, source }
  }
  const cached = cachedWorkerPath(env)
  if (isExecutableFile(cached)) return { path: cached, source: 'cache' }
  const prebuilt = mediasoupPrebuiltPath()
  if (prebuilt != null && isExecutableFile(prebuilt)) return { path: prebuilt, source: 'mediasoup' }
  return undefined
}

export type SfuAvailability =
  | { available: true, workerBin: string, source: WorkerBinarySource }
  | { available: false, message: string }

/**
 * Whether this machine can run the SFU: a worker binary is found and runs
 * (mediasoup-worker started outside mediasoup exits with code 41, which
 * proves its shared libraries load). Never throws: the message says what to do.
 */
export async function checkSfuAvailable (options: { workerBin?: string, env?: NodeJS.ProcessEnv } = {}): Promise<SfuAvailability> {
  let found: WorkerBinary | undefined
  try {
    found = resolveWorkerBinary({ explicit: options.workerBin, env: options.env })
  } catch (err) {
    return { available: false, message: (err as Error).message }
  }
  if (found == null) {
    return { available: false, message: `no mediasoup-worker ${MEDIASOUP_VERSION} binary found (looked at MEDIASOUP_WORKER_BIN, ${cachedWorkerPath(options.env)} and mediasoup's own worker/out/Release); ${HOW_TO_GET_A_WORKER}` }
  }
  const code = await new Promise<number | string>(resolve => {
    execFile(found.path, [], { env: {}, timeout: WORKER_CHECK_TIMEOUT_MS, windowsHide: true }, (err) => {
      resolve(err == null ? 0 : typeof err.code === 'number' ? err.code : String(err.code ?? err.message))
    })
  })
  if (code !== 41) {
    return { available: false, message: `${found.path} does not run as mediasoup-worker (self check gave ${code}, expected exit code 41); rebuild it: ${HOW_TO_GET_A_WORKER}` }
  }
  return { available: true, workerBin: found.path, source: found.source }
}

function isExecutableFile (path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false
    accessSync(path, fsConstants.X_OK)
    return true
  } catch {
    return false
  }
}
