import t from 'tap'
import { TopicValidatorResult } from '@libp2p/gossipsub'
import { fileURLToPath } from 'node:url'
import { Identity } from '../../src/identity/index.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { wire } from '../../src/wire/index.ts'
import { sealEnvelope, Kind } from '../../src/envelope/index.ts'
import { peerScore } from '../../src/net/index.ts'
import { CliProcess } from '../helpers/cli.ts'
import { testChatPeer, testPeer, testRelay } from '../helpers/nodes.ts'
import { nextEvent, waitFor } from '../helpers/wait.ts'
import { chatEnvelope, tamper } from '../helpers/chat-envelopes.ts'
import { ChatValidator, MAX_HISTORY_ITEMS, MAX_PENDING_SENDS, messageId } from '../../src/chat/index.ts'
import type { ChatItem, ChatMessage, ChatRoom } from '../../src/chat/index.ts'

const owner = await Identity.generate()
const lobby = ChannelId.derive(owner.publicKey, 'lobby')
const elsewhere = ChannelId.derive(owner.publicKey, 'elsewhere')
const PEERS_FIXTURE = fileURLToPath(new URL('./fixtures/chat-peers.ts', import.meta.url))

/** Counts every message event a room emits, by id. */
function tally (room: ChatRoom): Map<string, number> {
  const seen = new Map<string, number>()
  room.addEventListener('message', (e) => { seen.set(e.detail.id, (seen.get(e.detail.id) ?? 0) + 1) })
  return seen
}

t.test('10 nodes in one process and 2 in another: every message reaches every node exactly once, in one order', async t => {
  const { bootstrap } = await testRelay(t)
  const peers = await Promise.all(Array.from({ length: 10 }, async (_, i) => await testChatPeer(t, `n${i}`, bootstrap)))
  const rooms = await Promise.all(peers.map(async p => await p.node.services.chat.join(lobby)))
  const tallies = rooms.map(tally)

  const child = new CliProcess([bootstrap[0]!, lobby.text, '2'], {}, [process.execPath, PEERS_FIXTURE])
  t.teardown(async () => { await child.stop() })
  await child.waitForLine(l => l.startsWith('{"ready"'))
  const childCounts = (): Array<Map<string, number>> => [0, 1].map(n => {
    const m = new Map<string, number>()
    for (const line of child.stdout) {
      const ev = JSON.parse(line) as { node?: number, id?: string }
      if (ev.node === n && ev.id != null) m.set(ev.id, (m.get(ev.id) ?? 0) + 1)
    }
    return m
  })

  await waitFor(() => rooms.every(r => r.peers().length === 11), 'all 12 nodes to share the channel topic', 30_000)

  const sent: string[] = []
  for (let round = 0; round < 5; round++) {
    for (const i of [0, 4, 8]) sent.push((await rooms[i]!.send(`round ${round} from n${i}`)).id)
    child.proc.stdin!.write(JSON.stringify({ send: `round ${round} from child`, node: round % 2 }) + '\n')
  }
  const total = sent.length + 5
  await waitFor(() => tallies.every(m => m.size === total) && childCounts().every(m => m.size === total), `all ${total} messages at all 12 nodes`, 30_000)

  for (const [i, m] of tallies.entries()) t.ok([...m.values()].every(c => c === 1), `n${i} emitted each message once`)
  for (const [i, m] of childCounts().entries()) t.ok([...m.values()].every(c => c === 1), `child node ${i} emitted each message once`)
  for (const id of sent) t.ok(tallies.every(m => m.has(id)), `${id.slice(0, 8)} reached every in-process node`)

  // messages are shown before their store write completes
  await waitFor(() => rooms.every(r => r.history.size === total), 'every in-process node to have stored them all')
  const orders = await Promise.all(rooms.map(async r => (await r.messages({ last: 1000 })).map(m => m.id)))
  child.proc.stdin!.write(JSON.stringify({ history: true }) + '\n')
  const childOrders = (JSON.parse(await child.waitForLine(l => l.startsWith('{"history"'))) as { history: string[][] }).history
  for (const order of [...orders, ...childOrders]) t.same(order, orders[0], 'the same history in the same order')
  t.equal(orders[0]!.length, total)
})

