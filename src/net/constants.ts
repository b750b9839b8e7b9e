/** Gossip topic on which peers announce their addresses and channels. */
export const DISCOVERY_TOPIC = '/swarmcast/discovery/1.0.0'
/** Request/response protocol telling a peer our wall clock. */
export const CLOCK_PROTOCOL = '/swarmcast/clock/1.0.0'

/** How often a node re-announces itself on the discovery topic. */
export const ANNOUNCE_INTERVAL_MS = 15_000
/** Largest peer announcement accepted: bounds memory before decoding. */
export const MAX_ANNOUNCEMENT_BYTES = 4096
/** Multiaddrs per announcement: more is a peer trying to make us dial around. */
export const MAX_ANNOUNCED_ADDRS = 16
/** Channels per announcement. */
export const MAX_ANNOUNCED_CHANNELS = 32
/** Dials to announced peers in flight at once. */
export const MAX_DISCOVERY_DIALS = 4
/** Announcements older than this (by the sender's clock, vs ours) are ignored. */
export const MAX_ANNOUNCEMENT_AGE_MS = 5 * 60_000

/** Largest clock response; it is one small varint. */
export const MAX_CLOCK_RESPONSE_BYTES = 64
/** Default time budget for a clock query. */
export const CLOCK_TIMEOUT_MS = 5_000

/** Largest gossipsub RPC frame read from a peer (envelopes are far smaller, see MAX_ENVELOPE_BYTES). */
export const GOSSIP_MAX_INBOUND_BYTES = 1024 * 1024
/** Bytes queued towards one slow peer before gossipsub drops that stream. */
export const GOSSIP_MAX_OUTBOUND_BUFFER = 4 * 1024 * 1024
/** Concurrent gossipsub streams per direction. */
export const GOSSIP_MAX_STREAMS = 1
/** Topics a peer may subscribe to before we stop tracking more (memory bound). */
export const GOSSIP_MAX_TOPICS_PER_PEER = 256
/** Connections before the connection manager prunes. */
export const DEFAULT_MAX_CONNECTIONS = 200

/** Clock difference to a peer beyond which our signed messages would be refused (the chat window is +30 s). */
export const MAX_CLOCK_SKEW_MS = 30_000
/** How long a node waits for its first bootstrap peer before telling the user. */
export const BOOTSTRAP_TIMEOUT_MS = 15_000
/** How long a node that listens on /p2p-circuit waits for a relay reservation before it warns. */
export const RESERVATION_TIMEOUT_MS = 10_000
/** After losing every relay, the first redial comes after about this long, then twice as long each time up to the maximum. */
export const RELAY_REDIAL_FIRST_MS = 1_000
export const RELAY_REDIAL_MAX_MS = 30_000
/** One redial attempt gives up after this long. */
export const RELAY_REDIAL_TIMEOUT_MS = 10_000
