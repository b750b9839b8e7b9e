// Inputs the fuzzers found, kept as fixed cases.
import t from 'tap'
import { Identity } from '../../../src/identity/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { sealEnvelope, Kind } from '../../../src/envelope/index.ts'
import { wire, MalformedMessageError, OversizeMessageError } from '../../../src/wire/index.ts'
import { ChatValidator, readChatItem, MAX_CHAT_PAYLOAD_BYTES } from '../../../src/chat/index.ts'
import { ModValidator, ModerationPolicy, MAX_MOD_PAYLOAD_BYTES } from '../../../src/moderation/index.ts'
import { AnnouncementValidator, MAX_ANNOUNCEMENT_BYTES } from '../../../src/video/index.ts'
import { decodeRequest, encodeRequest, RequestKind } from '../../../src/video/swarm-messages.ts'

const owner = await Identity.generate()
const channel = ChannelId.derive(owner.publicKey, 'regressions')

t.test('a validly signed envelope whose payload is over the payload bound is Rejected, not thrown', async t => {
  // found by the validator fuzzers: decodeBounded threw OversizeMessageError, which the validators
  // re-threw; gossipsub turned the throw into Ignore (no score penalty) and history/haves sync aborted
  const text = new TextEncoder().encode('x'.repeat(MAX_CHAT_PAYLOAD_BYTES))
  const chat = await sealEnvelope(owner, { kind: Kind.ChatMessage, channel, payload: wire.ChatMessage.encode({ text, timestamp: Date.now(), seq: 1, nonce: new Uint8Array(8) }).finish() })
  for (const mode of ['live', 'sync'] as const) {
    const r = await new ChatValidator(channel).validate(chat, mode)
    t.match(r, { verdict: 'reject', code: 'malformed', reason: /over the 2112-byte limit/ }, `chat ${mode}`)
  }
  const action = await sealEnvelope(owner, { kind: Kind.ModAction, channel, payload: new Uint8Array(MAX_MOD_PAYLOAD_BYTES + 1) })
  for (const mode of ['live', 'sync'] as const) {
    const r = await new ModValidator(channel, new ModerationPolicy(owner.key)).validate(action, mode)
    t.match(r, { verdict: 'reject', code: 'malformed' }, `moderation ${mode}`)
  }
  const announcement = await sealEnvelope(owner, { kind: Kind.VideoSegment, channel, payload: new Uint8Array(MAX_ANNOUNCEMENT_BYTES + 1) })
  for (const mode of ['live', 'haves'] as const) {
    const r = await new AnnouncementValidator(channel).validate(announcement, mode)
    t.match(r, { verdict: 'reject', code: 'malformed' }, `video ${mode}`)
  }
})

t.test('OversizeMessageError is a MalformedMessageError that keeps its own name', async t => {
  const err = new OversizeMessageError('thing', 10, 5)
  t.ok(err instanceof MalformedMessageError)
  t.equal(err.name, 'OversizeMessageError')
  let thrown: unknown
  try {
    readChatItem(new Uint8Array(0), { kind: Kind.Profile, channel, author: owner.publicKey, payload: new Uint8Array(MAX_CHAT_PAYLOAD_BYTES + 1) })
  } catch (err) {
    thrown = err
  }
  t.ok(thrown instanceof MalformedMessageError, 'an oversize payload is what the readers document: a MalformedMessageError')
})

t.test('an init request must name a 32-byte hash', async t => {
  // found by the decodeRequest fuzzer: any length up to 256 KiB passed, and the responder hex-encoded it (~30-70 ms of CPU each)
  const big = encodeRequest({ channelId: channel.bytes, kind: RequestKind.Init, initHash: new Uint8Array(200 * 1024) })
  t.throws(() => decodeRequest(big), { name: 'MalformedMessageError', message: /init hash must be 32 bytes/ })
  t.throws(() => decodeRequest(encodeRequest({ channelId: channel.bytes, kind: RequestKind.Init })), MalformedMessageError, 'no hash at all')
  t.same(decodeRequest(encodeRequest({ channelId: channel.bytes, kind: RequestKind.Init, initHash: new Uint8Array(32).fill(1) })).initHash, new Uint8Array(32).fill(1))
  t.equal(decodeRequest(encodeRequest({ channelId: channel.bytes, kind: RequestKind.Segment, seq: 5, initHash: new Uint8Array(1000) })).initHash.byteLength, 0, 'other kinds drop the field')
})
