import type { ParseArgsOptionsConfig } from 'node:util'
import type { ParsedArgs } from './args.ts'

/** What a command gets to run with. */
export interface CommandContext {
  args: ParsedArgs
  env: NodeJS.ProcessEnv
  /** Results (what scripts read). */
  out: (line: string) => void
  /** Progress, status and errors (what people read). */
  err: (line: string) => void
  /** Aborted on Ctrl-C / SIGTERM: long-running commands shut down cleanly when it fires. */
  signal: AbortSignal
}

export interface Command {
  name: string
  /** The full `swarmcast NAME --help` text. */
  help: string
  options: ParseArgsOptionsConfig
  maxPositionals?: number
  /** Resolves to the exit status. */
  run(ctx: CommandContext): Promise<number>
}

/** Flags every command takes. */
export const commonOptions = {
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' }
} as const satisfies ParseArgsOptionsConfig

export const DATA_HELP = '  --data DIR        data directory (env SWARMCAST_DATA, default ~/.swarmcast)'