t.test('a late joiner and a restarted node get the history they missed', async t => {
  const { bootstrap } = await testRelay(t)
  const a = await testChatPeer(t, 'a', bootstrap)
  const b = await testChatPeer(t, 'b', bootstrap)
  const c = await testChatPeer(t, 'c', bootstrap)
  const [roomA, roomB, roomC] = await Promise.all([a, b, c].map(async p => await p.node.services.chat.join(lobby)))
  await waitFor(() => [roomA!, roomB!, roomC!].every(r => r.peers().length === 2), 'a, b and c to meet')
  await roomA!.setNick('alice')
  for (let i = 0; i < 6; i++) await (i % 2 === 0 ? roomA! : roomB!).send(`before ${i}`)
  await waitFor(() => roomC!.history.size === 6, 'c to hold the first six')

  await c.stop()
  for (let i = 0; i < 4; i++) await roomA!.send(`while c was away ${i}`)

  const late = await testChatPeer(t, 'late', bootstrap)
  const lateRoom = await late.node.services.chat.join(lobby)
  await waitFor(() => lateRoom.history.size === 10, 'the late joiner to sync all ten', 20_000)
  const lateMessages = await lateRoom.messages()
  t.same(lateMessages.map(m => m.text), (await roomA!.messages()).map(m => m.text), 'the late joiner has the same history')
  t.equal(lateMessages.find(m => m.text === 'before 0')?.nick, 'alice', 'and the nick that came with it')

  const again = await testChatPeer(t, 'c-again', bootstrap, { dir: c.dir, identity: c.identity })
  const againRoom = await again.node.services.chat.join(lobby)
  t.equal(againRoom.history.size, 6, 'the restarted node kept what it had')
  const shown = tally(againRoom)
  await waitFor(() => againRoom.history.size === 10, 'the restarted node to fill its gap', 20_000)
  t.same([...shown.values()], [1, 1, 1, 1], 'only the four missed messages are new to it, once each')
})

t.test('a node that hears live chat before its first sync still gets what it missed before', async t => {
  const a = await testChatPeer(t, 'a')
  const roomA = await a.node.services.chat.join(lobby)
  const c = await testChatPeer(t, 'c')
  // c last synced completely five minutes ago, then went away
  await (await c.node.services.chat.join(lobby)).history.markSynced(Date.now() - 5 * 60_000)
  await c.stop()
  // meanwhile a stored three messages from three minutes ago: older than the sync overlap before anything c will hear live
  const validator = new ChatValidator(lobby)
  const item = async (bytes: Uint8Array): Promise<ChatItem> => {
    const r = await validator.validate(bytes, 'sync')
    if (r.verdict !== 'accept') throw new Error(r.reason)
    return r.item
  }
  const author = await Identity.generate()
  for (let i = 0; i < 3; i++) await roomA.history.add(await item(await chatEnvelope(author, lobby, { text: `missed ${i}`, timestamp: Date.now() - 3 * 60_000 + i })))

  const again = await testChatPeer(t, 'c-again', [], { dir: c.dir, identity: c.identity })
  const roomC = await again.node.services.chat.join(lobby)
  // a live message lands before c meets anyone to sync with
  await roomC.history.add(await item(await chatEnvelope(author, lobby, { text: 'live' })))
  await again.node.dial(a.node.getMultiaddrs()[0]!)
  await waitFor(() => roomC.history.size === 4, 'c to fetch the three it missed', 20_000)
  t.same((await roomC.messages()).map(m => m.text), ['missed 0', 'missed 1', 'missed 2', 'live'])
  await waitFor(() => roomC.history.syncedThrough > Date.now() - 60_000, 'the completed sync to move the bookmark')
  t.pass('the bookmark moved')
})

