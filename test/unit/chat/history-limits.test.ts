import t from 'tap'
import { Identity } from '../../../src/identity/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { wire } from '../../../src/wire/index.ts'
import { sealEnvelope, Kind } from '../../../src/envelope/index.ts'
import { ChatValidator, MAX_CHAT_PAYLOAD_BYTES, MAX_CHAT_TEXT_BYTES, MAX_HISTORY_BYTES, MAX_HISTORY_ITEMS, MAX_NICK_BYTES } from '../../../src/chat/index.ts'

const owner = await Identity.generate()
const lobby = ChannelId.derive(owner.publicKey, 'lobby')

/** `fields` padded with an unknown field (signed, so valid) to exactly the payload limit. */
function padded (fields: Uint8Array): Uint8Array {
  // an unknown bytes field 15: a tag byte, a one- or two-byte length, the filler
  const short = MAX_CHAT_PAYLOAD_BYTES - fields.byteLength - 2
  const length = short < 128 ? [short] : [((short - 1) & 0x7f) | 0x80, (short - 1) >> 7]
  const filler = short < 128 ? short : short - 1
  return Uint8Array.from([...fields, 0x7a, ...length, ...new Uint8Array(filler)])
}

// A history answer is cut where its bytes run out, and the asker then takes it for the
// last page: it must never run out before its message count does. The worst answer
// is MAX_HISTORY_ITEMS of the largest valid messages, each from another author with
// the largest valid profile.
t.test('a full history answer of the largest valid messages and profiles fits its byte limit', async t => {
  const author = await Identity.generate()
  const now = Date.now()
  const message = await sealEnvelope(author, {
    kind: Kind.ChatMessage,
    channel: lobby,
    payload: padded(wire.ChatMessage.encode({ text: new Uint8Array(MAX_CHAT_TEXT_BYTES).fill(0x78), timestamp: now, seq: Number.MAX_SAFE_INTEGER, nonce: new Uint8Array(8) }).finish())
  })
  const profile = await sealEnvelope(author, {
    kind: Kind.Profile,
    channel: lobby,
    payload: padded(wire.Profile.encode({ nick: 'n'.repeat(MAX_NICK_BYTES), timestamp: now, seq: Number.MAX_SAFE_INTEGER }).finish())
  })
  t.equal(wire.Envelope.decode(message).payload.byteLength, MAX_CHAT_PAYLOAD_BYTES, 'the message payload is as large as allowed')
  t.equal(wire.Envelope.decode(profile).payload.byteLength, MAX_CHAT_PAYLOAD_BYTES, 'so is the profile payload')
  const validator = new ChatValidator(lobby)
  for (const [name, bytes] of [['message', message], ['profile', profile]] as const) {
    const r = await validator.validate(bytes, 'sync')
    t.equal(r.verdict, 'accept', `the largest ${name} (${bytes.byteLength} bytes) is valid`)
  }
  const worst = MAX_HISTORY_ITEMS * (message.byteLength + profile.byteLength)
  t.ok(worst <= MAX_HISTORY_BYTES, `${MAX_HISTORY_ITEMS} of them with their profiles take ${worst} bytes, within the ${MAX_HISTORY_BYTES}-byte limit`)
})
