import t from 'tap'
import { Identity } from '../../../src/identity/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { ChatValidator, MAX_FUTURE_MS, MAX_PAST_MS } from '../../../src/chat/index.ts'
import { sealEnvelope, Kind, MAX_ENVELOPE_BYTES } from '../../../src/envelope/index.ts'
import { chatEnvelope, profileEnvelope, tamper } from '../../helpers/chat-envelopes.ts'
import type { Validation } from '../../../src/chat/index.ts'

const alice = await Identity.generate()
const lobby = ChannelId.derive(alice.publicKey, 'lobby')
const elsewhere = ChannelId.derive(alice.publicKey, 'elsewhere')

function verdict (v: Validation): string {
  return v.verdict === 'accept' ? 'accept' : `${v.verdict}: ${v.reason}`
}

t.test('a valid message and profile are accepted with their fields', async t => {
  const v = new ChatValidator(lobby)
  const r = await v.validate(await chatEnvelope(alice, lobby, { text: 'hi :wave:' }), 'live')
  t.equal(r.verdict, 'accept')
  if (r.verdict === 'accept' && r.item.kind === 'message') {
    t.equal(r.item.message.text, 'hi :wave:', 'emote codes stay text')
    t.equal(r.item.message.author, alice.key)
  }
  const p = await v.validate(await profileEnvelope(alice, lobby, 'alice'), 'live')
  t.equal(p.verdict, 'accept')
})

t.test('faults anyone can check are Rejected', async t => {
  const v = new ChatValidator(lobby)
  const mallory = await Identity.generate()
  const genuine = await chatEnvelope(alice, lobby)
  const cases: Array<[string, Uint8Array]> = [
    ['tampered', tamper(genuine, 'pay me')],
    ['wrong channel', await chatEnvelope(alice, elsewhere)],
    ['oversize', new Uint8Array(MAX_ENVELOPE_BYTES + 1)],
    ['malformed', crypto.getRandomValues(new Uint8Array(200))],
    ['invalid UTF-8', await chatEnvelope(alice, lobby, { text: Uint8Array.of(0xc3, 0x28) })],
    ['empty text', await chatEnvelope(alice, lobby, { text: '' })],
    ['short nonce', await chatEnvelope(alice, lobby, { nonce: new Uint8Array(3) })],
    ['text too long', await chatEnvelope(alice, lobby, { text: 'x'.repeat(2049) })],
    ['bad nick', await profileEnvelope(alice, lobby, 'x'.repeat(40))],
    ['wrong kind', await sealEnvelope(mallory, { kind: 99 as Kind, channel: lobby, payload: new Uint8Array(4) })]
  ]
  for (const [name, bytes] of cases) {
    t.match(verdict(await v.validate(bytes, 'live')), /^reject: /, name)
    t.match(verdict(await v.validate(bytes, 'sync')), /^reject: /, `${name} (sync)`)
  }
})

t.test('time window: future-dated never, past only through history sync', async t => {
  const now = Date.now()
  const v = new ChatValidator(lobby, { now: () => now })
  const future = await chatEnvelope(alice, lobby, { timestamp: now + MAX_FUTURE_MS + 1000 })
  t.match(verdict(await v.validate(future, 'live')), /^ignore: .*future/)
  t.match(verdict(await v.validate(future, 'sync')), /^ignore: .*future/)
  const old = await chatEnvelope(alice, lobby, { timestamp: now - MAX_PAST_MS - 1000 })
  t.match(verdict(await v.validate(old, 'live')), /^ignore: .*past/)
  t.equal(verdict(await v.validate(old, 'sync')), 'accept', 'history is old by nature')
  t.equal(verdict(await v.validate(await chatEnvelope(alice, lobby, { timestamp: now + MAX_FUTURE_MS - 1000 }), 'live')), 'accept', 'inside the window')
})

t.test('replays are Ignored; reordered deliveries are not', async t => {
  const v = new ChatValidator(lobby)
  const m5 = await chatEnvelope(alice, lobby, { seq: 5 })
  const m4 = await chatEnvelope(alice, lobby, { seq: 4 })
  t.equal(verdict(await v.validate(m5, 'live')), 'accept')
  t.match(verdict(await v.validate(m5, 'live')), /^ignore: replay/)
  t.equal(verdict(await v.validate(m4, 'live')), 'accept', 'seq 4 after 5 is a reordering, not a replay')
  t.match(verdict(await v.validate(await chatEnvelope(alice, lobby, { seq: 5, text: 'other text, same seq' }), 'live')), /^ignore: replay/)
})