t.test('a gap longer than one history answer is filled by paging back', async t => {
  const a = await testChatPeer(t, 'a')
  const roomA = await a.node.services.chat.join(lobby)
  // 2,500 messages (two and a half answers of MAX_HISTORY_ITEMS) from five authors at 1 msg/s each, over the last 500 s
  const validator = new ChatValidator(lobby)
  const authors = await Promise.all(Array.from({ length: 5 }, async () => await Identity.generate()))
  const start = Date.now() - 500_000
  const items = await Promise.all(Array.from({ length: 2_500 }, async (_, i) => {
    const r = await validator.validate(await chatEnvelope(authors[i % 5]!, lobby, { text: `old ${i}`, timestamp: start + Math.floor(i / 5) * 1000 + i % 5 }), 'sync')
    if (r.verdict !== 'accept') throw new Error(r.reason)
    return r.item
  }))
  t.ok(items.length > 2 * MAX_HISTORY_ITEMS, 'more than two answers\' worth')
  t.ok((await Promise.all(items.map(async item => await roomA.history.add(item)))).every(Boolean), 'a stored them all')

  const c = await testChatPeer(t, 'c')
  const roomC = await c.node.services.chat.join(lobby)
  const synced: Array<{ received: number, added: number }> = []
  roomC.addEventListener('synced', (e) => { synced.push(e.detail) })
  await c.node.dial(a.node.getMultiaddrs()[0]!)
  await waitFor(() => roomC.history.size === items.length, `c to hold all ${items.length}`, 30_000)
  t.same((await roomC.messages()).map(m => m.id), (await roomA.messages()).map(m => m.id), 'the same history in the same order')
  t.equal(synced[0]?.added, items.length, 'one sync brought them all')
  await waitFor(() => roomC.history.syncedThrough > Date.now() - 60_000, 'the completed sync to move the bookmark')
  t.pass('the bookmark moved')
})

t.test('a restarted node still counts what it stored against the history rate limit', async t => {
  // a key that signed more messages into one second than the limit lets through
  const flooder = await Identity.generate()
  const t0 = Date.now() - 120_000
  const unlimited = new ChatValidator(lobby, { ratePerSecond: 1e9, rateBurst: 1e9 })
  const flood = await Promise.all(Array.from({ length: 30 }, async (_, i) => {
    const r = await unlimited.validate(await chatEnvelope(flooder, lobby, { text: `flood ${i}`, timestamp: t0 + i * 20 }), 'sync')
    if (r.verdict !== 'accept') throw new Error(r.reason)
    return r.item
  }))
  // c took from it what the default limit allows
  const c = await testChatPeer(t, 'c')
  const roomC = await c.node.services.chat.join(lobby)
  const limited = new ChatValidator(lobby)
  const allowed: ChatItem[] = []
  for (const item of flood) {
    const r = await limited.validate(item.envelope, 'sync')
    if (r.verdict === 'accept') allowed.push(r.item)
  }
  // added together: one write batch, not one batch window each
  const taken = (await Promise.all(allowed.map(async item => await roomC.history.add(item)))).filter(Boolean).length
  t.ok(taken > 0 && taken < flood.length, `c stored ${taken} of the ${flood.length}, what the limit lets into one second`)
  await c.stop()

  // a peer holds the whole flood; c restarts and syncs from it
  const a = await testChatPeer(t, 'a')
  const roomA = await a.node.services.chat.join(lobby)
  await Promise.all(flood.map(async item => await roomA.history.add(item)))
  t.equal(roomA.history.size, flood.length, 'a holds all of it')
  const again = await testChatPeer(t, 'c-again', [], { dir: c.dir, identity: c.identity })
  const roomAgain = await again.node.services.chat.join(lobby)
  const refused: string[] = []
  roomAgain.addEventListener('rejected', (e) => { refused.push(e.detail.code) })
  const synced = nextEvent<{ received: number, added: number }>(roomAgain, 'synced', 20_000)
  await again.node.dial(a.node.getMultiaddrs()[0]!)
  const { received, added } = await synced
  t.same({ received, added }, { received: flood.length, added: 0 }, 'the sync brought the whole flood and added none of it')
  t.equal(roomAgain.history.size, taken, 'c holds what the limit let in before its restart, and no more')
  t.ok(refused.length === flood.length - taken && refused.every(code => code === 'rate-limit'), `the rest refused by the rate limit (${refused.length}: ${[...new Set(refused)].join(', ')})`)
})

