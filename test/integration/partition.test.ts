import t from 'tap'
import { Identity } from '../../src/identity/index.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { Right } from '../../src/moderation/index.ts'
import { testChatPeer } from '../helpers/nodes.ts'
import { waitFor } from '../helpers/wait.ts'
import type { ChatRoom } from '../../src/chat/index.ts'
import type { ChannelModeration } from '../../src/moderation/index.ts'
import type { ChatNode } from '../helpers/nodes.ts'
import type { ConnectionGater, PeerId } from '@libp2p/interface'

type Side = 'east' | 'west'
interface Member { side: Side, node: ChatNode, identity: Identity, room: ChatRoom, mod: ChannelModeration }

/** While cut, nodes refuse every connection to and from the other side. */
class Partition {
  cut = false
  readonly #sides = new Map<string, Side>()

  gater (side: Side): ConnectionGater {
    const across = (peer: PeerId): boolean => this.cut && this.#sides.get(peer.toString()) !== undefined && this.#sides.get(peer.toString()) !== side
    return { denyDialPeer: async (peer) => across(peer), denyInboundEncryptedConnection: async (peer) => across(peer) }
  }

  add (member: Member): void {
    this.#sides.set(member.node.peerId.toString(), member.side)
  }

  crossing (a: Member, b: Member): boolean {
    return a.side !== b.side
  }
}

t.test('two halves cut apart keep chatting and moderating; after the heal both hold the same history and moderation state', async t => {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'partitioned')
  const partition = new Partition()
  const members: Member[] = []
  for (const [i, side] of (['east', 'east', 'east', 'west', 'west', 'west'] as const).entries()) {
    const p = await testChatPeer(t, `${side}${i % 3}`, [], { identity: i === 0 ? owner : undefined, connectionGater: partition.gater(side) })
    const member = { side, node: p.node, identity: p.identity, room: await p.node.services.chat.join(channel), mod: await p.node.services.moderation.join(channel) }
    partition.add(member)
    members.push(member)
  }
  const east = members.slice(0, 3)
  const west = members.slice(3)
  // each side meshed inside, one link between them
  for (const side of [east, west]) for (const a of side) for (const b of side) if (a !== b) await a.node.dial(b.node.getMultiaddrs())
  await east[0]!.node.dial(west[0]!.node.getMultiaddrs())
  await waitFor(() => members.every(m => m.room.peers().length >= 2 && m.node.services.pubsub.getSubscribers(m.mod.topic).length >= 2), 'every node to share the topics', 20_000)

  const moderator = west[0]!
  await east[0]!.mod.grant(moderator.identity.key, Right.Ban | Right.Mute)
  const before = await east[1]!.room.send('before the cut')
  await waitFor(() => members.every(m => m.room.history.has(before.id) && (m.mod.policy.rightsOf(moderator.identity.key) & Right.Mute) !== 0), 'the first line and the grant to reach everyone', 20_000)

  // cut: no connection crosses, none can be made
  partition.cut = true
  for (const a of members) for (const b of members) if (partition.crossing(a, b)) await a.node.hangUp(b.node.peerId)
  await waitFor(() => east.every(a => west.every(b => a.node.getConnections(b.node.peerId).length === 0)), 'the halves to be apart')

  const trollA = await Identity.generate()
  const trollB = await Identity.generate()
  const sentEast: string[] = []
  const sentWest: string[] = []
  for (let i = 0; i < 5; i++) {
    sentEast.push((await east[i % 3]!.room.send(`east ${i}`)).id)
    sentWest.push((await west[i % 3]!.room.send(`west ${i}`)).id)
  }
  await east[0]!.mod.act('ban', trollA.key, { reason: 'east side ban' })
  await moderator.mod.act('mute', trollB.key, { reason: 'west side mute' })
  await waitFor(() => east.every(m => sentEast.every(id => m.room.history.has(id)) && m.mod.policy.standing(trollA.key) === 'banned'), 'the east half to chat and ban among itself')
  await waitFor(() => west.every(m => sentWest.every(id => m.room.history.has(id)) && m.mod.policy.standing(trollB.key) === 'muted'), 'the west half to chat and mute among itself')
  t.ok(east.every(m => sentWest.every(id => !m.room.history.has(id))) && west.every(m => sentEast.every(id => !m.room.history.has(id))), 'nothing crossed while cut')
  t.ok(west.every(m => m.mod.policy.standing(trollA.key) === 'clear'), 'the west did not hear of the east\'s ban')

  // heal: one link again
  const healedAt = Date.now()
  partition.cut = false
  await east[0]!.node.dial(west[0]!.node.getMultiaddrs())
  const all = [before.id, ...sentEast, ...sentWest]
  await waitFor(() => members.every(m => all.every(id => m.room.history.has(id))), 'every node to hold every message after the heal', 30_000).catch((err: Error) => {
    for (const m of members) t.comment(`${m.side}: holds ${all.filter(id => m.room.history.has(id)).length}/${all.length}, connections ${m.node.getConnections().length}, topic peers ${m.room.peers().length}`)
    throw err
  })
  await waitFor(() => members.every(m => m.mod.policy.standing(trollA.key) === 'banned' && m.mod.policy.standing(trollB.key) === 'muted'), 'every node to hold both moderation actions', 30_000)
  t.comment(`converged ${Date.now() - healedAt} ms after the heal`)

  const histories = await Promise.all(members.map(async m => (await m.room.messages({ last: 100 })).map(msg => msg.id)))
  t.same(new Set(histories.map(h => h.join())).size, 1, 'all six nodes hold the same history in the same order')
  t.equal(histories[0]!.length, all.length, 'each message once')
})
