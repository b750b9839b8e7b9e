/** mediasoup version the worker binary must match (package.json pins it; the Debian build patch is for this one). */
export const MEDIASOUP_VERSION = '3.27.1'
/** UDP/TCP ports the SFU's WebRTC and plain RTP transports use unless told (`--sfu-ports`). */
export const DEFAULT_SFU_MIN_PORT = 40000
export const DEFAULT_SFU_MAX_PORT = 40999
/** Receive transports one peer may hold at once (a tab needs one; reconnects briefly hold two). */
export const DEFAULT_MAX_TRANSPORTS_PER_PEER = 4
/** Consumers one peer may hold at once (video + audio per transport). */
export const DEFAULT_MAX_CONSUMERS_PER_PEER = 8
/** Consumers the whole SFU serves at once; more get BUSY (the P2P/HLS path still serves them). */
export const DEFAULT_MAX_CONSUMERS = 4000
/** Channels fed into the SFU at once. */
export const DEFAULT_MAX_CHANNELS = 64
/** Receive transports on the producer's worker before new ones go to the least loaded worker (piped there). */
export const DEFAULT_SPREAD_ABOVE = 100
/** One consumer's key frame requests are served at most this often; more get BUSY. */
export const KEYFRAME_MIN_INTERVAL_MS = 1_000
/** A receive transport whose DTLS has not connected after this long is closed (abandoned set-ups hold ports). */
export const TRANSPORT_CONNECT_TIMEOUT_MS = 30_000
/** A request must arrive this soon after its stream opens. */
export const REQUEST_READ_TIMEOUT_MS = 5_000
/** Watch streams one peer may hold, and all peers together. */
export const MAX_WATCHERS_PER_PEER = 8
export const MAX_WATCHERS = 8_000
/** Concurrent SFU streams per connection (calls plus watch streams). */
export const MAX_SFU_STREAMS = 32
/** First delay before a died worker is started again; doubles up to the max while it keeps dying. */
export const WORKER_RESTART_DELAY_MS = 200
export const MAX_WORKER_RESTART_DELAY_MS = 10_000
/** A produce by a key that is not the owner waits this long for the streamer's moderation log (grants). */
export const GRANT_SYNC_TIMEOUT_MS = 5_000
/** Starting send estimate of a receive transport: a 2.5 Mbit/s stream starts without ramping up. */
export const INITIAL_OUTGOING_BITRATE = 3_000_000
/** How long `mediasoup-worker` may take to prove it runs (its self check). */
export const WORKER_CHECK_TIMEOUT_MS = 5_000
