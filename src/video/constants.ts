/** The segment swarm protocol: haves, segment and init requests between neighbours. */
export const SEGMENTS_PROTOCOL = '/swarmcast/segments/1.0.0'
/** Largest media segment anyone serves or accepts (a 4 s segment at 16 Mbit/s). */
export const MAX_SEGMENT_BYTES = 8 * 1024 * 1024
/** Largest init segment (codec setup boxes; real ones are 1-2 KiB). */
export const MAX_INIT_BYTES = 256 * 1024
/** Largest signed announcement payload. */
export const MAX_ANNOUNCEMENT_BYTES = 2048
/** Bounds the origin URLs an announcement may carry, and each URL's length. */
export const MAX_ORIGINS = 4
export const MAX_ORIGIN_BYTES = 256
/** Bounds the codecs string. */
export const MAX_CODECS_BYTES = 128
/** Longest segment anyone announces. */
export const MAX_SEGMENT_DURATION_MS = 10_000
/** How much of the stream behind the newest segment a node keeps and shares (bounds memory). */
export const LIVE_WINDOW_MS = 30_000
/** Announcements dated further from the local clock are ignored (live gossip only). */
export const MAX_ANNOUNCEMENT_FUTURE_MS = 30_000
export const MAX_ANNOUNCEMENT_PAST_MS = 60_000
/** Init segments kept (a stream restart brings a new one; older ones serve the window's tail). */
export const MAX_INIT_SEGMENTS = 4
/** Largest request, Haves or response header on the swarm protocol (response data aside). */
export const MAX_SWARM_MESSAGE_BYTES = 256 * 1024
/** Haves entries per message (a 30 s window of 0.5 s segments, with room). */
export const MAX_HAVES = 128
/** Concurrent uploads a node serves; more get BUSY. */
export const DEFAULT_UPLOAD_SLOTS = 4
/** Longest a request may wait for the upload limit before it gets BUSY instead. */
export const MAX_UPLOAD_WAIT_MS = 500
/** A peer request that takes longer is abandoned and the segment fetched elsewhere. */
export const PEER_REQUEST_TIMEOUT_MS = 2_000
/** An origin request that takes longer is abandoned. */
export const ORIGIN_REQUEST_TIMEOUT_MS = 4_000
/** Concurrent haves subscriptions a node serves (its swarm neighbours). */
export const MAX_HAVES_STREAMS = 64
/** How far behind the newest segment a viewer starts playing (its target buffer). */
export const DEFAULT_TARGET_BUFFER_MS = 3_000
/** Before a segment's play deadline, a viewer stops waiting for peers and asks the origin. */
export const ORIGIN_MARGIN_MS = 1_200
/** How long a peer that sent bad bytes is shunned. */
export const BAD_PEER_BAN_MS = 10 * 60_000
/** Expected number of viewers that take a fresh segment from the source; the rest wait for them. */
export const DEFAULT_FIRST_FETCHERS = 1
/** How long a viewer that is not a first fetcher waits for other peers before asking the source. */
export const SEED_PATIENCE_MS = 300
/** Segments a viewer fetches ahead of its playhead, and requests it runs at once. */
export const MAX_LOOKAHEAD_SEGMENTS = 8
export const MAX_PARALLEL_FETCHES = 4
/** Sources asked for one segment at once: a second one only when the first is late near the deadline. */
export const MAX_SOURCES_PER_SEGMENT = 2
/** A request gets a second source beside it no sooner than this after it started (an answer may be on its way). */
export const HEDGE_AFTER_MS = 500
/** A peer that let a request time out, or lost the race to a second source, is asked only when no one else can help, for this long. */
export const SLOW_PEER_REST_MS = 10_000
/** Requests one neighbour gets from us at once. */
export const MAX_REQUESTS_PER_PEER = 2
/** Segment uploads one neighbour gets from us at once (an honest one asks for at most MAX_REQUESTS_PER_PEER). */
export const MAX_UPLOADS_PER_PEER = MAX_REQUESTS_PER_PEER
/** Copies of the stream one neighbour may take from us over time (an honest viewer takes each segment once; the rest is room for retries and catching up). */
export const PEER_UPLOAD_SHARE = 1.5
/** Segments one neighbour may take from us at once (a viewer's lookahead). */
export const PEER_UPLOAD_BURST_SEGMENTS = MAX_LOOKAHEAD_SEGMENTS
/** After a failed request, that peer is not asked for that segment again for this long. */
export const RETRY_PEER_AFTER_MS = 1_000
/** A peer that answered BUSY may be asked again sooner: its slots free up as uploads finish. */
export const RETRY_BUSY_PEER_AFTER_MS = 200
/** A new viewer waits this long after the first announcement for the rest of the window before choosing where to start. */
export const START_SETTLE_MS = 100
/** Stalled this long with a later segment in hand, playback skips the missing one. */
export const SKIP_MISSING_AFTER_MS = 2_000
/** With no new segment announced for this long, a viewer calls the stream offline. */
export const OFFLINE_AFTER_MS = 5_000
