import t from 'tap'
import { join } from 'node:path'
import { ffmpegArgs, parseIngestInput, parseVideoSize, versionNumber } from '../../../node/ingest/index.ts'
import type { FfmpegArgsInit } from '../../../node/ingest/index.ts'

const OUT = '/tmp/out dir'
const BASE: FfmpegArgsInit = { input: { kind: 'testsrc' }, segmentMs: 1000, bitrate: 500_000, videoSize: '320x180', fps: 30, outDir: OUT }

/** The value after `flag` (the first occurrence after `from`). */
function after (args: string[], flag: string, from = 0): string | undefined {
  const i = args.indexOf(flag, from)
  return i < 0 ? undefined : args[i + 1]
}

/** Every `-i` value, in order. */
function inputs (args: string[]): string[] {
  return args.flatMap((a, i) => a === '-i' ? [args[i + 1]!] : [])
}

t.test('testsrc: test pattern + tone, CBR H.264 with one GOP per segment, AAC, fMP4 HLS', async t => {
  const args = ffmpegArgs(BASE)
  t.same(inputs(args), ['testsrc2=size=320x180:rate=30', 'sine=frequency=440:sample_rate=48000'])
  t.equal(args.filter(a => a === '-re').length, 2, 'both generators run in real time')
  t.equal(after(args, '-loglevel'), 'warning')
  t.ok(args.includes('-nostats') && args.includes('-nostdin'))
  t.equal(after(args, '-c:v'), 'libx264')
  t.equal(after(args, '-preset'), 'veryfast')
  t.equal(after(args, '-tune'), 'zerolatency')
  t.equal(after(args, '-profile:v'), 'main')
  t.equal(after(args, '-pix_fmt'), 'yuv420p')
  for (const flag of ['-b:v', '-minrate', '-maxrate', '-bufsize']) t.equal(after(args, flag), '500000', `${flag} is the bitrate`)
  t.equal(after(args, '-x264-params'), 'nal-hrd=cbr')
  t.equal(after(args, '-g'), '30')
  t.equal(after(args, '-keyint_min'), '30')
  t.equal(after(args, '-sc_threshold'), '0')
  t.equal(after(args, '-force_key_frames'), 'expr:gte(t,n_forced*1)')
  t.equal(after(args, '-c:a'), 'aac')
  t.equal(after(args, '-b:a'), '128k')
  t.equal(after(args, '-ar'), '48000')
  t.equal(after(args, '-ac'), '2')
  t.equal(after(args, '-f', args.indexOf('-c:v')), 'hls')
  t.equal(after(args, '-hls_time'), '1')
  t.equal(after(args, '-hls_segment_type'), 'fmp4')
  t.equal(after(args, '-hls_fmp4_init_filename'), 'init.mp4')
  t.equal(after(args, '-hls_segment_filename'), join(OUT, 'seg%d.m4s'))
  t.equal(after(args, '-hls_flags'), 'independent_segments')
  t.ok(Number(after(args, '-hls_list_size')) > 0, 'a sliding playlist window (the ingest deletes segments itself)')
  t.equal(args.at(-1), join(OUT, 'index.m3u8'))
  t.notOk(args.includes('-output_ts_offset'), 'the timeline is continued by rebasing segments, not by ffmpeg')
  t.same(args.slice(args.indexOf('-map'), args.indexOf('-map') + 4), ['-map', '0:v:0', '-map', '1:a:0'])
  t.equal(after(args, '-vf'), 'null', 'no clock without a font')
})

t.test('the clock is drawn with the given font, escaped for the filtergraph', async t => {
  const args = ffmpegArgs({ ...BASE, clockFont: "/fonts/it's:mono.ttf" })
  const vf = after(args, '-vf')!
  t.match(vf, /^drawtext=/)
  t.match(vf, "fontfile=/fonts/it\\\\\\'s\\\\:mono.ttf:", 'quote and colon escaped at both levels')
  t.match(vf, 'localtime')
})

t.test('segment length sets the GOP, keyframe times and hls_time', async t => {
  const args = ffmpegArgs({ ...BASE, segmentMs: 2000, fps: 25 })
  t.equal(after(args, '-g'), '50')
  t.equal(after(args, '-keyint_min'), '50')
  t.equal(after(args, '-force_key_frames'), 'expr:gte(t,n_forced*2)')
  t.equal(after(args, '-hls_time'), '2')
  t.equal(after(args, '-r'), '25')
  const half = ffmpegArgs({ ...BASE, segmentMs: 500 })
  t.equal(after(half, '-hls_time'), '0.5')
  t.equal(after(half, '-g'), '15')
})

