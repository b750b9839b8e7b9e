import { boolFlag, stringFlag } from '../args.ts'
import { commonOptions, DATA_HELP } from '../command.ts'
import { loadLocalKeys } from '../local-keys.ts'
import type { Command } from '../command.ts'

export const idCommand: Command = {
  name: 'id',
  help: `Usage: swarmcast id [--json] [--data DIR]

Shows the identity that signs your messages: its full key (what others pass to
commands such as "mod grant --to KEY"), its short fingerprint (what chat shows
next to your nick) and the libp2p peer id of this data dir. Both keys are
created on first use and kept in the data dir with mode 0600.

Options:
  --json            print {"key", "fingerprint", "peerId"}
${DATA_HELP}`,
  options: { ...commonOptions, json: { type: 'boolean' } },
  async run ({ args, env, out, err }) {
    const keys = await loadLocalKeys(stringFlag(args, 'data'), env)
    if (keys.created) err(`created a new identity in ${keys.paths.identityKey}`)
    if (boolFlag(args, 'json')) {
      out(JSON.stringify({ key: keys.identity.key, fingerprint: keys.identity.fingerprint, peerId: keys.peerId.toString() }))
    } else {
      out(`key          ${keys.identity.key}`)
      out(`fingerprint  ${keys.identity.fingerprint}`)
      out(`peer id      ${keys.peerId.toString()}`)
    }
    return 0
  }
}
