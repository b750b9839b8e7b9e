// The SFU test page: a libp2p node in the tab (the path the web app takes),
// an SfuClient to the relay and an SfuReceiver playing the channel into <video>.
import { Device } from 'mediasoup-client'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { createSwarmNode } from '../../../src/net/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { SfuClient, SfuReceiver } from '../../../src/sfu/index.ts'
import type { SfuTestPageApi } from './page-api.ts'

const query = new URLSearchParams(location.search)
const video = document.getElementById('video') as HTMLVideoElement
let receiver: SfuReceiver | undefined

const api: SfuTestPageApi = {
  phase: 'start',
  error: null,
  state: 'connecting',
  sessions: 0,
  frames: 0,
  decodedFrames: () => video.getVideoPlaybackQuality().totalVideoFrames,
  packets: async () => {
    const out = { audio: 0, video: 0 }
    const report = await receiver?.getStats()
    report?.forEach((s: { type: string, kind?: string, packetsReceived?: number }) => {
      if (s.type === 'inbound-rtp' && (s.kind === 'audio' || s.kind === 'video')) out[s.kind] += s.packetsReceived ?? 0
    })
    return out
  },
  transportId: () => receiver?.stats.transportId,
  close: () => { receiver?.close() }
}
window.sfuTest = api

const countFrames = (): void => {
  api.frames++
  video.requestVideoFrameCallback(countFrames)
}
video.requestVideoFrameCallback(countFrames)

try {
  const relayAddr = query.get('relay') ?? ''
  const relayId = multiaddr(relayAddr).getComponents().find(c => c.name === 'p2p')?.value ?? ''
  const channel = ChannelId.parse(query.get('channel') ?? '')
  // a local test relay: ws:// on loopback, which the browser default gater refuses
  const node = await createSwarmNode({ name: 'sfu-page', connectionGater: { denyDialMultiaddr: () => false } })
  await node.dial(multiaddr(relayAddr))
  const client = new SfuClient({ node, relay: peerIdFromString(relayId) })
  receiver = new SfuReceiver({ client, channel, device: new Device(), retryIntervalMs: 500 })
  receiver.addEventListener('state', (e) => { api.state = e.detail; api.sessions = receiver?.stats.sessions ?? 0 })
  receiver.addEventListener('tracks', () => {
    api.sessions = receiver?.stats.sessions ?? 0
    video.srcObject = receiver?.stream ?? null
    video.play().catch(() => {})
  })
  receiver.addEventListener('error', (e) => { console.warn('sfu receiver:', e.detail.message) })
  api.phase = 'connected'
  void receiver.start().catch(() => {})
} catch (err) {
  api.phase = 'failed'
  api.error = (err as Error).message
}
