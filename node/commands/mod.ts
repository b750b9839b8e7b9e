import { UsageError, boolFlag, countFlag, durationFlag, requireFlag, stringFlag, bootstrapFlag } from '../args.ts'
import { commonOptions, DATA_HELP } from '../command.ts'
import { openPeerSession } from '../peer-node.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { keyFromText, fingerprint } from '../../src/identity/index.ts'
import { waitForSubscribers } from '../../src/net/index.ts'
import { Right } from '../../src/moderation/index.ts'
import type { ActionRecord, ChannelModeration, GrantRecord } from '../../src/moderation/index.ts'
import type { Command, CommandContext } from '../command.ts'

const ACTIONS = ['ban', 'unban', 'mute', 'unmute'] as const
const RIGHT_NAMES: Record<string, number> = { ban: Right.Ban, mute: Right.Mute, delegate: Right.Delegate, stream: Right.Stream }

export const modCommand: Command = {
  name: 'mod',
  help: `Usage: swarmcast mod grant  --channel ID --to KEY [--rights ban,mute] [--expires 30d]
       swarmcast mod revoke --channel ID (--grant ID | --to KEY)
       swarmcast mod ban|unban|mute|unmute --channel ID --user KEY [--reason TEXT] [--for 1h]
       swarmcast mod show   --channel ID [--json]
       (each also takes --bootstrap MA [--timeout S] [--host IP] [--data DIR])

Moderators act by broadcasting signed actions; every node applies those of
the channel owner and of keys the owner granted (or whose grant came from a
moderator allowed to delegate). Commands join the channel through a relay,
fetch its moderation log from a peer, publish, and exit once a peer confirms
holding the new entry.

Options:
  --channel ID      the channel
  --to KEY          the moderator's key (from "swarmcast id")
  --rights LIST     comma-separated: ban, mute, delegate, stream (default ban,mute)
  --expires D       the grant lapses after D (90s, 15m, 1h, 30d); default never
  --grant ID        the grant to revoke (as "mod show" prints it)
  --user KEY        the user to act on
  --reason TEXT     why (shown in "mod show"; at most 256 bytes)
  --for D           the ban or mute lapses after D; default until undone
  --json            "mod show" as JSON
  --bootstrap MA    a relay address (repeatable; env SWARMCAST_BOOTSTRAP)
  --timeout S       seconds to wait for the relay and for a peer (default 15)
  --host IP         interface to listen on (env SWARMCAST_HOST, default 0.0.0.0)
${DATA_HELP}`,
  options: {
    ...commonOptions,
    channel: { type: 'string' },
    to: { type: 'string' },
    rights: { type: 'string' },
    expires: { type: 'string' },
    grant: { type: 'string' },
    user: { type: 'string' },
    reason: { type: 'string' },
    for: { type: 'string' },
    json: { type: 'boolean' },
    bootstrap: { type: 'string', multiple: true },
    timeout: { type: 'string' },
    host: { type: 'string' }
  },
  maxPositionals: 1,
  async run (ctx) {
    const { args, env } = ctx
    const [action] = args.positionals
    const known = ['grant', 'revoke', 'show', ...ACTIONS]
    if (action == null || !known.includes(action)) {
      throw new UsageError(action == null ? `missing action: swarmcast mod ${known.join('|')}` : `unknown action "${action}": swarmcast mod ${known.join('|')}`)
    }
    const channel = ChannelId.parse(requireFlag(args, 'channel', 'the channel to moderate'))
    const timeoutMs = countFlag(args, 'timeout', 15) * 1000
    // check every flag before touching the network
    const plan = planAction(ctx, action)
    const bootstrap = bootstrapFlag(args, env)

    const session = await openPeerSession({ dataFlag: stringFlag(args, 'data'), env, bootstrap, host: stringFlag(args, 'host') ?? env.SWARMCAST_HOST, timeoutMs, signal: ctx.signal, name: 'swarmcast:mod' })
    try {
      const mod = await session.node.services.moderation.join(channel)
      const synced = await syncFromPeers(mod, session.node.services.pubsub, timeoutMs, ctx.signal)
      if (!synced && action !== 'show') ctx.err('no peer in the channel answered; acting on what this node knows')
      return await plan(mod, timeoutMs)
    } finally {
      await session.close()
    }
  }
}

type Plan = (mod: ChannelModeration, timeoutMs: number) => Promise<number>

