import t from 'tap'
import { existsSync } from 'node:fs'
import { chmod, mkdir, readdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Ingest, findFfmpeg, FfmpegNotFoundError } from '../../node/ingest/index.ts'
import { tempDir } from '../helpers/cli.ts'
import { IngestRecorder, ffprobeJson, freePort, makeClip, mediaTools, pushRtmp, writeFragments } from '../helpers/media.ts'
import type { CutSegment, IngestInit } from '../../node/ingest/index.ts'
import type { Test } from 'tap'

const { ffmpeg, ffprobe } = await mediaTools()
const tmp = await tempDir('swarmcast-ingest-')
t.teardown(tmp.remove)

// small and cheap: the machine is busy with other tests
const CHEAP = { videoSize: '320x180', bitrate: 500_000, fps: 30, segmentMs: 1000 } as const
const CODECS = /^avc1\.[0-9a-f]{6},mp4a\.40\.2$/

function startIngest (t: Test, init: IngestInit): { ingest: Ingest, rec: IngestRecorder } {
  const ingest = new Ingest(init)
  const rec = new IngestRecorder(ingest)
  t.teardown(async () => { await ingest.stop() })
  return { ingest, rec }
}

/** Each segment starts where the one before ended; indexes count up from 0. */
function checkTimeline (t: Test, segments: CutSegment[]): void {
  segments.forEach((s, i) => {
    t.equal(s.index, i, `segment ${i} has index ${i}`)
    if (i > 0) t.equal(s.mediaTime, segments[i - 1]!.mediaTime + segments[i - 1]!.duration, `segment ${i} starts where ${i - 1} ended`)
  })
}

/** ffprobe's view of init + one segment: codecs, where the video starts, whether its first frame is a keyframe. */
async function probeSegment (init: Uint8Array, segment: Uint8Array, name: string): Promise<{ codecs: string[], videoStart: number, firstKey: boolean, videoPackets: number }> {
  const file = join(tmp.dir, `${name}.mp4`)
  await writeFragments(file, init, segment)
  const info = await ffprobeJson(ffprobe, file, ['-show_streams', '-show_packets', '-show_entries', 'packet=codec_type,pts_time,flags:stream=codec_name,codec_type'])
  const video = (info.packets ?? []).filter(p => p.codec_type === 'video')
  return {
    codecs: (info.streams ?? []).map(s => s.codec_name ?? '?').sort(),
    videoStart: Math.min(...video.map(p => Number(p.pts_time))),
    firstKey: video[0]?.flags?.includes('K') ?? false,
    videoPackets: video.length
  }
}

t.test('the test pattern becomes 1 s H.264/AAC segments, each starting on a keyframe', async t => {
  const { ingest, rec } = startIngest(t, { input: { kind: 'testsrc' }, ...CHEAP, workDir: join(tmp.dir, 'testsrc') })
  await ingest.start()
  await rec.until(() => rec.segments.length >= 3, '3 segments', 30_000)
  t.equal(ingest.status.state, 'running')
  const segments = rec.segments.slice(0, 3)
  checkTimeline(t, segments)
  t.same(segments.map(s => s.mediaTime), [0, segments[0]!.duration, segments[0]!.duration + segments[1]!.duration])
  for (const s of segments) {
    t.ok(Math.abs(s.duration - 1000) <= 50, `segment ${s.index} lasts about 1 s (${s.duration} ms)`)
    t.match(s.codecs, CODECS)
    // 500 kbit/s video + 128 kbit/s audio for 1 s, give or take the rate control
    t.ok(s.bytes.byteLength > 30_000 && s.bytes.byteLength < 200_000, `segment ${s.index} is ${s.bytes.byteLength} bytes`)
    const probe = await probeSegment(s.init, s.bytes, `testsrc-${s.index}`)
    t.same(probe.codecs, ['aac', 'h264'], 'ffprobe reads an h264 and an aac stream')
    t.ok(probe.firstKey, `segment ${s.index} starts on a keyframe`)
    t.ok(probe.videoPackets >= 28 && probe.videoPackets <= 32, `segment ${s.index} holds ~30 frames (${probe.videoPackets})`)
    t.ok(Math.abs(probe.videoStart * 1000 - s.mediaTime) < 100, `segment ${s.index} video starts at its media time (${probe.videoStart} s)`)
  }
  t.equal(segments[0]!.init, segments[2]!.init, 'one ffmpeg run, one init segment')
  // segment files are deleted once handed out: the run dir holds the playlist and init only
  const workDirs = await readdir(join(tmp.dir, 'testsrc'))
  t.equal(workDirs.length, 1, 'one work dir')
  await rec.until(() => rec.segments.length >= 4, 'one more segment', 10_000)
  const runFiles = await readdir(join(tmp.dir, 'testsrc', workDirs[0]!, 'run-1'))
  t.ok(runFiles.filter(f => f.endsWith('.m4s')).length <= 1, `at most the segment being written is on disk (${runFiles.join(' ')})`)
  await ingest.stop()
  await ingest.stop()
  t.equal(ingest.status.state, 'stopped')
  t.same(await readdir(join(tmp.dir, 'testsrc')), [], 'stop removes the work files')
})

