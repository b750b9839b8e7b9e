import t from 'tap'
import { TopicValidatorResult } from '@libp2p/gossipsub'
import { Identity } from '../../src/identity/index.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { Right } from '../../src/moderation/index.ts'
import { testChatPeer, testRelay } from '../helpers/nodes.ts'
import { runCli, tempDir } from '../helpers/cli.ts'
import { nextEvent, waitFor } from '../helpers/wait.ts'
import type { ChatMessage, ChatRoom } from '../../src/chat/index.ts'
import type { ChannelModeration } from '../../src/moderation/index.ts'
import type { ChatNode } from '../helpers/nodes.ts'
import type { Test } from 'tap'

interface Member { node: ChatNode, identity: Identity, room: ChatRoom, mod: ChannelModeration, dir: string, stop: () => Promise<void> }

async function member (t: Test, name: string, bootstrap: string[], channel: ChannelId, options: { identity?: Identity, dir?: string } = {}): Promise<Member> {
  const p = await testChatPeer(t, name, bootstrap, options)
  const room = await p.node.services.chat.join(channel)
  const mod = await p.node.services.moderation.join(channel)
  return { ...p, room, mod }
}

t.test('a granted moderator bans from one node and all ten enforce it within a second; late joiners learn it; unban restores', async t => {
  const { bootstrap } = await testRelay(t)
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'moderated')
  const members = await Promise.all(Array.from({ length: 10 }, async (_, i) => await member(t, `n${i}`, bootstrap, channel, i === 0 ? { identity: owner } : {})))
  const [ownerNode, moderator, troll] = members as [Member, Member, Member]
  await waitFor(() => members.every(m => m.room.peers().length === 9 && m.node.services.pubsub.getSubscribers(m.mod.topic).length === 9), 'all ten to share the chat and mod topics', 30_000)

  await ownerNode.mod.grant(moderator.identity.key, Right.Ban | Right.Mute)
  await waitFor(() => members.every(m => m.mod.policy.rightsOf(moderator.identity.key) === (Right.Ban | Right.Mute)), 'every node to know the grant')

  const before = await troll.room.send('troll line before the ban')
  await waitFor(() => members.every(m => m.room.history.has(before.id)), 'the troll line to reach everyone')

  const banned = Date.now()
  await moderator.mod.act('ban', troll.identity.key, { reason: 'spam' })
  await waitFor(() => members.every(m => m.mod.policy.standing(troll.identity.key) === 'banned'), 'every node to enforce the ban', 5_000, 5)
  const enforceMs = Date.now() - banned
  t.ok(enforceMs <= 1000, `all ten nodes enforce the ban ${enforceMs} ms after it was sent`)

  for (const m of members.slice(1)) {
    t.notOk((await m.room.messages()).some(msg => msg.author === troll.identity.key), `${m.node.peerId.toString().slice(-6)} hides the earlier line retroactively`)
  }
  const shown: ChatMessage[] = []
  for (const m of members.slice(3)) m.room.addEventListener('message', e => { shown.push(e.detail) })
  const after = await troll.room.send('troll line after the ban').catch(() => undefined)
  // the troll's own node sends it, but nobody takes it further
  const marker = await ownerNode.room.send('owner line')
  await waitFor(() => members.slice(3).every(m => m.room.history.has(marker.id)), 'the owner line to reach everyone')
  t.notOk(shown.some(m => m.author === troll.identity.key), 'nobody shows the troll\'s new line')
  t.notOk(members.slice(1).some(m => after != null && m.room.history.has(after.id) && m !== troll), 'nobody but the troll stores it')

  const late = await member(t, 'late', bootstrap, channel)
  await waitFor(() => late.mod.policy.standing(troll.identity.key) === 'banned', 'the late joiner to learn the ban by sync', 20_000)
  await waitFor(() => late.room.history.has(marker.id), 'the late joiner to sync chat')
  t.notOk((await late.room.messages()).some(m => m.author === troll.identity.key), 'the late joiner never shows the banned author')

  await moderator.mod.act('unban', troll.identity.key)
  await waitFor(() => [...members, late].every(m => m.mod.policy.standing(troll.identity.key) === 'clear'), 'every node to lift the ban')
  const back = await troll.room.send('troll line after the unban')
  await waitFor(() => [...members, late].every(m => m.room.history.has(back.id)), 'the troll to be heard again')
  t.pass('unban restores')

  // a second moderator acts from the real CLI, in its own process, through the relay
  const cliData = await tempDir()
  t.teardown(cliData.remove)
  const cliKey = (JSON.parse((await runCli(['id', '--json', '--data', cliData.dir])).stdout) as { key: string }).key
  await ownerNode.mod.grant(cliKey, Right.Ban)
  await waitFor(() => members.every(m => m.mod.policy.rightsOf(cliKey) === Right.Ban), 'every node to know the second grant')
  const enforcedAt: number[] = []
  for (const m of members) {
    const check = (): void => {
      if (m.mod.policy.standing(troll.identity.key) !== 'banned') return
      m.mod.removeEventListener('policy-changed', check)
      enforcedAt.push(Date.now())
    }
    m.mod.addEventListener('policy-changed', check)
  }
  const cli = await runCli(['mod', 'ban', '--channel', channel.text, '--user', troll.identity.key, '--bootstrap', bootstrap[0]!, '--host', '127.0.0.1', '--data', cliData.dir, '--json'])
  t.equal(cli.code, 0, `swarmcast mod ban exits 0 (${cli.stderr})`)
  await waitFor(() => enforcedAt.length === 10, 'all ten nodes to enforce the CLI ban')
  const spreadMs = Math.max(...enforcedAt) - Math.min(...enforcedAt)
  t.ok(spreadMs <= 1000, `the CLI ban reached all ten nodes within ${spreadMs} ms of the first`)
})

