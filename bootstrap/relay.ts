import { circuitRelayServer } from '@libp2p/circuit-relay-v2'
import { createSwarmNode } from '../src/net/index.ts'
import { tcp } from '@libp2p/tcp'
import { chat } from '../src/chat/index.ts'
import { moderation } from '../src/moderation/index.ts'
import { startHttpServer } from './http-server.ts'
import { RelayMetrics } from './metrics.ts'
import {
  DEFAULT_HTTP_PORT, DEFAULT_MAX_RESERVATIONS, DEFAULT_RELAY_MAX_CONNECTIONS,
  DEFAULT_TCP_PORT, DEFAULT_WS_PORT
} from './constants.ts'
import type { SwarmNode } from '../src/net/index.ts'
import type { CircuitRelayService } from '@libp2p/circuit-relay-v2'
import type { PrivateKey } from '@libp2p/interface'
import type { Server } from 'node:http'
import type { ChannelId } from '../src/channel/index.ts'
import type { ChatService } from '../src/chat/index.ts'
import type { ModerationService } from '../src/moderation/index.ts'
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
  /** Channels whose chat and moderation the relay archives and serves to late joiners. */
  follow?: ChannelId[]
  /** Where the archive of followed channels lives. */
  store: Store
  name?: string
}

export type RelayNode = SwarmNode<{ relay: CircuitRelayService, moderation: ModerationService, chat: ChatService }>

/**
 * A running relay: a swarmcast node that is also a circuit-relay-v2 server and
 * a bootstrap peer, reachable over TCP and WebSocket.
 */
export class Relay {
  readonly node: RelayNode
  /** Base URL of the HTTP server, if any. */
  readonly httpUrl: string | undefined
  readonly #http: Server | undefined
  #stopping: Promise<void> | undefined

  constructor (node: RelayNode, http?: { server: Server, url: string }) {
    this.node = node
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
      this.#http?.closeAllConnections()
      await new Promise<void>(resolve => { this.#http == null ? resolve() : this.#http.close(() => { resolve() }) })
      await this.node.stop()
    })()
    await this.#stopping
  }
}

export async function startRelay (init: RelayInit): Promise<Relay> {
  const host = init.host ?? '0.0.0.0'
  const node: RelayNode = await createSwarmNode({
    privateKey: init.privateKey,
    name: init.name ?? 'swarmcast:relay',
    listen: [
      `/ip4/${host}/tcp/${init.tcpPort ?? DEFAULT_TCP_PORT}`,
      `/ip4/${host}/tcp/${init.wsPort ?? DEFAULT_WS_PORT}/ws`
    ],
    announce: init.announce,
    bootstrap: init.peers,
    transports: [tcp()],
    maxConnections: init.maxConnections ?? DEFAULT_RELAY_MAX_CONNECTIONS,
    services: {
      relay: circuitRelayServer({
        reservations: { maxReservations: init.maxReservations ?? DEFAULT_MAX_RESERVATIONS }
      }),
      // a relay signs nothing: it validates, forwards, archives and serves followed channels like any node
      moderation: moderation({ store: init.store }),
      chat: chat({ store: init.store })
    }
  })
  try {
    const metrics = new RelayMetrics(node)
    for (const channel of init.follow ?? []) {
      metrics.watch(await node.services.chat.join(channel), await node.services.moderation.join(channel))
    }
    const httpPort = init.httpPort ?? DEFAULT_HTTP_PORT
    const http = httpPort === false ? undefined : await startHttpServer(node, metrics, host, httpPort)
    return new Relay(node, http)
  } catch (err) {
    await node.stop()
    throw err
  }
}
