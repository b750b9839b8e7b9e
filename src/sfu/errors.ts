/**
 * The SFU answered a call with something other than OK. `err.name` tells which
 * (SfuRefusedError, SfuBusyError, SfuNotFoundError, SfuBadRequestError); the
 * message is the relay's own explanation followed by what to do.
 */
export class SfuRequestError extends Error {
  override readonly name: string = 'SfuRequestError'
}

/** Not authorised: producing needs the channel owner's key or a grant with the stream right. */
export class SfuRefusedError extends SfuRequestError {
  override readonly name = 'SfuRefusedError'
}

/** A limit on the relay is reached (consumers per peer or in total); try later or use the P2P/HLS path. */
export class SfuBusyError extends SfuRequestError {
  override readonly name = 'SfuBusyError'
}

/** The channel has no producer on this SFU (yet or any more), or the transport/consumer is gone. */
export class SfuNotFoundError extends SfuRequestError {
  override readonly name = 'SfuNotFoundError'
}

/** The relay could not use the request (malformed, or inconsistent with what it holds). */
export class SfuBadRequestError extends SfuRequestError {
  override readonly name = 'SfuBadRequestError'
}

/** The relay does not run an SFU (its identify protocols lack /swarmcast/sfu/1.0.0). */
export class SfuUnavailableError extends Error {
  override readonly name = 'SfuUnavailableError'
}

/** The SFU stream did not start playing in time; the receiver keeps trying until closed. */
export class SfuTimeoutError extends Error {
  override readonly name = 'SfuTimeoutError'
}
