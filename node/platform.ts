import { tcp } from '@libp2p/tcp'
import type { TransportFactory } from '../src/net/index.ts'

/** What Node adds to the core node: TCP. */
export const nodeTransports: TransportFactory[] = [tcp()]

/**
 * A CLI peer listens on TCP (reachable directly), reserves a circuit-relay slot
 * (reachable behind NAT) and accepts WebRTC (how browsers reach it).
 */
export function peerListenAddrs (host = '0.0.0.0'): string[] {
  return [`/ip4/${host}/tcp/0`, '/p2p-circuit', '/webrtc']
}
