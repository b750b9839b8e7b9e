import t from 'tap'
import { execFileSync } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { join } from 'node:path'
import { multiaddr } from '@multiformats/multiaddr'
import { cleanup as cleanupWebRtc } from 'node-datachannel'
import { ChannelId } from '../../src/channel/index.ts'
import { Identity } from '../../src/identity/index.ts'
import { hashHex, LiveMirror } from '../../src/video/index.ts'
import { awaitReservation, createSwarmNode, joinNetwork } from '../../src/net/index.ts'
import { nodeTransports } from '../../node/platform.ts'
import { testPeer, testRelay, testVideoPeer } from '../helpers/nodes.ts'
import { seedLoop } from '../helpers/seed-loop.ts'
import { tempDir } from '../helpers/cli.ts'
import { waitFor } from '../helpers/wait.ts'
import type { SwarmNode } from '../../src/net/index.ts'
import type { Connection } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { Test } from 'tap'

// node-datachannel (under @libp2p/webrtc) keeps native threads alive after a WebRTC
// handshake that was cut short, even once every node has stopped and every peer
// connection is closed: without this the file's process would not exit (libp2p#2625).
// Safe here, at the very end: nothing in this process uses WebRTC any more.
t.teardown(cleanupWebRtc)

// A relay that follows a channel is a viewer that keeps the whole live window:
// it fetches every segment as it is announced, serves it to the swarm and as HLS.
t.test('a relay following a channel keeps its live window, serves it over HLS and to peers, and counts both on /metrics', async t => {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'cached')
  const { relay, bootstrap } = await testRelay(t, { follow: [channel], http: true })
  const mirror = relay.node.services.video.swarm(channel)!
  const streamer = await testVideoPeer(t, 'streamer', bootstrap)
  const seeding = seedLoop(await streamer.services.video.join(channel), owner)
  t.teardown(seeding.stop)
  await waitFor(() => mirror.window.held().length >= 3, 'the relay to hold three segments', 20_000)
  seeding.stop()

  const playlist = await fetch(`${relay.httpUrl}/live/${channel.text}/index.m3u8`)
  t.equal(playlist.status, 200, 'the relay serves the playlist')
  const names = (await playlist.text()).split('\n').filter(line => line.endsWith('.m4s'))
  t.ok(names.length >= 3, `the playlist lists the held segments (${names.length})`)
  const last = names.at(-1)!
  const bytes = new Uint8Array(await (await fetch(`${relay.httpUrl}/live/${channel.text}/${last}`)).arrayBuffer())
  t.equal(hashHex(bytes), seeding.seeded.get(Number(last.replace('.m4s', ''))), 'the HLS segment is the streamer\'s bytes')

  // with the streamer gone, a late viewer gets a segment from the relay over the swarm protocol
  await streamer.stop()
  const viewer = await testVideoPeer(t, 'viewer', bootstrap)
  const swarm = await viewer.services.video.join(channel)
  const seq = Number(last.replace('.m4s', ''))
  await waitFor(() => swarm.holders(seq).length > 0, 'the viewer to see the relay hold the segment')
  t.same(await swarm.fetchFromPeer(swarm.holders(seq)[0]!, seq), { ok: true }, 'the relay served it peer to peer')

  const text = await (await fetch(`${relay.httpUrl}/metrics`)).text()
  t.match(text, /^swarmcast_segments_served_total\{path="http"\} [1-9]\d*$/m, 'HLS segments counted')
  t.match(text, /^swarmcast_segments_served_total\{path="p2p"\} [1-9]\d*$/m, 'swarm segments counted')
  t.match(text, /^swarmcast_segment_bytes_served_total\{path="http"\} [1-9]\d*$/m)
  t.match(text, new RegExp(`^swarmcast_video_segments_held\\{channel="${channel.text}"\\} [1-9]\\d*$`, 'm'))
  t.match(text, /^libp2p_\w+/m, 'libp2p\'s own metrics are there too')
})

