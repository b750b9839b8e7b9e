import t from 'tap'
import { createServer } from 'node:net'
import { chmod } from 'node:fs/promises'
import { join } from 'node:path'
import { CliProcess, runCli, startCliRelay, tempDir } from '../helpers/cli.ts'
import type { AddressInfo } from 'node:net'

const data = await tempDir()
t.teardown(data.remove)
const channelId = (JSON.parse((await runCli(['channel', 'create', 'errors', '--json', '--data', data.dir])).stdout) as { channelId: string }).channelId

t.test('help lists every command; each command has its own help', async t => {
  const main = await runCli(['--help'])
  t.equal(main.code, 0)
  for (const cmd of ['id', 'channel', 'chat', 'stream', 'watch', 'relay']) t.match(main.stdout, new RegExp(`^  ${cmd} `, 'm'))
  for (const cmd of ['id', 'channel', 'chat', 'stream', 'watch', 'relay']) {
    const help = await runCli([cmd, '--help'])
    t.equal(help.code, 0)
    t.match(help.stdout, new RegExp(`^Usage: swarmcast ${cmd}`))
  }
})

t.test('wrong commands, flags and values exit 2 with what was wrong', async t => {
  const cases: Array<[string[], RegExp]> = [
    [['launch'], /unknown command "launch"/],
    [['id', '--bogus'], /unknown flag '--bogus'/],
    [['relay', '--tcp', 'abc'], /--tcp must be a port number/],
    [['relay', '--tcp', '70000'], /--tcp must be a port number/],
    [['relay', '--max-connections', '0'], /--max-connections must be a whole number/],
    [['relay', '--follow', 'nope', '--data', data.dir], /not a channel id/],
    [['channel'], /missing action/],
    [['channel', 'create'], /missing channel NAME/],
    [['channel', 'create', 'a\tb', '--data', data.dir], /control characters/],
    [['chat', '--bootstrap', '/ip4/127.0.0.1/tcp/1/p2p/12D3KooWDQya24n3fFeEdhykTchuErXnTmL3PjvuTeCzp2LbEuK9'], /--channel is required/],
    [['chat', '--channel', 'nope', '--bootstrap', '/ip4/127.0.0.1/tcp/1'], /not a channel id/],
    [['chat', '--channel', channelId, '--data', data.dir], /--bootstrap is required/],
    [['chat', '--channel', channelId, '--bootstrap', 'not-a-multiaddr', '--data', data.dir], /is not a multiaddr/],
    [['chat', '--channel', channelId, '--bootstrap', '/ip4/127.0.0.1/tcp/1', '--data', data.dir], /has no \/p2p\/<peer id>/],
    [['chat', '--channel', channelId, '--timeout', 'soon'], /--timeout must be a whole number/],
    [['stream', '--channel', 'demo'], /--input is required/],
    [['stream', '--channel', 'demo', '--input', 'testsrc'], /--bootstrap is required/],
    [['stream', '--channel', 'demo', '--input', 'testsrc', '--bitrate', 'fast'], /--bitrate must be bits per second/],
    [['stream', '--channel', 'demo', '--input', 'testsrc', '--segment', '20s'], /--segment must be a duration from 250 ms/],
    [['stream', '--channel', 'demo', '--input', 'testsrc', '--http', 'x'], /--http must be a port number/],
    [['watch', '--bootstrap', '/ip4/127.0.0.1/tcp/1'], /--channel is required/],
    [['watch', '--channel', channelId, '--for', 'ever'], /--for must be a duration/],
    [['watch', '--channel', channelId, '--origin', 'ftp://x'], /--origin must be an http\(s\) URL/]
  ]
  for (const [args, message] of cases) {
    const r = await runCli(args, { SWARMCAST_BOOTSTRAP: '' })
    t.equal(r.code, 2, `${args.join(' ')} exits 2`)
    t.match(r.stderr, message, `${args.join(' ')} says why`)
  }
})

