/** Protocol that serves a channel's stored chat to late joiners and after partitions. */
export const CHAT_HISTORY_PROTOCOL = '/swarmcast/chat-history/1.0.0'

/** Longest chat line, in UTF-8 bytes (a 1 KiB line fits with room to spare). */
export const MAX_CHAT_TEXT_BYTES = 2048
/** Largest encoded ChatMessage or Profile payload. */
export const MAX_CHAT_PAYLOAD_BYTES = MAX_CHAT_TEXT_BYTES + 64
/** Random bytes in each message so two identical lines are two messages. */
export const CHAT_NONCE_LENGTH = 8
/** Longest nickname, in UTF-8 bytes. */
export const MAX_NICK_BYTES = 32

/** A live message may be at most this far ahead of our clock... */
export const MAX_FUTURE_MS = 30_000
/** ...and at most this far behind it (history sync is not bound by this). */
export const MAX_PAST_MS = 5 * 60_000

/** Messages per second an author may sustain (each node enforces it on every author). */
export const DEFAULT_RATE_PER_SECOND = 5
/** Messages an author may send in a burst above the sustained rate. */
export const DEFAULT_RATE_BURST = 10
/** Authors whose rate and replay state are kept; the least recently seen are dropped first. */
export const MAX_TRACKED_AUTHORS = 10_000

/** Messages kept per channel; over it the oldest message of the author holding most goes first. */
export const DEFAULT_RETENTION_COUNT = 10_000
/** Messages older than this are dropped from history. */
export const DEFAULT_RETENTION_AGE_MS = 7 * 24 * 3600_000
/** How often stored history is checked against the retention age. */
export const PRUNE_INTERVAL_MS = 10 * 60_000

/** Most messages one history request returns. */
export const MAX_HISTORY_ITEMS = 1000
/** Most requests one history sync makes, paging back through a gap: a default retention's worth. */
export const MAX_HISTORY_PAGES = DEFAULT_RETENTION_COUNT / MAX_HISTORY_ITEMS
/**
 * Most bytes (envelopes) one history response carries. A full answer of the
 * largest valid items fits (1,000 messages of 2,260 bytes, each with another
 * author's 2,260-byte profile: 4.52 MB): an answer cut by bytes would read as
 * the last page, and paging would stop short (history-limits.test.ts).
 */
export const MAX_HISTORY_BYTES = 5 * 1024 * 1024
/** Time budget of one history request. */
export const HISTORY_TIMEOUT_MS = 10_000
/** A peer is asked for history at most this often. */
export const HISTORY_PEER_INTERVAL_MS = 10_000
/** A new neighbour is asked again after this long, once gossip links have formed. */
export const HISTORY_SETTLE_MS = 3_000
/** On (re)connecting, ask for messages from this long before our newest one. */
export const HISTORY_OVERLAP_MS = 60_000
/** Peers whose last complete history sync a room remembers. */
export const MAX_SYNC_BOOKMARKS = 1024
/** How far back a node with no history asks on joining. */
export const DEFAULT_JOIN_HISTORY_MS = 24 * 3600_000

/** How long `send` waits for a first peer in the channel before giving up. */
export const SEND_PEER_WAIT_MS = 15_000
/** Sends in flight at once; beyond it `send` fails instead of queueing without bound. */
export const MAX_PENDING_SENDS = 32

/**
 * How long an accepted message (received or our own) may wait to be written
 * with others in one store batch. It is shown at once, and queries, history
 * requests and stopping write what waits first; only a crash loses the wait,
 * and history sync refills it from peers. A LevelDB write costs ~100-400 µs of
 * CPU whatever it holds (thread hand-off and wake-ups), a message in it ~10 µs.
 */
export const HISTORY_WRITE_BATCH_MS = 500
/** Most messages in one store batch; a full batch is written at once. */
export const HISTORY_WRITE_BATCH_MAX = 64
