import { join } from 'node:path'
import { isIP } from 'node:net'
import { AUDIO_BITRATE, AUDIO_SAMPLE_RATE, DEFAULT_RTMP_PORT, INIT_NAME, PLAYLIST_NAME, PLAYLIST_WINDOW, SEGMENT_PATTERN } from './constants.ts'

/** What the streamer feeds in: a generated test pattern, a media file, or an RTMP publisher (OBS…). */
export type IngestInput =
  | { kind: 'testsrc' }
  | { kind: 'file', path: string, loop: boolean }
  | { kind: 'rtmp', url: string }

/** A `--input` value that cannot be used. */
export class IngestInputError extends Error {
  override readonly name = 'IngestInputError'
}

/**
 * `testsrc`, an `rtmp://host[:port]/app/key` URL (ffmpeg listens there; the
 * port defaults to 1935, a missing host means all interfaces), or a file path.
 */
export function parseIngestInput (text: string, loop: boolean): IngestInput {
  if (text === 'testsrc') return { kind: 'testsrc' }
  if (/^rtmp:\/\//i.test(text)) return { kind: 'rtmp', url: normalizeRtmpUrl(text) }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw new IngestInputError(`unsupported input ${text}: use testsrc, a file path or rtmp://host:port/app/key`)
  }
  if (text === '') throw new IngestInputError('empty input: use testsrc, a file path or rtmp://host:port/app/key')
  return { kind: 'file', path: text, loop }
}

function normalizeRtmpUrl (text: string): string {
  const match = /^rtmp:\/\/([^/]*)\/(.+)$/i.exec(text)
  if (match == null) throw new IngestInputError(`${text} has no app/stream key path: use rtmp://host:port/app/key`)
  const [, authority, path] = match as unknown as [string, string, string]
  let host = authority
  let port: number | undefined
  const bracketed = /^\[([^\]]+)\](?::(\d*))?$/.exec(authority)
  const hostPort = /^([^:]*)(?::(\d*))?$/.exec(authority)
  if (bracketed != null) {
    host = bracketed[1]!
    port = bracketed[2] != null && bracketed[2] !== '' ? Number(bracketed[2]) : undefined
  } else if (hostPort != null) {
    host = hostPort[1]!
    port = hostPort[2] != null && hostPort[2] !== '' ? Number(hostPort[2]) : undefined
  } else if (isIP(authority) === 6) {
    host = authority
  }
  if (port != null && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw new IngestInputError(`${text}: the port must be 1-65535`)
  }
  if (host === '' || (isIP(host) === 0 && !isHostname(host))) host = '0.0.0.0'
  const hostText = isIP(host) === 6 ? `[${host}]` : host
  return `rtmp://${hostText}:${port ?? DEFAULT_RTMP_PORT}/${path}`
}

function isHostname (host: string): boolean {
  return host.length <= 253 && host.split('.').every(label => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label))
}

export interface FfmpegArgsInit {
  input: IngestInput
  /** Segment (and GOP) length, ms. */
  segmentMs: number
  /** Video bitrate, bits/s (constant). */
  bitrate: number
  /** `WIDTHxHEIGHT` of the encoded video. */
  videoSize: string
  fps: number
  /** Where the playlist, init segment and segments go. */
  outDir: string
  /** A font file for a clock burnt into the test pattern; no clock without one. */
  clockFont?: string
  /** Whether a file input has an audio stream (default true); without one, silence is added so players always get audio. */
  fileHasAudio?: boolean
}

/**
 * ffmpeg's arguments for one ingest run: H.264 (constant bitrate, one GOP per
 * segment so every segment starts on a keyframe) + AAC, written as fMP4 (CMAF)
 * HLS into `outDir`. Timestamps start at 0 on every run: the ingest rebases each
 * segment onto the stream's timeline itself, because this ffmpeg (2018) stops
 * cutting segments when `-output_ts_offset` is set and audio comes first.
 */