t.test('a dead bootstrap address is reported, not waited on forever', async t => {
  // a port that was free a moment ago: nothing listens there
  const probe = createServer()
  await new Promise<void>(resolve => probe.listen(0, '127.0.0.1', resolve))
  const port = (probe.address() as AddressInfo).port
  await new Promise(resolve => probe.close(resolve))
  const dead = `/ip4/127.0.0.1/tcp/${port}/p2p/12D3KooWDQya24n3fFeEdhykTchuErXnTmL3PjvuTeCzp2LbEuK9`
  const r = await runCli(['chat', '--channel', channelId, '--bootstrap', dead, '--send', 'hi', '--timeout', '3', '--host', '127.0.0.1', '--data', data.dir])
  t.equal(r.code, 1)
  t.match(r.stderr, /could not reach any bootstrap peer within 3 s/)
  t.match(r.stderr, /swarmcast relay/)
})

t.test('a node whose clock is wrong is told so before sending', async t => {
  const relayData = await tempDir()
  t.teardown(relayData.remove)
  const { relay, tcpAddr } = await startCliRelay(relayData.dir)
  t.teardown(async () => { await relay.stop() })
  const skewed = new CliProcess(
    ['chat', '--channel', channelId, '--bootstrap', tcpAddr, '--send', 'from the future', '--host', '127.0.0.1', '--data', data.dir],
    { FAKETIME: '+1h', FAKETIME_DONT_FAKE_MONOTONIC: '1' },
    ['faketime', '-f', '+1h', process.execPath, (await import('../helpers/cli.ts')).CLI]
  )
  t.equal(await skewed.exited, 1)
  // the figure is accurate to half the query's round trip, which a loaded box stretches
  const ahead = Number(/clock is (\d+\.\d) s ahead of the relay's/.exec(skewed.stderr.join('\n'))?.[1])
  t.ok(Math.abs(ahead - 3600) < 30, `says the clock is ${ahead} s ahead (it is 3600 s)`)
  t.match(skewed.stderr.join('\n'), /NTP/)
})

t.test('nobody else in the channel: --send fails instead of pretending', async t => {
  const relayData = await tempDir()
  t.teardown(relayData.remove)
  const { relay, tcpAddr } = await startCliRelay(relayData.dir)
  t.teardown(async () => { await relay.stop() })
  const r = await runCli(['chat', '--channel', channelId, '--bootstrap', tcpAddr, '--send', 'anyone?', '--timeout', '2', '--host', '127.0.0.1', '--data', data.dir])
  t.equal(r.code, 1)
  t.match(r.stderr, /message to channel .* not sent: no peer took it within 2 s/)
})

t.test('a relay keeps its peer id across restarts; a taken port is explained', async t => {
  const relayData = await tempDir()
  t.teardown(relayData.remove)
  const first = await startCliRelay(relayData.dir)
  const peerId = first.tcpAddr.split('/p2p/')[1]
  const port = first.tcpAddr.split('/tcp/')[1]?.split('/')[0] ?? ''
  const clash = await runCli(['relay', '--tcp', port, '--ws', '0', '--http', '0', '--host', '127.0.0.1', '--data', join(relayData.dir, 'other')])
  t.equal(clash.code, 1)
  t.match(clash.stderr, /cannot listen on 127.0.0.1:\d+: the port is already in use.*--tcp/)
  t.equal(await first.relay.stop(), 0)
  const second = await startCliRelay(relayData.dir)
  t.teardown(async () => { await second.relay.stop() })
  t.equal(second.tcpAddr.split('/p2p/')[1], peerId)
})

t.test('an identity key readable by others is refused', async t => {
  const loose = await tempDir()
  t.teardown(loose.remove)
  t.equal((await runCli(['id', '--data', loose.dir])).code, 0)
  await chmod(join(loose.dir, 'identity.key'), 0o644)
  const r = await runCli(['id', '--data', loose.dir])
  t.equal(r.code, 1)
  t.match(r.stderr, /readable by other users.*chmod 600/)
})
