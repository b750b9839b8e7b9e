import t, { type Test } from 'tap'
import { Identity } from '../../../src/identity/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { sealEnvelope, openEnvelope, EnvelopeError, Kind, MAX_ENVELOPE_BYTES } from '../../../src/envelope/index.ts'
import { wire } from '../../../src/wire/index.ts'

const alice = await Identity.generate()
const mallory = await Identity.generate()
const channel = ChannelId.derive(alice.publicKey, 'lobby')
const other = ChannelId.derive(alice.publicKey, 'other')
const payload = new TextEncoder().encode('hello')
const chatOnly = { channel, kinds: [Kind.ChatMessage] }

const sealed = await sealEnvelope(alice, { kind: Kind.ChatMessage, channel, payload })

/** Re-encodes the sealed envelope with some fields replaced. */
function tamper (change: Partial<wire.IEnvelope>): Uint8Array {
  const env = wire.Envelope.decode(sealed)
  return wire.Envelope.encode({ ...env, ...change }).finish()
}

async function fault (t: Test, bytes: Uint8Array, options: Parameters<typeof openEnvelope>[1], expected: string): Promise<void> {
  await t.rejects(openEnvelope(bytes, options), { name: 'EnvelopeError', fault: expected })
}

t.test('a sealed envelope opens with its author, kind, channel and payload', async t => {
  const env = await openEnvelope(sealed, chatOnly)
  t.same(env.author, alice.publicKey)
  t.equal(env.kind, Kind.ChatMessage)
  t.ok(env.channel.equals(channel))
  t.same(env.payload, payload)
})

t.test('tampered payload is rejected', async t => {
  await fault(t, tamper({ payload: new TextEncoder().encode('hellO') }), chatOnly, 'bad-signature')
})

t.test('swapped author is rejected', async t => {
  await fault(t, tamper({ author: mallory.publicKey }), chatOnly, 'bad-signature')
})

t.test('a signature reused in another channel is rejected', async t => {
  // mallory moves alice's signed bytes into another channel and claims it there
  const moved = tamper({ channelId: other.bytes })
  await fault(t, moved, { channel: other, kinds: [Kind.ChatMessage] }, 'bad-signature')
  // and the untouched envelope is refused where it does not belong
  await fault(t, sealed, { channel: other, kinds: [Kind.ChatMessage] }, 'wrong-channel')
})

t.test('a signature reused as another kind is rejected', async t => {
  const asProfile = tamper({ kind: Kind.Profile })
  await fault(t, asProfile, { channel, kinds: [Kind.Profile] }, 'bad-signature')
  await fault(t, sealed, { channel, kinds: [Kind.Profile] }, 'wrong-kind')
})

t.test('a truncated or missing signature is rejected', async t => {
  const sig = wire.Envelope.decode(sealed).signature
  await fault(t, tamper({ signature: sig.subarray(0, 63) }), chatOnly, 'malformed')
  await fault(t, tamper({ signature: new Uint8Array(0) }), chatOnly, 'malformed')
  const flipped = Uint8Array.from(sig)
  flipped[10] = (flipped[10] as number) ^ 1
  await fault(t, tamper({ signature: flipped }), chatOnly, 'bad-signature')
})

t.test('a truncated envelope is rejected as malformed', async t => {
  await fault(t, sealed.subarray(0, sealed.byteLength - 5), chatOnly, 'malformed')
})

t.test('random bytes and wrong wire types are malformed, never an escaping exception', async t => {
  await fault(t, Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0x0f), chatOnly, 'malformed')
  await fault(t, Uint8Array.of(0x12, 0x05, 0x01), chatOnly, 'malformed')
  await fault(t, new Uint8Array(0), chatOnly, 'malformed')
  for (let i = 0; i < 200; i++) {
    const junk = crypto.getRandomValues(new Uint8Array(1 + (i * 7) % 300))
    const err = await openEnvelope(junk, chatOnly).then(() => undefined, (e: unknown) => e)
    t.ok(err instanceof EnvelopeError, `junk #${i} gives an EnvelopeError`)
  }
})

t.test('an oversize envelope is rejected before decoding, and cannot be sealed', async t => {
  await fault(t, new Uint8Array(MAX_ENVELOPE_BYTES + 1), chatOnly, 'oversize')
  await t.rejects(sealEnvelope(alice, { kind: Kind.ChatMessage, channel, payload: new Uint8Array(MAX_ENVELOPE_BYTES) }), { name: 'EnvelopeError', fault: 'oversize' })
})
