import { delay } from '../util/delay.ts'
import { when } from '../util/when.ts'
import type { GossipSub } from '@libp2p/gossipsub'
import type { AbortOptions } from '@libp2p/interface'

/** Nobody subscribed to the topic took the message within the wait: it was not sent. */
export class NoPeersError extends Error {
  override readonly name = 'NoPeersError'
}

export interface PublishOptions extends AbortOptions {
  /** How long to wait for a peer to take the message. */
  peerWaitMs: number
  /** What the NoPeersError says was not sent. */
  what: string
}

const RETRY_START_MS = 25
const RETRY_MAX_MS = 500

/**
 * Publishes what `seal` makes until at least one peer receives it, and
 * resolves to the bytes that went out. `seal` must make different bytes on
 * each call (a fresh nonce or timestamp): gossipsub refuses to publish the same
 * bytes twice, even after an attempt that reached nobody (which was never
 * sent). Fails with NoPeersError after `peerWaitMs`.
 */
export async function publishUntilReceived (pubsub: GossipSub, topic: string, seal: () => Promise<Uint8Array>, options: PublishOptions): Promise<Uint8Array> {
  const signal = AbortSignal.any([AbortSignal.timeout(options.peerWaitMs), ...(options.signal != null ? [options.signal] : [])])
  const notSent = (): Error => options.signal?.aborted === true
    ? options.signal.reason as Error
    : new NoPeersError(`${options.what} not sent: no peer took it within ${options.peerWaitMs / 1000} s`)
  let backoffMs = RETRY_START_MS
  while (true) {
    await waitForSubscribers(pubsub, topic, signal).catch(() => { throw notSent() })
    const bytes = await seal()
    if (await publishCount(pubsub, topic, bytes) > 0) return bytes
    // gossipsub learns a peer's subscription before its own stream to that peer is open
    await delay(backoffMs, signal).catch(() => { throw notSent() })
    backoffMs = Math.min(backoffMs * 2, RETRY_MAX_MS)
  }
}

/** Publishes once; resolves to the number of peers the message was written to. */
export async function publishCount (pubsub: GossipSub, topic: string, bytes: Uint8Array): Promise<number> {
  try {
    return (await pubsub.publish(topic, bytes)).recipients.length
  } catch (err) {
    if ((err as Error).message === 'PublishError.NoPeersSubscribedToTopic') return 0
    throw err
  }
}

/** Resolves when some peer is subscribed to `topic`; rejects when `signal` aborts. */
export async function waitForSubscribers (pubsub: GossipSub, topic: string, signal: AbortSignal): Promise<void> {
  await when(pubsub, 'subscription-change', () => pubsub.getSubscribers(topic).length > 0 ? true : undefined, signal)
}
