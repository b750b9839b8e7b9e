import t from 'tap'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { Identity } from '../../../src/identity/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { sealEnvelope, Kind } from '../../../src/envelope/index.ts'
import { signProduceAuthorization, verifyProduceAuthorization, SFU_AUTH_WINDOW_MS } from '../../../src/sfu/index.ts'

const owner = await Identity.generate()
const channel = ChannelId.derive(owner.publicKey, 'sfu')
const other = ChannelId.derive(owner.publicKey, 'other')
const peer = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
const thief = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))

t.test('a fresh authorization for this peer and channel names its signer', async t => {
  const auth = await signProduceAuthorization(owner, channel, peer)
  t.equal(await verifyProduceAuthorization(auth, { channel, peer }), owner.key)
})

t.test('refused: another peer, another channel, stale or future, missing, another kind', async t => {
  const auth = await signProduceAuthorization(owner, channel, peer)
  const refused = { name: 'SfuAuthorizationError' }
  await t.rejects(verifyProduceAuthorization(auth, { channel, peer: thief }), { ...refused, message: /another peer/ })
  await t.rejects(verifyProduceAuthorization(auth, { channel: other, peer }), { ...refused, message: /another channel/ })
  await t.rejects(verifyProduceAuthorization(auth, { channel, peer, now: Date.now() + SFU_AUTH_WINDOW_MS + 5_000 }), { ...refused, message: /clock/ })
  const future = await signProduceAuthorization(owner, channel, peer, Date.now() + SFU_AUTH_WINDOW_MS + 5_000)
  await t.rejects(verifyProduceAuthorization(future, { channel, peer }), { ...refused, message: /clock/ })
  await t.rejects(verifyProduceAuthorization(new Uint8Array(0), { channel, peer }), { ...refused, message: /no authorization/ })
  const chat = await sealEnvelope(owner, { kind: Kind.ChatMessage, channel, payload: new Uint8Array(4) })
  await t.rejects(verifyProduceAuthorization(chat, { channel, peer }), { ...refused, message: /not accepted here/ })
})
