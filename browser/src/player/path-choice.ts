/**
 * Which path the player takes the stream from: the swarm through Media Source
 * Extensions (P2P, with the HTTP origin as its backstop), or the relay's
 * mediasoup SFU over WebRTC. One rule, here, as plain logic (time is passed
 * in), so it can be tested without a browser.
 *
 * The SFU is taken when the relay offers one and
 * - the user turned "Low latency" on, or
 * - MSE cannot work here: no MediaSource, the codecs are unsupported, or
 *   appending failed, or
 * - the P2P path fails: `stalls` stalls within `stallWindowMs`, or no peer and
 *   no origin delivered anything for `noSourceMs` while the stream is live.
 * An automatic fallback is kept until the user switches "Low latency" off,
 * except when the SFU has no stream for the channel (`sfuWaitingMs` in the
 * `waiting` state): then playback goes back to P2P, and no automatic
 * fallback happens for `cooldownMs` (the same after the user switched off).
 */

/** Where the player takes the stream from. */
export type PlayPath = 'mse' | 'sfu'

/** Why the player is on the SFU: the user's switch, or an automatic fallback. */
export type SfuReason = 'user' | 'no-mse' | 'codec' | 'decode' | 'stalls' | 'no-source'

/** MSE faults, as the feeder reports them (see PlayerProblemKind). */
export type MseFault = 'no-mse' | 'unsupported-codec' | 'append-failed'

export interface PathRules {
  /** This many stalls within `stallWindowMs` move playback to the SFU. */
  stalls: number
  stallWindowMs: number
  /** No peer and no origin delivering for this long while the stream is live moves playback to the SFU. */
  noSourceMs: number
  /** An automatic fallback whose SFU has had no stream for this long goes back to P2P. */
  sfuWaitingMs: number
  /** No automatic fallback for this long after going back to P2P. */
  cooldownMs: number
}

export const PATH_RULES: Readonly<PathRules> = Object.freeze({
  stalls: 3,
  stallWindowMs: 30_000,
  noSourceMs: 6_000,
  sfuWaitingMs: 15_000,
  cooldownMs: 60_000
})

export interface PathChoice {
  path: PlayPath
  /** Why the SFU (null on the MSE path). */
  reason: SfuReason | null
}

/** What the player sees of the P2P path now. */
export interface PathObservation {
  now: number
  /** The stream is on the air (announcements keep coming). */
  live: boolean
  /** Some peer or origin can deliver segments (and did lately). */
  hasSource: boolean
}

/** The receiver's states (SfuReceiverState). */
export type SfuPathState = 'connecting' | 'playing' | 'waiting' | 'closed'

/**
 * Why playback is on (or moving to) the SFU, in the player's words. `phase`
 * says where the SFU is: on screen, still connecting (P2P plays meanwhile), or
 * without a stream for the channel.
 */
export function describeReason (reason: SfuReason, phase: 'playing' | 'connecting' | 'waiting' = 'playing', rules: PathRules = PATH_RULES): string {
  if (reason === 'user') {
    if (phase === 'connecting') return 'Low latency: connecting to the relay\'s SFU…'
    if (phase === 'waiting') return 'Low latency: the relay\'s SFU has no stream for this channel yet; P2P plays meanwhile'
    return 'Low latency: playing via the relay\'s SFU over WebRTC'
  }
  const lead = phase === 'playing' ? 'Playing via the relay\'s SFU' : 'Switching to the relay\'s SFU'
  switch (reason) {
    case 'no-mse': return `${lead}: this browser cannot play the P2P stream (no Media Source Extensions)`
    case 'codec': return `${lead}: this browser cannot decode the P2P stream's codecs`
    case 'decode': return `${lead}: the P2P stream failed to decode in this browser`
    case 'stalls': return `${lead}: the P2P stream stalled ${rules.stalls} times within ${Math.round(rules.stallWindowMs / 1000)} s`
    case 'no-source': return `${lead}: no peer and no origin is delivering the P2P stream`
  }
}

