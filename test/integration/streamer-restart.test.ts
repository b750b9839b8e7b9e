import t from 'tap'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { CliProcess, startCliRelay, tempDir } from '../helpers/cli.ts'
import { waitFor } from '../helpers/wait.ts'
import type { Test } from 'tap'

interface JsonLine { type: string, [key: string]: unknown }

function jsonLines (p: CliProcess, type?: string): JsonLine[] {
  return p.stdout.flatMap(line => {
    try {
      const v = JSON.parse(line) as JsonLine
      return type == null || v.type === type ? [v] : []
    } catch {
      return []
    }
  })
}

function startStream (t: Test, dir: string, bootstrap: string): CliProcess {
  const stream = new CliProcess(['stream', '--data', join(dir, 'streamer'), '--channel', 'restart', '--input', 'testsrc', '--size', '320x180', '--bitrate', '300k', '--http', '0', '--host', '127.0.0.1', '--bootstrap', bootstrap, '--json'])
  t.teardown(async () => { await stream.stop() })
  return stream
}

// Processes whose parent is `pid` (ffmpeg under the streamer).
function children (pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number)
  } catch {
    return []
  }
}

function alive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

t.test('the streamer is killed and comes back: the viewer says offline, then plays on in order, without a restart', async t => {
  const { dir, remove } = await tempDir()
  t.teardown(remove)
  const { relay, tcpAddr } = await startCliRelay(join(dir, 'relay'))
  t.teardown(async () => { await relay.stop() })
  const first = startStream(t, dir, tcpAddr)
  const { channel } = JSON.parse(await first.waitForLine(l => l.includes('"type":"stream"'), 30_000)) as { channel: string }
  const viewer = new CliProcess(['watch', '--data', join(dir, 'viewer'), '--channel', channel, '--bootstrap', tcpAddr, '--host', '127.0.0.1', '--json', '--buffer', '2s'])
  t.teardown(async () => { await viewer.stop() })
  await waitFor(() => jsonLines(viewer, 'segment').length >= 3, 'the viewer to play three segments', 40_000)

  const ffmpegs = children(first.proc.pid!)
  t.ok(ffmpegs.length > 0, 'the streamer runs ffmpeg')
  first.proc.kill('SIGKILL')
  await first.exited
  await waitFor(() => ffmpegs.every(pid => !alive(pid)), 'ffmpeg to exit with its streamer, not run on as an orphan', 10_000)
  t.pass('ffmpeg exited with its killed streamer')
  await waitFor(() => jsonLines(viewer, 'offline').length === 1, 'the viewer to say the stream is offline', 20_000)
  const before = jsonLines(viewer, 'segment').length

  // same data dir: same identity, same channel
  const second = startStream(t, dir, tcpAddr)
  t.equal((JSON.parse(await second.waitForLine(l => l.includes('"type":"stream"'), 30_000)) as { channel: string }).channel, channel, 'the streamer is back on the same channel')
  await waitFor(() => jsonLines(viewer, 'online').length === 1, 'the viewer to see the stream back', 30_000)
  await waitFor(() => jsonLines(viewer, 'segment').length >= before + 3, 'the viewer to play three segments of the new run', 40_000)

  const seqs = jsonLines(viewer, 'segment').map(s => s.seq as number)
  t.ok(seqs.every((seq, i) => i === 0 || seq > seqs[i - 1]!), 'segments reached the player in order, each once')
  const seeded = new Map([...jsonLines(first, 'segment'), ...jsonLines(second, 'segment')].map(s => [s.seq as number, s.sha256 as string]))
  const played = jsonLines(viewer, 'segment')
  t.ok(played.every(s => seeded.get(s.seq as number) === s.sha256), 'every played segment is one the streamer cut, byte for byte')
  const order = jsonLines(viewer).map(l => l.type).filter(type => type === 'offline' || type === 'online')
  t.same(order, ['offline', 'online'])
  t.equal(viewer.proc.exitCode, null, 'the viewer never had to restart')
})
