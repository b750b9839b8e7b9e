/** Input was larger than the bound for its kind; nothing of it was decoded. */
export class OversizeMessageError extends Error {
  override readonly name = 'OversizeMessageError'
  readonly size: number
  readonly limit: number

  constructor (what: string, size: number, limit: number) {
    super(`${what} is ${size} bytes, over the ${limit}-byte limit`)
    this.size = size
    this.limit = limit
  }
}

/** Input was not a valid encoding of the expected message, or broke a field bound. */
export class MalformedMessageError extends Error {
  override readonly name = 'MalformedMessageError'
}
