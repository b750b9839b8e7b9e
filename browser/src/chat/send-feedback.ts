import { MAX_CHAT_TEXT_BYTES } from '../../../src/chat/index.ts'

/** What to tell the user when a send failed, by the core's error name (the contract). */
export function sendFailureText (err: unknown): string {
  const e = err as { name?: string, message?: string, retryAfterMs?: number }
  switch (e.name) {
    case 'RateLimitedError':
      return `Slow down: the channel allows a few messages per second. You can send again in ${((e.retryAfterMs ?? 1000) / 1000).toFixed(1)} s.`
    case 'NoPeersError':
      return 'Not sent: no peer in this channel took the message (are you still connected to the relay?). It is still in the box: try again.'
    case 'SendQueueFullError':
      return 'Not sent: too many of your messages are still on their way. Wait a moment, then send again.'
    case 'InvalidChatTextError':
      return `Not sent: a message is 1 to ${MAX_CHAT_TEXT_BYTES} bytes of text.`
    case 'InvalidNickError':
      return 'That nickname cannot be used: 1 to 32 bytes, no control characters.'
    case 'AbortError':
      return 'Not sent: the page is closing.'
    default:
      return `Not sent: ${e.message ?? String(err)}`
  }
}
