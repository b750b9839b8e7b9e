// Every decoder and gossip validator that reads bytes from the network, as a fuzz
// target: hostile inputs built around valid encodings, the named errors it may
// throw, and the bounds an accepted result must satisfy. Shared by the seeded
// tests in test/unit/fuzz/ and the long run in test/bench/fuzz.ts.
import fc from 'fast-check'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { defaultLogger } from '@libp2p/logger'
import { multiaddr } from '@multiformats/multiaddr'
import { TopicValidatorResult } from '@libp2p/gossipsub'
import { wire, decodeBounded } from '../../src/wire/index.ts'
import { openEnvelope, signingBytes, Kind, MAX_ENVELOPE_BYTES, SIGNATURE_LENGTH } from '../../src/envelope/index.ts'
import { ChannelId, CHANNEL_ID_LENGTH } from '../../src/channel/index.ts'
import { Identity } from '../../src/identity/index.ts'
import { PUBLIC_KEY_LENGTH } from '../../src/identity/key-text.ts'
import { ChatValidator, readChatItem, MAX_CHAT_PAYLOAD_BYTES, MAX_CHAT_TEXT_BYTES, MAX_NICK_BYTES, MAX_FUTURE_MS, MAX_PAST_MS } from '../../src/chat/index.ts'
import { ModValidator, ModerationPolicy, readModItem, ALL_RIGHTS, MAX_MOD_PAYLOAD_BYTES, MAX_REASON_BYTES, MAX_ACTION_DURATION_MS } from '../../src/moderation/index.ts'
import {
  AnnouncementValidator, readAnnouncement, signAnnouncement, MAX_ANNOUNCEMENT_BYTES as MAX_VIDEO_ANNOUNCEMENT_BYTES, MAX_SWARM_MESSAGE_BYTES,
  MAX_HAVES, MAX_ORIGINS, MAX_ORIGIN_BYTES, MAX_CODECS_BYTES, MAX_SEGMENT_BYTES, MAX_INIT_BYTES, MAX_SEGMENT_DURATION_MS, MAX_ANNOUNCEMENT_FUTURE_MS, MAX_ANNOUNCEMENT_PAST_MS
} from '../../src/video/index.ts'
import { decodeRequest, decodeHaves, decodeResponse, encodeRequest, encodeHaves, encodeResponse, RequestKind, SwarmStatus, MAX_RESPONSE_BYTES } from '../../src/video/swarm-messages.ts'
import { ChannelDiscovery, DISCOVERY_TOPIC, fastMessageId, contentMessageId, MAX_ANNOUNCEMENT_BYTES as MAX_PEER_ANNOUNCEMENT_BYTES, MAX_ANNOUNCED_ADDRS, MAX_ANNOUNCED_CHANNELS, MAX_CLOCK_RESPONSE_BYTES } from '../../src/net/index.ts'
import { chatEnvelope, profileEnvelope } from './chat-envelopes.ts'
import { actionBytes, grantBytes } from './mod-envelopes.ts'
import { hostileBytes, mutated, truncated, randomBytes } from './fuzz-bytes.ts'
import type { WireShape } from './fuzz-bytes.ts'
import type { Decodable } from '../../src/wire/index.ts'
import type { ChannelDiscoveryComponents } from '../../src/net/channel-discovery.ts'
import type { Message } from '@libp2p/gossipsub'

/** An accepted result broke a documented bound: a bug, counted as a crash. */
export class BoundViolation extends Error {
  override readonly name = 'BoundViolation'
}

function bound (ok: boolean, what: string): void {
  if (!ok) throw new BoundViolation(what)
}

export interface FuzzTarget<T = unknown> {
  /** Short name for tables. */
  name: string
  /** Where the decoder lives. */
  source: string
  input: fc.Arbitrary<T>
  /** Valid inputs: the bench measures the cost of hostile cases as a ratio to these. */
  baseline: T[]
  /** Untimed step before `run` (an attacker's own work, such as signing a hostile payload). */
  prepare?: (input: T) => Promise<unknown>
  /** The decoder under test, given the input (or what `prepare` made of it). */
  run: (input: any) => unknown
  /** Error names the decoder documents; anything else thrown is a crash. Empty: must never throw. */
  errors: readonly string[]
  /** Whether the result is an acceptance or a refusal verdict; throws BoundViolation when an acceptance breaks a bound. */
  judge: (result: unknown, input: T) => 'accepted' | 'refused'
  /** Hex of the input, to reproduce a failure. */
  show: (input: T) => string
}

const hex = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('hex')
const utf8Bytes = (s: string): number => new TextEncoder().encode(s).byteLength
const isUint = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n) && n >= 0
const isBytes = (b: unknown, length?: number): boolean => b instanceof Uint8Array && (length == null || b.byteLength === length)

