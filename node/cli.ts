import { readFileSync } from 'node:fs'
import { parseCommandArgs } from './args.ts'
import { idCommand } from './commands/id.ts'
import { channelCommand } from './commands/channel.ts'
import { relayCommand } from './commands/relay.ts'
import { chatCommand } from './commands/chat.ts'
import { modCommand } from './commands/mod.ts'
import { listsCommand } from './commands/lists.ts'
import { streamCommand } from './commands/stream.ts'
import { watchCommand } from './commands/watch.ts'
import type { Command } from './command.ts'

const commands: Command[] = [idCommand, channelCommand, chatCommand, modCommand, listsCommand, streamCommand, watchCommand, relayCommand]

// Errors caused by what the user typed: exit status 2, like a usage error.
const INPUT_ERRORS = new Set(['UsageError', 'InvalidChannelError', 'InvalidKeyError', 'InvalidBootstrapError', 'InvalidChatTextError', 'InvalidNickError', 'ConfigError', 'IngestInputError'])

function version (): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}

function mainHelp (): string {
  const width = Math.max(...commands.map(c => c.name.length))
  return `swarmcast ${version()}: peer-to-peer live streaming and chat on libp2p

Usage: swarmcast COMMAND [flags]

Commands:
${commands.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "swarmcast COMMAND --help" for a command's flags.
Environment: SWARMCAST_DATA (data dir), SWARMCAST_BOOTSTRAP (relay addresses),
DEBUG=swarmcast:* (debug logs).`
}

/** Runs the CLI; resolves to the process exit status. */
export async function main (argv: string[], signal: AbortSignal): Promise<number> {
  const out = (line: string): void => { process.stdout.write(line + '\n') }
  const err = (line: string): void => { process.stderr.write(line + '\n') }
  const [name, ...rest] = argv
  if (name == null || name === '--help' || name === '-h' || name === 'help') {
    out(mainHelp())
    return 0
  }
  if (name === '--version' || name === '-v') {
    out(version())
    return 0
  }
  const command = commands.find(c => c.name === name)
  if (command == null) {
    err(`swarmcast: unknown command "${name}"\nRun "swarmcast --help" for the list of commands.`)
    return 2
  }
  try {
    const args = parseCommandArgs(rest, command.options, command.maxPositionals ?? 0)
    if (args.values.help === true) {
      out(command.help)
      return 0
    }
    return await command.run({ args, env: process.env, out, err, signal })
  } catch (e) {
    const error = e as Error
    if (signal.aborted && error.name === 'AbortError') return 0
    if (INPUT_ERRORS.has(error.name)) {
      err(`swarmcast ${command.name}: ${error.message}\nRun "swarmcast ${command.name} --help" for usage.`)
      return 2
    }
    err(`swarmcast ${command.name}: ${error.message}`)
    if (process.env.DEBUG != null) err(error.stack ?? '')
    return 1
  }
}

/** Process entry: Ctrl-C / SIGTERM abort the command's signal; a second Ctrl-C exits at once. */
export async function run (): Promise<void> {
  const controller = new AbortController()
  const stop = (): void => {
    if (controller.signal.aborted) process.exit(130)
    controller.abort()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  const status = await main(process.argv.slice(2), controller.signal)
  process.exitCode = status
  // libp2p may leave timers behind after stop(); the command is done, so leave now
  setImmediate(() => process.exit(status))
}
