/** Well-known default ports, so `npm start` and the docs can name them (0 picks a free one). */
export const DEFAULT_TCP_PORT = 7401
export const DEFAULT_WS_PORT = 7402
export const DEFAULT_HTTP_PORT = 7480

/**
 * Circuit-relay reservations held at once (each is a peer reachable through us);
 * half the connection cap, as the load test holds on 2 cores (npm run bench -- relay).
 */
export const DEFAULT_MAX_RESERVATIONS = 500
/** Connections the relay keeps before pruning. */
export const DEFAULT_RELAY_MAX_CONNECTIONS = 1000
/** Time allowed for a clean shutdown before the process exits anyway. */
export const SHUTDOWN_TIMEOUT_MS = 10_000
/** New inbound connections per second from one IP (many browsers can share a NAT). */
export const RELAY_INBOUND_PER_HOST_PER_S = 100
/** Inbound connections in their handshake at once; more are refused until some finish. */
export const RELAY_MAX_PENDING_INBOUND = 128