/** Fixed fixtures: keys, a channel, a fixed clock, and valid encodings of every message. */
interface Fixtures {
  now: number
  owner: Identity
  alice: Identity
  channel: ChannelId
  other: ChannelId
}

async function fixtures (): Promise<Fixtures> {
  const owner = await Identity.generate()
  const alice = await Identity.generate()
  return { now: Date.now(), owner, alice, channel: ChannelId.derive(owner.publicKey, 'fuzz'), other: ChannelId.derive(alice.publicKey, 'elsewhere') }
}

/** A decoded protobufjs message: numbers finite, unsigned ones non-negative, no unknown fields kept. */
function checkDecoded (msg: object, unsigned: readonly string[]): void {
  bound(!('$unknowns' in msg), 'unknown fields are kept')
  for (const [key, value] of Object.entries(msg)) {
    if (typeof value === 'number') bound(Number.isFinite(value), `${key} is not finite`)
    if (unsigned.includes(key)) bound(isUint(value) || (Array.isArray(value) && value.every(isUint)), `${key} is not an unsigned number`)
  }
}

interface WireCase<T> {
  type: Decodable<T>
  name: string
  maxBytes: number
  shape: WireShape
  valid: Uint8Array[]
  unsigned: string[]
}

function wireTarget<T extends object> (c: WireCase<T>): FuzzTarget<Uint8Array> {
  return {
    name: `wire.${c.name}`,
    source: 'src/wire/decode.ts decodeBounded',
    input: hostileBytes(c.valid, c.shape),
    baseline: c.valid,
    run: (bytes) => decodeBounded(c.type, c.name, bytes, c.maxBytes),
    errors: ['OversizeMessageError', 'MalformedMessageError'],
    judge: (msg) => { checkDecoded(msg as object, c.unsigned); return 'accepted' },
    show: hex
  }
}

