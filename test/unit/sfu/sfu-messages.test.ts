// The SFU signalling messages as the relay and clients read them: bounded,
// checked, and never a raw protobufjs or JSON exception.
import t from 'tap'
import { Identity } from '../../../src/identity/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import {
  decodeRequest, decodeResponse, decodeEvent, encodeRequest, encodeResponse, encodeEvent, parseParams,
  SfuKind, SfuStatus, SfuMedia, SfuEventKind, MAX_SFU_PARAMS_DEPTH, MAX_SFU_MESSAGE_BYTES, MAX_SFU_ID_LENGTH, MAX_SFU_MESSAGE_TEXT
} from '../../../src/sfu/index.ts'
import { feedRtpParameters, randomSsrcs } from '../../../node/sfu/index.ts'
import { hostileBytes } from '../../helpers/fuzz-bytes.ts'
import { checkTarget } from '../../helpers/fuzz-check.ts'
import type { FuzzTarget } from '../../helpers/fuzz-targets.ts'

const owner = await Identity.generate()
const channel = ChannelId.derive(owner.publicKey, 'sfu')
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const decodeErrors = ['MalformedMessageError', 'OversizeMessageError'] as const

const requests = [
  encodeRequest({ kind: SfuKind.Capabilities, channelId: channel.bytes }),
  encodeRequest({ kind: SfuKind.Produce, channelId: channel.bytes, authorization: new Uint8Array(120).fill(7), params: feedRtpParameters(randomSsrcs()) }),
  encodeRequest({ kind: SfuKind.Consume, channelId: channel.bytes, transportId: 'a7c9d7f4-3b0e-4a43-9d35-5f1f2f0c1e11', media: SfuMedia.Video, params: { rtpCapabilities: { codecs: [] } } }),
  encodeRequest({ kind: SfuKind.Resume, channelId: channel.bytes, consumerId: 'c1' })
]
const responses = [
  encodeResponse({ status: SfuStatus.Ok, transportId: 't1', params: { iceParameters: { usernameFragment: 'u', password: 'p' } } }),
  encodeResponse({ status: SfuStatus.Ok, epoch: 7, targets: [{ media: SfuMedia.Video, ip: '127.0.0.1', port: 40000, rtcpPort: 40001 }, { media: SfuMedia.Audio, ip: '127.0.0.1', port: 40002, rtcpPort: 40003 }] }),
  encodeResponse({ status: SfuStatus.Busy, message: 'full' })
]
const events = [
  encodeEvent({ kind: SfuEventKind.ProducerReady, epoch: 3 }),
  encodeEvent({ kind: SfuEventKind.ConsumerClosed, consumerId: 'c1', transportId: 't1', reason: 'producer-closed' })
]

const idOk = (id: string): boolean => id.length <= MAX_SFU_ID_LENGTH && /^[A-Za-z0-9_-]*$/.test(id)

const targets: Array<FuzzTarget<Uint8Array>> = [
  {
    name: 'sfu decodeRequest',
    source: 'src/sfu/sfu-messages.ts',
    input: hostileBytes(requests, { maxField: 7, strings: [4, 5, 7] }),
    baseline: requests,
    run: decodeRequest,
    errors: decodeErrors,
    judge: (r) => {
      const q = r as ReturnType<typeof decodeRequest>
      if (!(Object.values(SfuKind).includes(q.kind) && q.channelId.byteLength === channel.bytes.byteLength && idOk(q.transportId) && idOk(q.consumerId) && q.authorization.byteLength <= 1024)) throw new Error('request out of bounds')
      return 'accepted'
    },
    show: hex
  },
  {
    name: 'sfu decodeResponse',
    source: 'src/sfu/sfu-messages.ts',
    input: hostileBytes(responses, { maxField: 7, strings: [2, 3, 4, 5], repeated: [{ field: 6, max: 2, entry: new Uint8Array([8, 1, 18, 9, ...new TextEncoder().encode('127.0.0.1'), 24, 1]) }] }),
    baseline: responses,
    run: decodeResponse,
    errors: decodeErrors,
    judge: (r) => {
      const s = r as ReturnType<typeof decodeResponse>
      if (!(s.targets.length <= 2 && s.targets.every(x => x.port >= 1 && x.port <= 65535) && s.message.length <= MAX_SFU_MESSAGE_TEXT)) throw new Error('response out of bounds')
      return 'accepted'
    },
    show: hex
  },
  {
    name: 'sfu decodeEvent',
    source: 'src/sfu/sfu-messages.ts',
    input: hostileBytes(events, { maxField: 5, strings: [3, 4, 5] }),
    baseline: events,
    run: decodeEvent,
    errors: decodeErrors,
    judge: (r) => {
      const e = r as ReturnType<typeof decodeEvent>
      if (!(Object.values(SfuEventKind).includes(e.kind) && idOk(e.consumerId) && idOk(e.transportId) && e.reason.length <= MAX_SFU_MESSAGE_TEXT)) throw new Error('event out of bounds')
      return 'accepted'
    },
    show: hex
  }
]

for (const target of targets) {
  t.test(target.name, async t => { await checkTarget(t, target, 3000) })
}

t.test('requests, responses and events round-trip', async t => {
  const rtp = feedRtpParameters({ video: 1, audio: 2 })
  const r = decodeRequest(encodeRequest({ kind: SfuKind.Produce, channelId: channel.bytes, params: rtp }))
  t.same(r.params, rtp, 'the JSON params survive')
  t.equal(r.media, 0)
  const res = decodeResponse(encodeResponse({ status: SfuStatus.NotFound, message: 'x'.repeat(10_000) }))
  t.equal(res.message.length, MAX_SFU_MESSAGE_TEXT, 'an over-long message is cut when encoded, not refused')
  t.same(decodeEvent(encodeEvent({ kind: SfuEventKind.TransportClosed, transportId: 't', reason: 'worker-died' })), { kind: SfuEventKind.TransportClosed, epoch: 0, transportId: 't', consumerId: '', reason: 'worker-died' })
})

t.test('params: bounded size and depth, JSON only', async t => {
  t.equal(parseParams(''), undefined)
  let deep: unknown = 1
  for (let i = 0; i < MAX_SFU_PARAMS_DEPTH; i++) deep = [deep]
  t.doesNotThrow(() => parseParams(JSON.stringify(deep)), 'nesting at the limit is read')
  t.throws(() => parseParams(JSON.stringify([deep])), { name: 'MalformedMessageError', message: /nest deeper/ })
  t.throws(() => parseParams('['.repeat(40_000) + ']'.repeat(40_000)), { name: 'MalformedMessageError' }, 'a huge nesting is refused by size first, without recursion')
  t.throws(() => parseParams('{"a":'), { name: 'MalformedMessageError', message: /not JSON/ })
  t.throws(() => decodeRequest(new Uint8Array(MAX_SFU_MESSAGE_BYTES + 1)), { name: 'OversizeMessageError' })
  t.throws(() => decodeRequest(encodeRequest({ kind: SfuKind.Resume, channelId: channel.bytes, consumerId: '../../etc' })), { name: 'MalformedMessageError', message: /consumer id/ })
})
