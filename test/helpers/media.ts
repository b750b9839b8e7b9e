import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { findFfmpeg, findFfprobe } from '../../node/ingest/index.ts'
import { CliProcess } from './cli.ts'
import type { AddressInfo } from 'node:net'
import type { CutSegment, Ingest, IngestStatus } from '../../node/ingest/index.ts'

/** Paths of the ffmpeg and ffprobe the tests run (the npm static builds unless overridden). */
export async function mediaTools (): Promise<{ ffmpeg: string, ffprobe: string }> {
  const [ffmpeg, ffprobe] = await Promise.all([findFfmpeg(), findFfprobe()])
  return { ffmpeg: ffmpeg.path, ffprobe: ffprobe.path }
}

/** Runs a binary to completion; rejects with its stderr if it fails. */
export async function run (bin: string, args: string[], timeoutMs = 60_000): Promise<{ stdout: string, stderr: string }> {
  return await new Promise((resolve, reject) => {
    execFile(bin, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err != null) reject(new Error(`${bin} ${args.join(' ')} failed: ${err.message}\n${stderr}`))
      else resolve({ stdout, stderr })
    })
  })
}

export interface ProbePacket { pts_time?: string, dts_time?: string, flags?: string, codec_type?: string }
export interface ProbeStream { codec_name?: string, codec_type?: string, start_time?: string, profile?: string }

/** ffprobe's JSON for `target` (streams and packets, or what `args` asks for). */
export async function ffprobeJson (ffprobe: string, target: string, args: string[] = ['-show_streams', '-show_packets']): Promise<{ streams?: ProbeStream[], packets?: ProbePacket[] }> {
  const { stdout } = await run(ffprobe, ['-v', 'error', '-print_format', 'json', ...args, target])
  return JSON.parse(stdout) as { streams?: ProbeStream[], packets?: ProbePacket[] }
}

/** Writes init + segments into one playable fMP4 file. */
export async function writeFragments (path: string, init: Uint8Array, ...segments: Uint8Array[]): Promise<void> {
  await writeFile(path, Buffer.concat([init, ...segments]))
}

/** A short H.264 clip made with ffmpeg: `seconds` long, 25 fps, with a 44.1 kHz mono tone unless `audio` is false. */
export async function makeClip (ffmpeg: string, path: string, seconds: number, options: { audio?: boolean } = {}): Promise<void> {
  const audio = options.audio ?? true
  await run(ffmpeg, [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25',
    ...(audio ? ['-f', 'lavfi', '-i', 'sine=frequency=660:sample_rate=44100'] : []),
    '-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p',
    ...(audio ? ['-c:a', 'aac', '-ac', '1'] : []),
    path
  ])
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort (): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise(resolve => server.close(resolve))
  return port
}

/**
 * Publishes a test pattern to `url` as an RTMP client (what OBS does), retrying
 * while nothing listens there yet. Resolves with the running publisher.
 */
export async function pushRtmp (ffmpeg: string, url: string, timeoutMs = 20_000): Promise<CliProcess> {
  const deadline = Date.now() + timeoutMs
  const args = [
    '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'warning',
    '-re', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=30',
    '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000',
    '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '30', '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-f', 'flv', url
  ]
  while (true) {
    const pusher = new CliProcess(args, {}, [ffmpeg])
    // a publisher that connected keeps running; one refused exits at once
    const early = await Promise.race([pusher.exited.then(() => true), new Promise<false>(resolve => setTimeout(() => resolve(false), 1500))])
    if (!early) return pusher
    if (Date.now() > deadline) throw new Error(`could not publish to ${url}: ${pusher.stderr.join('\n')}`)
    await new Promise(resolve => setTimeout(resolve, 200))
  }
}

/** Everything an ingest emits, with waits on conditions over it. */
export class IngestRecorder {
  readonly segments: CutSegment[] = []
  readonly statuses: IngestStatus[] = []
  #waiters: Array<() => void> = []

  constructor (ingest: Ingest) {
    ingest.addEventListener('segment', (evt) => { this.segments.push(evt.detail); this.#wake() })
    ingest.addEventListener('status', (evt) => { this.statuses.push(evt.detail); this.#wake() })
  }

  #wake (): void {
    const waiters = this.#waiters
    this.#waiters = []
    for (const w of waiters) w()
  }

  /** Resolves once `condition` holds over what was recorded; fails after `timeoutMs` with what was seen. */
  async until (condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!condition()) {
      const left = deadline - Date.now()
      if (left <= 0) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; statuses: ${JSON.stringify(this.statuses)}; segments: ${this.segments.length}`)
      }
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, left)
        this.#waiters.push(() => { clearTimeout(timer); resolve() })
      })
    }
  }

  /** Waits for a status (after the first `after` recorded) matching `match`, and returns it. */
  async status (match: (s: IngestStatus) => boolean, what: string, after = 0, timeoutMs = 20_000): Promise<IngestStatus> {
    let found: IngestStatus | undefined
    await this.until(() => (found = this.statuses.slice(after).find(match)) != null, what, timeoutMs)
    return found!
  }
}
