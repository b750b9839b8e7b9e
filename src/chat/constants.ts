/** Longest chat line, in UTF-8 bytes (a 1 KiB line fits with room to spare). */
export const MAX_CHAT_TEXT_BYTES = 2048
/** Largest encoded ChatMessage payload. */
export const MAX_CHAT_PAYLOAD_BYTES = MAX_CHAT_TEXT_BYTES + 64
/** Random bytes in each message so two identical lines are two messages. */
export const CHAT_NONCE_LENGTH = 8
/** How long `send` waits for a first peer in the channel before giving up. */
export const SEND_PEER_WAIT_MS = 15_000
/** First and longest pause between send attempts that reached no peer yet. */
export const RETRY_START_MS = 25
export const RETRY_MAX_MS = 500
