/** Signalling for the relay's mediasoup SFU: one request and one response per stream (WATCH: then events). */
export const SFU_PROTOCOL = '/swarmcast/sfu/1.0.0'
/** Largest request, response or event frame (bounds memory before decoding). */
export const MAX_SFU_MESSAGE_BYTES = 64 * 1024
/** Largest mediasoup parameter JSON in a message (router capabilities are ~5 KiB; ICE candidates add little). */
export const MAX_SFU_PARAMS_BYTES = 48 * 1024
/** Deepest nesting accepted in that JSON (mediasoup's objects are 4-5 levels deep). */
export const MAX_SFU_PARAMS_DEPTH = 12
/** Longest mediasoup object id (a UUID is 36 characters). */
export const MAX_SFU_ID_LENGTH = 64
/** Longest human message in a response or reason in an event. */
export const MAX_SFU_MESSAGE_TEXT = 512
/** Default time budget of one SFU call. */
export const SFU_CALL_TIMEOUT_MS = 10_000
/** A produce authorization dated further than this from the relay's clock is refused (replay bound; clocks are checked on join). */
export const SFU_AUTH_WINDOW_MS = 60_000
/** Largest signed produce authorization payload. */
export const MAX_SFU_AUTH_PAYLOAD_BYTES = 256
/** A receiver that lost its consumers tries again this often even without an event (events can be missed across reconnects). */
export const SFU_RETRY_INTERVAL_MS = 2_000
/** How long SfuReceiver.start waits for playback by default. */
export const SFU_START_TIMEOUT_MS = 30_000
