/** Nobody in the channel could take the message: it was not sent. */
export class NoPeersError extends Error {
  override readonly name = 'NoPeersError'
}

/** The text cannot be sent as a chat message (empty, too long). */
export class InvalidChatTextError extends Error {
  override readonly name = 'InvalidChatTextError'
}
