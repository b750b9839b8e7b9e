import { createLibp2p } from 'libp2p'
import { yamux } from '@libp2p/yamux'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { bootstrap } from '@libp2p/bootstrap'
import { webSockets } from '@libp2p/websockets'
import { webRTC } from '@libp2p/webrtc'
import { circuitRelayTransport } from '@libp2p/circuit-relay-v2'
import { gossipsub } from '@libp2p/gossipsub'
import { prefixLogger, defaultLogger } from '@libp2p/logger'
import { multiaddr } from '@multiformats/multiaddr'
import { contentMessageId, fastMessageId } from './message-id.ts'
import { swarmNoise } from './noise-encrypter.ts'
import { channelDiscovery } from './channel-discovery.ts'
import { clockService } from './clock-service.ts'
import { PeerPenalties } from './peer-penalties.ts'
import {
  DEFAULT_MAX_CONNECTIONS, GOSSIP_MAX_INBOUND_BYTES, GOSSIP_MAX_OUTBOUND_BUFFER,
  GOSSIP_MAX_STREAMS, GOSSIP_MAX_TOPICS_PER_PEER
} from './constants.ts'
import type { ChannelDiscovery, ChannelDiscoveryInit } from './channel-discovery.ts'
import type { ClockService } from './clock-service.ts'
import type { GossipSub } from '@libp2p/gossipsub'
import type { WebSocketsInit } from '@libp2p/websockets'
import type { ICryptoInterface } from '@libp2p/noise'
import type { Identify } from '@libp2p/identify'
import type { Ping } from '@libp2p/ping'
import type { ComponentLogger, ConnectionGater, Libp2p, PrivateKey, ServiceMap } from '@libp2p/interface'
import type { Libp2pOptions, ServiceFactoryMap } from 'libp2p'

/** A transport factory as libp2p takes it. */
export type TransportFactory = NonNullable<Libp2pOptions['transports']>[number]

/** The services every swarmcast node runs. */
export interface SwarmServices {
  identify: Identify
  ping: Ping
  pubsub: GossipSub
  discovery: ChannelDiscovery
  clock: ClockService
  /** Misbehaviour seen outside gossip; lowers gossip score and refuses connections. */
  penalties: PeerPenalties
}

export type SwarmNode<Extra extends ServiceMap = Record<never, never>> = Libp2p<SwarmServices & Extra>

export interface SwarmNodeInit<Extra extends ServiceMap = Record<never, never>> {
  /** libp2p peer key (transport identity); a fresh one when absent. */
  privateKey?: PrivateKey
  /** Addresses to listen on, e.g. `/ip4/0.0.0.0/tcp/0`, `/p2p-circuit`, `/webrtc`. */
  listen?: string[]
  /** Public addresses to announce instead of the listen addresses (behind NAT or a proxy). */
  announce?: string[]
  /** Multiaddrs (with `/p2p/<id>`) of relays/bootstrap peers to join through. */
  bootstrap?: string[]
  /** Platform transports beyond WebSockets, WebRTC and circuit relay (TCP in Node). */
  transports?: TransportFactory[]
  /**
   * Noise's cipher and key primitives (Node passes `nodeNoiseCrypto` from
   * node/noise-crypto.ts, fast for gossip-sized frames); stock noise's when
   * absent. Same wire format either way.
   */
  noiseCrypto?: ICryptoInterface
  /** Browsers pass one that allows ws:// and private addresses for local use. */
  connectionGater?: ConnectionGater
  maxConnections?: number
  /**
   * Limits on inbound connections. By default loopback peers skip them (local
   * demos and tests run many peers on one IP); a relay that must hold its caps
   * for every peer passes `exemptLoopback: false` and per-host rates that suit
   * many browsers behind one NAT.
   */
  inbound?: { exemptLoopback?: boolean, perHostPerSecond?: number, maxPending?: number }
  /** WebSocket transport options, e.g. `https: { cert, key }` to listen for WSS. */
  webSockets?: WebSocketsInit
  /** A libp2p metrics implementation (the relay exports Prometheus metrics). */
  metrics?: Libp2pOptions['metrics']
  /**
   * Extra services, e.g. chat or the relay's circuitRelayServer. Their
   * factories may use the core services (pubsub, discovery, ...) as components,
   * which libp2p provides but its types do not express.
   */
  services?: { [K in keyof Extra]: (components: never) => Extra[K] }
  discovery?: ChannelDiscoveryInit
  /** Log prefix, so logs of several nodes in one process can be told apart. */
  name?: string
  /** Whether to start the node (default true). */
  start?: boolean
}

/** A bootstrap address that cannot be used; says what a usable one looks like. */
export class InvalidBootstrapError extends Error {
  override readonly name = 'InvalidBootstrapError'
}