export function ffmpegArgs (init: FfmpegArgsInit): string[] {
  const size = parseVideoSize(init.videoSize)
  if (!(init.segmentMs >= 100)) throw new RangeError('segmentMs must be at least 100')
  if (!(init.fps > 0 && init.fps <= 240)) throw new RangeError('fps must be in (0, 240]')
  if (!(init.bitrate >= 10_000)) throw new RangeError('bitrate must be at least 10000 bits/s')
  const seg = formatSeconds(init.segmentMs)
  const gop = Math.max(1, Math.round(init.fps * init.segmentMs / 1000))
  const bitrate = String(Math.round(init.bitrate))
  const input = init.input

  const args = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', 'warning']
  const maps: string[] = []
  let videoFilter: string
  switch (input.kind) {
    case 'testsrc':
      args.push('-re', '-f', 'lavfi', '-i', `testsrc2=size=${size.width}x${size.height}:rate=${init.fps}`)
      args.push('-re', '-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=${AUDIO_SAMPLE_RATE}`)
      maps.push('-map', '0:v:0', '-map', '1:a:0')
      videoFilter = init.clockFont != null ? clockFilter(init.clockFont, size.height) : 'null'
      break
    case 'file':
      args.push('-re')
      if (input.loop) args.push('-stream_loop', '-1')
      args.push('-i', input.path)
      if (init.fileHasAudio ?? true) {
        maps.push('-map', '0:v:0', '-map', '0:a:0')
      } else {
        args.push('-f', 'lavfi', '-i', `anullsrc=channel_layout=stereo:sample_rate=${AUDIO_SAMPLE_RATE}`)
        maps.push('-map', '0:v:0', '-map', '1:a:0')
        // the silence never ends: stop with the file
        if (!input.loop) maps.push('-shortest')
      }
      videoFilter = fitFilter(size)
      break
    case 'rtmp':
      // ffmpeg is the RTMP server and waits for one publisher; no -re, the publisher sets the pace
      args.push('-listen', '1', '-i', input.url)
      maps.push('-map', '0:v:0', '-map', '0:a:0?')
      videoFilter = fitFilter(size)
      break
  }
  args.push(...maps)
  args.push(
    '-vf', videoFilter,
    '-r', String(init.fps),
    '-c:v', 'libx264', '-preset', 'veryfast', '-tune', 'zerolatency', '-profile:v', 'main', '-pix_fmt', 'yuv420p',
    '-b:v', bitrate, '-minrate', bitrate, '-maxrate', bitrate, '-bufsize', bitrate, '-x264-params', 'nal-hrd=cbr',
    '-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0',
    '-force_key_frames', `expr:gte(t,n_forced*${seg})`,
    '-c:a', 'aac', '-b:a', AUDIO_BITRATE, '-ar', String(AUDIO_SAMPLE_RATE), '-ac', '2',
    '-max_muxing_queue_size', '1024',
    '-f', 'hls', '-hls_time', seg, '-hls_list_size', String(PLAYLIST_WINDOW),
    '-hls_segment_type', 'fmp4', '-hls_fmp4_init_filename', INIT_NAME,
    '-hls_segment_filename', join(init.outDir, SEGMENT_PATTERN),
    '-hls_flags', 'independent_segments',
    join(init.outDir, PLAYLIST_NAME)
  )
  return args
}

export function parseVideoSize (text: string): { width: number, height: number } {
  const match = /^(\d{2,5})x(\d{2,5})$/.exec(text)
  const width = Number(match?.[1])
  const height = Number(match?.[2])
  if (match == null || width % 2 !== 0 || height % 2 !== 0 || width > 7680 || height > 4320) {
    throw new RangeError(`video size ${text} must be WIDTHxHEIGHT with even numbers, e.g. 1280x720`)
  }
  return { width, height }
}

/** Seconds as ffmpeg takes them: `1`, `0.5`, `2.002`. */
function formatSeconds (ms: number): string {
  return String(Math.round(ms) / 1000)
}

/** Scales any input into the frame, keeping its aspect ratio (black bars). */
function fitFilter (size: { width: number, height: number }): string {
  const { width: w, height: h } = size
  return `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2,setsar=1`
}

/** The wall clock, top left, so glass-to-glass latency can be read off a viewer's screen. */
function clockFilter (font: string, height: number): string {
  const fontSize = Math.max(12, Math.round(height / 12))
  const options = [
    `fontfile=${escapeFilterOption(font)}`,
    `text=${escapeFilterOption('%{localtime}')}`,
    `fontsize=${fontSize}`, 'fontcolor=white', 'box=1', 'boxcolor=black@0.6', 'boxborderw=6', 'x=12', 'y=12'
  ]
  return `drawtext=${options.join(':')}`
}

/** Escapes a filter option value for both levels ffmpeg parses (option, then filtergraph). */
export function escapeFilterOption (value: string): string {
  const optionLevel = value.replace(/[\\':]/g, c => `\\${c}`)
  return optionLevel.replace(/[\\'[\],;]/g, c => `\\${c}`)
}
