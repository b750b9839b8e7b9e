/** Input was not a valid encoding of the expected message, or broke a field bound. */
export class MalformedMessageError extends Error {
  override readonly name: string = 'MalformedMessageError'
}

/**
 * Input was larger than the bound for its kind; nothing of it was decoded. It
 * is a kind of malformed input, so a reader documented to throw
 * MalformedMessageError (a payload over its bound inside a valid envelope) and
 * a validator that turns that into Reject cover it too.
 */
export class OversizeMessageError extends MalformedMessageError {
  override readonly name = 'OversizeMessageError'
  readonly size: number
  readonly limit: number

  constructor (what: string, size: number, limit: number) {
    super(`${what} is ${size} bytes, over the ${limit}-byte limit`)
    this.size = size
    this.limit = limit
  }
}