t.test('the relay serves the viewer app at / and /c/<id>, and /api/info tells it how to join', async t => {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'app')
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const webRoot = join(tmp.dir, 'app')
  await mkdir(join(webRoot, 'assets'), { recursive: true })
  await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>swarmcast</title>')
  await writeFile(join(webRoot, 'assets', 'app-1234.js'), 'console.log(1)')
  await writeFile(join(tmp.dir, 'secret.txt'), 'not for the web')
  const { relay } = await testRelay(t, { follow: [channel], http: true, webRoot })
  const base = relay.httpUrl!

  for (const path of ['/', `/c/${channel.text}`]) {
    const res = await fetch(base + path)
    t.equal(res.status, 200, `${path} answers`)
    t.equal(await res.text(), '<!doctype html><title>swarmcast</title>', `${path} is the app`)
  }
  const asset = await fetch(`${base}/assets/app-1234.js`)
  t.match(asset.headers.get('content-type'), /text\/javascript/)
  t.match(asset.headers.get('cache-control'), /immutable/, 'hashed assets are cached for good')
  t.equal(await rawGetStatus(base, '/assets/../../secret.txt'), 404, 'nothing outside the app folder is served')
  t.equal((await fetch(`${base}/nothing-here`)).status, 404)

  const info = await (await fetch(`${base}/api/info`)).json() as { peerId: string, bootstrap: string[], follow: string[] }
  t.equal(info.peerId, relay.node.peerId.toString())
  t.ok(info.bootstrap.length > 0 && info.bootstrap.every(a => a.includes('/ws/') && a.endsWith(`/p2p/${info.peerId}`)), 'bootstrap lists WebSocket addresses a browser can dial')
  t.same(info.follow, [channel.text])
})

t.test('without a built app the relay says how to build it', async t => {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const { relay } = await testRelay(t, { http: true, webRoot: join(tmp.dir, 'missing') })
  const res = await fetch(`${relay.httpUrl}/`)
  t.equal(res.status, 503)
  t.match(await res.text(), /npm run build/)
})

t.test('a node reachable only through the relay is dialled over /p2p-circuit, then over WebRTC', async t => {
  const { bootstrap } = await testRelay(t)
  const hidden = await createSwarmNode({ name: 'hidden', bootstrap, transports: nodeTransports, listen: ['/p2p-circuit', '/webrtc'] })
  t.teardown(async () => { await hidden.stop() })
  t.notOk(hidden.getMultiaddrs().some(a => a.toString().includes('/tcp/') && !a.toString().includes('/p2p-circuit')), 'it has no direct address')
  await awaitReservation(hidden)
  const dialer = await testPeer(t, 'dialer', bootstrap)

  await waitFor(() => webrtcAddr(hidden) != null, 'the hidden node to announce a WebRTC-over-circuit address')
  const circuit = hidden.getMultiaddrs().find(a => a.toString().includes('/p2p-circuit') && !a.toString().includes('/webrtc'))!
  const relayed = await dialer.dial(circuit, { signal: AbortSignal.timeout(30_000) })
  t.ok(relayed.limits != null, 'the circuit connection is a limited relayed one')

  // on a busy machine a WebRTC handshake over the circuit can outlast libp2p's 6 s per-address
  // dial timeout; a dialer tries again, as libp2p's auto-dialler would
  const direct = await dialWithRetries(t, dialer, webrtcAddr(hidden)!, 3)
  t.match(direct.remoteAddr.toString(), /\/webrtc/, 'the upgrade is a WebRTC connection')
  t.equal(direct.limits, undefined, 'with no relay limits')
  t.ok(await dialer.services.ping.ping(hidden.peerId, { signal: AbortSignal.timeout(30_000) }) >= 0, 'and it carries streams')
})

t.test('the relay enforces its reservation cap; the refused node is told why and the others keep working', async t => {
  const { relay, bootstrap } = await testRelay(t, { maxReservations: 1 })
  const listen = { transports: nodeTransports, listen: ['/p2p-circuit'], bootstrap }
  const first = await createSwarmNode({ name: 'first', ...listen })
  t.teardown(async () => { await first.stop() })
  const circuit = await awaitReservation(first)
  const second = await createSwarmNode({ name: 'second', ...listen })
  t.teardown(async () => { await second.stop() })
  await t.rejects(awaitReservation(second, { timeoutMs: 4_000 }), { name: 'NoReservationError', message: /reservation cap.*--max-reservations/ })
  t.equal(relay.node.services.relay.reservations.size, 1, 'the relay holds one reservation')
  const dialer = await testPeer(t, 'dialer', bootstrap)
  t.ok((await dialer.dial(multiaddr(circuit))).limits != null, 'the node with a slot is still reachable through the relay')

  // the holder leaves: its slot is freed at once, not after the reservation's 2 h TTL
  await second.stop()
  await first.stop()
  await waitFor(() => relay.node.services.relay.reservations.size === 0, 'the relay to free the slot of the peer that left')
  const third = await createSwarmNode({ name: 'third', ...listen })
  t.teardown(async () => { await third.stop() })
  t.match(await awaitReservation(third), /\/p2p-circuit/, 'a newcomer gets the freed slot')
})