/** Payloads and envelopes of every kind, valid, signed by `owner` or `alice` at `now`. */
async function corpus (f: Fixtures): Promise<Record<string, Uint8Array[]>> {
  const { now, owner, alice, channel } = f
  const enc = (s: string): Uint8Array => new TextEncoder().encode(s)
  const nonce = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8)
  const chatMessages = [
    wire.ChatMessage.encode({ text: enc('hello :wave:'), timestamp: now, seq: 1, nonce }).finish(),
    wire.ChatMessage.encode({ text: enc('x'.repeat(MAX_CHAT_TEXT_BYTES)), timestamp: now, seq: 2 ** 40, nonce }).finish(),
    wire.ChatMessage.encode({ text: enc('é😀'.repeat(MAX_CHAT_TEXT_BYTES / 6)), timestamp: now - 1000, seq: 3, nonce }).finish()
  ]
  const profiles = [
    wire.Profile.encode({ nick: 'alice', timestamp: now, seq: 1 }).finish(),
    wire.Profile.encode({ nick: 'n'.repeat(MAX_NICK_BYTES), timestamp: now, seq: 7 }).finish()
  ]
  const id32 = new Uint8Array(32).fill(7)
  const grants = [
    wire.Grant.encode({ grantee: alice.publicKey, rights: 1, notBefore: now, expires: 0, timestamp: now, nonce }).finish(),
    wire.Grant.encode({ grantee: alice.publicKey, rights: ALL_RIGHTS, notBefore: now, expires: now + 3600_000, parent: id32, timestamp: now, nonce }).finish()
  ]
  const revocations = [wire.Revocation.encode({ grantId: id32, timestamp: now }).finish()]
  const actions = [
    wire.ModAction.encode({ type: wire.ModActionType.BAN, target: alice.publicKey, version: 1, timestamp: now, duration: 0, reason: '' }).finish(),
    wire.ModAction.encode({ type: wire.ModActionType.MUTE, target: alice.publicKey, version: 2 ** 40, timestamp: now, duration: MAX_ACTION_DURATION_MS, reason: 'r'.repeat(MAX_REASON_BYTES), grant: id32 }).finish()
  ]
  const sha = new Uint8Array(32).fill(9)
  const announcements = [
    wire.SegmentAnnouncement.encode({ seq: 1, duration: 500, size: 1000, sha256: sha, mediaTime: 0, initHash: sha, initSize: 1200, timestamp: now, codecs: 'avc1.4d401f,mp4a.40.2', origins: ['http://127.0.0.1:8080'] }).finish(),
    wire.SegmentAnnouncement.encode({ seq: 2 ** 40, duration: MAX_SEGMENT_DURATION_MS, size: MAX_SEGMENT_BYTES, sha256: sha, mediaTime: 2 ** 40, initHash: sha, initSize: MAX_INIT_BYTES, timestamp: now, codecs: 'c'.repeat(MAX_CODECS_BYTES), origins: Array.from({ length: MAX_ORIGINS }, (_, i) => `https://o${i}.example/${'p'.repeat(MAX_ORIGIN_BYTES - 30)}`) }).finish()
  ]
  const segment = crypto.getRandomValues(new Uint8Array(1000))
  const init = crypto.getRandomValues(new Uint8Array(1200))
  const videoEnvelopes = [await signAnnouncement(owner, channel, { seq: 1, duration: 500, bytes: segment, mediaTime: 0, init, codecs: 'avc1.4d401f', origins: ['http://127.0.0.1:1'], timestamp: now })]
  const envelopes = [
    await chatEnvelope(alice, channel, { timestamp: now }),
    await profileEnvelope(alice, channel, 'alice'),
    await grantBytes(owner, channel, { grantee: alice, rights: 1, timestamp: now }),
    await actionBytes(owner, channel, { type: 'ban', target: alice, version: 1, timestamp: now }),
    ...videoEnvelopes
  ]
  const peerKey = await generateKeyPair('Ed25519')
  const peer = peerIdFromPrivateKey(peerKey)
  const peerAnnouncements = [
    wire.PeerAnnouncement.encode({ peerId: peer.toMultihash().bytes, addrs: [multiaddr('/ip4/127.0.0.1/tcp/4001').bytes, multiaddr(`/ip4/127.0.0.1/tcp/4002/ws/p2p/${peer.toString()}`).bytes], channels: [channel.bytes], timestamp: now }).finish(),
    wire.PeerAnnouncement.encode({
      peerId: peer.toMultihash().bytes,
      addrs: Array.from({ length: MAX_ANNOUNCED_ADDRS }, (_, i) => multiaddr(`/ip6/::1/udp/${4000 + i}/webrtc-direct`).bytes),
      channels: Array.from({ length: MAX_ANNOUNCED_CHANNELS }, (_, i) => ChannelId.derive(owner.publicKey, `c${i}`).bytes),
      timestamp: now
    }).finish()
  ]
  return {
    envelopes,
    chatMessages,
    profiles,
    grants,
    revocations,
    actions,
    announcements,
    videoEnvelopes,
    historyRequests: [wire.HistoryRequest.encode({ channelId: channel.bytes, since: now - 3600_000, limit: 1000 }).finish(), wire.HistoryRequest.encode({ channelId: channel.bytes }).finish()],
    modSyncRequests: [wire.ModSyncRequest.encode({ channelId: channel.bytes }).finish()],
    peerAnnouncements,
    clockResponses: [wire.ClockResponse.encode({ now }).finish()],
    swarmRequests: [
      encodeRequest({ channelId: channel.bytes, kind: RequestKind.Haves }),
      encodeRequest({ channelId: channel.bytes, kind: RequestKind.Segment, seq: 2 ** 40 }),
      encodeRequest({ channelId: channel.bytes, kind: RequestKind.Init, initHash: sha })
    ],
    haves: [
      encodeHaves({ seqs: [1, 2, 3], announcements: videoEnvelopes, seed: true }),
      encodeHaves({ seqs: Array.from({ length: MAX_HAVES }, (_, i) => 2 ** 40 + i), announcements: Array.from({ length: MAX_HAVES }, () => videoEnvelopes[0]!), seed: false })
    ],
    responses: [encodeResponse(SwarmStatus.Ok, segment), encodeResponse(SwarmStatus.NotFound), encodeResponse(SwarmStatus.Busy)],
    channelIds: [channel.bytes, f.other.bytes]
  }
}

const SHAPES = {
  envelope: { maxField: 5 },
  chatMessage: { maxField: 4, text: [1] },
  profile: { maxField: 3, strings: [1] },
  historyRequest: { maxField: 3 },
  grant: { maxField: 7 },
  revocation: { maxField: 2 },
  action: { maxField: 7, strings: [6] },
  modSyncRequest: { maxField: 1 },
  clockResponse: { maxField: 1 },
  swarmRequest: { maxField: 4 },
  response: { maxField: 2 }
} as const satisfies Record<string, WireShape>

function shapes (c: Record<string, Uint8Array[]>): Record<'peerAnnouncement' | 'announcement' | 'haves', WireShape> {
  return {
    peerAnnouncement: {
      maxField: 4,
      repeated: [
        { field: 2, max: MAX_ANNOUNCED_ADDRS, entry: multiaddr('/ip4/10.0.0.1/tcp/1').bytes },
        { field: 3, max: MAX_ANNOUNCED_CHANNELS, entry: c.channelIds![0]! }
      ]
    },
    announcement: { maxField: 10, strings: [9, 10], repeated: [{ field: 10, max: MAX_ORIGINS, entry: new TextEncoder().encode('http://a.example') }] },
    haves: {
      maxField: 3,
      repeated: [
        { field: 1, max: MAX_HAVES, entry: new Uint8Array(0), packed: true },
        { field: 2, max: MAX_HAVES, entry: c.videoEnvelopes![0]! }
      ]
    }
  }
}