t.test('a peer that serves other byte forms of the same messages cannot get them stored or shown twice', async t => {
  const author = await Identity.generate()
  const t0 = Date.now() - 60_000
  const validator = new ChatValidator(lobby)
  const honest = await Promise.all(Array.from({ length: 20 }, async (_, i) => {
    const r = await validator.validate(await chatEnvelope(author, lobby, { text: `line ${i}`, timestamp: t0 + i * 1000 }), 'sync')
    if (r.verdict !== 'accept' || r.item.kind !== 'message') throw new Error('a fresh message was refused')
    return r.item
  }))
  // the same signed messages with an unknown field appended to their (unsigned) envelope framing: other bytes, other ids
  const reframed = honest.map(item => {
    const envelope = Uint8Array.from([...item.envelope, 0x30, 0x01])
    const id = messageId(envelope)
    return { ...item, id, envelope, message: { ...item.message, id } }
  })
  const a = await testChatPeer(t, 'a')
  const roomA = await a.node.services.chat.join(lobby)
  await Promise.all([...honest, ...reframed].map(async item => await roomA.history.add(item)))
  t.equal(roomA.history.size, 2 * honest.length, 'a holds both forms of every message')

  const b = await testChatPeer(t, 'b')
  const roomB = await b.node.services.chat.join(lobby)
  const shown = tally(roomB)
  const refused: string[] = []
  roomB.addEventListener('rejected', (e) => { refused.push(e.detail.code) })
  const synced = nextEvent<{ received: number, added: number }>(roomB, 'synced', 20_000)
  await b.node.dial(a.node.getMultiaddrs()[0]!)
  const { received, added } = await synced
  t.same({ received, added }, { received: 2 * honest.length, added: honest.length }, 'b received both forms and added one')
  t.equal(roomB.history.size, honest.length, 'b holds each message once')
  t.same([...shown.keys()].sort(), honest.map(item => item.id).sort(), 'and showed each once, in its signed form')
  t.ok(refused.length === reframed.length && refused.every(code => code === 'malformed'), `every other form refused as malformed (${refused.length}: ${[...new Set(refused)].join(', ')})`)
})

