import { parseArgs } from 'node:util'
import type { ParseArgsOptionsConfig } from 'node:util'

/** The command line was wrong: the message says what and how to fix it. Exit status 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
}

/** Strict parsing: unknown flags, missing values and stray arguments are UsageErrors. */
export function parseCommandArgs (argv: string[], options: ParseArgsOptionsConfig, maxPositionals = 0): ParsedArgs {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options, strict: true, allowPositionals: true })
  } catch (err) {
    throw new UsageError(cleanParseError((err as Error).message))
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[maxPositionals]}"`)
  }
  return parsed as ParsedArgs
}

// node:util's messages mention its own API ("To specify a positional argument ..."); keep the first sentence
function cleanParseError (message: string): string {
  return message.split('. To specify')[0]?.replace(/^Unknown option/, 'unknown flag').replace(/^Option/, 'flag') ?? message
}

export function stringFlag (args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name]
  return typeof v === 'string' ? v : undefined
}

export function listFlag (args: ParsedArgs, name: string): string[] {
  const v = args.values[name]
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : []
}

export function boolFlag (args: ParsedArgs, name: string): boolean {
  return args.values[name] === true
}

export function requireFlag (args: ParsedArgs, name: string, what: string): string {
  const v = stringFlag(args, name)
  if (v == null || v === '') throw new UsageError(`--${name} is required: ${what}`)
  return v
}

/** A TCP/UDP port: 0 (any free port) to 65535. */
export function portFlag (args: ParsedArgs, name: string, fallback: number, env?: string): number {
  const text = stringFlag(args, name) ?? (env != null && env !== '' ? env : undefined)
  if (text == null) return fallback
  const port = Number(text)
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`--${name} must be a port number from 0 to 65535 (0 picks a free one), got "${text}"`)
  }
  return port
}

/** A positive whole number. */
export function countFlag (args: ParsedArgs, name: string, fallback: number): number {
  const text = stringFlag(args, name)
  if (text == null) return fallback
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UsageError(`--${name} must be a whole number of at least 1, got "${text}"`)
  }
  return Number(text)
}

/** Comma- or space-separated values from an environment variable. */
export function envList (value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter(s => s !== '')
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 }

/** A duration like `90s`, `15m`, `1h`, `30d`, in ms. */
export function durationFlag (args: ParsedArgs, name: string): number | undefined {
  const text = stringFlag(args, name)
  if (text == null) return undefined
  const m = /^(\d+)([smhd])$/.exec(text)
  if (m == null || Number(m[1]) === 0) {
    throw new UsageError(`--${name} must be a duration such as 90s, 15m, 1h or 30d, got "${text}"`)
  }
  return Number(m[1]) * UNIT_MS[m[2]!]!
}

const RATE_UNITS: Record<string, number> = { '': 1, k: 1e3, m: 1e6, g: 1e9 }

/** A rate in bits per second: `2500k`, `2.5M`, `20M`, `800000`. */
export function bitrateFlag (args: ParsedArgs, name: string, fallback: number | undefined): number | undefined {
  const text = stringFlag(args, name)
  if (text == null) return fallback
  const m = /^(\d+(?:\.\d+)?)([kmg]?)$/i.exec(text)
  const bits = m != null ? Number(m[1]) * RATE_UNITS[m[2]!.toLowerCase()]! : NaN
  if (!(bits >= 1000)) throw new UsageError(`--${name} must be bits per second such as 800k, 2500k or 20M, got "${text}"`)
  return Math.round(bits)
}

/** A short duration like `1s`, `500ms` or `2.5s`, in ms, within [min, max]. */
export function shortDurationFlag (args: ParsedArgs, name: string, fallback: number, min: number, max: number): number {
  const text = stringFlag(args, name)
  if (text == null) return fallback
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text)
  const ms = m != null ? Number(m[1]) * (m[2] === 's' ? 1000 : 1) : NaN
  if (!(ms >= min && ms <= max)) throw new UsageError(`--${name} must be a duration from ${min} ms to ${max / 1000} s such as 1s or 500ms, got "${text}"`)
  return Math.round(ms)
}

/** The relay addresses to join through: `--bootstrap` (repeatable), else SWARMCAST_BOOTSTRAP; required. */
export function bootstrapFlag (args: ParsedArgs, env: NodeJS.ProcessEnv): string[] {
  const given = listFlag(args, 'bootstrap')
  const bootstrap = given.length > 0 ? given : envList(env.SWARMCAST_BOOTSTRAP)
  if (bootstrap.length === 0) throw new UsageError('--bootstrap is required: a relay address that `swarmcast relay` printed (or set SWARMCAST_BOOTSTRAP)')
  return bootstrap
}
