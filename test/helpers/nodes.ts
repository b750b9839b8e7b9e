import { join } from 'node:path'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { startRelay } from '../../bootstrap/index.ts'
import { createSwarmNode } from '../../src/net/index.ts'
import { chat } from '../../src/chat/index.ts'
import { moderation } from '../../src/moderation/index.ts'
import { video } from '../../src/video/index.ts'
import { Identity } from '../../src/identity/index.ts'
import { openStore } from '../../src/store/index.ts'
import { nodeTransports } from '../../node/platform.ts'
import { tempDir } from './cli.ts'
import type { Relay, RelayInit } from '../../bootstrap/index.ts'
import type { ChatService, ChatServiceInit } from '../../src/chat/index.ts'
import type { ModerationService } from '../../src/moderation/index.ts'
import type { VideoService, VideoServiceInit } from '../../src/video/index.ts'
import type { SwarmNode } from '../../src/net/index.ts'
import type { ConnectionGater } from '@libp2p/interface'
import type { Test } from 'tap'

/** A temporary data dir removed at the end of `t`. */
async function testDir (t: Test): Promise<string> {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  return tmp.dir
}

export interface TestRelayOptions extends Partial<Omit<RelayInit, 'store' | 'privateKey' | 'httpPort'>> {
  /** Data dir to reuse (a restart); a fresh temporary one otherwise. */
  dir?: string
  /** Serve HTTP on a free port. */
  http?: boolean
}

/** An in-process relay on free loopback ports with its own store, stopped at the end of `t`. */
export async function testRelay (t: Test, options: TestRelayOptions = {}): Promise<{ relay: Relay, bootstrap: string[], dir: string, stop: () => Promise<void> }> {
  const dir = options.dir ?? await testDir(t)
  const store = await openStore(join(dir, 'store'))
  const { http, dir: _dir, ...rest } = options
  const relay = await startRelay({ privateKey: await generateKeyPair('Ed25519'), host: '127.0.0.1', tcpPort: 0, wsPort: 0, httpPort: http === true ? 0 : false, name: 'relay', store, ...rest })
  let stopped: Promise<void> | undefined
  const stop = async (): Promise<void> => {
    stopped ??= (async () => { await relay.stop(); await store.close() })()
    await stopped
  }
  t.teardown(stop)
  return { relay, bootstrap: relay.addrs().filter(a => !a.includes('/ws/')), dir, stop }
}

/** An in-process peer listening on loopback TCP, stopped at the end of `t`. */
export async function testPeer (t: Test, name: string, bootstrap: string[] = []): Promise<SwarmNode> {
  const node = await createSwarmNode({ name, bootstrap, transports: nodeTransports, listen: ['/ip4/127.0.0.1/tcp/0'] })
  t.teardown(async () => { await node.stop() })
  return node
}

export type ChatNode = SwarmNode<{ moderation: ModerationService, chat: ChatService }>

export interface ChatPeerOptions extends Partial<Omit<ChatServiceInit, 'store'>> {
  /** Data dir to reuse (a restart); a fresh temporary one otherwise. */
  dir?: string
  /** To cut the node off from some peers (partition tests). */
  connectionGater?: ConnectionGater
}

/** An in-process peer with moderation and chat, its own identity and a real LevelDB store. */
export async function testChatPeer (t: Test, name: string, bootstrap: string[] = [], options: ChatPeerOptions = {}): Promise<{ node: ChatNode, identity: Identity, dir: string, stop: () => Promise<void> }> {
  const dir = options.dir ?? await testDir(t)
  const store = await openStore(join(dir, 'store'))
  const identity = options.identity ?? await Identity.generate()
  const { connectionGater, dir: _dir, ...chatInit } = options
  const node: ChatNode = await createSwarmNode({
    name,
    bootstrap,
    transports: nodeTransports,
    listen: ['/ip4/127.0.0.1/tcp/0'],
    connectionGater,
    // moderation before chat: chat finds it among its components
    services: { moderation: moderation({ store, identity }), chat: chat({ ...chatInit, store, identity }) }
  })
  let stopped: Promise<void> | undefined
  const stop = async (): Promise<void> => {
    stopped ??= (async () => { await node.stop(); await store.close() })()
    await stopped
  }
  t.teardown(stop)
  return { node, identity, dir, stop }
}

export type VideoNode = SwarmNode<{ video: VideoService }>

/** An in-process peer with the video service (and the given upload limits), stopped at the end of `t`. */
export async function testVideoPeer (t: Test, name: string, bootstrap: string[] = [], init: VideoServiceInit = {}): Promise<VideoNode> {
  const node: VideoNode = await createSwarmNode({
    name,
    bootstrap,
    transports: nodeTransports,
    listen: ['/ip4/127.0.0.1/tcp/0'],
    services: { video: video(init) }
  })
  t.teardown(async () => { await node.stop() })
  return node
}