t.test('the per-author rate limit ignores a flood without touching other authors', async t => {
  let now = Date.now()
  const v = new ChatValidator(lobby, { now: () => now, ratePerSecond: 2, rateBurst: 3 })
  const bob = await Identity.generate()
  const results: string[] = []
  for (let i = 0; i < 5; i++) results.push(verdict(await v.validate(await chatEnvelope(alice, lobby, { timestamp: now }), 'live')))
  t.same(results.map(r => r.split(':')[0]), ['accept', 'accept', 'accept', 'ignore', 'ignore'])
  t.match(results[3], /rate limit/)
  t.equal(verdict(await v.validate(await chatEnvelope(bob, lobby, { timestamp: now }), 'live')), 'accept', 'bob is unaffected')
  now += 500
  t.equal(verdict(await v.validate(await chatEnvelope(alice, lobby, { timestamp: now }), 'live')), 'accept', 'a token back after 1/rate')
})

t.test('history sync applies the rate limit to the authors\' timestamps', async t => {
  const now = Date.now()
  const v = new ChatValidator(lobby, { now: () => now, ratePerSecond: 5, rateBurst: 10 })
  const flooder = await Identity.generate()
  // forty signed within 100 ms and served as history: a burst and a second's refill (with its 200 ms of slack) get in
  const flood = await Promise.all(Array.from({ length: 40 }, async (_, i) => await chatEnvelope(flooder, lobby, { timestamp: now - 3600_000 + Math.floor(i * 2.5) })))
  const verdicts = await Promise.all(flood.map(async b => verdict(await v.validate(b, 'sync'))))
  t.equal(verdicts.filter(r => r === 'accept').length, 16, 'burst 10 + 5/s × 1.2 s')
  t.match(verdicts.find(r => r !== 'accept'), /^ignore: .*more messages around .* than the rate limit/)

  // an author at 4 msg/s for a minute, handed over newest first: every message passes
  const honest = await Promise.all(Array.from({ length: 240 }, async (_, i) => await chatEnvelope(alice, lobby, { timestamp: now - 7200_000 + i * 250 })))
  const honestVerdicts = await Promise.all(honest.reverse().map(async b => verdict(await v.validate(b, 'sync'))))
  t.ok(honestVerdicts.every(r => r === 'accept'), 'a steady 4 msg/s author passes in any order')

  // what came live counts: ten live at one moment leave room for six more from history
  const bob = await Identity.generate()
  for (let i = 0; i < 10; i++) t.equal(verdict(await v.validate(await chatEnvelope(bob, lobby, { timestamp: now }), 'live')), 'accept')
  const more = await Promise.all(Array.from({ length: 10 }, async () => verdict(await v.validate(await chatEnvelope(bob, lobby, { timestamp: now }), 'sync'))))
  t.equal(more.filter(r => r === 'accept').length, 6, 'the live ones are counted')
})

t.test('the moderation hook is consulted last', async t => {
  const mallory = await Identity.generate()
  const v = new ChatValidator(lobby, { moderation: (author) => author === mallory.key ? 'block' : author === alice.key ? 'hide' : 'allow' })
  t.match(verdict(await v.validate(await chatEnvelope(mallory, lobby), 'live')), /^ignore: .*moderation/)
  const hidden = await v.validate(await chatEnvelope(alice, lobby), 'live')
  t.equal(hidden.verdict, 'accept')
  t.equal(hidden.verdict === 'accept' && hidden.hidden, true, 'a mute hides but does not block')
  t.match(verdict(await v.validate(tamper(await chatEnvelope(mallory, lobby), 'x'), 'live')), /^reject: /, 'signature checks come before moderation')
})

t.test('every refusal carries a fixed code beside its words', async t => {
  const now = Date.now()
  const mallory = await Identity.generate()
  const v = new ChatValidator(lobby, { now: () => now, ratePerSecond: 1, rateBurst: 1, moderation: (author) => author === mallory.key ? 'block' : 'allow' })
  const code = async (bytes: Uint8Array): Promise<string> => {
    const r = await v.validate(bytes, 'live')
    return r.verdict === 'accept' ? 'accept' : r.code
  }
  const first = await chatEnvelope(alice, lobby, { timestamp: now })
  t.equal(await code(tamper(first, 'x')), 'bad-signature')
  t.equal(await code(await chatEnvelope(alice, elsewhere)), 'wrong-channel')
  t.equal(await code(new Uint8Array(MAX_ENVELOPE_BYTES + 1)), 'oversize')
  t.equal(await code(Uint8Array.of(0x0a, 0x05, 1)), 'malformed')
  t.equal(await code(await chatEnvelope(alice, lobby, { timestamp: now + MAX_FUTURE_MS + 1000 })), 'future')
  t.equal(await code(await chatEnvelope(alice, lobby, { timestamp: now - MAX_PAST_MS - 1000 })), 'past')
  t.equal(await code(first), 'accept')
  t.equal(await code(first), 'replay')
  t.equal(await code(await chatEnvelope(alice, lobby, { timestamp: now })), 'rate-limit')
  t.equal(await code(await chatEnvelope(mallory, lobby, { timestamp: now })), 'moderation')
})
