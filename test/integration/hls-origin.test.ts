import t from 'tap'
import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import ffmpeg from '@ffmpeg-installer/ffmpeg'
import ffprobe from '@ffprobe-installer/ffprobe'
import { Identity } from '../../src/identity/index.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { openEnvelope, Kind } from '../../src/envelope/index.ts'
import { LiveWindow } from '../../src/video/live-window.ts'
import { UploadLimiter } from '../../src/video/upload-limiter.ts'
import { signAnnouncement, readAnnouncement } from '../../src/video/segment-announcement.ts'
import { HlsOriginStats } from '../../src/video/hls-origin.ts'
import { startHttpOrigin } from '../../bootstrap/http-origin.ts'
import { tempDir } from '../helpers/cli.ts'
import { waitFor } from '../helpers/wait.ts'
import type { Test } from 'tap'

const FPS = 30

/** Runs a program to its end; rejects on a non-zero exit, with its stderr. */
async function run (bin: string, args: string[], cwd?: string, timeoutMs = 60_000): Promise<string> {
  return await new Promise((resolve, reject) => {
    const proc = spawn(bin, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], signal: AbortSignal.timeout(timeoutMs) })
    let stdout = ''
    let stderr = ''
    proc.stdout.setEncoding('utf8').on('data', (s: string) => { stdout += s })
    proc.stderr.setEncoding('utf8').on('data', (s: string) => { stderr += s })
    proc.on('error', reject)
    proc.on('close', code => { code === 0 ? resolve(stdout) : reject(new Error(`${bin} exited ${code}: ${stderr}`)) })
  })
}

interface Cmaf { init: Uint8Array, segments: Array<{ bytes: Uint8Array, duration: number }> }

/** Four one-second CMAF segments (H.264 + AAC, a keyframe each 30 frames) cut by the npm ffmpeg. */
async function makeSegments (t: Test): Promise<Cmaf> {
  const tmp = await tempDir('swarmcast-hls-')
  t.teardown(tmp.remove)
  await run(ffmpeg.path, [
    '-hide_banner', '-loglevel', 'error',
    '-f', 'lavfi', '-i', `testsrc2=size=320x180:rate=${FPS}`, '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-t', '4', '-c:v', 'libx264', '-preset', 'veryfast', '-g', String(FPS), '-keyint_min', String(FPS), '-sc_threshold', '0', '-c:a', 'aac',
    '-f', 'hls', '-hls_time', '1', '-hls_list_size', '0', '-hls_segment_type', 'fmp4', '-hls_fmp4_init_filename', 'init.mp4',
    '-hls_segment_filename', join(tmp.dir, 'seg%d.m4s'), join(tmp.dir, 'out.m3u8')
  ], tmp.dir)
  const lines = (await readFile(join(tmp.dir, 'out.m3u8'), 'utf8')).split('\n')
  const segments = []
  for (const [i, line] of lines.entries()) {
    const extinf = /^#EXTINF:([\d.]+),/.exec(line)
    if (extinf == null) continue
    segments.push({ bytes: new Uint8Array(await readFile(join(tmp.dir, lines[i + 1] as string))), duration: Math.round(Number(extinf[1]) * 1000) })
  }
  return { init: new Uint8Array(await readFile(join(tmp.dir, 'init.mp4'))), segments }
}

const streamer = await Identity.generate()
const channel = ChannelId.derive(streamer.publicKey, 'live')

/** The streamer's side: sign each segment (seqs numbered from the clock, as the streamer does) and fill a window with it. */
async function streamInto (t: Test, window: LiveWindow, cmaf: Cmaf, firstSeq: number, from: number, to: number): Promise<void> {
  const start = Date.now() - 10_000
  let mediaTime = cmaf.segments.slice(0, from).reduce((sum, s) => sum + s.duration, 0)
  for (let i = from; i < to; i++) {
    const { bytes, duration } = cmaf.segments[i]!
    const envelope = await signAnnouncement(streamer, channel, { seq: firstSeq + i, duration, bytes, mediaTime, init: cmaf.init, codecs: 'avc1.64000d,mp4a.40.2', timestamp: start + mediaTime + duration })
    t.ok(window.add(readAnnouncement(envelope, await openEnvelope(envelope, { channel, kinds: [Kind.VideoSegment] }))))
    t.equal(window.put(firstSeq + i, bytes), 'stored')
    t.ok(window.putInit(cmaf.init))
    mediaTime += duration
  }
}

