/** The RTMP port when an `rtmp://` input names none. */
export const DEFAULT_RTMP_PORT = 1935
/** Segments ffmpeg's playlist lists: the ingest reads it every POLL_INTERVAL_MS, so 10 is ample, and it keeps the playlist (rewritten per segment) small however long the stream runs. */
export const PLAYLIST_WINDOW = 10
/** What ffmpeg writes into a run's dir: the playlist, the init segment, the media segments (`%d` = media sequence number). */
export const PLAYLIST_NAME = 'index.m3u8'
export const INIT_NAME = 'init.mp4'
export const SEGMENT_PATTERN = 'seg%d.m4s'
/** Audio every stream carries (AAC-LC, stereo). */
export const AUDIO_BITRATE = '128k'
export const AUDIO_SAMPLE_RATE = 48_000

/** Defaults of IngestInit. */
export const INGEST_DEFAULTS = Object.freeze({
  segmentMs: 1000,
  bitrate: 2_500_000,
  videoSize: '1280x720',
  fps: 30,
  restartDelayMs: 1000
})
/** The restart backoff doubles up to this. */
export const MAX_RESTART_DELAY_MS = 10_000
/** How often the playlist is checked for new segments (bounds the latency the ingest adds). */
export const POLL_INTERVAL_MS = 100
/** How long ffmpeg gets to exit after SIGTERM before SIGKILL. */
export const STOP_GRACE_MS = 3_000
/** ffmpeg stderr lines kept for status messages. */
export const STDERR_TAIL_LINES = 5
/** Longest a probe of the input file or of drawtext may take. */
export const PROBE_TIMEOUT_MS = 15_000
/** Font files tried, in order, for the clock burnt into the test pattern. */
export const CLOCK_FONTS = Object.freeze([
  '/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSansMono-Bold.ttf',
  '/usr/share/fonts/TTF/DejaVuSansMono-Bold.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationMono-Bold.ttf',
  '/usr/share/fonts/truetype/freefont/FreeMonoBold.ttf',
  '/System/Library/Fonts/Menlo.ttc',
  'C:\\Windows\\Fonts\\consola.ttf'
])
