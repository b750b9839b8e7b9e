/** The signer holds no valid grant with the right this action needs. */
export class NotAModeratorError extends Error {
  override readonly name = 'NotAModeratorError'
}

/** The action or grant is not allowed (acting on the owner, granting rights one lacks...). */
export class ModerationRefusedError extends Error {
  override readonly name = 'ModerationRefusedError'
}