t.test('ffprobe plays the live window from the HTTP origin while it grows', async t => {
  const cmaf = await makeSegments(t)
  t.equal(cmaf.segments.length, 4, 'ffmpeg cut four segments')
  const window = new LiveWindow()
  const firstSeq = Date.now()
  await streamInto(t, window, cmaf, firstSeq, 0, 2)
  const stats = new HlsOriginStats()
  // one upload slot: each segment must give it back once sent, or the next one would get 503
  const limiter = new UploadLimiter({ slots: 1, bytesPerSecond: 10_000_000 })
  const origin = await startHttpOrigin({ port: 0, lookup: id => id === channel.text ? window : undefined, limiter, stats })
  t.teardown(origin.close)
  t.match(origin.url, /^http:\/\/127\.0\.0\.1:\d+$/)

  // a live playlist (no ENDLIST): start at its first segment and stop after a few reloads bring nothing new
  const probed = run(ffprobe.path, [
    '-v', 'error', '-live_start_index', '0', '-m3u8_hold_counters', '6',
    '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames,codec_name', '-of', 'json',
    `${origin.url}/live/${channel.text}/index.m3u8`
  ])
  probed.catch(() => {}) // awaited below; keep an early failure from going unhandled
  await waitFor(() => stats.count('segment', 200) >= 2, 'ffprobe to fetch the first two segments', 20_000)
  await streamInto(t, window, cmaf, firstSeq, 2, 4)

  const result = JSON.parse(await probed) as { streams: Array<{ codec_name: string, nb_read_frames: string }> }
  const video = result.streams[0]
  t.equal(video?.codec_name, 'h264')
  const frames = Number(video?.nb_read_frames)
  t.ok(Math.abs(frames - FPS * 4) <= 2, `decoded ${frames} frames, about ${FPS} for each of the 4 segments`)
  t.equal(stats.count('segment', 200), 4, 'every segment came from the origin once')
  t.ok(stats.count('playlist', 200) >= 2, 'the playlist was reloaded')
  t.equal(stats.count('init', 200) >= 1, true, 'the init segment was fetched')
  t.equal(limiter.refused, 0, 'the slot came back after every body')
  await waitFor(() => limiter.active === 0, 'the last upload slot to come back')
  t.ok(stats.bytesServed >= cmaf.init.byteLength + cmaf.segments.reduce((sum, s) => sum + s.bytes.byteLength, 0), 'bytes served counted')
})

t.test('fetch gets exact bytes with CORS; other paths 404; a taken port is explained; close is safe twice', async t => {
  const cmaf = await makeSegments(t)
  const window = new LiveWindow()
  const firstSeq = Date.now()
  await streamInto(t, window, cmaf, firstSeq, 0, 4)
  const origin = await startHttpOrigin({ port: 0, lookup: id => id === channel.text ? window : undefined })
  t.teardown(origin.close)
  const live = `${origin.url}/live/${channel.text}`

  const segment = await fetch(`${live}/${firstSeq + 2}.m4s`)
  t.equal(segment.status, 200)
  t.equal(segment.headers.get('access-control-allow-origin'), '*')
  t.equal(segment.headers.get('content-type'), 'video/iso.segment')
  t.same(new Uint8Array(await segment.arrayBuffer()), cmaf.segments[2]!.bytes, 'the exact bytes')

  const head = await fetch(`${live}/${firstSeq + 2}.m4s`, { method: 'HEAD' })
  t.equal(head.headers.get('content-length'), String(cmaf.segments[2]!.bytes.byteLength))
  t.equal((await head.arrayBuffer()).byteLength, 0, 'HEAD sends no body')

  const preflight = await fetch(`${live}/index.m3u8`, { method: 'OPTIONS', headers: { origin: 'http://player.test', 'access-control-request-method': 'GET' } })
  t.equal(preflight.status, 204)
  t.equal(preflight.headers.get('access-control-allow-methods'), 'GET, HEAD, OPTIONS')

  const playlist = await (await fetch(`${live}/index.m3u8`)).text()
  t.match(playlist, `#EXT-X-MEDIA-SEQUENCE:${firstSeq}\n`)

  for (const path of ['/', '/healthz', '/live/nope/index.m3u8']) {
    const missing = await fetch(`${origin.url}${path}`)
    t.equal(missing.status, 404, path)
    t.match(await missing.text(), /not found|not served/, `${path}: says why`)
  }

  const port = Number(new URL(origin.url).port)
  await t.rejects(startHttpOrigin({ port, lookup: () => undefined }), { name: 'PortUnavailableError', message: /already in use.*pick another port/ })

  await origin.close()
  await origin.close()
  await t.rejects(fetch(`${live}/index.m3u8`), 'closed for good')
})