t.test('a looping file keeps streaming past its end, on one continuous timeline', async t => {
  const clip = join(tmp.dir, 'clip.mp4')
  await makeClip(ffmpeg, clip, 3)
  const { ingest, rec } = startIngest(t, { input: { kind: 'file', path: clip, loop: true }, ...CHEAP, workDir: join(tmp.dir, 'loop') })
  await ingest.start()
  await rec.until(() => rec.segments.some(s => s.mediaTime >= 4000), 'media time beyond the 3 s clip', 30_000)
  checkTimeline(t, rec.segments)
  for (const s of rec.segments) t.match(s.codecs, CODECS)
  const later = rec.segments.find(s => s.mediaTime >= 4000)!
  const probe = await probeSegment(later.init, later.bytes, 'loop')
  t.same(probe.codecs, ['aac', 'h264'])
  t.ok(probe.firstKey, 'the segment after the loop point starts on a keyframe')
  t.ok(Math.abs(probe.videoStart * 1000 - later.mediaTime) < 100, `its video starts at its media time (${probe.videoStart} s vs ${later.mediaTime} ms)`)
  t.notOk(rec.statuses.some(s => s.state === 'restarting'), 'looping needed no restart')
})

t.test('a file without audio gets silent audio; a file that ends (no loop) stops the ingest', async t => {
  const clip = join(tmp.dir, 'silent.mp4')
  await makeClip(ffmpeg, clip, 2, { audio: false })
  const { ingest, rec } = startIngest(t, { input: { kind: 'file', path: clip, loop: false }, ...CHEAP, workDir: join(tmp.dir, 'silent') })
  await ingest.start()
  const ended = await rec.status(s => s.state === 'stopped', 'the end of the file', 0, 30_000)
  t.match(ended.message, /input file ended/)
  t.ok(rec.segments.length >= 2, `${rec.segments.length} segments`)
  const total = rec.segments.reduce((sum, s) => sum + s.duration, 0)
  t.ok(Math.abs(total - 2000) <= 100, `the segments cover the 2 s clip (${total} ms)`)
  t.match(rec.segments[0]!.codecs, CODECS, 'audio is there anyway')
  const probe = await probeSegment(rec.segments[0]!.init, rec.segments[0]!.bytes, 'silent')
  t.same(probe.codecs, ['aac', 'h264'])
})

t.test('a missing input file is reported and retried without crashing; the stream starts when it appears', async t => {
  const path = join(tmp.dir, 'later.mp4')
  const { ingest, rec } = startIngest(t, { input: { kind: 'file', path, loop: true }, ...CHEAP, workDir: join(tmp.dir, 'missing'), restartDelayMs: 200 })
  await ingest.start()
  const first = await rec.status(s => s.state === 'restarting', 'a restarting status')
  t.match(first.message, `cannot read ${path}`)
  t.match(first.message, /No such file or directory/)
  t.match(first.message, /retrying in 200 ms/)
  const second = await rec.status(s => s.state === 'restarting', 'a second attempt', rec.statuses.indexOf(first) + 1)
  t.match(second.message, /retrying in 400 ms/, 'the backoff doubles')
  t.equal(rec.segments.length, 0)
  // made aside and renamed in, so no attempt reads a half-written file
  await makeClip(ffmpeg, join(tmp.dir, 'later-tmp.mp4'), 2)
  await rename(join(tmp.dir, 'later-tmp.mp4'), path)
  await rec.until(() => rec.segments.length >= 1, 'a segment once the file exists', 30_000)
  t.equal(ingest.status.state, 'running')
  t.equal(rec.segments[0]!.index, 0)
  t.equal(rec.segments[0]!.mediaTime, 0)
})

t.test('stop() ends the retries', async t => {
  const { ingest, rec } = startIngest(t, { input: { kind: 'file', path: join(tmp.dir, 'never.mp4'), loop: false }, ...CHEAP, workDir: join(tmp.dir, 'never'), restartDelayMs: 100 })
  await ingest.start()
  await rec.status(s => s.state === 'restarting', 'a restarting status')
  await ingest.stop()
  t.equal(ingest.status.state, 'stopped')
  const after = rec.statuses.length
  // an absence can only be watched for a while: several retry periods
  await new Promise(resolve => setTimeout(resolve, 500))
  t.equal(rec.statuses.length, after, 'no attempt after stop')
  t.same(await readdir(join(tmp.dir, 'never')), [], 'nothing left in the work dir')
})

