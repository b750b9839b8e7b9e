import { wire, decodeBounded, boundedLpStream } from '../wire/index.ts'
import { CLOCK_PROTOCOL, CLOCK_TIMEOUT_MS, MAX_CLOCK_RESPONSE_BYTES } from './constants.ts'
import type { AbortOptions, ComponentLogger, Logger, PeerId, Startable, Stream } from '@libp2p/interface'
import type { ConnectionManager, Registrar } from '@libp2p/interface-internal'

export interface ClockServiceInit {
  /** The wall clock this node reports and compares against. */
  now?: () => number
}

export interface ClockServiceComponents {
  registrar: Registrar
  connectionManager: ConnectionManager
  logger: ComponentLogger
}

/** One clock comparison with a peer. */
export interface ClockSample {
  /** How far the peer's clock is ahead of ours (negative: behind), ms. */
  offsetMs: number
  /** Round trip of the query, ms; the offset is accurate to about half of it. */
  rttMs: number
}

/**
 * Answers `/swarmcast/clock/1.0.0` with our wall clock and asks peers for
 * theirs. Signed messages carry the author's time and are refused outside a
 * window, so a node with a wrong clock must learn it up front, not through
 * silently refused messages.
 */
export class ClockService implements Startable {
  readonly #components: ClockServiceComponents
  readonly #now: () => number
  readonly #log: Logger

  constructor (components: ClockServiceComponents, init: ClockServiceInit = {}) {
    this.#components = components
    this.#now = init.now ?? Date.now
    this.#log = components.logger.forComponent('swarmcast:clock')
  }

  async start (): Promise<void> {
    await this.#components.registrar.handle(CLOCK_PROTOCOL, (stream) => { void this.#answer(stream) }, {
      maxInboundStreams: 4
    })
  }

  async stop (): Promise<void> {
    await this.#components.registrar.unhandle(CLOCK_PROTOCOL)
  }

  /** Asks `peer` for its clock. */
  async sample (peer: PeerId, options: AbortOptions = {}): Promise<ClockSample> {
    const signal = AbortSignal.any([AbortSignal.timeout(CLOCK_TIMEOUT_MS), ...(options.signal != null ? [options.signal] : [])])
    const sent = this.#now()
    const stream = await this.#components.connectionManager.openStream(peer, CLOCK_PROTOCOL, { signal })
    try {
      const lp = boundedLpStream(stream, MAX_CLOCK_RESPONSE_BYTES)
      const reply = decodeBounded(wire.ClockResponse, 'clock response', (await lp.read({ signal })).subarray(), MAX_CLOCK_RESPONSE_BYTES)
      const received = this.#now()
      await stream.close({ signal }).catch(() => {})
      return { offsetMs: reply.now - (sent + received) / 2, rttMs: received - sent }
    } catch (err) {
      stream.abort(err as Error)
      throw err
    }
  }

  async #answer (stream: Stream): Promise<void> {
    try {
      const signal = AbortSignal.timeout(CLOCK_TIMEOUT_MS)
      const lp = boundedLpStream(stream, MAX_CLOCK_RESPONSE_BYTES)
      await lp.write(wire.ClockResponse.encode({ now: this.#now() }).finish(), { signal })
      await stream.close({ signal })
    } catch (err) {
      this.#log('clock answer failed: %s', (err as Error).message)
      stream.abort(err as Error)
    }
  }
}

export function clockService (init: ClockServiceInit = {}): (components: ClockServiceComponents) => ClockService {
  return (components) => new ClockService(components, init)
}