/** A payload, and the envelope kind it is read as. */
interface PayloadInput { kind: number, payload: Uint8Array }

function payloads (kind: number, valid: Uint8Array[], shape: WireShape): fc.Arbitrary<PayloadInput> {
  return hostileBytes(valid, shape).map(payload => ({ kind, payload }))
}

const showPayload = (i: PayloadInput): string => `kind ${i.kind} payload ${hex(i.payload)}`

/**
 * What a validator is handed: raw hostile bytes, or a hostile payload sealed
 * with a valid signature (so the checks after the signature see hostile data).
 */
interface ValidatorInput {
  bytes: Uint8Array
  /** Seal `bytes` as the payload of this kind first. */
  seal?: number
  signer?: 'owner' | 'alice'
  otherChannel?: boolean
}

function validatorInput (envelopes: Uint8Array[], sealed: Array<{ kind: number, valid: Uint8Array[], shape: WireShape }>): fc.Arbitrary<ValidatorInput> {
  const allKinds = Object.values(Kind)
  return fc.oneof(
    { weight: 2, arbitrary: hostileBytes(envelopes, SHAPES.envelope).map(bytes => ({ bytes })) },
    {
      weight: 3,
      arbitrary: fc.oneof(...sealed.map(s => fc.tuple(hostileBytes(s.valid, s.shape), fc.constantFrom<'owner' | 'alice'>('owner', 'alice'))
        .map(([bytes, signer]) => ({ bytes, seal: s.kind, signer }))))
    },
    // right bytes, wrong kind or channel: a signature must not carry over
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...sealed.flatMap(s => s.valid)), fc.oneof(fc.constantFrom(...allKinds), fc.integer({ min: -1, max: 2 ** 31 - 1 })), fc.boolean()).map(([bytes, seal, otherChannel]) => ({ bytes, seal, signer: 'owner' as const, otherChannel })) }
  )
}

// signs like sealEnvelope but without its size check: a hostile peer encodes whatever it likes
async function sealInput (f: Fixtures, i: ValidatorInput): Promise<Uint8Array> {
  if (i.seal == null) return i.bytes
  const signer = i.signer === 'alice' ? f.alice : f.owner
  const channel = i.otherChannel === true ? f.other : f.channel
  const signature = await signer.sign(signingBytes(i.seal, channel.bytes, i.bytes))
  return wire.Envelope.encode({ kind: i.seal, author: signer.publicKey, channelId: channel.bytes, payload: i.bytes, signature }).finish()
}

const showValidatorInput = (i: ValidatorInput): string => i.seal == null ? hex(i.bytes) : `sealed kind ${i.seal} by ${i.signer ?? 'owner'}${i.otherChannel === true ? ' in another channel' : ''}: payload ${hex(i.bytes)}`

function checkChatItem (item: ReturnType<typeof readChatItem>): void {
  if (item.kind === 'message') {
    const m = item.message
    bound(m.text.length > 0 && utf8Bytes(m.text) <= MAX_CHAT_TEXT_BYTES, 'chat text is empty or over its limit')
    bound(m.text.isWellFormed(), 'chat text holds a lone surrogate')
    bound(isUint(m.timestamp) && isUint(m.seq), 'chat timestamp or seq is not an unsigned number')
  } else {
    const nick = item.profile.nick
    // eslint-disable-next-line no-control-regex
    bound(utf8Bytes(nick) >= 1 && utf8Bytes(nick) <= MAX_NICK_BYTES && !/[\u0000-\u001f\u007f]/.test(nick), 'nick breaks its bounds')
    bound(isUint(item.profile.timestamp) && isUint(item.profile.seq), 'profile timestamp or seq is not an unsigned number')
  }
}

function checkModItem (item: ReturnType<typeof readModItem>): void {
  bound(isUint(item.timestamp), 'mod item timestamp is not an unsigned number')
  if (item.kind === 'grant') {
    bound(item.rights > 0 && (item.rights & ~ALL_RIGHTS) === 0, 'grant rights are not a valid set')
    bound(item.parent == null || /^[0-9a-f]{64}$/.test(item.parent), 'grant parent is not a 32-byte id')
    bound(isUint(item.notBefore) && isUint(item.expires), 'grant times are not unsigned numbers')
  } else if (item.kind === 'revocation') {
    bound(/^[0-9a-f]{64}$/.test(item.grantId), 'revoked grant id is not 32 bytes')
  } else {
    bound(['ban', 'unban', 'mute', 'unmute'].includes(item.type), 'unknown action type')
    bound(utf8Bytes(item.reason) <= MAX_REASON_BYTES, 'reason over its limit')
    bound(item.version > 0 && item.duration >= 0 && item.duration <= MAX_ACTION_DURATION_MS, 'action version or duration out of bounds')
    bound(item.grant == null || /^[0-9a-f]{64}$/.test(item.grant), 'action grant is not a 32-byte id')
  }
}

