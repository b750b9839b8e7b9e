/** Request/response protocol that hands a channel's signed moderation log to late joiners. */
export const MOD_SYNC_PROTOCOL = '/swarmcast/mod-sync/1.0.0'

/** Rights a grant confers (bit flags). */
export const Right = {
  Ban: 1,
  Mute: 2,
  /** May grant others at most its own rights. */
  Delegate: 4,
  /** May stream to the channel (the video feature). */
  Stream: 8
} as const
export const ALL_RIGHTS = Right.Ban | Right.Mute | Right.Delegate | Right.Stream

/** Owner → moderator is depth 1; a moderator's delegate is depth 2; deeper chains are void. */
export const MAX_GRANT_DEPTH = 2
/** Longest reason text, in UTF-8 bytes. */
export const MAX_REASON_BYTES = 256
/** Longest action duration (a year); longer is "until undone" (0). */
export const MAX_ACTION_DURATION_MS = 365 * 24 * 3600_000
/** Largest moderation payload. */
export const MAX_MOD_PAYLOAD_BYTES = 1024
/** Entries one list may hold in a channel; beyond it new targets are refused. */
export const MAX_ENTRIES_PER_LIST = 200_000
/** Items one mod-sync response may carry. */
export const MAX_MOD_SYNC_ITEMS = 250_000
/** Bytes one mod-sync response may carry. */
export const MAX_MOD_SYNC_BYTES = 96 * 1024 * 1024
/** Time budget of one mod-sync exchange. */
export const MOD_SYNC_TIMEOUT_MS = 60_000
/** Moderation messages per second one signer may sustain, and its burst. */
export const MOD_RATE_PER_SECOND = 20
export const MOD_RATE_BURST = 200