/** Validates the flags for `action` and returns what to do once joined. */
function planAction ({ args, out, err, signal }: CommandContext, action: string): Plan {
  const json = boolFlag(args, 'json')
  if (action === 'show') {
    return async (mod) => {
      show(mod, json, out)
      return 0
    }
  }
  if (action === 'grant') {
    const to = requireFlag(args, 'to', 'the key to make a moderator')
    keyFromText(to)
    const rights = (stringFlag(args, 'rights') ?? 'ban,mute').split(',').reduce((acc, name) => {
      const bit = RIGHT_NAMES[name.trim()]
      if (bit == null) throw new UsageError(`--rights: unknown right "${name}"; use ban, mute, delegate, stream`)
      return acc | bit
    }, 0)
    const expiresIn = durationFlag(args, 'expires')
    return async (mod, peerWaitMs) => {
      const g = await mod.grant(to, rights, { expires: expiresIn != null ? Date.now() + expiresIn : 0, signal, peerWaitMs })
      await mod.confirmDelivery(g, { signal, timeoutMs: peerWaitMs })
      if (json) out(JSON.stringify({ grant: g.id, grantee: g.grantee, rights: rightNames(g.rights), expires: g.expires || null }))
      else out(`granted ${rightNames(g.rights).join(', ')} to ${g.grantee} (${fingerprint(keyFromText(g.grantee))}); grant ${g.id}`)
      return 0
    }
  }
  if (action === 'revoke') {
    const grantId = stringFlag(args, 'grant')
    const to = stringFlag(args, 'to')
    if ((grantId == null) === (to == null)) throw new UsageError('give either --grant ID or --to KEY')
    if (to != null) keyFromText(to)
    return async (mod, peerWaitMs) => {
      const revoked = await mod.revoke({ grantId, to }, { signal, peerWaitMs })
      for (const r of revoked) await mod.confirmDelivery(r, { signal, timeoutMs: peerWaitMs })
      for (const r of revoked) out(json ? JSON.stringify({ revoked: r.grantId }) : `revoked grant ${r.grantId}`)
      return 0
    }
  }
  const user = requireFlag(args, 'user', 'the key of the user to act on')
  keyFromText(user)
  const reason = stringFlag(args, 'reason')
  const duration = durationFlag(args, 'for')
  return async (mod, peerWaitMs) => {
    const a = await mod.act(action as typeof ACTIONS[number], user, { reason, duration, signal, peerWaitMs })
    await mod.confirmDelivery(a, { signal, timeoutMs: peerWaitMs })
    if (json) out(JSON.stringify(actionJson(a)))
    else out(`${a.type} ${a.target} (${fingerprint(keyFromText(a.target))})${a.duration > 0 ? ` for ${Math.round(a.duration / 1000)} s` : ''}`)
    if (a.type === 'ban' || a.type === 'mute') err('every node that trusts this channel\'s moderation applies it as it arrives')
    return 0
  }
}

/** Waits for a peer on the mod topic and fetches the log from up to three; false if none came. */
async function syncFromPeers (mod: ChannelModeration, pubsub: Parameters<typeof waitForSubscribers>[0], timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  try {
    await waitForSubscribers(pubsub, mod.topic, AbortSignal.any([AbortSignal.timeout(timeoutMs), signal]))
  } catch {
    return false
  }
  const peers = pubsub.getSubscribers(mod.topic).slice(0, 3)
  const results = await Promise.allSettled(peers.map(async p => await mod.syncFrom(p, { signal })))
  return results.some(r => r.status === 'fulfilled')
}

function rightNames (rights: number): string[] {
  return Object.entries(RIGHT_NAMES).filter(([, bit]) => (rights & bit) !== 0).map(([name]) => name)
}

function actionJson (a: ActionRecord): Record<string, unknown> {
  return { type: a.type, target: a.target, by: a.list, version: a.version, at: new Date(a.timestamp).toISOString(), until: a.duration > 0 ? new Date(a.timestamp + a.duration).toISOString() : null, reason: a.reason }
}

function show (mod: ChannelModeration, json: boolean, out: (line: string) => void): void {
  const r = mod.policy.report()
  const grantJson = (g: GrantRecord): Record<string, unknown> => ({ grant: g.id, by: g.issuer, rights: rightNames(g.rights), at: new Date(g.timestamp).toISOString(), expires: g.expires !== 0 ? new Date(g.expires).toISOString() : null })
  if (json) {
    out(JSON.stringify({
      channel: mod.channel.text,
      owner: mod.policy.owner,
      moderators: r.moderators.map(m => ({ key: m.key, rights: rightNames(m.rights), grants: m.grants.map(grantJson) })),
      bans: r.bans.map(actionJson),
      mutes: r.mutes.map(actionJson),
      subscriptions: mod.subscriptions()
    }))
    return
  }
  const who = (key: string): string => `${key} (${fingerprint(keyFromText(key))})`
  out(`channel  ${mod.channel.text}`)
  out(`owner    ${who(mod.policy.owner)}`)
  out(`moderators (${r.moderators.length})`)
  for (const m of r.moderators) out(`  ${who(m.key)}  ${rightNames(m.rights).join(',')}  grants ${m.grants.map(g => `${g.id} by ${fingerprint(keyFromText(g.issuer))}`).join('; ')}`)
  for (const [title, list] of [['bans', r.bans], ['mutes', r.mutes]] as const) {
    out(`${title} (${list.length})`)
    for (const a of list) out(`  ${who(a.target)}  by ${fingerprint(keyFromText(a.list))} at ${new Date(a.timestamp).toISOString()}${a.duration > 0 ? ` until ${new Date(a.timestamp + a.duration).toISOString()}` : ''}${a.reason !== '' ? `: ${a.reason}` : ''}`)
  }
  if (mod.subscriptions().length > 0) out(`your lists: ${mod.subscriptions().join(', ')}`)
}
