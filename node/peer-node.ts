import { openStore } from '../src/store/index.ts'
import { awaitReservation, createSwarmNode, joinNetwork, RelayKeeper } from '../src/net/index.ts'
import { chat } from '../src/chat/index.ts'
import { moderation } from '../src/moderation/index.ts'
import { video } from '../src/video/index.ts'
import { loadLocalKeys } from './local-keys.ts'
import { nodeNoiseCrypto, nodeTransports, peerListenAddrs } from './platform.ts'
import type { ChatService } from '../src/chat/index.ts'
import type { ModerationService } from '../src/moderation/index.ts'
import type { VideoService, VideoServiceInit } from '../src/video/index.ts'
import type { SwarmNode } from '../src/net/index.ts'
import type { Store } from '../src/store/index.ts'
import type { LocalKeys } from './local-keys.ts'

export type PeerNode = SwarmNode<{ moderation: ModerationService, chat: ChatService, video: VideoService }>

export interface PeerSession {
  keys: LocalKeys
  store: Store
  node: PeerNode
  /** Stops the node and closes the store; safe twice. */
  close: () => Promise<void>
}

export interface PeerSessionInit {
  dataFlag: string | undefined
  env: NodeJS.ProcessEnv
  bootstrap: string[]
  host?: string
  timeoutMs: number
  signal: AbortSignal
  name: string
  /** Upload limits and origins of the video service. */
  video?: VideoServiceInit
  /** Told when no relay gives this node a reservation (browsers and peers behind NAT cannot dial it then). */
  warn?: (text: string) => void
}

/**
 * What the CLI's peer commands share: the data dir's keys and store, a node
 * with moderation, chat and video, joined to the network through a bootstrap peer (clock checked).
 */
export async function openPeerSession (init: PeerSessionInit): Promise<PeerSession> {
  const keys = await loadLocalKeys(init.dataFlag, init.env)
  const store = await openStore(keys.paths.store)
  let node: PeerNode | undefined
  let closing: Promise<void> | undefined
  let relays: RelayKeeper | undefined
  const closed = new AbortController()
  const close = async (): Promise<void> => {
    closed.abort()
    relays?.close()
    closing ??= (async () => {
      await node?.stop()
      await store.close()
    })()
    await closing
  }
  try {
    node = await createSwarmNode({
      privateKey: keys.peerKey,
      name: init.name,
      listen: peerListenAddrs(init.host),
      bootstrap: init.bootstrap,
      transports: nodeTransports,
      noiseCrypto: nodeNoiseCrypto,
      // moderation first: chat and video find it among their components
      services: { moderation: moderation({ store, identity: keys.identity }), chat: chat({ store, identity: keys.identity }), video: video(init.video) }
    })
    await joinNetwork(node, init.bootstrap, { signal: init.signal, timeoutMs: init.timeoutMs })
    // a relay that restarts is redialled; meanwhile direct links to peers carry on
    relays = new RelayKeeper(node, init.bootstrap)
    awaitReservation(node, { signal: AbortSignal.any([init.signal, closed.signal]) }).catch((err: Error) => {
      if (err.name === 'NoReservationError') init.warn?.(`warning: ${err.message}`)
    })
    return { keys, store, node, close }
  } catch (err) {
    await close()
    throw err
  }
}
