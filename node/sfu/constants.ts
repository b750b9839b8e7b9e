/** RTP payload types the feed sends; its produce rtpParameters name the same. */
export const VP8_PAYLOAD_TYPE = 101
export const OPUS_PAYLOAD_TYPE = 100
/** RTP packet size: below a typical path MTU once SRTP and tunnels add their bytes. */
export const RTP_PACKET_SIZE = 1200
/** Opus bitrate of the SFU feed. */
export const SFU_AUDIO_BITRATE = '96k'
/**
 * Key frame interval, s. The feed's ffmpeg cannot answer a viewer's key frame
 * request (PLI), so a new or recovering viewer waits for the next regular one.
 */
export const SFU_KEYFRAME_INTERVAL_S = 1
/** First restart delay after the feed's ffmpeg exits; doubles up to the max. */
export const FEED_RESTART_DELAY_MS = 500
export const MAX_FEED_RESTART_DELAY_MS = 10_000
/** How long ffmpeg gets after SIGTERM before SIGKILL. */
export const FEED_STOP_GRACE_MS = 3_000
/** After a refusal or failure to produce, try again this long later (a grant may arrive; the relay may come back). */
export const PRODUCE_RETRY_MS = 5_000
/** How long the streamer waits for its relay's identify to say whether it offers the SFU. */
export const SFU_DISCOVERY_TIMEOUT_MS = 5_000