t.test('a revoked moderator\'s later bans do nothing; its earlier bans stand', async t => {
  const { bootstrap } = await testRelay(t)
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'revocation')
  const [o, m, a, b] = await Promise.all(['o', 'm', 'a', 'b'].map(async (n, i) => await member(t, n, bootstrap, channel, i === 0 ? { identity: owner } : {})))
  await waitFor(() => [o!, m!, a!, b!].every(x => x.node.services.pubsub.getSubscribers(x.mod.topic).length === 3), 'all four to meet')
  const [grant] = [await o!.mod.grant(m!.identity.key, Right.Ban)]
  await waitFor(() => m!.mod.policy.rightsOf(m!.identity.key) !== 0, 'the moderator to learn its grant')
  await m!.mod.act('ban', a!.identity.key)
  await waitFor(() => b!.mod.policy.standing(a!.identity.key) === 'banned', 'the first ban to apply')
  await o!.mod.revoke({ grantId: grant!.id })
  await waitFor(() => [m!, b!].every(x => x.mod.policy.rightsOf(m!.identity.key) === 0), 'the revocation to spread')
  // the revoked moderator's node still holds its grant locally and signs with it; peers void it
  await t.rejects(m!.mod.act('ban', b!.identity.key), { name: 'NotAModeratorError' }, 'its own node refuses to act without a valid grant')
  t.equal(b!.mod.policy.standing(a!.identity.key), 'banned', 'the ban from before the revocation stands')
})

t.test('a viewer following another list hides its targets for itself while its neighbours still forward them', async t => {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'lists')
  // a line: curator — viewer — far; the target posts through the viewer
  const curator = await member(t, 'curator', [], channel)
  const viewer = await member(t, 'viewer', [], channel)
  const far = await member(t, 'far', [], channel)
  const target = await member(t, 'target', [], channel)
  await curator.node.dial(viewer.node.getMultiaddrs()[0]!)
  await target.node.dial(viewer.node.getMultiaddrs()[0]!)
  await viewer.node.dial(far.node.getMultiaddrs()[0]!)
  await waitFor(() => viewer.room.peers().length === 3 && far.room.peers().length === 1 && viewer.node.services.pubsub.getSubscribers(viewer.mod.topic).length === 3, 'the line to form')

  await viewer.mod.subscribe(curator.identity.key)
  await curator.mod.act('mute', target.identity.key, { asList: true, reason: 'not my taste' })
  await waitFor(() => viewer.mod.hidesForViewer(target.identity.key), 'the viewer to apply the list')
  t.equal(viewer.mod.decide(target.identity.key), 'allow', 'the list is not channel moderation: the viewer still forwards')

  const farGot = nextEvent<ChatMessage>(far.room, 'message', 10_000, m => m.author === target.identity.key)
  const viewerShown: ChatMessage[] = []
  viewer.room.addEventListener('message', e => { viewerShown.push(e.detail) })
  const sent = await target.room.send('hello everyone')
  t.equal((await farGot).id, sent.id, 'the far node got it through the viewer')
  await waitFor(() => viewer.room.history.has(sent.id), 'the viewer to store it')
  t.notOk(viewerShown.some(m => m.id === sent.id), 'but did not show it')
  t.notOk((await viewer.room.messages()).some(m => m.id === sent.id), 'nor lists it')

  // restart keeps subscriptions and the log
  await viewer.stop()
  const again = await member(t, 'viewer-again', [], channel, { dir: viewer.dir, identity: viewer.identity })
  t.same(again.mod.subscriptions(), [curator.identity.key])
  t.ok(again.mod.hidesForViewer(target.identity.key), 'still hidden after a restart')
  await again.mod.unsubscribe(curator.identity.key)
  t.notOk(again.mod.hidesForViewer(target.identity.key))
  t.ok((await again.room.messages()).some(m => m.id === sent.id), 'unsubscribing shows the line again')
})

t.test('bad moderation messages are refused and a forger loses score', async t => {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'attacks')
  const honest = await member(t, 'honest', [], channel)
  const attacker = await member(t, 'attacker', [], channel)
  attacker.node.services.pubsub.topicValidators.set(attacker.mod.topic, () => TopicValidatorResult.Accept)
  await attacker.node.dial(honest.node.getMultiaddrs()[0]!)
  await waitFor(() => attacker.node.services.pubsub.getSubscribers(attacker.mod.topic).length === 1, 'the two to meet')
  // the attacker claims to be the owner: its own node signs, so the owner key it puts in is a lie
  const { actionBytes } = await import('../helpers/mod-envelopes.ts')
  const { wire } = await import('../../src/wire/index.ts')
  const victim = await Identity.generate()
  const forged = wire.Envelope.encode({ ...wire.Envelope.decode(await actionBytes(attacker.identity, channel, { type: 'ban', target: victim, version: 1 })), author: owner.publicKey }).finish()
  const refused = nextEvent<{ reason: string }>(honest.mod, 'rejected')
  await waitFor(async () => (await attacker.node.services.pubsub.publish(attacker.mod.topic, forged)).recipients.length > 0, 'the forgery to go out')
  t.match((await refused).reason, /signature/)
  t.equal(honest.mod.policy.standing(victim.key), 'clear', 'the forged ban changed nothing')
  const backdated = nextEvent<{ reason: string }>(honest.mod, 'rejected')
  await attacker.node.services.pubsub.publish(attacker.mod.topic, await actionBytes(attacker.identity, channel, { type: 'ban', target: victim, version: 2, timestamp: Date.now() - 3600_000 }))
  t.match((await backdated).reason, /backdated/)
  t.equal([...honest.mod.policy.log()].length, 0, 'nothing stored')
})
