import { isPrivate } from '@libp2p/utils'
import { multiaddr } from '@multiformats/multiaddr'
import { createSwarmNode, joinNetwork, RelayKeeper } from '../../../src/net/index.ts'
import { loadOrCreateIdentity } from '../../../src/identity/index.ts'
import { chat } from '../../../src/chat/index.ts'
import { moderation } from '../../../src/moderation/index.ts'
import { video, Viewer } from '../../../src/video/index.ts'
import { BrowserDatabase } from './indexeddb.ts'
import { TrafficMeter } from './traffic.ts'
import { SfuOffer } from './sfu-offer.ts'
import type { ChannelId } from '../../../src/channel/index.ts'
import type { ChatRoom, ChatService } from '../../../src/chat/index.ts'
import type { Identity } from '../../../src/identity/index.ts'
import type { ChannelModeration, ModerationService } from '../../../src/moderation/index.ts'
import type { SwarmNode } from '../../../src/net/index.ts'
import type { VideoService, VideoSwarm } from '../../../src/video/index.ts'
import type { ConnectionGater } from '@libp2p/interface'

export type BrowserNode = SwarmNode<{ moderation: ModerationService, chat: ChatService, video: VideoService }>

/** The IndexedDB database of the app, and the name of the identity key in it. */
export const DB_NAME = 'swarmcast'
export const IDENTITY_KEY = 'identity'

/**
 * A browser listens through its relay: a circuit-relay slot, over which other
 * tabs and CLI peers set up direct WebRTC connections.
 */
export const BROWSER_LISTEN = ['/p2p-circuit', '/webrtc']

export interface BrowserSessionInit {
  channel: ChannelId
  /** The relay's WebSocket multiaddrs, each with /p2p/<id>. */
  bootstrap: string[]
  /** HTTP origins to fall back on besides those the streamer announces (the relay's, when it follows the channel). */
  origins?: string[]
  /** Take segments from peers (default true); false plays from the HTTP origin only. */
  p2p?: boolean
  /** How far behind the newest segment playback starts. */
  targetBufferMs?: number
  /** IndexedDB database name (default DB_NAME). */
  dbName?: string
  /** Abandons the opening (the page went away); the session is closed. */
  signal?: AbortSignal
}

/** A running tab node joined to one channel's moderation, chat and video. */
export interface BrowserSession {
  channel: ChannelId
  node: BrowserNode
  identity: Identity
  db: BrowserDatabase
  moderation: ChannelModeration
  chat: ChatRoom
  swarm: VideoSwarm
  viewer: Viewer
  relays: RelayKeeper
  traffic: TrafficMeter
  /** Which relay offers the low-latency SFU path, if any. */
  sfu: SfuOffer
  /** Settles once the relay was reached and clocks compared (rejects with BootstrapUnreachableError or ClockSkewError). */
  joined: Promise<void>
  /** Stops everything; safe twice. */
  close: () => Promise<void>
}

/**
 * The browser's connection gater. libp2p's browser default refuses ws:// and
 * private addresses (sensible on the public web); a page served over plain
 * http, or whose relay is on a private or loopback address, is a local setup
 * and needs both.
 */
export function browserConnectionGater (bootstrap: readonly string[], pageProtocol: string): ConnectionGater | undefined {
  const local = pageProtocol === 'http:' || bootstrap.some(a => isPrivate(multiaddr(a)))
  return local ? { denyDialMultiaddr: () => false } : undefined
}

/**
 * Opens the tab's node the way `swarmcast watch` composes a CLI viewer:
 * identity and storage (IndexedDB), WebSockets to the relay, a relay slot and
 * WebRTC for other peers, then moderation first, chat and video for
 * `channel`, and a Viewer on the video swarm. Channels are joined before the
 * relay answers, so their subscriptions go out on the first connection.
 */
export async function openBrowserSession (init: BrowserSessionInit): Promise<BrowserSession> {
  const db = await BrowserDatabase.open(init.dbName ?? DB_NAME)
  const cleanup: Array<() => Promise<void> | void> = [() => { db.close() }]
  const close = once(async () => {
    for (const step of cleanup.reverse()) await Promise.resolve(step()).catch(() => {})
  })
  try {
    const { identity } = await loadOrCreateIdentity(db.keyStore(IDENTITY_KEY))
    const store = db.store()
    const node: BrowserNode = await createSwarmNode({
      name: 'swarmcast:browser',
      listen: BROWSER_LISTEN,
      bootstrap: init.bootstrap,
      connectionGater: browserConnectionGater(init.bootstrap, location.protocol),
      services: {
        moderation: moderation({ store, identity }),
        chat: chat({ store, identity }),
        video: video({ origins: init.origins ?? [] })
      }
    })
    cleanup.push(async () => {
      await node.stop()
    })
    // a relay slot is what makes us dialable: tell the channel's peers as soon as we have one
    const announceAddrs = (): void => { void node.services.discovery.announce() }
    node.addEventListener('self:peer:update', announceAddrs)
    cleanup.push(() => { node.removeEventListener('self:peer:update', announceAddrs) })

    const relays = new RelayKeeper(node, init.bootstrap)
    cleanup.push(() => { relays.close() })
    // listening before the relay is dialled: its identify must not go unseen
    const sfu = new SfuOffer(node, relays.relayIds)
    cleanup.push(() => { sfu.close() })
    const joined = joinNetwork(node, init.bootstrap, { signal: init.signal }).then(() => {})
    joined.catch(() => {})

    init.signal?.throwIfAborted()
    const mod = await node.services.moderation.join(init.channel)
    const room = await node.services.chat.join(init.channel)
    const swarm = await node.services.video.join(init.channel)
    const viewer = new Viewer(swarm, { selfId: node.peerId.toString(), p2p: init.p2p ?? true, targetBufferMs: init.targetBufferMs })
    cleanup.push(() => { viewer.close() })
    const relayIds = new Set(relays.relayIds)
    const traffic = new TrafficMeter(node, swarm, node.services.video.limiter, (peer) => relayIds.has(peer))
    cleanup.push(() => { traffic.close() })
    init.signal?.throwIfAborted()
    addEventListener('pagehide', () => { void close() }, { once: true })
    return { channel: init.channel, node, identity, db, moderation: mod, chat: room, swarm, viewer, relays, traffic, sfu, joined, close }
  } catch (err) {
    await close()
    throw err
  }
}

function once (fn: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined
  return async () => {
    running ??= fn()
    await running
  }
}
