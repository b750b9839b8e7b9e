import { readFileSync } from 'node:fs'
import { parseCommandArgs } from './args.ts'
import type { Command } from './command.ts'

/**
 * The commands, each loaded only when it runs: `--help` and a mistyped
 * command answer at once instead of after loading libp2p and mediasoup.
 */
const commands: Array<{ name: string, summary: string, load: () => Promise<Command> }> = [
  { name: 'id', summary: 'show this node\'s identity key, fingerprint and peer id (created on first use)', load: async () => (await import('./commands/id.ts')).idCommand },
  { name: 'channel', summary: 'create a channel you own and print its id', load: async () => (await import('./commands/channel.ts')).channelCommand },
  { name: 'chat', summary: 'chat in a channel: signed messages, history, nicknames', load: async () => (await import('./commands/chat.ts')).chatCommand },
  { name: 'mod', summary: 'moderate a channel: grant and revoke moderators, ban, mute, show', load: async () => (await import('./commands/mod.ts')).modCommand },
  { name: 'lists', summary: 'follow other moderators\' or communities\' lists in a channel (for your view only)', load: async () => (await import('./commands/lists.ts')).listsCommand },
  { name: 'stream', summary: 'stream video to a channel: ingest with ffmpeg, sign segments, seed the swarm', load: async () => (await import('./commands/stream.ts')).streamCommand },
  { name: 'watch', summary: 'watch a channel headless: fetch, verify and share segments, report playback', load: async () => (await import('./commands/watch.ts')).watchCommand },
  { name: 'relay', summary: 'run a relay: bootstrap peer, circuit relay and HTTP for a community', load: async () => (await import('./commands/relay.ts')).relayCommand }
]

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
  const entry = commands.find(c => c.name === name)
  if (entry == null) {
    err(`swarmcast: unknown command "${name}"\nRun "swarmcast --help" for the list of commands.`)
    return 2
  }
  const command = await entry.load()
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
