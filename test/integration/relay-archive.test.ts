import t from 'tap'
import { Identity } from '../../src/identity/index.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { testChatPeer, testRelay } from '../helpers/nodes.ts'
import { waitFor } from '../helpers/wait.ts'
import { chatEnvelope } from '../helpers/chat-envelopes.ts'

// A relay that follows a channel archives its chat and moderation, so a viewer
// who arrives when everyone else has left still gets both, also after the
// relay restarts.
t.test('a relay following a channel serves its chat and moderation to late joiners, across its restart', async t => {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'archived')
  const first = await testRelay(t, { follow: [channel] })
  const archive = first.relay.node.services.chat.room(channel)!
  const troll = await Identity.generate()

  const alice = await testChatPeer(t, 'alice', first.bootstrap, { identity: owner })
  const room = await alice.node.services.chat.join(channel)
  const mod = await alice.node.services.moderation.join(channel)
  await waitFor(() => room.peers().length === 1, 'alice to meet the relay in the channel')
  const sent: string[] = []
  for (let i = 0; i < 5; i++) sent.push((await room.send(`archived ${i}`)).id)
  await mod.act('ban', troll.key, { reason: 'known troll' })
  await waitFor(() => sent.every(id => archive.history.has(id)), 'the relay to archive every message')
  await alice.stop()

  // the relay restarts on the same data dir
  await first.stop()
  const relay = await testRelay(t, { follow: [channel], dir: first.dir })
  t.equal(relay.relay.node.services.chat.room(channel)!.history.size, 5, 'the archive survived the restart')

  const bob = await testChatPeer(t, 'bob', relay.bootstrap)
  const bobRoom = await bob.node.services.chat.join(channel)
  const bobMod = await bob.node.services.moderation.join(channel)
  await waitFor(() => sent.every(id => bobRoom.history.has(id)), 'bob to get the history from the relay alone', 20_000)
  await waitFor(() => bobMod.policy.standing(troll.key) === 'banned', 'bob to get the moderation state from the relay')
  t.same((await bobRoom.messages()).map(m => m.text), ['archived 0', 'archived 1', 'archived 2', 'archived 3', 'archived 4'])
})

t.test('the relay reports connections, archived chat and refusals on /metrics', async t => {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'metered')
  const { relay, bootstrap } = await testRelay(t, { follow: [channel], http: true })
  const alice = await testChatPeer(t, 'alice', bootstrap, { identity: owner })
  const room = await alice.node.services.chat.join(channel)
  await waitFor(() => room.peers().length === 1, 'alice to meet the relay in the channel')
  await room.send('counted')
  // a message signed for another channel, published on this one: refused by the relay
  const forged = await chatEnvelope(owner, ChannelId.derive(owner.publicKey, 'elsewhere'))
  await alice.node.services.pubsub.publish(room.topic, forged)

  const scrape = async (): Promise<string> => await (await fetch(`${relay.httpUrl}/metrics`)).text()
  await waitFor(async () => (await scrape()).includes('reason="wrong-channel"'), 'the refusal to be counted')
  const text = await scrape()
  t.match(text, /^swarmcast_connections [1-9]\d*$/m)
  t.match(text, new RegExp(`^swarmcast_chat_archived_messages\\{channel="${channel.text}"\\} 1$`, 'm'))
  t.match(text, /^swarmcast_messages_accepted_total\{topic="chat"\} 1$/m)
  t.match(text, /^swarmcast_messages_refused_total\{topic="chat",verdict="reject",reason="wrong-channel"\} 1$/m)
  t.match(text, /^# TYPE swarmcast_relay_reservations gauge$/m)
})

t.test('viewers on two peered relays share one chat', async t => {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'two-relays')
  const east = await testRelay(t)
  const west = await testRelay(t, { peers: east.bootstrap })
  await waitFor(() => west.relay.node.getConnections(east.relay.node.peerId).length > 0, 'the relays to peer')
  const a = await testChatPeer(t, 'on-east', east.bootstrap)
  const b = await testChatPeer(t, 'on-west', west.bootstrap)
  const roomA = await a.node.services.chat.join(channel)
  const roomB = await b.node.services.chat.join(channel)
  await waitFor(() => roomA.peers().length === 1 && roomB.peers().length === 1, 'the two viewers to find each other across the relays', 20_000)
  const sent = await roomA.send('hello from the east')
  await waitFor(() => roomB.history.has(sent.id), 'the message to reach the west')
  t.pass('a message crossed from one relay\'s viewer to the other\'s')
})
