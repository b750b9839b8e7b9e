import { generateKeyPair } from '@libp2p/crypto/keys'
import { startRelay } from '../../bootstrap/index.ts'
import { createSwarmNode } from '../../src/net/index.ts'
import { nodeTransports } from '../../node/platform.ts'
import type { Relay } from '../../bootstrap/index.ts'
import type { SwarmNode } from '../../src/net/index.ts'
import type { Test } from 'tap'

/** An in-process relay on free loopback ports, stopped at the end of `t`. */
export async function testRelay (t: Test): Promise<{ relay: Relay, bootstrap: string[] }> {
  const relay = await startRelay({ privateKey: await generateKeyPair('Ed25519'), host: '127.0.0.1', tcpPort: 0, wsPort: 0, httpPort: false, name: 'relay' })
  t.teardown(async () => { await relay.stop() })
  return { relay, bootstrap: relay.addrs().filter(a => !a.includes('/ws/')) }
}

/** An in-process peer listening on loopback TCP, stopped at the end of `t`. */
export async function testPeer (t: Test, name: string, bootstrap: string[] = []): Promise<SwarmNode> {
  const node = await createSwarmNode({ name, bootstrap, transports: nodeTransports, listen: ['/ip4/127.0.0.1/tcp/0'] })
  t.teardown(async () => { await node.stop() })
  return node
}
