import { when } from '../util/when.ts'
import { RESERVATION_TIMEOUT_MS } from './constants.ts'
import type { Libp2p, AbortOptions } from '@libp2p/interface'

/** No relay gave this node a reservation, so peers behind NAT and browsers cannot dial it back. */
export class NoReservationError extends Error {
  override readonly name = 'NoReservationError'
}

/**
 * Resolves with this node's first `/p2p-circuit` address once a relay holds a
 * reservation for it. A relay at its reservation cap refuses quietly (the
 * libp2p transport only logs it), so this is where the user hears about it.
 */
export async function awaitReservation (node: Pick<Libp2p, 'getMultiaddrs'> & EventTarget, options: AbortOptions & { timeoutMs?: number } = {}): Promise<string> {
  const timeoutMs = options.timeoutMs ?? RESERVATION_TIMEOUT_MS
  const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(options.signal != null ? [options.signal] : [])])
  const circuitAddr = (): string | undefined => node.getMultiaddrs().map(a => a.toString()).find(a => a.includes('/p2p-circuit'))
  return await when(node, 'self:peer:update', circuitAddr, signal).catch((err: unknown) => {
    if (options.signal?.aborted === true) throw err
    throw new NoReservationError(`no relay gave this node a reservation within ${timeoutMs / 1000} s: it may be at its reservation cap (swarmcast relay --max-reservations). Direct peers still work; peers behind NAT and browsers cannot reach this node until a slot frees up or another relay is added with --bootstrap`)
  })
}
