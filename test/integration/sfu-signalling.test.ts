import t from 'tap'
import { ChannelId } from '../../src/channel/index.ts'
import { Identity } from '../../src/identity/index.ts'
import { Right } from '../../src/moderation/index.ts'
import { SfuClient, SfuMedia, SfuEventKind, signProduceAuthorization, offersSfu, SFU_PROTOCOL } from '../../src/sfu/index.ts'
import { feedRtpParameters, randomSsrcs } from '../../node/sfu/index.ts'
import { sfuSkipReason, sfuTestRelay, sfuTestPeer } from '../helpers/sfu.ts'
import { waitFor } from '../helpers/wait.ts'
import type { SfuEvent } from '../../src/sfu/index.ts'

const skip = await sfuSkipReason()
const rtp = feedRtpParameters(randomSsrcs())

t.test('produce: refused without the stream right, accepted for the owner and for a granted key', { skip }, async t => {
  const relay = await sfuTestRelay(t, { workers: 1 })
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'sfu-auth')

  const stranger = await sfuTestPeer(t, 'stranger', relay.tcp)
  await waitFor(async () => await offersSfu(stranger.node.peerStore, relay.node.peerId), 'identify to list the SFU protocol')
  t.ok((await stranger.node.peerStore.get(relay.node.peerId)).protocols.includes(SFU_PROTOCOL), 'the relay advertises /swarmcast/sfu/1.0.0 over identify')
  const strangerClient = new SfuClient({ node: stranger.node, relay: relay.node.peerId })
  await t.rejects(strangerClient.produce(channel, stranger.identity, rtp), { name: 'SfuRefusedError', message: /may not stream to channel/ }, 'a key without the stream right is REFUSED')

  // an authorization signed for another peer id (a replay from elsewhere) is refused too
  const ownerPeer = await sfuTestPeer(t, 'owner', relay.tcp, owner)
  const replayed = await signProduceAuthorization(owner, channel, ownerPeer.node.peerId)
  const { encodeRequest, decodeResponse, SfuKind, SfuStatus } = await import('../../src/sfu/index.ts')
  const { lpStream } = await import('@libp2p/utils')
  const stream = await stranger.node.dialProtocol(relay.node.peerId, SFU_PROTOCOL)
  const lp = lpStream(stream)
  await lp.write(encodeRequest({ kind: SfuKind.Produce, channelId: channel.bytes, authorization: replayed, params: rtp }))
  const answer = decodeResponse((await lp.read()).subarray())
  t.equal(answer.status, SfuStatus.Refused, 'an authorization made for another peer is REFUSED')
  t.match(answer.message, /signed for another peer/, 'with the reason')
  await stream.close()

  // a peer that runs no SFU: named error, and identify does not list the protocol
  await ownerPeer.node.dial(stranger.node.getMultiaddrs()[0]!)
  t.notOk(await offersSfu(ownerPeer.node.peerStore, stranger.node.peerId), 'a plain peer does not offer the SFU')
  const nowhere = new SfuClient({ node: ownerPeer.node, relay: stranger.node.peerId })
  await t.rejects(nowhere.capabilities(channel), { name: 'SfuUnavailableError', message: /does not run an SFU/ }, 'asking a peer without the SFU says so')

  const ownerClient = new SfuClient({ node: ownerPeer.node, relay: relay.node.peerId })
  const produced = await ownerClient.produce(channel, owner, rtp)
  t.equal(produced.targets.length, 2, 'the owner gets a video and an audio target')
  t.ok(produced.targets.every(x => x.ip === '127.0.0.1' && x.port > 0 && x.rtcpPort > 0 && x.rtcpPort !== x.port), 'each with its own RTP and RTCP port')

  // the owner grants the stream right; the relay learns the grant from the streamer when it produces
  const granted = await sfuTestPeer(t, 'granted', relay.tcp)
  const ownerMod = await ownerPeer.node.services.moderation.join(channel)
  const grantedMod = await granted.node.services.moderation.join(channel)
  await granted.node.dial(ownerPeer.node.getMultiaddrs()[0]!)
  await ownerMod.grant(granted.identity.key, Right.Stream, { peerWaitMs: 15_000 })
  await waitFor(() => (grantedMod.policy.rightsOf(granted.identity.key) & Right.Stream) !== 0, 'the grant to reach the streamer', 15_000)
  const grantedClient = new SfuClient({ node: granted.node, relay: relay.node.peerId })
  const again = await grantedClient.produce(channel, granted.identity, rtp)
  t.ok(again.epoch > produced.epoch, 'a granted key may produce; the producer epoch grows')
})

