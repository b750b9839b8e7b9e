import t from 'tap'
import { CliProcess, runCli, startCliRelay, tempDir } from '../helpers/cli.ts'

// A relay and three nodes, each a separate `swarmcast` process started through
// the real CLI: a message signed by one arrives, verified, at the other two.
t.test('a signed message crosses the relay to two other chat processes', async t => {
  const dirs = await Promise.all(['relay', 'a', 'b', 'c'].map(async () => await tempDir()))
  t.teardown(async () => { for (const d of dirs) await d.remove() })
  const [relayDir, aDir, bDir, cDir] = dirs.map(d => d.dir) as [string, string, string, string]

  const { relay, tcpAddr } = await startCliRelay(relayDir)
  t.teardown(async () => { await relay.stop() })

  const aId = JSON.parse((await runCli(['id', '--json', '--data', aDir])).stdout) as { key: string }
  const created = await runCli(['channel', 'create', 'lobby', '--json', '--data', aDir])
  t.equal(created.code, 0)
  const { channelId, owner } = JSON.parse(created.stdout) as { channelId: string, owner: string }
  t.equal(owner, aId.key)

  const listen = (dir: string, nick: string): CliProcess => new CliProcess(['chat', '--channel', channelId, '--bootstrap', tcpAddr, '--json', '--nick', nick, '--host', '127.0.0.1', '--data', dir])
  const b = listen(bDir, 'bob')
  const c = listen(cDir, 'carol')
  t.teardown(async () => { await b.stop(); await c.stop() })
  await b.waitForLine(l => l.startsWith('joined '), 20_000, 'stderr')
  await c.waitForLine(l => l.startsWith('joined '), 20_000, 'stderr')

  const text = `hello from a ${Date.now()}`
  const sent = await runCli(['chat', '--channel', channelId, '--bootstrap', tcpAddr, '--json', '--nick', 'alice', '--host', '127.0.0.1', '--data', aDir, '--send', text])
  t.equal(sent.code, 0, `--send exits 0 (stderr: ${sent.stderr})`)
  const receipt = JSON.parse(sent.stdout) as { id: string, sent: boolean, author: string, confirmedBy: string }
  t.equal(receipt.sent, true)
  t.match(receipt.confirmedBy, /^12D3KooW/, 'a peer confirmed holding it before the sender exited')
  t.equal(receipt.author, aId.key)

  for (const [name, proc] of [['b', b], ['c', c]] as const) {
    const line = await proc.waitForLine(l => l.includes(receipt.id), 20_000)
    const msg = JSON.parse(line) as { id: string, channel: string, author: string, nick: string, text: string, timestamp: number }
    t.equal(msg.text, text, `${name} got the text`)
    t.equal(msg.author, aId.key, `${name} verified it as signed by a`)
    t.equal(msg.nick, 'alice', `${name} names the author by their signed profile`)
    t.equal(msg.channel, channelId, `${name} got it in the channel`)
    t.ok(Math.abs(msg.timestamp - Date.now()) < 60_000, `${name} sees the author's timestamp`)
  }
  t.equal(b.stdout.filter(l => l.includes(receipt.id)).length, 1, 'b shows it exactly once')
  t.equal(c.stdout.filter(l => l.includes(receipt.id)).length, 1, 'c shows it exactly once')

  // a line typed into carol's chat reaches bob; /nick renames her
  c.proc.stdin!.write('/nick carol2\n')
  await c.waitForLine(l => l.includes('you are now carol2'), 10_000, 'stderr')
  c.proc.stdin!.write('typed by carol\n')
  const typed = JSON.parse(await b.waitForLine(l => l.includes('typed by carol'), 20_000)) as { nick: string }
  t.equal(typed.nick, 'carol2')

  t.equal(await b.stop('SIGINT'), 0, 'Ctrl-C stops a chat cleanly')
  c.proc.stdin!.write('/quit\n')
  t.equal(await c.exited, 0, '/quit leaves')

  // a restarted chat shows the stored history first
  const again = await runCli(['chat', '--channel', channelId, '--bootstrap', tcpAddr, '--json', '--history', '5', '--host', '127.0.0.1', '--data', bDir, '--timeout', '5'], {}, 20_000)
  t.match(again.stdout, text, 'history survives a restart and is shown on joining')
  t.equal(await relay.stop('SIGTERM'), 0, 'SIGTERM stops the relay cleanly')
})
