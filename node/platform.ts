import { tcp } from '@libp2p/tcp'
import { useEd25519 } from '../src/envelope/index.ts'
import { nodeEd25519 } from './ed25519.ts'
import type { TransportFactory } from '../src/net/index.ts'

export { nodeNoiseCrypto } from './noise-crypto.ts'

// every envelope this process seals or opens uses native key objects, kept per identity and author
useEd25519(nodeEd25519)

/** What Node adds to the core node: TCP (and `nodeNoiseCrypto` for noise, passed as `noiseCrypto`). */
export const nodeTransports: TransportFactory[] = [tcp()]

/**
 * A CLI peer listens on TCP (reachable directly), reserves a circuit-relay slot
 * (reachable behind NAT) and accepts WebRTC (how browsers reach it).
 */
export function peerListenAddrs (host = '0.0.0.0'): string[] {
  return [`/ip4/${host}/tcp/0`, '/p2p-circuit', '/webrtc']
}