/** Decides the play path from what happens; every input returns the choice after it. */
export class PathChooser {
  readonly rules: Readonly<PathRules>
  #offered = false
  #mseFault: 'no-mse' | 'codec' | 'decode' | null = null
  #user = false
  #auto: 'stalls' | 'no-source' | null = null
  #stalls: number[] = []
  #sourcelessSince: number | undefined
  #waitingSince: number | undefined
  #quietUntil = -Infinity

  constructor (rules: Partial<PathRules> = {}) {
    this.rules = Object.freeze({ ...PATH_RULES, ...rules })
  }

  get choice (): PathChoice {
    const reason = this.#reason()
    return reason == null ? { path: 'mse', reason: null } : { path: 'sfu', reason }
  }

  /** Whether MSE cannot play here at all (then the SFU is the only way). */
  get mseImpossible (): boolean {
    return this.#mseFault === 'no-mse' || this.#mseFault === 'codec'
  }

  /** Whether the user's "Low latency" switch is on. */
  get lowLatency (): boolean {
    return this.#user
  }

  #reason (): SfuReason | null {
    if (!this.#offered) return null
    if (this.mseImpossible) return this.#mseFault
    if (this.#user) return 'user'
    return this.#mseFault ?? this.#auto
  }

  /** Whether the relay offers an SFU (it may say so late: identify runs after connecting). */
  setOffered (offered: boolean): PathChoice {
    this.#offered = offered
    return this.choice
  }

  /** The user's "Low latency" switch. Off forgets earlier stalls and fallbacks, and holds off new ones for a while. */
  setLowLatency (on: boolean, now: number): PathChoice {
    this.#user = on
    if (!on) {
      this.#auto = null
      if (this.#mseFault === 'decode') this.#mseFault = null
      this.#resetP2pWatch(now)
    }
    return this.choice
  }

  /** The MSE feeder gave up. */
  mseFault (fault: MseFault): PathChoice {
    const mapped = fault === 'no-mse' ? 'no-mse' : fault === 'unsupported-codec' ? 'codec' : 'decode'
    // a fault that rules MSE out for good is not overridden by a milder one
    if (!this.mseImpossible) this.#mseFault = mapped
    return this.choice
  }

  /** The MSE video stalled (waited for data after it had started). */
  stall (now: number): PathChoice {
    if (this.choice.path !== 'mse') return this.choice
    this.#stalls = this.#stalls.filter(at => now - at < this.rules.stallWindowMs)
    this.#stalls.push(now)
    if (this.#stalls.length >= this.rules.stalls && now >= this.#quietUntil) this.#auto = 'stalls'
    return this.choice
  }

  /** What the P2P path delivers now (called on a timer). */
  observe (o: PathObservation): PathChoice {
    if (this.choice.path !== 'mse' || !o.live || o.hasSource) {
      this.#sourcelessSince = undefined
      return this.choice
    }
    this.#sourcelessSince ??= o.now
    if (o.now - this.#sourcelessSince >= this.rules.noSourceMs && o.now >= this.#quietUntil) this.#auto = 'no-source'
    return this.choice
  }

  /** The SFU receiver's state: an automatic fallback to an SFU that has no stream goes back to P2P. */
  sfuState (state: SfuPathState, now: number): PathChoice {
    if (state !== 'waiting') {
      this.#waitingSince = undefined
      return this.choice
    }
    this.#waitingSince ??= now
    const reason = this.#reason()
    if ((reason === 'stalls' || reason === 'no-source') && now - this.#waitingSince >= this.rules.sfuWaitingMs) {
      this.#auto = null
      this.#resetP2pWatch(now)
    }
    return this.choice
  }

  #resetP2pWatch (now: number): void {
    this.#stalls = []
    this.#sourcelessSince = undefined
    this.#waitingSince = undefined
    this.#quietUntil = now + this.rules.cooldownMs
  }
}
