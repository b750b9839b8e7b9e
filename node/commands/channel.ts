import { UsageError, boolFlag, stringFlag } from '../args.ts'
import { commonOptions, DATA_HELP } from '../command.ts'
import { loadLocalKeys } from '../local-keys.ts'
import { ChannelId } from '../../src/channel/index.ts'
import type { Command } from '../command.ts'

export const channelCommand: Command = {
  name: 'channel',
  help: `Usage: swarmcast channel create NAME [--json] [--data DIR]

Prints the id of channel NAME owned by your identity. The id holds your public
key, so it proves who owns the channel: only you (and moderators you grant)
can moderate it or stream to it. The same name and identity always give the
same id; nothing is registered anywhere.

Options:
  --json            print {"channelId", "name", "owner"}
${DATA_HELP}`,
  options: { ...commonOptions, json: { type: 'boolean' } },
  maxPositionals: 2,
  async run ({ args, env, out }) {
    const [action, name] = args.positionals
    if (action !== 'create') {
      throw new UsageError(action == null ? 'missing action: swarmcast channel create NAME' : `unknown action "${action}": swarmcast channel create NAME`)
    }
    if (name == null) throw new UsageError('missing channel NAME: swarmcast channel create NAME')
    const { identity } = await loadLocalKeys(stringFlag(args, 'data'), env)
    const channel = ChannelId.derive(identity.publicKey, name)
    if (boolFlag(args, 'json')) {
      out(JSON.stringify({ channelId: channel.text, name, owner: identity.key }))
    } else {
      out(`channel  ${channel.text}`)
      out(`name     ${name}`)
      out(`owner    ${identity.key} (${identity.fingerprint})`)
    }
    return 0
  }
}
