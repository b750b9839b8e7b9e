import t from 'tap'
import { Identity } from '../../../src/identity/index.ts'
import { ChannelId, chatTopic, modTopic, videoTopic, CHANNEL_ID_LENGTH } from '../../../src/channel/index.ts'

const alice = await Identity.generate()
const bob = await Identity.generate()

t.test('the id is derived from owner and name, and carries the owner key', async t => {
  const a = ChannelId.derive(alice.publicKey, 'lobby')
  t.ok(a.equals(ChannelId.derive(alice.publicKey, 'lobby')), 'same inputs, same id')
  t.notOk(a.equals(ChannelId.derive(alice.publicKey, 'lobby2')), 'other name, other id')
  t.notOk(a.equals(ChannelId.derive(bob.publicKey, 'lobby')), 'other owner, other id')
  t.equal(a.bytes.byteLength, CHANNEL_ID_LENGTH)
  t.same(a.owner, alice.publicKey)
  t.equal(a.ownerKey, alice.key)
  t.ok(a.hasName('lobby'))
  t.notOk(a.hasName('Lobby'))
})

t.test('the text form round-trips; bad text says what was expected', async t => {
  const a = ChannelId.derive(alice.publicKey, 'lobby')
  t.ok(ChannelId.parse(a.text).equals(a))
  t.ok(ChannelId.fromBytes(a.bytes).equals(a))
  t.throws(() => ChannelId.parse('0OIl'), { name: 'InvalidChannelError', message: /channel create/ })
  t.throws(() => ChannelId.parse(alice.key), { name: 'InvalidChannelError' })
  const wrongVersion = Uint8Array.from(a.bytes)
  wrongVersion[0] = 9
  t.throws(() => ChannelId.fromBytes(wrongVersion), { name: 'InvalidChannelError' })
})

t.test('names are bounded and printable', async t => {
  t.throws(() => ChannelId.derive(alice.publicKey, ''), { name: 'InvalidChannelError' })
  t.throws(() => ChannelId.derive(alice.publicKey, 'x'.repeat(65)), { name: 'InvalidChannelError' })
  t.throws(() => ChannelId.derive(alice.publicKey, 'a\nb'), { name: 'InvalidChannelError' })
  t.throws(() => ChannelId.derive(alice.publicKey, ' padded'), { name: 'InvalidChannelError' })
  t.doesNotThrow(() => ChannelId.derive(alice.publicKey, 'ünïcode ok'))
})

t.test('topic names derive from the id', async t => {
  const a = ChannelId.derive(alice.publicKey, 'lobby')
  t.equal(chatTopic(a), `/swarmcast/${a.text}/chat`)
  t.equal(modTopic(a), `/swarmcast/${a.text}/mod`)
  t.equal(videoTopic(a), `/swarmcast/${a.text}/video`)
})