t.test('consumers: per-peer and total limits give BUSY, key frames rate-limited, a closed producer is told', { skip }, async t => {
  const relay = await sfuTestRelay(t, { workers: 2, maxTransportsPerPeer: 1, maxConsumersPerPeer: 2, maxConsumers: 3, spreadAbove: 0 })
  const owner = await sfuTestPeer(t, 'owner', relay.tcp)
  const channel = ChannelId.derive(owner.identity.publicKey, 'sfu-limits')
  const ownerClient = new SfuClient({ node: owner.node, relay: relay.node.peerId })

  const viewer = await sfuTestPeer(t, 'viewer', relay.tcp)
  const client = new SfuClient({ node: viewer.node, relay: relay.node.peerId })
  await t.rejects(client.createTransport(channel), { name: 'SfuNotFoundError' }, 'no transport before the channel is produced')

  const events: SfuEvent[] = []
  const watching = new AbortController()
  t.teardown(() => { watching.abort() })
  void (async () => { for await (const e of client.watch(channel, { signal: watching.signal })) events.push(e) })().catch(() => {})
  await waitFor(() => relay.node.services.sfu.stats().watchers === 1, 'the watch to register')

  const { epoch } = await ownerClient.produce(channel, owner.identity, rtp)
  await waitFor(() => events.some(e => e.kind === SfuEventKind.ProducerReady && e.epoch === epoch), 'a producer-ready event')

  const caps = await client.capabilities(channel)
  t.ok(caps.codecs?.some(c => c.mimeType === 'video/VP8') && caps.codecs?.some(c => c.mimeType === 'audio/opus'), 'the router offers VP8 and Opus')
  const transport = await client.createTransport(channel)
  t.ok(transport.iceCandidates.length > 0 && transport.dtlsParameters.fingerprints.length > 0, 'a WebRTC transport with ICE candidates and DTLS fingerprints')
  const stats = relay.node.services.sfu
  t.not(stats.transportWorker(transport.id), stats.producerWorker(channel), 'spreadAbove 0: the viewer is placed on the other worker (piped)')
  await t.rejects(client.createTransport(channel), { name: 'SfuBusyError', message: /already holds 1 SFU transports/ }, 'a second transport for the same peer is BUSY')

  const video = await client.consume(channel, transport.id, SfuMedia.Video, caps)
  const audio = await client.consume(channel, transport.id, SfuMedia.Audio, caps)
  t.equal(video.kind, 'video')
  t.equal(audio.kind, 'audio')
  t.equal(video.epoch, epoch, 'consumers carry the producer epoch')
  await t.rejects(client.consume(channel, transport.id, SfuMedia.Video, caps), { name: 'SfuBusyError', message: /already holds 2 SFU consumers/ }, 'a third consumer for one peer is BUSY')

  const other = await sfuTestPeer(t, 'other', relay.tcp)
  const otherClient = new SfuClient({ node: other.node, relay: relay.node.peerId })
  const otherTransport = await otherClient.createTransport(channel)
  await otherClient.consume(channel, otherTransport.id, SfuMedia.Video, caps)
  await t.rejects(otherClient.consume(channel, otherTransport.id, SfuMedia.Audio, caps), { name: 'SfuBusyError', message: /maximum of 3 consumers/ }, 'past the total limit: BUSY')
  await t.rejects(otherClient.resume(channel, video.id), { name: 'SfuRefusedError' }, 'nobody resumes another peer\'s consumer')

  await client.resume(channel, video.id)
  await client.requestKeyFrame(channel, video.id)
  await t.rejects(client.requestKeyFrame(channel, video.id), { name: 'SfuBusyError', message: /at most every/ }, 'a second key frame request within the interval is BUSY')

  await t.rejects(client.stopProducing(channel), { name: 'SfuRefusedError' }, 'a viewer cannot stop the channel')
  await ownerClient.stopProducing(channel)
  await waitFor(() => events.some(e => e.kind === SfuEventKind.ProducerClosed && e.epoch === epoch), 'a producer-closed event')
  await waitFor(() => events.filter(e => e.kind === SfuEventKind.ConsumerClosed).length === 2, 'consumer-closed events for both of the viewer\'s consumers')
  t.ok(events.filter(e => e.kind === SfuEventKind.ConsumerClosed).every(e => [video.id, audio.id].includes(e.consumerId)), 'only our own consumers are reported to us')
  await waitFor(() => relay.node.services.sfu.stats().consumers === 0, 'every consumer to be gone')

  await other.node.stop()
  await waitFor(() => relay.node.services.sfu.stats().transports === 1, 'a disconnected peer\'s transport to be closed')
})
