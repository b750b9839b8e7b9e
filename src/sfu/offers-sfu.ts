import { SFU_PROTOCOL } from './constants.ts'
import type { PeerId, PeerStore } from '@libp2p/interface'

/**
 * Whether `peer` (a relay) offers the SFU, from what identify told us about it.
 * Its own file: a page asks this before it loads any of the SFU client.
 */
export async function offersSfu (peerStore: PeerStore, peer: PeerId): Promise<boolean> {
  try {
    return (await peerStore.get(peer)).protocols.includes(SFU_PROTOCOL)
  } catch {
    return false
  }
}