t.test('bad messages are refused by the first honest node, never stored, never passed on', async t => {
  // a line: mallory — bob — carol
  const bob = await testChatPeer(t, 'bob')
  const carol = await testChatPeer(t, 'carol')
  const bobRoom = await bob.node.services.chat.join(lobby)
  const carolRoom = await carol.node.services.chat.join(lobby)
  const topic = bobRoom.topic
  await bob.node.dial(carol.node.getMultiaddrs()[0]!)
  await waitFor(() => carolRoom.peers().length === 1, 'bob and carol to meet')
  /** A peer that validates nothing and publishes whatever it likes, connected to bob only. */
  const mallory = async (name: string): Promise<Awaited<ReturnType<typeof testPeer>>> => {
    const peer = await testPeer(t, name)
    peer.services.pubsub.topicValidators.set(topic, () => TopicValidatorResult.Accept)
    peer.services.pubsub.subscribe(topic)
    await peer.dial(bob.node.getMultiaddrs()[0]!)
    await waitFor(() => peer.services.pubsub.getSubscribers(topic).length === 1, `${name} to join bob`)
    return peer
  }

  const alice = await Identity.generate()
  const genuine = await chatEnvelope(alice, lobby, { text: 'genuine' })
  const other = await Identity.generate()
  const forge = async (text: string): Promise<Uint8Array> => {
    const real = wire.Envelope.decode(await chatEnvelope(alice, lobby, { text }))
    const signedByOther = wire.Envelope.decode(await sealEnvelope(other, { kind: Kind.ChatMessage, channel: lobby, payload: real.payload }))
    return wire.Envelope.encode({ ...signedByOther, author: alice.publicKey }).finish()
  }
  const attacks: Array<[string, Uint8Array, RegExp]> = [
    ['forged', await forge('genuine'), /signature/],
    ['tampered', tamper(await chatEnvelope(alice, lobby), 'tampered'), /signature/],
    ['wrong channel', await chatEnvelope(alice, elsewhere, { text: 'wrong channel' }), /another channel/],
    ['future-dated', await chatEnvelope(alice, lobby, { text: 'from the future', timestamp: Date.now() + 10 * 60_000 }), /future/],
    ['oversize', new Uint8Array(100 * 1024).fill(7), /oversize/],
    ['malformed', Uint8Array.of(0x0a, 0x05, 1, 2), /not a valid encoding|must be/]
  ]
  const carolGot: ChatMessage[] = []
  carolRoom.addEventListener('message', e => { carolGot.push(e.detail) })
  // first a genuine message along the same path: the line works
  const first = await mallory('mallory')
  const arrived = nextEvent<ChatMessage>(carolRoom, 'message')
  await first.services.pubsub.publish(topic, genuine)
  t.equal((await arrived).text, 'genuine')

  // each kind from a peer of its own: bob stops listening to a peer after three refusals
  for (const [name, bytes, reason] of attacks) {
    const sender = await mallory(`mallory-${name.replace(' ', '-')}`)
    const refused = nextEvent<{ reason: string }>(bobRoom, 'rejected')
    await waitFor(async () => (await sender.services.pubsub.publish(topic, bytes)).recipients.length > 0, `mallory to publish the ${name} message`)
    t.match((await refused).reason, reason, `bob refuses the ${name} message`)
  }
  // graylisted: after a burst of forgeries bob no longer listens to mallory at all. Three
  // cross the threshold, but the count behind the penalty decays 10 % a second and, once
  // graylisted, mallory's further messages are not counted; gossipsub takes a well-scored
  // peer's messages for a second unchecked, so six back to back all count, and keep mallory
  // below the threshold for several seconds
  const forgeries = await Promise.all([0, 1, 2, 3, 4, 5].map(async i => await forge(`forged ${i}`)))
  await Promise.all(forgeries.map(async f => await first.services.pubsub.publish(topic, f)))
  await waitFor(() => peerScore(bob.node.services.pubsub, first.peerId) < -80, 'mallory to be scored below the graylist threshold at bob', 10_000, 10)

  // a replay of the genuine message by another peer, then a new message from it
  const replayer = await testPeer(t, 'replayer')
  replayer.services.pubsub.subscribe(topic)
  await replayer.dial(bob.node.getMultiaddrs()[0]!)
  await waitFor(() => replayer.services.pubsub.getSubscribers(topic).length === 1, 'the replayer to join')
  await replayer.services.pubsub.publish(topic, genuine)
  const marker = nextEvent<ChatMessage>(carolRoom, 'message')
  await replayer.services.pubsub.publish(topic, await chatEnvelope(alice, lobby, { text: 'marker' }))
  t.equal((await marker).text, 'marker')

  t.same(carolGot.map(m => m.text), ['genuine', 'marker'], 'carol saw only the genuine messages, once each')
  t.same((await bobRoom.messages()).map(m => m.text), ['genuine', 'marker'], 'bob stored only the genuine messages')
  t.same((await carolRoom.messages()).map(m => m.text), ['genuine', 'marker'], 'carol stored only the genuine messages')
})

