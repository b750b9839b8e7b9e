import t, { type Test } from 'tap'
import { Identity } from '../../../src/identity/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { sealEnvelope, openEnvelope, EnvelopeError, Kind, MAX_ENVELOPE_BYTES } from '../../../src/envelope/index.ts'
import protobuf from 'protobufjs/minimal.js'
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

// The envelope's framing is not signed: without this rule the same signed message
// could travel in many byte forms, each a different message id, and be stored and
// shown once per form (a hostile peer serving history would do just that).
t.test('one signed message has one byte form: any other encoding of the same fields is malformed', async t => {
  const env = wire.Envelope.decode(sealed)
  const concat = (...parts: ArrayLike<number>[]): Uint8Array => Uint8Array.from(parts.flatMap(p => Array.from(p)))
  t.equal(sealed[0], 0x08, 'the sealed envelope starts with its kind')
  t.ok(sealed[1]! < 0x80, 'in one varint byte')
  const reordered = protobuf.Writer.create()
  reordered.uint32(42).bytes(env.signature).uint32(34).bytes(env.payload).uint32(26).bytes(env.channelId).uint32(18).bytes(env.author).uint32(8).int32(env.kind)
  const forms: Record<string, Uint8Array> = {
    'an unknown field appended': concat(sealed, [0x30, 0x01]),
    'a field given twice (the last wins on decode)': concat([0x12, 32], mallory.publicKey, sealed),
    'a varint padded to two bytes': concat([0x08, sealed[1]! | 0x80, 0x00], sealed.subarray(2)),
    'the fields in another order': reordered.finish(),
    'the kind set explicitly to its default after the real one': concat(sealed, [0x08, sealed[1]!])
  }
  for (const [name, bytes] of Object.entries(forms)) {
    t.not(Buffer.from(bytes).toString('hex'), Buffer.from(sealed).toString('hex'), `${name}: other bytes`)
    await fault(t, bytes, chatOnly, 'malformed')
  }
  t.ok(await openEnvelope(sealed, chatOnly), 'the sealed form still opens')
})