t.test('given a certificate and key, the relay\'s WebSocket port speaks WSS', async t => {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const cert = join(tmp.dir, 'cert.pem')
  const key = join(tmp.dir, 'key.pem')
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' })
  const certPem = await readFile(cert)
  const { relay } = await testRelay(t, { tls: { cert: certPem, key: await readFile(key) } })
  const wss = relay.addrs().find(a => /\/(tls\/ws|wss)\//.test(a))
  t.ok(wss, `a WSS address is announced (${relay.addrs().join(' ')})`)
  const port = Number(/\/tcp\/(\d+)\//.exec(wss!)![1])
  const status = await new Promise<number>((resolve, reject) => {
    const req = httpsRequest({ host: '127.0.0.1', port, path: '/', ca: [certPem], headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==' } })
    req.on('upgrade', (res, socket) => { socket.destroy(); resolve(res.statusCode ?? 0) })
    req.on('response', res => { resolve(res.statusCode ?? 0) })
    req.on('error', reject)
    req.end()
  })
  t.equal(status, 101, 'a TLS WebSocket upgrade with the given certificate succeeds')
})

async function dialWithRetries (t: Test, dialer: SwarmNode, addr: Multiaddr, attempts: number): Promise<Connection> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dialer.dial(addr, { signal: AbortSignal.timeout(60_000) })
    } catch (err) {
      if (attempt >= attempts) throw err
      t.comment(`WebRTC dial attempt ${attempt} failed (${(err as Error).name}: ${(err as Error).message}); trying again`)
    }
  }
}

function webrtcAddr (node: SwarmNode): ReturnType<SwarmNode['getMultiaddrs']>[number] | undefined {
  return node.getMultiaddrs().find(a => a.toString().includes('/p2p-circuit/webrtc'))
}

// fetch() normalizes '..' away; a raw request sends the path as written
async function rawGetStatus (base: string, path: string): Promise<number> {
  const url = new URL(base)
  return await new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path }, res => { res.resume(); resolve(res.statusCode ?? 0) })
    req.on('error', reject)
    req.end()
  })
}

t.test('over its connection cap the relay refuses newcomers with a clear error; connected peers keep working', async t => {
  const { relay, bootstrap } = await testRelay(t, { maxConnections: 3 })
  const peers = []
  for (let i = 0; i < 3; i++) {
    const peer = await testPeer(t, `peer${i}`, bootstrap)
    await joinNetwork(peer, bootstrap, { skipClockCheck: true })
    peers.push(peer)
  }
  const late = await testPeer(t, 'late', bootstrap)
  await t.rejects(joinNetwork(late, bootstrap, { skipClockCheck: true, timeoutMs: 4_000 }), { name: 'BootstrapUnreachableError', message: /connection cap \(--max-connections.*turns newcomers away/ }, 'the newcomer is told the relay may be full')
  t.equal(relay.node.getConnections().length, 3, 'the relay holds its cap')
  for (const peer of peers) t.ok(await peer.services.ping.ping(relay.node.peerId) >= 0, 'a connected peer still reaches the relay')
})

t.test('viewers on two peered relays share one video swarm; both relays cache the stream', async t => {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'two-relay-swarm')
  const east = await testRelay(t, { follow: [channel] })
  const west = await testRelay(t, { follow: [channel], peers: east.bootstrap })
  await waitFor(() => west.relay.node.getConnections(east.relay.node.peerId).length > 0, 'the relays to peer')
  const streamer = await testVideoPeer(t, 'streamer', east.bootstrap)
  const seeding = seedLoop(await streamer.services.video.join(channel), owner)
  t.teardown(seeding.stop)
  const viewer = await testVideoPeer(t, 'viewer', west.bootstrap)
  const swarm = await viewer.services.video.join(channel)
  const mirror = new LiveMirror(swarm)
  mirror.start()
  t.teardown(() => { mirror.close() })
  await waitFor(() => swarm.window.held().length >= 3, 'the viewer on the west relay to receive three segments', 20_000)
  await waitFor(() => east.relay.node.services.video.swarm(channel)!.window.held().length >= 3 && west.relay.node.services.video.swarm(channel)!.window.held().length >= 3, 'both relays to cache the stream', 20_000)
  seeding.stop()
  const held = swarm.window.held().filter(seq => seeding.seeded.has(seq))
  t.ok(held.length >= 3 && held.every(seq => hashHex(swarm.window.segment(seq)!) === seeding.seeded.get(seq)), 'the viewer holds the streamer\'s bytes')
})