t.test('a flooding author is throttled while two honest authors get every message through', async t => {
  const { bootstrap } = await testRelay(t)
  const [honestA, honestB, far, flooder] = await Promise.all(['honest-a', 'honest-b', 'far', 'flooder'].map(async n => await testChatPeer(t, n, bootstrap)))
  const rooms = await Promise.all([honestA!, honestB!, far!, flooder!].map(async p => await p.node.services.chat.join(lobby)))
  await waitFor(() => rooms.every(r => r.peers().length === 3), 'all four to meet')
  const farRoom = rooms[2]!
  const got: ChatMessage[] = []
  farRoom.addEventListener('message', e => { got.push(e.detail) })

  // the flooder signs valid messages but skips its own limiter, publishing straight to gossip
  // (signed beforehand, so that a loaded machine still floods faster than the limit)
  const floodEnvelopes = await Promise.all(Array.from({ length: 150 }, async (_, i) => await chatEnvelope(flooder!.identity, lobby, { text: `flood ${i}` })))
  const started = Date.now()
  const flood = (async () => {
    for (const [i, envelope] of floodEnvelopes.entries()) {
      await flooder!.node.services.pubsub.publish(rooms[3]!.topic, envelope).catch(() => {})
      if (i % 10 === 0) await new Promise(resolve => setImmediate(resolve))
    }
  })()
  const honest: string[] = []
  for (let i = 0; i < 5; i++) {
    honest.push((await rooms[0]!.send(`a ${i}`)).id, (await rooms[1]!.send(`b ${i}`)).id)
    await new Promise(resolve => setTimeout(resolve, 150))
  }
  await flood
  const elapsedS = (Date.now() - started) / 1000
  await waitFor(() => honest.every(id => got.some(m => m.id === id)), 'every honest message at the far node', 15_000)
  const floodSeen = got.filter(m => m.author === flooder!.identity.key).length
  // the budget is the burst plus the sustained rate over the time the flood took, with one second of slack
  const budget = 10 + 5 * (elapsedS + 1)
  t.ok(floodSeen <= budget, `the far node accepted ${floodSeen} of 150 flood messages (budget ${budget.toFixed(0)})`)
  t.ok(floodSeen < 150 / 2, 'most of the flood was dropped')
  await waitFor(() => honest.every(id => farRoom.history.has(id)), 'all ten honest messages stored at the far node')
  t.pass('all ten honest messages stored')
})

t.test('sending tells the caller: rate limit, bad text, no peers', async t => {
  const lonely = await testChatPeer(t, 'lonely')
  const room = await lonely.node.services.chat.join(lobby)
  await t.rejects(room.send('', {}), { name: 'InvalidChatTextError' })
  await t.rejects(room.send('anyone?', { peerWaitMs: 300 }), { name: 'NoPeersError' })
  await t.rejects(room.setNick('x'.repeat(33)), { name: 'InvalidNickError' })

  // a node that cannot get messages out stops taking more instead of queueing without bound
  const busy = await testChatPeer(t, 'busy', [], { ratePerSecond: 1000, rateBurst: 1000 })
  const busyRoom = await busy.node.services.chat.join(lobby)
  const waiting = Array.from({ length: MAX_PENDING_SENDS }, async (_, i) => await busyRoom.send(`queued ${i}`, { peerWaitMs: 2000 }).catch((e: Error) => e.name))
  await t.rejects(busyRoom.send('one too many'), { name: 'SendQueueFullError' })
  t.same(new Set(await Promise.all(waiting)), new Set(['NoPeersError']), 'the queued ones fail by name once their wait is over')

  const { bootstrap } = await testRelay(t)
  const a = await testChatPeer(t, 'a', bootstrap)
  const b = await testChatPeer(t, 'b', bootstrap)
  const roomA = await a.node.services.chat.join(lobby)
  const roomB = await b.node.services.chat.join(lobby)
  await waitFor(() => roomA.peers().length === 1 && roomB.peers().length === 1, 'a and b to meet')
  const results = await Promise.allSettled(Array.from({ length: 12 }, async (_, i) => await roomA.send(`burst ${i}`)))
  const limited = results.filter(r => r.status === 'rejected')
  t.ok(limited.length > 0, 'sending past the burst fails')
  t.ok(limited.every(r => (r.reason as Error).name === 'RateLimitedError' && /try again in/.test((r.reason as Error).message)), 'with RateLimitedError saying when to retry')
  const okIds = results.flatMap(r => r.status === 'fulfilled' ? [r.value.id] : [])
  await waitFor(() => okIds.every(id => roomB.history.has(id)), 'every message reported sent to reach b')
  t.pass(`${okIds.length} sent, ${limited.length} refused up front, none lost`)
})
