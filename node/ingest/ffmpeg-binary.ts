import { execFile } from 'node:child_process'
import { access, constants as fsConstants, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { delimiter, join } from 'node:path'

/** Where a binary came from: an explicit env var, the system PATH (Debian's package), or the npm package. */
export type BinarySource = 'env' | 'debian' | 'npm'

export interface FoundBinary {
  path: string
  /** The version token as the binary prints it, e.g. `5.1.6-0+deb12u1` or `N-47683-g0e8eb07980-static`. */
  version: string
  source: BinarySource
}

/** No usable ffmpeg (or ffprobe); the message says how to get one. */
export class FfmpegNotFoundError extends Error {
  override readonly name = 'FfmpegNotFoundError'
}

/** How long `ffmpeg -version` may take before the binary counts as unusable. */
const VERSION_TIMEOUT_MS = 10_000

interface Tool {
  name: 'ffmpeg' | 'ffprobe'
  envVar: string
  npmPackage: string
}

const FFMPEG: Tool = { name: 'ffmpeg', envVar: 'SWARMCAST_FFMPEG', npmPackage: '@ffmpeg-installer/ffmpeg' }
const FFPROBE: Tool = { name: 'ffprobe', envVar: 'SWARMCAST_FFPROBE', npmPackage: '@ffprobe-installer/ffprobe' }

/**
 * The ffmpeg to run: `SWARMCAST_FFMPEG` if set (it must work), else the npm
 * static build (@ffmpeg-installer/ffmpeg) unless an `ffmpeg` on PATH is newer.
 */
export async function findFfmpeg (env: NodeJS.ProcessEnv = process.env): Promise<FoundBinary> {
  return await findTool(FFMPEG, env)
}

/** The ffprobe to run, chosen like {@link findFfmpeg} (`SWARMCAST_FFPROBE`, @ffprobe-installer/ffprobe, PATH). */
export async function findFfprobe (env: NodeJS.ProcessEnv = process.env): Promise<FoundBinary> {
  return await findTool(FFPROBE, env)
}

async function findTool (tool: Tool, env: NodeJS.ProcessEnv): Promise<FoundBinary> {
  const explicit = env[tool.envVar]
  if (explicit != null && explicit !== '') {
    const version = await runVersion(explicit).catch((err: Error) => {
      throw new FfmpegNotFoundError(`${tool.envVar}=${explicit} does not work as ${tool.name}: ${err.message}; point ${tool.envVar} at a working ${tool.name} binary or unset it`)
    })
    return { path: explicit, version, source: 'env' }
  }
  const [npm, system] = await Promise.all([npmBinary(tool), systemBinary(tool.name, env.PATH ?? '')])
  if (npm != null && system != null) return compareVersions(versionNumber(system.version), versionNumber(npm.version)) > 0 ? system : npm
  const found = npm ?? system
  if (found != null) return found
  const pkg = tool.npmPackage
  throw new FfmpegNotFoundError(
    `no ${tool.name} found: run npm ci to get ${pkg}, or install ffmpeg (apt-get install ffmpeg), or set ${tool.envVar}=/path/to/${tool.name}`
  )
}

/** The binary the npm package ships, if it is installed for this platform and runs. */
async function npmBinary (tool: Tool): Promise<FoundBinary | undefined> {
  let path: string
  try {
    // the package throws (sometimes a bare string) when its platform binary is missing
    path = (createRequire(import.meta.url)(tool.npmPackage) as { path: string }).path
  } catch {
    return undefined
  }
  try {
    return { path, version: await runVersion(path), source: 'npm' }
  } catch {
    return undefined
  }
}

/** `name` on PATH, if there is one and it runs. */
async function systemBinary (name: string, pathVar: string): Promise<FoundBinary | undefined> {
  for (const dir of pathVar.split(delimiter)) {
    if (dir === '') continue
    const candidate = join(dir, name)
    try {
      if (!(await stat(candidate)).isFile()) continue
      await access(candidate, fsConstants.X_OK)
    } catch {
      continue
    }
    try {
      return { path: candidate, version: await runVersion(candidate), source: 'debian' }
    } catch {
      return undefined
    }
  }
  return undefined
}

/** Runs `bin -version` and returns the version token of its first line. */
async function runVersion (bin: string): Promise<string> {
  const { stdout } = await new Promise<{ stdout: string }>((resolve, reject) => {
    execFile(bin, ['-version'], { timeout: VERSION_TIMEOUT_MS, windowsHide: true }, (err, stdout) => {
      if (err != null) {
        const code = (err as NodeJS.ErrnoException).code
        reject(new Error(code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'not executable' : err.message))
      } else {
        resolve({ stdout })
      }
    })
  })
  const match = /^\S+ version (\S+)/.exec(stdout)
  if (match == null) throw new Error(`unexpected -version output: ${JSON.stringify(stdout.slice(0, 80))}`)
  // git builds print no release number: keep the copyright year, which dates them
  const year = /Copyright \(c\) \d{4}-(\d{4})/.exec(stdout)
  return match[1]!.startsWith('N-') && year != null ? `${match[1]!} (${year[1]!})` : match[1]!
}

/**
 * [major, minor] of a version token. Releases print it (`5.1.6-0+deb12u1`,
 * `n6.0`); git snapshots (`N-47683-g0e8eb07980-static (2018)`) do not, so
 * they are dated by their copyright year: a 2018 snapshot counts as 4.0.
 */
export function versionNumber (version: string): [number, number] {
  const release = /^n?(\d+)\.(\d+)/.exec(version)
  if (release != null) return [Number(release[1]), Number(release[2])]
  const year = /\((\d{4})\)$/.exec(version)
  if (year != null) {
    const y = Number(year[1])
    const byYear: Array<[number, [number, number]]> = [[2018, [4, 0]], [2019, [4, 2]], [2020, [4, 3]], [2021, [4, 4]], [2022, [5, 1]], [2023, [6, 0]], [2024, [7, 0]]]
    for (const [upTo, v] of byYear) if (y <= upTo) return v
    return [7, 1]
  }
  return [0, 0]
}

function compareVersions (a: [number, number], b: [number, number]): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]
}
