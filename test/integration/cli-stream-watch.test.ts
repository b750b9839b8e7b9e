import t from 'tap'
import { join } from 'node:path'
import { CliProcess, startCliRelay, tempDir } from '../helpers/cli.ts'
import { ffprobeJson, freePort, mediaTools, pushRtmp } from '../helpers/media.ts'
import { waitFor } from '../helpers/wait.ts'
import type { Test } from 'tap'

interface JsonLine { type: string, [key: string]: unknown }

function jsonLines (p: CliProcess, type: string): JsonLine[] {
  return p.stdout.flatMap(line => {
    try {
      const v = JSON.parse(line) as JsonLine
      return v.type === type ? [v] : []
    } catch {
      return []
    }
  })
}

/** `swarmcast stream` on free ports, stopped at the end of `t`; resolves with its channel and HLS URL. */
async function startStream (t: Test, dir: string, bootstrap: string, input: string, extra: string[] = []): Promise<{ stream: CliProcess, channel: string, hls: string }> {
  const stream = new CliProcess(['stream', '--data', join(dir, 'streamer'), '--channel', 'test', '--input', input, '--size', '320x180', '--bitrate', '400k', '--http', '0', '--host', '127.0.0.1', '--bootstrap', bootstrap, '--json', ...extra])
  t.teardown(async () => { await stream.stop() })
  const started = JSON.parse(await stream.waitForLine(l => l.includes('"type":"stream"'), 30_000)) as { channel: string, hls: string }
  return { stream, ...started }
}

t.test('a testsrc stream reaches five headless viewers, mostly peer to peer; HLS and --out play in ffprobe', async t => {
  const { dir, remove } = await tempDir()
  t.teardown(remove)
  const { relay, tcpAddr } = await startCliRelay(join(dir, 'relay'))
  t.teardown(async () => { await relay.stop() })
  const { stream, channel, hls } = await startStream(t, dir, tcpAddr, 'testsrc')
  await waitFor(() => jsonLines(stream, 'segment').length >= 2, 'the streamer to seed 2 segments', 30_000)

  const out = join(dir, 'watched.mp4')
  const viewers = Array.from({ length: 5 }, (_, i) => new CliProcess(['watch', '--data', join(dir, `viewer${i}`), '--channel', channel, '--bootstrap', tcpAddr, '--host', '127.0.0.1', '--json', '--for', '28s', ...(i === 0 ? ['--out', out] : [])]))
  for (const v of viewers) t.teardown(async () => { await v.stop() })

  // any HLS player can read the same stream from the streamer's origin
  const { ffprobe } = await mediaTools()
  const probe = await ffprobeJson(ffprobe, hls, ['-read_intervals', '%+3', '-count_frames', '-select_streams', 'v:0', '-show_streams'])
  t.equal(probe.streams?.[0]?.codec_name, 'h264', 'ffprobe reads H.264 from the HLS URL')
  t.ok(Number((probe.streams?.[0] as { nb_read_frames?: string } | undefined)?.nb_read_frames) > 0, 'and decodes frames')

  const codes = await Promise.all(viewers.map(async v => await v.exited))
  t.same(codes, [0, 0, 0, 0, 0], 'every viewer ends well')
  const seeded = new Map(jsonLines(stream, 'segment').map(s => [s.seq as number, s.sha256 as string]))
  const played = viewers.map(v => new Map(jsonLines(v, 'segment').map(s => [s.seq as number, s.sha256 as string])))
  // the 20 s window every viewer was there for: from the latest first segment on
  const from = Math.max(...played.map(p => Math.min(...p.keys())))
  const window = Array.from({ length: 20 }, (_, i) => from + i)
  for (const [i, p] of played.entries()) {
    t.ok(window.every(seq => p.get(seq) != null && p.get(seq) === seeded.get(seq)), `viewer ${i} played every segment of the 20 s window, hashes equal to the streamer's`)
  }
  const summaries = viewers.map(v => jsonLines(v, 'summary')[0] as Record<string, number>)
  const fromPeers = summaries.reduce((s, v) => s + v.bytesFromPeers!, 0)
  const total = summaries.reduce((s, v) => s + v.bytesFromPeers! + v.bytesFromSeed! + v.bytesFromOrigin!, 0)
  t.ok(fromPeers / total > 0.5, `more than half of the viewers' bytes came from other viewers (${(100 * fromPeers / total).toFixed(0)} %)`)

  const file = await ffprobeJson(ffprobe, out, ['-show_format', '-show_streams'])
  const duration = Number((file as { format?: { duration?: string } }).format?.duration)
  const segments = summaries[0]!.segments!
  t.ok(Math.abs(duration - segments) <= 1.5, `watch --out wrote ${duration.toFixed(1)} s of media for ${segments} one-second segments`)
  t.same(file.streams?.map(s => s.codec_name).sort(), ['aac', 'h264'], 'with its video and audio')
})

t.test('RTMP ingest: a stream pushed with ffmpeg is cut, seeded and served as HLS', async t => {
  const { dir, remove } = await tempDir()
  t.teardown(remove)
  const { relay, tcpAddr } = await startCliRelay(join(dir, 'relay'))
  t.teardown(async () => { await relay.stop() })
  const url = `rtmp://127.0.0.1:${await freePort()}/live/key`
  const { stream, hls } = await startStream(t, dir, tcpAddr, url)
  await stream.waitForLine(l => l.includes('waiting-for-input'), 30_000)
  const { ffmpeg, ffprobe } = await mediaTools()
  const pusher = await pushRtmp(ffmpeg, url)
  t.teardown(async () => { await pusher.stop() })
  await waitFor(() => jsonLines(stream, 'segment').length >= 3, 'three segments cut from the RTMP input', 30_000)
  const probe = await ffprobeJson(ffprobe, hls, ['-read_intervals', '%+2', '-count_frames', '-select_streams', 'v:0', '-show_streams'])
  t.ok(Number((probe.streams?.[0] as { nb_read_frames?: string } | undefined)?.nb_read_frames) > 0, 'ffprobe decodes frames of the pushed stream from the HLS URL')
})