t.test('file: real time, optional loop, fitted into the frame; silence when it has no audio', async t => {
  const looped = ffmpegArgs({ ...BASE, input: { kind: 'file', path: '/media/a b.mp4', loop: true } })
  const i = looped.indexOf('-i')
  t.same(looped.slice(i - 3, i + 2), ['-re', '-stream_loop', '-1', '-i', '/media/a b.mp4'])
  t.same(inputs(looped), ['/media/a b.mp4'])
  t.same(looped.slice(looped.indexOf('-map'), looped.indexOf('-map') + 4), ['-map', '0:v:0', '-map', '0:a:0'])
  t.match(after(looped, '-vf'), /^scale=320:180:force_original_aspect_ratio=decrease,pad=320:180/)
  t.equal(after(looped, '-r'), '30')

  const once = ffmpegArgs({ ...BASE, input: { kind: 'file', path: 'clip.mp4', loop: false } })
  t.notOk(once.includes('-stream_loop'))

  const silent = ffmpegArgs({ ...BASE, input: { kind: 'file', path: 'clip.mp4', loop: false }, fileHasAudio: false })
  t.same(inputs(silent), ['clip.mp4', 'anullsrc=channel_layout=stereo:sample_rate=48000'])
  t.same(silent.slice(silent.indexOf('-map'), silent.indexOf('-map') + 4), ['-map', '0:v:0', '-map', '1:a:0'])
  t.ok(silent.includes('-shortest'), 'ends with the file')
  const silentLoop = ffmpegArgs({ ...BASE, input: { kind: 'file', path: 'clip.mp4', loop: true }, fileHasAudio: false })
  t.notOk(silentLoop.includes('-shortest'))
})

t.test('rtmp: ffmpeg listens as the server, no -re, audio optional', async t => {
  const args = ffmpegArgs({ ...BASE, input: { kind: 'rtmp', url: 'rtmp://127.0.0.1:1935/live/key' } })
  const i = args.indexOf('-i')
  t.same(args.slice(i - 2, i + 2), ['-listen', '1', '-i', 'rtmp://127.0.0.1:1935/live/key'])
  t.notOk(args.includes('-re'))
  t.same(args.slice(args.indexOf('-map'), args.indexOf('-map') + 4), ['-map', '0:v:0', '-map', '0:a:0?'])
})

t.test('bad settings are refused before any ffmpeg runs', async t => {
  t.throws(() => ffmpegArgs({ ...BASE, videoSize: '1281x720' }), RangeError)
  t.throws(() => ffmpegArgs({ ...BASE, videoSize: 'big' }), RangeError)
  t.throws(() => ffmpegArgs({ ...BASE, segmentMs: 10 }), RangeError)
  t.throws(() => ffmpegArgs({ ...BASE, fps: 0 }), RangeError)
  t.throws(() => ffmpegArgs({ ...BASE, bitrate: Number.NaN }), RangeError)
  t.same(parseVideoSize('1280x720'), { width: 1280, height: 720 })
})

t.test('parseIngestInput', async t => {
  t.same(parseIngestInput('testsrc', false), { kind: 'testsrc' })
  t.same(parseIngestInput('video.mp4', true), { kind: 'file', path: 'video.mp4', loop: true })
  t.same(parseIngestInput('/abs/video.mkv', false), { kind: 'file', path: '/abs/video.mkv', loop: false })
  t.same(parseIngestInput('rtmp://127.0.0.1:1936/live/key', false), { kind: 'rtmp', url: 'rtmp://127.0.0.1:1936/live/key' })
  t.same(parseIngestInput('rtmp://localhost/live/key', false), { kind: 'rtmp', url: 'rtmp://localhost:1935/live/key' }, 'port defaults to 1935')
  t.same(parseIngestInput('rtmp:///live/key', false), { kind: 'rtmp', url: 'rtmp://0.0.0.0:1935/live/key' }, 'no host: all interfaces')
  t.same(parseIngestInput('rtmp://:1940/live/key', false), { kind: 'rtmp', url: 'rtmp://0.0.0.0:1940/live/key' })
  t.same(parseIngestInput('rtmp://bad_host!/live/key', false), { kind: 'rtmp', url: 'rtmp://0.0.0.0:1935/live/key' }, 'not a host name: all interfaces')
  t.same(parseIngestInput('rtmp://[::1]:1950/live/key', false), { kind: 'rtmp', url: 'rtmp://[::1]:1950/live/key' })
  t.throws(() => parseIngestInput('rtmp://127.0.0.1:1935', false), { name: 'IngestInputError', message: /app\/stream key/ })
  t.throws(() => parseIngestInput('rtmp://127.0.0.1:99999/live/key', false), { name: 'IngestInputError', message: /port/ })
  t.throws(() => parseIngestInput('http://example.com/a.mp4', false), { name: 'IngestInputError' })
  t.throws(() => parseIngestInput('', false), { name: 'IngestInputError' })
})

t.test('versionNumber: releases by number, git builds by year', async t => {
  t.same(versionNumber('5.1.6-0+deb12u1'), [5, 1])
  t.same(versionNumber('n6.0'), [6, 0])
  t.same(versionNumber('7.1'), [7, 1])
  t.same(versionNumber('N-47683-g0e8eb07980-static (2018)'), [4, 0], 'the npm static build counts as 4.0')
  t.same(versionNumber('N-66595-gc2b38619c0-static (2023)'), [6, 0])
  t.same(versionNumber('weird'), [0, 0])
})
