import { UsageError, boolFlag, requireFlag, stringFlag } from '../args.ts'
import { commonOptions, DATA_HELP } from '../command.ts'
import { ensureDataDir, resolveDataDir } from '../data-dir.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { openStore } from '../../src/store/index.ts'
import { ListSubscriptions } from '../../src/moderation/index.ts'
import type { Command } from '../command.ts'

export const listsCommand: Command = {
  name: 'lists',
  help: `Usage: swarmcast lists subscribe|unsubscribe --channel ID --list KEY [--data DIR]
       swarmcast lists show [--channel ID] [--json] [--data DIR]

Beyond the channel's own moderation, you can follow any key's list: its bans
and mutes in that channel then hide those users from what you see. It never
changes what your node stores or passes on to others. Takes effect the next
time chat runs with this data dir.

Options:
  --channel ID      the channel
  --list KEY        the list's key (its author's "swarmcast id" key)
  --json            "show" as JSON
${DATA_HELP}`,
  options: { ...commonOptions, channel: { type: 'string' }, list: { type: 'string' }, json: { type: 'boolean' } },
  maxPositionals: 1,
  async run ({ args, env, out }) {
    const [action] = args.positionals
    if (action !== 'subscribe' && action !== 'unsubscribe' && action !== 'show') {
      throw new UsageError(action == null ? 'missing action: swarmcast lists subscribe|unsubscribe|show' : `unknown action "${action}": swarmcast lists subscribe|unsubscribe|show`)
    }
    const channelText = action === 'show' ? stringFlag(args, 'channel') : requireFlag(args, 'channel', 'the channel the list applies in')
    const channel = channelText != null ? ChannelId.parse(channelText) : undefined
    const list = action === 'show' ? undefined : requireFlag(args, 'list', 'the key whose list to follow')
    const paths = await ensureDataDir(resolveDataDir(stringFlag(args, 'data'), env))
    const store = await openStore(paths.store)
    try {
      const ns = store.namespace('moderation')
      if (action === 'show') {
        const all = (await ListSubscriptions.all(ns)).filter(s => channel == null || s.channel === channel.text)
        if (boolFlag(args, 'json')) out(JSON.stringify(all))
        else if (all.length === 0) out('no lists followed')
        else for (const s of all) out(`${s.channel}  ${s.list}`)
        return 0
      }
      const subs = await ListSubscriptions.load(ns, channel!)
      if (action === 'subscribe') await subs.add(list!)
      else await subs.remove(list!)
      out(`${action === 'subscribe' ? 'following' : 'no longer following'} ${list} in ${channel!.text}`)
      return 0
    } finally {
      await store.close()
    }
  }
}
