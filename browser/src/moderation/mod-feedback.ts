/** What to tell a moderator when an action failed, by the core's error name. */
export function modFailureText (err: unknown): string {
  const e = err as { name?: string, message?: string }
  switch (e.name) {
    case 'NotAModeratorError':
      return 'You are not a moderator here (or your grant expired or was revoked).'
    case 'ModerationRefusedError':
      return `Refused: ${e.message ?? ''}`
    case 'NoPeersError':
      return 'Not sent: no peer in the channel took the moderation message. Try again when connected.'
    case 'InvalidKeyError':
      return e.message ?? 'That is not a swarmcast key.'
    default:
      return `Failed: ${e.message ?? String(err)}`
  }
}
