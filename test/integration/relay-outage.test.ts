import t from 'tap'
import { join } from 'node:path'
import { Identity } from '../../src/identity/index.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { Viewer } from '../../src/video/index.ts'
import { openPeerSession } from '../../node/peer-node.ts'
import { CliProcess, tempDir } from '../helpers/cli.ts'
import { freePort } from '../helpers/media.ts'
import { seedLoop } from '../helpers/seed-loop.ts'
import { waitFor } from '../helpers/wait.ts'
import type { PeerSession } from '../../node/peer-node.ts'
import type { ChatRoom } from '../../src/chat/index.ts'
import type { Test } from 'tap'

async function startRelay (t: Test, dir: string, ports: { tcp: number, ws: number }, channel: ChannelId): Promise<{ relay: CliProcess, tcpAddr: string, httpUrl: string }> {
  const relay = new CliProcess(['relay', '--tcp', String(ports.tcp), '--ws', String(ports.ws), '--http', '0', '--host', '127.0.0.1', '--data', dir, '--follow', channel.text])
  t.teardown(async () => { await relay.stop() })
  const httpUrl = await relay.waitForLine(l => l.startsWith('http://'), 30_000)
  return { relay, tcpAddr: relay.stdout.find(l => l.startsWith('/ip4/') && !l.includes('/ws/'))!, httpUrl }
}

async function archived (httpUrl: string, channel: ChannelId): Promise<number> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text()
  return Number(new RegExp(`^swarmcast_chat_archived_messages\\{channel="${channel.text}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? -1)
}

// The relay is how peers met, not what carries their traffic: when it dies,
// peers with direct links go on; when it returns they reconnect and the chat
// it missed is filled in by history sync.
t.test('the relay dies mid-stream: chat and video go on between peers; it comes back, everyone reconnects, nothing is lost', async t => {
  const { dir, remove } = await tempDir()
  t.teardown(remove)
  const streamerIdentity = await Identity.generate()
  const channel = ChannelId.derive(streamerIdentity.publicKey, 'outage')
  const ports = { tcp: await freePort(), ws: await freePort() }
  const first = await startRelay(t, join(dir, 'relay'), ports, channel)

  const sessions: PeerSession[] = []
  const rooms: ChatRoom[] = []
  for (const name of ['streamer', 'v1', 'v2', 'v3']) {
    const session = await openPeerSession({ dataFlag: join(dir, name), env: {}, bootstrap: [first.tcpAddr], host: '127.0.0.1', timeoutMs: 20_000, signal: AbortSignal.timeout(600_000), name })
    t.teardown(session.close)
    sessions.push(session)
    rooms.push(await session.node.services.chat.join(channel))
  }
  const [streamer, ...viewers] = sessions as [PeerSession, ...PeerSession[]]
  const seeding = seedLoop(await streamer.node.services.video.join(channel), streamerIdentity)
  t.teardown(seeding.stop)
  const players = await Promise.all(viewers.map(async v => {
    const viewer = new Viewer(await v.node.services.video.join(channel), { selfId: v.node.peerId.toString(), targetBufferMs: 1500 })
    viewer.start()
    t.teardown(() => { viewer.close() })
    return viewer
  }))
  const relayId = first.tcpAddr.split('/p2p/')[1]!
  const direct = (s: PeerSession): number => s.node.getConnections().filter(c => c.remotePeer.toString() !== relayId).length
  await waitFor(() => sessions.every(s => direct(s) >= 3) && rooms.every(r => r.peers().length >= 4), 'every peer to link directly with the other three', 30_000)
  await waitFor(() => players.every(p => p.stats().segments >= 2), 'every viewer to play', 30_000)
  const sent = [(await rooms[0]!.send('before the outage')).id]

  first.relay.proc.kill('SIGKILL')
  await first.relay.exited
  const deadAt = Date.now()
  await waitFor(() => sessions.every(s => s.node.getConnections().every(c => c.remotePeer.toString() !== relayId)), 'every peer to notice the relay is gone')
  const playedAtOutage = players.map(p => p.stats().segments)
  for (const [i, room] of rooms.entries()) sent.push((await room.send(`during the outage from ${i}`)).id)
  await waitFor(() => rooms.every(r => sent.every(id => r.history.has(id))), 'chat to go on between the peers without the relay')
  await waitFor(() => players.every((p, i) => p.stats().segments >= playedAtOutage[i]! + 4), 'video to go on between the peers without the relay', 20_000)
  t.ok(players.every(p => p.stats().skipped === 0), 'no viewer skipped a segment during the outage')
  t.comment(`the relay was down ${Date.now() - deadAt} ms`)

  const second = await startRelay(t, join(dir, 'relay'), ports, channel)
  const backAt = Date.now()
  await waitFor(() => sessions.every(s => s.node.getConnections().some(c => c.remotePeer.toString() === relayId)), 'every peer to reconnect to the returned relay', 45_000)
  t.comment(`all four reconnected ${Date.now() - backAt} ms after the relay returned`)
  sent.push((await rooms[1]!.send('after the outage')).id)
  await waitFor(async () => await archived(second.httpUrl, channel) === sent.length, 'the relay\'s archive to fill the gap by history sync', 30_000)
  await waitFor(() => rooms.every(r => sent.every(id => r.history.has(id))), 'every peer to hold every message')
  for (const room of rooms) t.equal(room.history.size, sent.length, 'each message once')
  t.equal(await archived(second.httpUrl, channel), sent.length, 'the relay archived every message once, including those sent while it was down')
})
