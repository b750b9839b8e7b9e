export { NoPeersError } from '../net/publish.ts'

/** The text cannot be sent as a chat message (empty, too long). */
export class InvalidChatTextError extends Error {
  override readonly name = 'InvalidChatTextError'
}

/** The nickname cannot be used (empty, too long, control characters). */
export class InvalidNickError extends Error {
  override readonly name = 'InvalidNickError'
}

/** Sending now would exceed the author's rate limit, which every peer enforces. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError'
  /** When a message would be accepted again. */
  readonly retryAfterMs: number

  constructor (message: string, retryAfterMs: number) {
    super(message)
    this.retryAfterMs = retryAfterMs
  }
}

/** Too many sends are already waiting: the node cannot keep up. */
export class SendQueueFullError extends Error {
  override readonly name = 'SendQueueFullError'
}
