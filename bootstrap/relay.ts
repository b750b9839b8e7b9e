import { circuitRelayServer } from '@libp2p/circuit-relay-v2'
import { createSwarmNode } from '../src/net/index.ts'
import { tcp } from '@libp2p/tcp'
import { chat } from '../src/chat/index.ts'
import { moderation } from '../src/moderation/index.ts'
import { video, LiveMirror, HlsOriginStats } from '../src/video/index.ts'
import { startHttpServer } from './http-server.ts'
import { RelayMetrics, libp2pMetrics } from './metrics.ts'
import { DEFAULT_WEB_ROOT } from './web-app.ts'
import { sfu } from './sfu/index.ts'
import {
  DEFAULT_HTTP_PORT, DEFAULT_MAX_RESERVATIONS, DEFAULT_RELAY_MAX_CONNECTIONS,
  DEFAULT_TCP_PORT, DEFAULT_WS_PORT, RELAY_INBOUND_PER_HOST_PER_S, RELAY_MAX_PENDING_INBOUND
} from './constants.ts'
import type { SwarmNode } from '../src/net/index.ts'
import type { CircuitRelayService } from '@libp2p/circuit-relay-v2'
import type { PrivateKey } from '@libp2p/interface'
import type { Server } from 'node:http'
import type { ChannelId } from '../src/channel/index.ts'
import type { ChatService } from '../src/chat/index.ts'
import type { ModerationService } from '../src/moderation/index.ts'
import type { VideoService } from '../src/video/index.ts'
import type { SfuService, SfuServiceInit } from './sfu/index.ts'
import type { Store } from '../src/store/index.ts'

export interface RelayInit {
  /** Persisted by the caller so the peer id survives restarts. */
  privateKey: PrivateKey
  /** Interface to listen on (default all). */
  host?: string
  tcpPort?: number
  wsPort?: number
  /** HTTP port; `false` serves no HTTP. */
  httpPort?: number | false
  /** Public multiaddrs to announce instead of the listen addresses. */
  announce?: string[]
  /** Other relays to keep connections to. */
  peers?: string[]
  maxReservations?: number
  maxConnections?: number
  /**
   * Channels whose chat and moderation the relay archives and serves to late
   * joiners, and whose live window it keeps and serves as HLS.
   */
  follow?: ChannelId[]
  /** Bytes per second the relay uploads at most (swarm and HLS together); unlimited when absent. */
  uploadLimit?: number
  /** Concurrent segment uploads (swarm and HLS together). */
  uploadSlots?: number
  /** PEM certificate and key: the WebSocket listener then speaks WSS. */
  tls?: { cert: string | Buffer, key: string | Buffer }
  /** Folder of the built viewer app served at `/` (default browser/dist). */
  webRoot?: string
  /** Runs the mediasoup SFU beside the relay (check with checkSfuAvailable() first). */
  sfu?: SfuServiceInit
  /** Where the archive of followed channels lives. */
  store: Store
  name?: string
}

export type RelayNode = SwarmNode<{ relay: CircuitRelayService, moderation: ModerationService, chat: ChatService, video: VideoService, sfu?: SfuService }>

/**
 * A running relay: a swarmcast node that is also a circuit-relay-v2 server and
 * a bootstrap peer, reachable over TCP and WebSocket.
 */
export class Relay {
  readonly node: RelayNode
  /** Base URL of the HTTP server, if any. */
  readonly httpUrl: string | undefined
  readonly #http: Server | undefined
  readonly #mirrors: LiveMirror[]
  #stopping: Promise<void> | undefined

  constructor (node: RelayNode, mirrors: LiveMirror[], http?: { server: Server, url: string }) {
    this.node = node
    this.#mirrors = mirrors
    this.#http = http?.server
    this.httpUrl = http?.url
  }

  /** Listen multiaddrs, each with `/p2p/<peer id>`. */
  addrs (): string[] {
    return this.node.getMultiaddrs().map(a => a.toString())
  }

  /** Stops accepting, closes connections, stops the node. Safe to call twice. */
  async stop (): Promise<void> {
    this.#stopping ??= (async () => {
      for (const mirror of this.#mirrors) mirror.close()
      this.#http?.closeAllConnections()
      await new Promise<void>(resolve => { this.#http == null ? resolve() : this.#http.close(() => { resolve() }) })
      await this.node.stop()
    })()
    await this.#stopping
  }
}

export async function startRelay (init: RelayInit): Promise<Relay> {
  const host = init.host ?? '0.0.0.0'
  const metricsRegistry = libp2pMetrics()
  const node: RelayNode = await createSwarmNode({
    privateKey: init.privateKey,
    name: init.name ?? 'swarmcast:relay',
    listen: [
      `/ip4/${host}/tcp/${init.tcpPort ?? DEFAULT_TCP_PORT}`,
      `/ip4/${host}/tcp/${init.wsPort ?? DEFAULT_WS_PORT}/${init.tls != null ? 'tls/ws' : 'ws'}`
    ],
    announce: init.announce,
    bootstrap: init.peers,
    transports: [tcp()],
    webSockets: init.tls != null ? { https: { cert: init.tls.cert, key: init.tls.key } } : undefined,
    metrics: metricsRegistry.libp2p,
    maxConnections: init.maxConnections ?? DEFAULT_RELAY_MAX_CONNECTIONS,
    // the caps hold for loopback peers too: a relay's limits are its promise to operators
    inbound: { exemptLoopback: false, perHostPerSecond: RELAY_INBOUND_PER_HOST_PER_S, maxPending: RELAY_MAX_PENDING_INBOUND },
    services: {
      relay: circuitRelayServer({
        reservations: { maxReservations: init.maxReservations ?? DEFAULT_MAX_RESERVATIONS }
      }),
      // a relay signs nothing: it validates, forwards, archives and serves followed channels like any node
      moderation: moderation({ store: init.store }),
      chat: chat({ store: init.store }),
      video: video({ uploadLimit: init.uploadLimit, uploadSlots: init.uploadSlots }),
      ...(init.sfu != null ? { sfu: sfu({ listenIp: host, ...init.sfu }) } : {})
    }
  })
  // libp2p keeps a reservation until its 2 h TTL after the peer has gone: free the slot when it leaves
  node.addEventListener('peer:disconnect', (evt) => {
    node.services.relay.reservations.get(evt.detail)?.signal.clear()
    node.services.relay.reservations.delete(evt.detail)
  })
  const mirrors: LiveMirror[] = []
  try {
    const hlsStats = new HlsOriginStats()
    const metrics = new RelayMetrics(node, hlsStats, metricsRegistry.registry)
    for (const channel of init.follow ?? []) {
      metrics.watch(await node.services.chat.join(channel), await node.services.moderation.join(channel))
      const mirror = new LiveMirror(await node.services.video.join(channel))
      mirror.start()
      mirrors.push(mirror)
      metrics.watchVideo(mirror.swarm)
    }
    const httpPort = init.httpPort ?? DEFAULT_HTTP_PORT
    const http = httpPort === false
      ? undefined
      : await startHttpServer({
        node,
        metrics,
        hls: { lookup: (id) => node.services.video.swarm(id)?.window, limiter: node.services.video.limiter, stats: hlsStats },
        follow: (init.follow ?? []).map(c => c.text),
        webRoot: init.webRoot ?? DEFAULT_WEB_ROOT,
        host,
        port: httpPort
      })
    return new Relay(node, mirrors, http)
  } catch (err) {
    for (const mirror of mirrors) mirror.close()
    await node.stop()
    throw err
  }
}