// Loopback peers are this machine's own processes: exempt them from the
// per-host connection rate limit and from IP colocation scoring, which would
// otherwise starve local demos and tests of connections and mesh peers.
const LOOPBACK_CIDR = '/ip4/127.0.0.1/ipcidr/8'
const LOOPBACK_IPS = ['127.0.0.1', '::1']

// The connection monitor pings every peer every 10 s and aborts the connection
// when a ping takes longer than its adaptive timeout (5 s at least). A ping
// waits behind the gossip already queued on the connection, so a node that is
// merely saturated (or starved of CPU) lost every connection at once, and the
// messages queued on them silently. Only a peer this slow counts as gone.
const PING_MIN_TIMEOUT_MS = 30_000

/** Checks each bootstrap multiaddr; throws InvalidBootstrapError naming the bad one. */
export function checkBootstrapAddrs (addrs: readonly string[]): void {
  for (const text of addrs) {
    let hasPeerId = false
    try {
      hasPeerId = multiaddr(text).getComponents().some(c => c.name === 'p2p')
    } catch (err) {
      throw new InvalidBootstrapError(`bootstrap address "${text}" is not a multiaddr (${(err as Error).message}); use one of the lines \`swarmcast relay\` prints, e.g. /ip4/127.0.0.1/tcp/7401/p2p/12D3KooW...`)
    }
    if (!hasPeerId) {
      throw new InvalidBootstrapError(`bootstrap address "${text}" has no /p2p/<peer id>; use one of the lines \`swarmcast relay\` prints`)
    }
  }
}

/**
 * Composes the libp2p node every participant runs: WebSockets, WebRTC and
 * circuit-relay transports (plus what the platform injects), noise, yamux,
 * identify, ping, gossipsub with StrictNoSign and content-hash ids, channel
 * discovery and the clock protocol.
 */
export async function createSwarmNode<Extra extends ServiceMap = Record<never, never>> (init: SwarmNodeInit<Extra> = {}): Promise<SwarmNode<Extra>> {
  const bootstrapList = init.bootstrap ?? []
  checkBootstrapAddrs(bootstrapList)
  const logger: ComponentLogger = init.name != null ? prefixLogger(init.name) : defaultLogger()
  const penalties = new PeerPenalties()

  const services = {
    identify: identify(),
    ping: ping(),
    pubsub: gossipsub({
      globalSignaturePolicy: 'StrictNoSign',
      msgIdFn: contentMessageId,
      fastMsgIdFn: fastMessageId,
      // publish() must tell the caller when nobody received the message
      allowPublishToZeroTopicPeers: false,
      emitSelf: false,
      maxInboundDataLength: GOSSIP_MAX_INBOUND_BYTES,
      maxOutboundBufferSize: GOSSIP_MAX_OUTBOUND_BUFFER,
      maxInboundStreams: GOSSIP_MAX_STREAMS,
      maxOutboundStreams: GOSSIP_MAX_STREAMS,
      maxTopicBytesPerPeer: GOSSIP_MAX_TOPICS_PER_PEER * 1024,
      scoreParams: {
        IPColocationFactorWhitelist: new Set(LOOPBACK_IPS),
        appSpecificScore: (peer: string) => penalties.score(peer)
      }
    }),
    penalties: () => penalties,
    discovery: channelDiscovery(init.discovery),
    clock: clockService(),
    ...init.services
  } as unknown as ServiceFactoryMap<SwarmServices & Extra>

  const node = await createLibp2p({
    privateKey: init.privateKey,
    logger,
    start: false,
    addresses: {
      listen: init.listen ?? [],
      announce: init.announce ?? []
    },
    transports: [
      ...(init.transports ?? []),
      webSockets(init.webSockets),
      webRTC(),
      circuitRelayTransport()
    ],
    connectionEncrypters: [swarmNoise({ crypto: init.noiseCrypto })],
    streamMuxers: [yamux()],
    connectionGater: {
      ...init.connectionGater,
      denyDialPeer: async (peer) => penalties.isPenalized(peer) || (await init.connectionGater?.denyDialPeer?.(peer) ?? false),
      denyInboundEncryptedConnection: async (peer, conn) => penalties.isPenalized(peer) || (await init.connectionGater?.denyInboundEncryptedConnection?.(peer, conn) ?? false)
    },
    connectionMonitor: { pingTimeout: { minTimeout: PING_MIN_TIMEOUT_MS } },
    connectionManager: {
      maxConnections: init.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
      allow: init.inbound?.exemptLoopback === false ? [] : [LOOPBACK_CIDR],
      inboundConnectionThreshold: init.inbound?.perHostPerSecond,
      maxIncomingPendingConnections: init.inbound?.maxPending
    },
    metrics: init.metrics,
    peerDiscovery: bootstrapList.length > 0 ? [bootstrap({ list: bootstrapList, timeout: 0 })] : [],
    services
  })
  if (init.start !== false) {
    await node.start()
  }
  return node as unknown as SwarmNode<Extra>
}