function checkAnnouncement (a: ReturnType<typeof readAnnouncement>): void {
  bound(isBytes(a.sha256, 32) && isBytes(a.initHash, 32), 'hashes are not 32 bytes')
  bound(a.size >= 1 && a.size <= MAX_SEGMENT_BYTES && a.initSize >= 1 && a.initSize <= MAX_INIT_BYTES, 'sizes out of bounds')
  bound(a.duration >= 1 && a.duration <= MAX_SEGMENT_DURATION_MS, 'duration out of bounds')
  bound(a.origins.length <= MAX_ORIGINS && a.origins.every(o => o.length <= MAX_ORIGIN_BYTES && /^https?:\/\//.test(o)), 'origins out of bounds')
  bound(a.codecs.length <= MAX_CODECS_BYTES, 'codecs over its limit')
  bound(isUint(a.seq) && isUint(a.mediaTime) && isUint(a.timestamp), 'numbers are not unsigned')
}

/** A ChannelDiscovery with stand-in components: its topic validator is the decoder under test. */
async function discoveryValidator (): Promise<(data: Uint8Array) => TopicValidatorResult> {
  const topicValidators = new Map<string, (peer: unknown, msg: Message) => TopicValidatorResult>()
  const peerId = peerIdFromPrivateKey(await generateKeyPair('Ed25519'))
  const components = {
    peerId,
    addressManager: { getAddresses: () => [] },
    connectionManager: { getConnections: () => [], openConnection: async () => { throw new Error('no dialing in fuzz tests') } },
    logger: defaultLogger(),
    pubsub: { topicValidators, addEventListener: () => {}, removeEventListener: () => {} }
  } as unknown as ChannelDiscoveryComponents
  const discovery = new ChannelDiscovery(components)
  await discovery.start()
  const validate = topicValidators.get(DISCOVERY_TOPIC)
  if (validate == null) throw new Error('channel discovery registered no validator')
  return (data) => validate(peerId, { type: 'unsigned', topic: DISCOVERY_TOPIC, data } as Message)
}

/** Builds every fuzz target (keys, fixtures and valid corpora included). */
export async function fuzzTargets (): Promise<FuzzTarget<any>[]> {
  const f = await fixtures()
  const c = await corpus(f)
  const s = shapes(c)
  const { now, channel } = f
  const allKinds = Object.values(Kind)
  const envelopeOf = (kind: number): { kind: Kind, channel: ChannelId, author: Uint8Array, payload: Uint8Array } => ({ kind: kind as Kind, channel, author: f.alice.publicKey, payload: new Uint8Array(0) })

  const wireTargets: FuzzTarget<Uint8Array>[] = [
    wireTarget({ type: wire.Envelope, name: 'Envelope', maxBytes: MAX_ENVELOPE_BYTES, shape: SHAPES.envelope, valid: c.envelopes!, unsigned: [] }),
    wireTarget({ type: wire.ChatMessage, name: 'ChatMessage', maxBytes: MAX_CHAT_PAYLOAD_BYTES, shape: SHAPES.chatMessage, valid: c.chatMessages!, unsigned: ['timestamp', 'seq'] }),
    wireTarget({ type: wire.Profile, name: 'Profile', maxBytes: MAX_CHAT_PAYLOAD_BYTES, shape: SHAPES.profile, valid: c.profiles!, unsigned: ['timestamp', 'seq'] }),
    // requests are read whole under envelope-stream's 128-byte request bound
    wireTarget({ type: wire.HistoryRequest, name: 'HistoryRequest', maxBytes: 128, shape: SHAPES.historyRequest, valid: c.historyRequests!, unsigned: ['since', 'limit'] }),
    wireTarget({ type: wire.Grant, name: 'Grant', maxBytes: MAX_MOD_PAYLOAD_BYTES, shape: SHAPES.grant, valid: c.grants!, unsigned: ['rights', 'notBefore', 'expires', 'timestamp'] }),
    wireTarget({ type: wire.Revocation, name: 'Revocation', maxBytes: MAX_MOD_PAYLOAD_BYTES, shape: SHAPES.revocation, valid: c.revocations!, unsigned: ['timestamp'] }),
    wireTarget({ type: wire.ModAction, name: 'ModAction', maxBytes: MAX_MOD_PAYLOAD_BYTES, shape: SHAPES.action, valid: c.actions!, unsigned: ['version', 'timestamp', 'duration'] }),
    wireTarget({ type: wire.ModSyncRequest, name: 'ModSyncRequest', maxBytes: 128, shape: SHAPES.modSyncRequest, valid: c.modSyncRequests!, unsigned: [] }),
    wireTarget({ type: wire.PeerAnnouncement, name: 'PeerAnnouncement', maxBytes: MAX_PEER_ANNOUNCEMENT_BYTES, shape: s.peerAnnouncement, valid: c.peerAnnouncements!, unsigned: ['timestamp'] }),
    wireTarget({ type: wire.ClockResponse, name: 'ClockResponse', maxBytes: MAX_CLOCK_RESPONSE_BYTES, shape: SHAPES.clockResponse, valid: c.clockResponses!, unsigned: ['now'] }),
    wireTarget({ type: wire.SegmentAnnouncement, name: 'SegmentAnnouncement', maxBytes: MAX_VIDEO_ANNOUNCEMENT_BYTES, shape: s.announcement, valid: c.announcements!, unsigned: ['seq', 'duration', 'size', 'mediaTime', 'initSize', 'timestamp'] }),
    wireTarget({ type: wire.SwarmRequest, name: 'SwarmRequest', maxBytes: MAX_SWARM_MESSAGE_BYTES, shape: SHAPES.swarmRequest, valid: c.swarmRequests!, unsigned: ['seq'] }),
    wireTarget({ type: wire.Haves, name: 'Haves', maxBytes: MAX_SWARM_MESSAGE_BYTES, shape: s.haves, valid: c.haves!, unsigned: ['seqs'] }),
    wireTarget({ type: wire.SegmentResponse, name: 'SegmentResponse', maxBytes: MAX_RESPONSE_BYTES, shape: SHAPES.response, valid: c.responses!, unsigned: [] })
  ]

  const envelopeTarget: FuzzTarget<Uint8Array> = {
    name: 'openEnvelope',
    source: 'src/envelope/envelope.ts',
    input: hostileBytes(c.envelopes!, SHAPES.envelope),
    baseline: c.envelopes!,
    run: async (bytes) => await openEnvelope(bytes, { channel, kinds: allKinds }),
    errors: ['EnvelopeError'],
    judge: (r) => {
      const env = r as Awaited<ReturnType<typeof openEnvelope>>
      bound(isBytes(env.author, PUBLIC_KEY_LENGTH) && isBytes(env.signature, SIGNATURE_LENGTH), 'author or signature of the wrong length')
      bound(allKinds.includes(env.kind) && env.channel.equals(channel), 'kind or channel not the accepted ones')
      return 'accepted'
    },
    show: hex
  }

  const chatItemTarget: FuzzTarget<PayloadInput> = {
    name: 'readChatItem',
    source: 'src/chat/chat-message.ts',
    input: fc.oneof(
      payloads(Kind.ChatMessage, c.chatMessages!, SHAPES.chatMessage),
      payloads(Kind.Profile, c.profiles!, SHAPES.profile),
      // each kind's bytes read as the other
      payloads(Kind.Profile, c.chatMessages!, SHAPES.profile),
      payloads(Kind.ChatMessage, c.profiles!, SHAPES.chatMessage)
    ),
    baseline: [...c.chatMessages!.map(payload => ({ kind: Kind.ChatMessage, payload })), ...c.profiles!.map(payload => ({ kind: Kind.Profile, payload }))],
    run: (i) => readChatItem(c.envelopes![0]!, { ...envelopeOf(i.kind), payload: i.payload }),
    errors: ['MalformedMessageError', 'OversizeMessageError'],
    judge: (r) => { checkChatItem(r as ReturnType<typeof readChatItem>); return 'accepted' },
    show: showPayload
  }

  const modItemTarget: FuzzTarget<PayloadInput> = {
    name: 'readModItem',
    source: 'src/moderation/mod-item.ts',
    input: fc.oneof(
      payloads(Kind.ModGrant, c.grants!, SHAPES.grant),
      payloads(Kind.ModRevocation, c.revocations!, SHAPES.revocation),
      payloads(Kind.ModAction, c.actions!, SHAPES.action),
      fc.tuple(fc.constantFrom(...allKinds, 0, -1, 2 ** 31 - 1), fc.constantFrom(...c.grants!, ...c.actions!, ...c.revocations!)).map(([kind, payload]) => ({ kind, payload }))
    ),
    baseline: [...c.grants!.map(payload => ({ kind: Kind.ModGrant, payload })), ...c.revocations!.map(payload => ({ kind: Kind.ModRevocation, payload })), ...c.actions!.map(payload => ({ kind: Kind.ModAction, payload }))],
    run: (i) => readModItem(c.envelopes![2]!, { ...envelopeOf(i.kind), payload: i.payload }),
    errors: ['MalformedMessageError', 'OversizeMessageError'],
    judge: (r) => { checkModItem(r as ReturnType<typeof readModItem>); return 'accepted' },
    show: showPayload
  }

  const announcementTarget: FuzzTarget<Uint8Array> = {
    name: 'readAnnouncement',
    source: 'src/video/segment-announcement.ts',
    input: hostileBytes(c.announcements!, s.announcement),
    baseline: c.announcements!,
    run: (payload) => readAnnouncement(c.videoEnvelopes![0]!, { author: f.owner.publicKey, payload }),
    errors: ['MalformedMessageError', 'OversizeMessageError'],
    judge: (r) => { checkAnnouncement(r as ReturnType<typeof readAnnouncement>); return 'accepted' },
    show: hex
  }

  const swarmTargets: FuzzTarget<Uint8Array>[] = [
    {
      name: 'decodeRequest',
      source: 'src/video/swarm-messages.ts',
      input: hostileBytes(c.swarmRequests!, SHAPES.swarmRequest),
      baseline: c.swarmRequests!,
      run: decodeRequest,
      errors: ['MalformedMessageError', 'OversizeMessageError'],
      judge: (r) => {
        const req = r as ReturnType<typeof decodeRequest>
        bound(isBytes(req.channelId, CHANNEL_ID_LENGTH) && Object.values(RequestKind).includes(req.kind) && isUint(req.seq), 'request fields out of bounds')
        bound(req.kind !== RequestKind.Init || isBytes(req.initHash, 32), 'an init request without a 32-byte hash')
        return 'accepted'
      },
      show: hex
    },
    {
      name: 'decodeHaves',
      source: 'src/video/swarm-messages.ts',
      input: hostileBytes(c.haves!, s.haves),
      baseline: c.haves!,
      run: decodeHaves,
      errors: ['MalformedMessageError', 'OversizeMessageError'],
      judge: (r) => {
        const h = r as ReturnType<typeof decodeHaves>
        bound(h.seqs.length <= MAX_HAVES && h.seqs.every(isUint), 'haves seqs out of bounds')
        bound(h.announcements.length <= MAX_HAVES && h.announcements.every(a => a.byteLength <= MAX_ENVELOPE_BYTES), 'haves announcements out of bounds')
        return 'accepted'
      },
      show: hex
    },
    {
      name: 'decodeResponse',
      source: 'src/video/swarm-messages.ts',
      input: hostileBytes(c.responses!, SHAPES.response),
      baseline: c.responses!,
      run: decodeResponse,
      errors: ['MalformedMessageError', 'OversizeMessageError'],
      judge: (r) => {
        const res = r as ReturnType<typeof decodeResponse>
        bound(Object.values(SwarmStatus).includes(res.status) && res.data.byteLength <= MAX_RESPONSE_BYTES, 'response out of bounds')
        return 'accepted'
      },
      show: hex
    }
  ]

  const channelIdTarget: FuzzTarget<Uint8Array> = {
    name: 'ChannelId.fromBytes',
    source: 'src/channel/channel-id.ts',
    input: fc.oneof(mutated(c.channelIds!), truncated(c.channelIds!), randomBytes, fc.uint8Array({ minLength: CHANNEL_ID_LENGTH, maxLength: CHANNEL_ID_LENGTH }).map(b => { b[0] = 1; return b })),
    baseline: c.channelIds!,
    run: (bytes) => ChannelId.fromBytes(bytes),
    errors: ['InvalidChannelError'],
    judge: (r) => {
      const id = r as ChannelId
      bound(id.bytes.byteLength === CHANNEL_ID_LENGTH && id.bytes[0] === 1, 'channel id of the wrong length or version')
      return 'accepted'
    },
    show: hex
  }

  const discover = await discoveryValidator()
  const discoveryTarget: FuzzTarget<Uint8Array> = {
    name: 'discovery validator',
    source: 'src/net/channel-discovery.ts',
    input: hostileBytes(c.peerAnnouncements!, s.peerAnnouncement),
    baseline: c.peerAnnouncements!,
    run: discover,
    errors: [],
    judge: (r, bytes) => {
      bound(r === TopicValidatorResult.Accept || r === TopicValidatorResult.Reject, `verdict ${String(r)}`)
      if (r !== TopicValidatorResult.Accept) return 'refused'
      const msg = wire.PeerAnnouncement.decode(bytes)
      bound(bytes.byteLength <= MAX_PEER_ANNOUNCEMENT_BYTES && (msg.addrs ?? []).length <= MAX_ANNOUNCED_ADDRS && (msg.channels ?? []).length <= MAX_ANNOUNCED_CHANNELS, 'announcement counts out of bounds')
      bound((msg.channels ?? []).every(ch => ch.byteLength === CHANNEL_ID_LENGTH), 'announced channel ids of the wrong length')
      return 'accepted'
    },
    show: hex
  }

  // gossipsub runs these on every raw message before any validator
  const messageIdTarget: FuzzTarget<Uint8Array> = {
    name: 'gossip message ids',
    source: 'src/net/message-id.ts',
    input: hostileBytes(c.envelopes!, SHAPES.envelope),
    baseline: c.envelopes!,
    run: (data) => ({ fast: fastMessageId({ data }), content: contentMessageId({ data }) }),
    errors: [],
    judge: (r) => {
      const ids = r as { fast: string, content: Uint8Array }
      bound(typeof ids.fast === 'string' && ids.fast.length > 0 && isBytes(ids.content, 32), 'message ids of the wrong form')
      return 'accepted'
    },
    show: hex
  }

  const chatSealed = [
    { kind: Kind.ChatMessage, valid: c.chatMessages!, shape: SHAPES.chatMessage },
    { kind: Kind.Profile, valid: c.profiles!, shape: SHAPES.profile }
  ]
  const modSealed = [
    { kind: Kind.ModGrant, valid: c.grants!, shape: SHAPES.grant },
    { kind: Kind.ModRevocation, valid: c.revocations!, shape: SHAPES.revocation },
    { kind: Kind.ModAction, valid: c.actions!, shape: SHAPES.action }
  ]
  const videoSealed = [{ kind: Kind.VideoSegment, valid: c.announcements!, shape: s.announcement }]

  const validatorTargets: FuzzTarget<ValidatorInput>[] = []
  for (const mode of ['live', 'sync'] as const) {
    const v = new ChatValidator(channel, { now: () => now })
    validatorTargets.push({
      name: `ChatValidator ${mode}`,
      source: 'src/chat/chat-validator.ts',
      baseline: c.envelopes!.map(bytes => ({ bytes })),
      input: validatorInput(c.envelopes!, chatSealed),
      prepare: async (i) => await sealInput(f, i),
      run: async (bytes: Uint8Array) => await v.validate(bytes, mode),
      errors: [],
      judge: (r) => {
        const res = r as Awaited<ReturnType<ChatValidator['validate']>>
        bound(['accept', 'reject', 'ignore'].includes(res.verdict), `verdict ${res.verdict}`)
        if (res.verdict !== 'accept') return 'refused'
        checkChatItem(res.item)
        const ts = res.item.kind === 'message' ? res.item.message.timestamp : res.item.profile.timestamp
        bound(ts <= now + MAX_FUTURE_MS && (mode === 'sync' || ts >= now - MAX_PAST_MS), 'accepted outside the time window')
        return 'accepted'
      },
      show: showValidatorInput
    })
  }
  for (const mode of ['live', 'sync'] as const) {
    const v = new ModValidator(channel, new ModerationPolicy(f.owner.key), () => now)
    validatorTargets.push({
      name: `ModValidator ${mode}`,
      source: 'src/moderation/mod-validator.ts',
      baseline: c.envelopes!.map(bytes => ({ bytes })),
      input: validatorInput(c.envelopes!, modSealed),
      prepare: async (i) => await sealInput(f, i),
      run: async (bytes: Uint8Array) => await v.validate(bytes, mode),
      errors: [],
      judge: (r) => {
        const res = r as Awaited<ReturnType<ModValidator['validate']>>
        bound(['accept', 'reject', 'ignore'].includes(res.verdict), `verdict ${res.verdict}`)
        if (res.verdict !== 'accept') return 'refused'
        checkModItem(res.item)
        bound(res.item.timestamp <= now + MAX_FUTURE_MS && (mode === 'sync' || res.item.timestamp >= now - MAX_PAST_MS), 'accepted outside the time window')
        return 'accepted'
      },
      show: showValidatorInput
    })
  }
  for (const mode of ['live', 'haves'] as const) {
    const v = new AnnouncementValidator(channel, { now: () => now, mayStream: (key) => key === f.alice.key })
    validatorTargets.push({
      name: `AnnouncementValidator ${mode}`,
      source: 'src/video/announcement-validator.ts',
      baseline: c.envelopes!.map(bytes => ({ bytes })),
      input: validatorInput(c.envelopes!, videoSealed),
      prepare: async (i) => await sealInput(f, i),
      run: async (bytes: Uint8Array) => await v.validate(bytes, mode),
      errors: [],
      judge: (r) => {
        const res = r as Awaited<ReturnType<AnnouncementValidator['validate']>>
        bound(['accept', 'reject', 'ignore'].includes(res.verdict), `verdict ${res.verdict}`)
        if (res.verdict !== 'accept') return 'refused'
        checkAnnouncement(res.announcement)
        const ts = res.announcement.timestamp
        bound(ts <= now + MAX_ANNOUNCEMENT_FUTURE_MS && (mode === 'haves' || ts >= now - MAX_ANNOUNCEMENT_PAST_MS), 'accepted outside the time window')
        return 'accepted'
      },
      show: showValidatorInput
    })
  }

  return [
    ...wireTargets,
    envelopeTarget,
    chatItemTarget,
    modItemTarget,
    announcementTarget,
    ...swarmTargets,
    channelIdTarget,
    messageIdTarget,
    discoveryTarget,
    ...validatorTargets
  ]
}
