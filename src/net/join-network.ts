import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'
import { BOOTSTRAP_TIMEOUT_MS, MAX_CLOCK_SKEW_MS } from './constants.ts'
import { when } from '../util/when.ts'
import type { SwarmNode } from './create-node.ts'
import type { ClockSample } from './clock-service.ts'
import type { AbortOptions, PeerId } from '@libp2p/interface'

/** None of the bootstrap peers could be reached in time. */
export class BootstrapUnreachableError extends Error {
  override readonly name = 'BootstrapUnreachableError'
}

/** Our clock differs from the network's by more than signed messages tolerate. */
export class ClockSkewError extends Error {
  override readonly name = 'ClockSkewError'
  readonly offsetMs: number

  constructor (message: string, offsetMs: number) {
    super(message)
    this.offsetMs = offsetMs
  }
}

export interface JoinOptions extends AbortOptions {
  timeoutMs?: number
  /** Skip the clock check (for nodes that sign nothing time-bound). */
  skipClockCheck?: boolean
}

/**
 * Waits until the node is connected to one of its bootstrap peers, then
 * compares clocks with it. Throws BootstrapUnreachableError or ClockSkewError
 * with what to do, instead of leaving the user with a node that hears nothing
 * or whose messages everyone refuses.
 */
export async function joinNetwork (node: SwarmNode, bootstrap: readonly string[], options: JoinOptions = {}): Promise<{ peer: PeerId, clock?: ClockSample }> {
  const timeoutMs = options.timeoutMs ?? BOOTSTRAP_TIMEOUT_MS
  const signal = AbortSignal.any([AbortSignal.timeout(timeoutMs), ...(options.signal != null ? [options.signal] : [])])
  const wanted = bootstrap.map(addr => peerIdFromString(multiaddr(addr).getComponents().findLast(c => c.name === 'p2p')?.value ?? ''))
  const peer = await firstConnected(node, wanted, signal).catch(() => {
    if (options.signal?.aborted === true) throw options.signal.reason
    throw new BootstrapUnreachableError(`could not reach any bootstrap peer within ${timeoutMs / 1000} s (tried ${bootstrap.join(', ')}); check that \`swarmcast relay\` is running there and that the address and port are right; a relay at its connection cap (--max-connections, see its /healthz) also turns newcomers away`)
  })
  if (options.skipClockCheck === true) return { peer }
  const clock = await node.services.clock.sample(peer, { signal: options.signal })
  if (Math.abs(clock.offsetMs) - clock.rttMs / 2 > MAX_CLOCK_SKEW_MS) {
    const seconds = Math.abs(clock.offsetMs / 1000).toFixed(1)
    const direction = clock.offsetMs > 0 ? 'behind' : 'ahead of'
    throw new ClockSkewError(`this computer's clock is ${seconds} s ${direction} the relay's; other nodes refuse messages signed more than ${MAX_CLOCK_SKEW_MS / 1000} s off their time. Fix the system clock (e.g. enable NTP: timedatectl set-ntp true) and try again`, clock.offsetMs)
  }
  return { peer, clock }
}

async function firstConnected (node: SwarmNode, wanted: PeerId[], signal: AbortSignal): Promise<PeerId> {
  return await when(node, 'peer:connect', () => wanted.find(p => node.getConnections(p).length > 0), signal)
}
