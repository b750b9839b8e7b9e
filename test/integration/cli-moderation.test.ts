import t from 'tap'
import { CliProcess, runCli, startCliRelay, tempDir } from '../helpers/cli.ts'

// The owner grants a moderator, the moderator bans a troll from the CLI, and a
// viewer's chat stops showing the troll; mod show and lists round-trip.
t.test('mod grant, ban, show and lists through the CLI', async t => {
  const dirs = await Promise.all(['relay', 'owner', 'mod', 'troll', 'viewer'].map(async () => await tempDir()))
  t.teardown(async () => { for (const d of dirs) await d.remove() })
  const [relayDir, ownerDir, modDir, trollDir, viewerDir] = dirs.map(d => d.dir) as [string, string, string, string, string]
  const { relay, tcpAddr } = await startCliRelay(relayDir)
  t.teardown(async () => { await relay.stop() })
  const key = async (dir: string): Promise<string> => (JSON.parse((await runCli(['id', '--json', '--data', dir])).stdout) as { key: string }).key
  const [modKey, trollKey] = [await key(modDir), await key(trollDir)]
  const { channelId } = JSON.parse((await runCli(['channel', 'create', 'modded', '--json', '--data', ownerDir])).stdout) as { channelId: string }
  const net = ['--channel', channelId, '--bootstrap', tcpAddr, '--host', '127.0.0.1']

  const viewer = new CliProcess(['chat', ...net, '--json', '--data', viewerDir])
  t.teardown(async () => { await viewer.stop() })
  await viewer.waitForLine(l => l.startsWith('joined '), 20_000, 'stderr')

  const granted = await runCli(['mod', 'grant', ...net, '--to', modKey, '--rights', 'ban,mute', '--json', '--data', ownerDir])
  t.equal(granted.code, 0, `grant exits 0 (${granted.stderr})`)
  t.same((JSON.parse(granted.stdout) as { rights: string[] }).rights, ['ban', 'mute'])

  const before = await runCli(['chat', ...net, '--send', 'troll before', '--json', '--data', trollDir])
  t.equal(before.code, 0)
  await viewer.waitForLine(l => l.includes('troll before'))

  const banned = await runCli(['mod', 'ban', ...net, '--user', trollKey, '--reason', 'spam', '--for', '1h', '--json', '--data', modDir])
  t.equal(banned.code, 0, `ban exits 0 (${banned.stderr})`)
  t.match(JSON.parse(banned.stdout), { type: 'ban', target: trollKey, by: modKey, reason: 'spam' })

  const shown = await runCli(['mod', 'show', ...net, '--json', '--data', ownerDir])
  t.equal(shown.code, 0)
  const state = JSON.parse(shown.stdout) as { moderators: Array<{ key: string }>, bans: Array<{ target: string, by: string }> }
  t.same(state.moderators.map(m => m.key), [modKey], 'mod show lists the moderator')
  t.same(state.bans.map(b => [b.target, b.by]), [[trollKey, modKey]], 'and the ban, with who did it')

  await runCli(['chat', ...net, '--send', 'troll after', '--json', '--data', trollDir])
  await runCli(['chat', ...net, '--send', 'owner after', '--json', '--data', ownerDir])
  await viewer.waitForLine(l => l.includes('owner after'))
  t.notOk(viewer.stdout.some(l => l.includes('troll after')), 'the viewer never shows the banned troll\'s new line')

  const notMod = await runCli(['mod', 'ban', ...net, '--user', modKey, '--data', trollDir, '--timeout', '5'])
  t.equal(notMod.code, 1)
  t.match(notMod.stderr, /no valid grant with the ban right.*mod grant/)

  const sub = await runCli(['lists', 'subscribe', '--channel', channelId, '--list', modKey, '--data', viewerDir + '-lists'])
  t.equal(sub.code, 0)
  const listed = await runCli(['lists', 'show', '--json', '--data', viewerDir + '-lists'])
  t.same(JSON.parse(listed.stdout), [{ channel: channelId, list: modKey }])
  const bad = await runCli(['mod', 'ban', ...net, '--user', trollKey, '--for', 'ever', '--data', modDir])
  t.equal(bad.code, 2)
  t.match(bad.stderr, /--for must be a duration/)
})
