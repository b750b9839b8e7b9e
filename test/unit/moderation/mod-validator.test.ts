import t from 'tap'
import { Identity } from '../../../src/identity/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { ModerationPolicy, ModValidator, Right } from '../../../src/moderation/index.ts'
import { sealEnvelope, Kind } from '../../../src/envelope/index.ts'
import { wire } from '../../../src/wire/index.ts'
import { action, actionBytes, grantBytes } from '../../helpers/mod-envelopes.ts'

const owner = await Identity.generate()
const mod = await Identity.generate()
const troll = await Identity.generate()
const channel = ChannelId.derive(owner.publicKey, 'mods')
const other = ChannelId.derive(owner.publicKey, 'other')

t.test('moderation items are checked like chat: Reject what anyone can check, Ignore the rest', async t => {
  const now = Date.now()
  const policy = new ModerationPolicy(owner.key)
  const v = new ModValidator(channel, policy, () => now)
  const verdict = async (b: Uint8Array, mode: 'live' | 'sync' = 'live'): Promise<string> => {
    const r = await v.validate(b, mode)
    return r.verdict === 'accept' ? 'accept' : `${r.verdict}: ${r.reason}`
  }
  t.equal(await verdict(await actionBytes(owner, channel, { type: 'ban', target: troll, version: 1, timestamp: now })), 'accept')
  t.equal(await verdict(await grantBytes(owner, channel, { grantee: mod, rights: Right.Ban, timestamp: now })), 'accept')

  const forged = wire.Envelope.encode({ ...wire.Envelope.decode(await grantBytes(mod, channel, { grantee: mod, rights: Right.Ban })), author: owner.publicKey }).finish()
  t.match(await verdict(forged), /^reject: .*signature/, 'a forged grant')
  t.match(await verdict(await actionBytes(owner, other, { type: 'ban', target: troll, version: 1 })), /^reject: .*another channel/)
  t.match(await verdict(await actionBytes(owner, channel, { type: 'ban', target: troll, version: 2, reason: 'x'.repeat(300) })), /^reject: .*reason/)
  t.match(await verdict(await sealEnvelope(owner, { kind: Kind.ModAction, channel, payload: Uint8Array.of(0x12, 0x03, 1) })), /^reject: /, 'a malformed action')
  t.match(await verdict(await grantBytes(owner, channel, { grantee: mod, rights: 64 })), /^reject: .*rights/, 'unknown rights')
  t.match(await verdict(await actionBytes(owner, channel, { type: 'ban', target: troll, version: 3, timestamp: now - 3600_000 })), /^ignore: backdated/)
  t.equal(await verdict(await actionBytes(owner, channel, { type: 'ban', target: troll, version: 4, timestamp: now - 3600_000 }), 'sync'), 'accept', 'old items come through sync')
  t.match(await verdict(await actionBytes(owner, channel, { type: 'ban', target: troll, version: 5, timestamp: now + 3600_000 }), 'sync'), /^ignore: .*future/)

  policy.add(await action(owner, channel, { type: 'unban', target: troll, version: 10, timestamp: now }))
  t.match(await verdict(await actionBytes(owner, channel, { type: 'ban', target: troll, version: 9, timestamp: now })), /^ignore: stale/)
})
