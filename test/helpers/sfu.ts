import { join } from 'node:path'
import { circuitRelayServer } from '@libp2p/circuit-relay-v2'
import { multiaddr } from '@multiformats/multiaddr'
import { createSwarmNode } from '../../src/net/index.ts'
import { moderation } from '../../src/moderation/index.ts'
import { Identity } from '../../src/identity/index.ts'
import { openStore } from '../../src/store/index.ts'
import { nodeTransports } from '../../node/platform.ts'
import { sfu, checkSfuAvailable } from '../../bootstrap/sfu/index.ts'
import { tempDir } from './cli.ts'
import type { CircuitRelayService } from '@libp2p/circuit-relay-v2'
import type { SfuService, SfuServiceInit } from '../../bootstrap/sfu/index.ts'
import type { ModerationService } from '../../src/moderation/index.ts'
import type { SwarmNode } from '../../src/net/index.ts'
import type { Test } from 'tap'

export type SfuRelayNode = SwarmNode<{ relay: CircuitRelayService, moderation: ModerationService, sfu: SfuService }>

/**
 * Whether the SFU tests can run: false, or the reason to skip them (printed by
 * tap, and to stderr). The only reason they skip is that no worker binary is
 * built here.
 */
export async function sfuSkipReason (): Promise<string | false> {
  const found = await checkSfuAvailable()
  if (found.available) return false
  const reason = `no usable mediasoup worker: ${found.message}`
  process.stderr.write(`SFU tests skipped: ${reason}\n`)
  return reason
}

/**
 * A relay like bootstrap/relay.ts composes it (circuit relay, moderation) plus
 * the SFU, on loopback TCP and WebSocket, stopped at the end of `t`.
 * (startRelay has no hook for extra services yet.)
 */
export async function sfuTestRelay (t: Test, init: SfuServiceInit): Promise<{ node: SfuRelayNode, tcp: string, ws: string, stop: () => Promise<void> }> {
  const tmp = await tempDir('swarmcast-sfu-relay-')
  const store = await openStore(join(tmp.dir, 'store'))
  const node: SfuRelayNode = await createSwarmNode({
    name: 'sfu-relay',
    listen: ['/ip4/127.0.0.1/tcp/0', '/ip4/127.0.0.1/tcp/0/ws'],
    transports: nodeTransports,
    services: {
      relay: circuitRelayServer(),
      moderation: moderation({ store }),
      sfu: sfu({ listenIp: '127.0.0.1', workers: 2, ...init })
    }
  })
  let stopped: Promise<void> | undefined
  const stop = async (): Promise<void> => {
    stopped ??= (async () => { await node.stop(); await store.close(); await tmp.remove() })()
    await stopped
  }
  t.teardown(stop)
  const addrs = node.getMultiaddrs().map(a => a.toString())
  const tcp = addrs.find(a => !a.includes('/ws'))
  const ws = addrs.find(a => a.includes('/ws'))
  if (tcp == null || ws == null) throw new Error(`the SFU test relay has no TCP or WS address: ${addrs.join(' ')}`)
  return { node, tcp, ws, stop }
}

export type StreamerNode = SwarmNode<{ moderation: ModerationService }>

/** A streamer-side peer (moderation, its own identity) connected to `bootstrap`, stopped at the end of `t`. */
export async function sfuTestPeer (t: Test, name: string, relayAddr: string, identity?: Identity): Promise<{ node: StreamerNode, identity: Identity }> {
  const tmp = await tempDir('swarmcast-sfu-peer-')
  const store = await openStore(join(tmp.dir, 'store'))
  const id = identity ?? await Identity.generate()
  const node: StreamerNode = await createSwarmNode({
    name,
    listen: ['/ip4/127.0.0.1/tcp/0'],
    bootstrap: [relayAddr],
    transports: nodeTransports,
    services: { moderation: moderation({ store, identity: id }) }
  })
  t.teardown(async () => { await node.stop(); await store.close(); await tmp.remove() })
  await node.dial(multiaddr(relayAddr))
  return { node, identity: id }
}