t.test('RTMP: waits for a publisher, ingests it, waits again when it leaves, resumes the timeline', async t => {
  const port = await freePort()
  const url = `rtmp://127.0.0.1:${port}/live/test`
  const { ingest, rec } = startIngest(t, { input: { kind: 'rtmp', url }, ...CHEAP, workDir: join(tmp.dir, 'rtmp') })
  await ingest.start()
  const waiting = await rec.status(s => s.state === 'waiting-for-input', 'waiting for a publisher')
  t.match(waiting.message, `waiting for an RTMP publisher on ${url}`)

  const first = await pushRtmp(ffmpeg, url)
  t.teardown(async () => { await first.stop('SIGKILL') })
  await rec.until(() => rec.segments.length >= 3, '3 segments from the first publisher', 30_000)
  const running = await rec.status(s => s.state === 'running', 'running')
  t.match(running.message, 'RTMP publisher')

  const before = rec.statuses.length
  await first.stop('SIGKILL')
  const gone = await rec.status(s => s.state === 'restarting', 'the publisher going away', before)
  t.match(gone.message, /RTMP publisher .* went away/)
  await rec.status(s => s.state === 'waiting-for-input', 'waiting again', before)
  const firstRun = rec.segments.length
  const firstRunEnd = rec.segments.at(-1)!.mediaTime + rec.segments.at(-1)!.duration

  const second = await pushRtmp(ffmpeg, url)
  t.teardown(async () => { await second.stop('SIGKILL') })
  await rec.until(() => rec.segments.length >= firstRun + 2, '2 segments from the second publisher', 30_000)
  checkTimeline(t, rec.segments)
  const resumed = rec.segments[firstRun]!
  t.equal(resumed.mediaTime, firstRunEnd, 'the timeline continues where the first publisher stopped')
  t.not(resumed.init, rec.segments[0]!.init, 'the new ffmpeg run brought its own init segment')
  t.match(resumed.codecs, CODECS)
  const probe = await probeSegment(resumed.init, resumed.bytes, 'rtmp-resumed')
  t.same(probe.codecs, ['aac', 'h264'])
  t.ok(probe.firstKey, 'the first segment after the restart starts on a keyframe')
  // (not rebased, the second run would start near 0; the publisher's own A/V start offset may add a little)
  t.ok(Math.abs(probe.videoStart * 1000 - resumed.mediaTime) < 500, `its decode times were moved onto the timeline (${probe.videoStart} s vs ${resumed.mediaTime} ms)`)
})

t.test('findFfmpeg: SWARMCAST_FFMPEG must work; a newer ffmpeg on PATH wins over the npm build', async t => {
  await t.rejects(findFfmpeg({ ...process.env, SWARMCAST_FFMPEG: '/nonexistent' }), { name: 'FfmpegNotFoundError', message: /SWARMCAST_FFMPEG=\/nonexistent/ })
  const npm = await findFfmpeg({ PATH: '' })
  t.equal(npm.source, 'npm')
  t.ok(existsSync(npm.path))
  t.match(npm.version, /\(2018\)$/, 'the static build is a 2018 git snapshot')
  t.same(await findFfmpeg({ SWARMCAST_FFMPEG: npm.path }), { ...npm, source: 'env' })

  // stand-ins for a system ffmpeg: they only answer -version
  const bin = join(tmp.dir, 'bin')
  await mkdir(bin)
  const fake = async (version: string): Promise<void> => {
    const path = join(bin, 'ffmpeg')
    await writeFile(path, `#!/bin/sh\necho "ffmpeg version ${version} Copyright (c) 2000-2024 the FFmpeg developers"\n`)
    await chmod(path, 0o755)
  }
  await fake('5.1.6-0+deb12u1')
  t.same(await findFfmpeg({ PATH: bin }), { path: join(bin, 'ffmpeg'), version: '5.1.6-0+deb12u1', source: 'debian' }, 'Debian 5.1 is newer than the 2018 build')
  await fake('3.4.8')
  t.equal((await findFfmpeg({ PATH: bin })).source, 'npm', 'an older system ffmpeg is not used')

  const ingest = new Ingest({ input: { kind: 'testsrc' }, ffmpegPath: '/nonexistent/ffmpeg', workDir: join(tmp.dir, 'none') })
  await t.rejects(ingest.start(), FfmpegNotFoundError)
  t.equal(ingest.status.state, 'stopped')
  await ingest.stop()
})
