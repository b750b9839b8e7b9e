import t from 'tap'
import { TopicValidatorResult } from '@libp2p/gossipsub'
import { Identity } from '../../src/identity/index.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { sealEnvelope, Kind } from '../../src/envelope/index.ts'
import { wire } from '../../src/wire/index.ts'
import { testChatPeer, testPeer, testRelay } from '../helpers/nodes.ts'
import { nextEvent, waitFor } from '../helpers/wait.ts'
import type { ChatMessage } from '../../src/chat/index.ts'

const owner = await Identity.generate()
const lobby = ChannelId.derive(owner.publicKey, 'lobby')
const elsewhere = ChannelId.derive(owner.publicKey, 'elsewhere')

t.test('peers that share a channel find each other through the relay; others do not', async t => {
  const { relay, bootstrap } = await testRelay(t)
  const [a, b, c, d] = (await Promise.all(['a', 'b', 'c', 'd'].map(async n => await testChatPeer(t, n, bootstrap)))).map(p => p.node)
  const rooms = await Promise.all([a!, b!, c!].map(async n => await n.services.chat.join(lobby)))
  await d!.services.chat.join(elsewhere)

  // every room sees the other two subscribed: the lobby's gossip links are up
  await waitFor(() => rooms.every(r => r.peers().length === 2), 'lobby peers to find each other')
  const received = rooms.slice(1).map(r => nextEvent<ChatMessage>(r, 'message'))
  const sent = await rooms[0]!.send('hi lobby')
  for (const m of await Promise.all(received)) {
    t.equal(m.id, sent.id)
    t.equal(m.text, 'hi lobby')
  }
  t.equal(d!.getConnections(a!.peerId).length + d!.getConnections(b!.peerId).length + d!.getConnections(c!.peerId).length, 0,
    'a peer in another channel is not dialled')
  t.ok(d!.getConnections(relay.node.peerId).length > 0, 'but it is connected to the relay')
})

t.test('a forged message is rejected by the first honest node and never reaches a third', async t => {
  // a line: mallory — bob — carol; mallory has no link to carol
  const mallory = await testPeer(t, 'mallory')
  const bob = (await testChatPeer(t, 'bob')).node
  const carol = (await testChatPeer(t, 'carol')).node
  const bobRoom = await bob.services.chat.join(lobby)
  const carolRoom = await carol.services.chat.join(lobby)
  // mallory runs no validation of her own: she forwards whatever she likes
  const topic = bobRoom.topic
  mallory.services.pubsub.topicValidators.set(topic, () => TopicValidatorResult.Accept)
  mallory.services.pubsub.subscribe(topic)
  await mallory.dial(bob.getMultiaddrs()[0]!)
  await bob.dial(carol.getMultiaddrs()[0]!)
  await waitFor(() => mallory.services.pubsub.getSubscribers(topic).length === 1 && carol.services.pubsub.getSubscribers(topic).length === 1, 'subscriptions to propagate')
  t.equal(mallory.getConnections(carol.peerId).length, 0, 'mallory and carol are not connected')

  const alice = await Identity.generate()
  const payload = wire.ChatMessage.encode({ text: new TextEncoder().encode('alice says hi'), timestamp: Date.now(), seq: 1, nonce: new Uint8Array(8) }).finish()
  const genuine = await sealEnvelope(alice, { kind: Kind.ChatMessage, channel: lobby, payload })
  const forged = wire.Envelope.encode({
    ...wire.Envelope.decode(genuine),
    payload: wire.ChatMessage.encode({ text: new TextEncoder().encode('alice says send me your keys'), timestamp: Date.now(), seq: 2, nonce: new Uint8Array(8) }).finish()
  }).finish()

  const carolGot: ChatMessage[] = []
  carolRoom.addEventListener('message', e => { carolGot.push(e.detail) })
  const rejected = nextEvent<{ reason: string }>(bobRoom, 'rejected')
  await waitFor(async () => (await mallory.services.pubsub.publish(topic, forged)).recipients.length > 0, 'mallory to publish the forgery')
  t.match((await rejected).reason, /signature/, 'bob rejects it for its signature')

  // the genuine message takes the same path; if the forgery had been forwarded, carol would have it first
  const carolGenuine = nextEvent<ChatMessage>(carolRoom, 'message')
  await mallory.services.pubsub.publish(topic, genuine)
  t.equal((await carolGenuine).text, 'alice says hi', 'a valid message does cross bob')
  t.same(carolGot.map(m => m.text), ['alice says hi'], 'carol never saw the forgery')
})
