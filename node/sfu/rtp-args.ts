import { parseVideoSize } from '../ingest/index.ts'
import { AUDIO_SAMPLE_RATE } from '../ingest/constants.ts'
import { OPUS_PAYLOAD_TYPE, RTP_PACKET_SIZE, SFU_AUDIO_BITRATE, SFU_KEYFRAME_INTERVAL_S, VP8_PAYLOAD_TYPE } from './constants.ts'
import type { IngestInput } from '../ingest/index.ts'
import type { types } from 'mediasoup'

/** Where one medium goes: the relay's PlainTransport (comedia), RTP and RTCP ports. */
export interface RtpDestination {
  ip: string
  port: number
  rtcpPort: number
}

/** The SSRCs the feed's RTP carries; the produce rtpParameters name the same. */
export interface FeedSsrcs {
  video: number
  audio: number
}

export interface RtpFeedArgsInit {
  input: IngestInput
  video: RtpDestination
  audio: RtpDestination
  ssrcs: FeedSsrcs
  /** Video bitrate, bits/s. */
  bitrate: number
  /** `WIDTHxHEIGHT`. */
  videoSize: string
  fps: number
  /** Whether a file input has audio (default true); silence is sent otherwise. */
  fileHasAudio?: boolean
}

/** Random SSRCs, distinct, in 1..2^31-1 (ffmpeg's -ssrc option is a signed 32-bit int). */
export function randomSsrcs (): FeedSsrcs {
  const pick = (): number => 1 + Math.floor(Math.random() * 0x7ffffffe)
  const video = pick()
  let audio = pick()
  while (audio === video) audio = pick()
  return { video, audio }
}

/** The produce rtpParameters matching what {@link rtpFeedArgs} makes ffmpeg send. */
export function feedRtpParameters (ssrcs: FeedSsrcs): { video: types.RtpParameters, audio: types.RtpParameters } {
  return {
    video: {
      codecs: [{ mimeType: 'video/VP8', payloadType: VP8_PAYLOAD_TYPE, clockRate: 90000 }],
      encodings: [{ ssrc: ssrcs.video }]
    },
    audio: {
      codecs: [{ mimeType: 'audio/opus', payloadType: OPUS_PAYLOAD_TYPE, clockRate: 48000, channels: 2, parameters: { 'sprop-stereo': 1 } }],
      encodings: [{ ssrc: ssrcs.audio }]
    }
  }
}

/**
 * The output half for the SFU: VP8 (libvpx, realtime, CBR, a key frame every
 * second) and Opus as two RTP outputs with explicit SSRC and payload type. Also
 * what a single ingest ffmpeg would append to send both HLS and RTP (RTMP).
 * `v`/`a` are the input stream specifiers to map.
 */
export function rtpOutputArgs (init: Omit<RtpFeedArgsInit, 'input' | 'fileHasAudio'> & { v: string, a: string, videoFilter?: string }): string[] {
  const bitrate = String(Math.round(init.bitrate))
  const gop = String(Math.max(1, Math.round(init.fps * SFU_KEYFRAME_INTERVAL_S)))
  return [
    '-map', init.v,
    ...(init.videoFilter != null ? ['-vf', init.videoFilter] : []),
    '-r', String(init.fps),
    '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-pix_fmt', 'yuv420p',
    '-b:v', bitrate, '-minrate', bitrate, '-maxrate', bitrate, '-bufsize', bitrate,
    '-g', gop, '-keyint_min', gop, '-auto-alt-ref', '0', '-lag-in-frames', '0', '-error-resilient', '1',
    '-an', '-f', 'rtp', '-ssrc', String(init.ssrcs.video), '-payload_type', String(VP8_PAYLOAD_TYPE),
    rtpUrl(init.video),
    '-map', init.a,
    '-c:a', 'libopus', '-b:a', SFU_AUDIO_BITRATE, '-ar', String(AUDIO_SAMPLE_RATE), '-ac', '2', '-application', 'lowdelay',
    '-vn', '-f', 'rtp', '-ssrc', String(init.ssrcs.audio), '-payload_type', String(OPUS_PAYLOAD_TYPE),
    rtpUrl(init.audio)
  ]
}

/** ffmpeg's arguments for a feed process of its own: read `input` (testsrc or a file) and send RTP to the SFU. */
export function rtpFeedArgs (init: RtpFeedArgsInit): string[] {
  const size = parseVideoSize(init.videoSize)
  if (!(init.fps > 0 && init.fps <= 120)) throw new RangeError('fps must be in (0, 120]')
  if (!(init.bitrate >= 10_000)) throw new RangeError('bitrate must be at least 10000 bits/s')
  const input = init.input
  const args = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'error']
  let videoFilter: string | undefined
  switch (input.kind) {
    case 'testsrc':
      args.push('-re', '-f', 'lavfi', '-i', `testsrc2=size=${size.width}x${size.height}:rate=${init.fps}`)
      args.push('-re', '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=${AUDIO_SAMPLE_RATE}`)
      break
    case 'file':
      args.push('-re')
      if (input.loop) args.push('-stream_loop', '-1')
      args.push('-i', input.path)
      if (init.fileHasAudio === false) args.push('-f', 'lavfi', '-i', `anullsrc=channel_layout=stereo:sample_rate=${AUDIO_SAMPLE_RATE}`)
      videoFilter = `scale=${size.width}:${size.height}:force_original_aspect_ratio=decrease,pad=${size.width}:${size.height}:(ow-iw)/2:(oh-ih)/2,setsar=1`
      break
    case 'rtmp':
      throw new RangeError('an RTMP input has one publisher, which the ingest ffmpeg takes; append rtpOutputArgs() to the ingest instead of running a second ffmpeg')
  }
  const audioInput = input.kind === 'file' && init.fileHasAudio !== false ? '0:a:0' : '1:a:0'
  args.push(...rtpOutputArgs({ ...init, v: '0:v:0', a: audioInput, videoFilter }))
  return args
}

function rtpUrl (d: RtpDestination): string {
  const host = d.ip.includes(':') ? `[${d.ip}]` : d.ip
  return `rtp://${host}:${d.port}?rtcpport=${d.rtcpPort}&pkt_size=${RTP_PACKET_SIZE}`
}
