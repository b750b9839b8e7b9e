import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { offersSfu } from '../../src/sfu/index.ts'
import { SFU_DISCOVERY_TIMEOUT_MS } from './constants.ts'
import type { Libp2p, PeerId } from '@libp2p/interface'

/**
 * The first of `bootstrap` (relay multiaddrs with /p2p/<id>) whose identify
 * lists the SFU protocol, waiting up to `timeoutMs` for identify to run on a
 * fresh connection; undefined when none offers it.
 */
export async function findSfuRelay (node: Pick<Libp2p, 'peerStore' | 'addEventListener' | 'removeEventListener'>, bootstrap: readonly string[], options: { signal?: AbortSignal, timeoutMs?: number } = {}): Promise<PeerId | undefined> {
  const relays = bootstrap.flatMap(text => {
    const id = multiaddr(text).getComponents().find(c => c.name === 'p2p')?.value
    return id != null ? [peerIdFromString(id)] : []
  })
  if (relays.length === 0) return undefined
  const check = async (): Promise<PeerId | undefined> => {
    for (const relay of relays) if (await offersSfu(node.peerStore, relay)) return relay
    return undefined
  }
  const found = await check()
  if (found != null) return found
  // identify may still be running on the relay connection: look again each time a peer is identified
  return await new Promise<PeerId | undefined>(resolve => {
    const signal = AbortSignal.any([AbortSignal.timeout(options.timeoutMs ?? SFU_DISCOVERY_TIMEOUT_MS), ...(options.signal != null ? [options.signal] : [])])
    const done = (peer: PeerId | undefined): void => {
      node.removeEventListener('peer:identify', onIdentify)
      signal.removeEventListener('abort', onAbort)
      resolve(peer)
    }
    const onIdentify = (): void => { void check().then(peer => { if (peer != null) done(peer) }) }
    const onAbort = (): void => { void check().then(done) }
    node.addEventListener('peer:identify', onIdentify)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
