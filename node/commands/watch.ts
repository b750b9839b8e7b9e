import { open } from 'node:fs/promises'
import { UsageError, bitrateFlag, boolFlag, countFlag, durationFlag, listFlag, shortDurationFlag, stringFlag, bootstrapFlag } from '../args.ts'
import { commonOptions, DATA_HELP } from '../command.ts'
import { openPeerSession } from '../peer-node.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { Viewer, hashHex } from '../../src/video/index.ts'
import { parseInitSegment } from '../ingest/codecs.ts'
import { rebaseSegment } from '../ingest/fmp4.ts'
import type { PlayedSegment } from '../../src/video/index.ts'
import type { Command } from '../command.ts'
import type { FileHandle } from 'node:fs/promises'

const PROGRESS_INTERVAL_MS = 1_000

export const watchCommand: Command = {
  name: 'watch',
  help: `Usage: swarmcast watch --channel ID --bootstrap MA [--out FILE.mp4] [--for 60s]
                      [--json] [--buffer 3s] [--origin URL] [--no-p2p]
                      [--upload-limit R] [--data DIR]

A headless viewer: joins the channel's video swarm, fetches each segment from
peers (or the HTTP origin when its deadline is near), checks it against the
streamer's signed announcement, shares it with other viewers, and plays it in
real time as a player would. Reports startup time, buffer, stalls, peers and
where the bytes came from. Ends after --for, or on Ctrl-C.

Options:
  --channel ID       the channel to watch
  --bootstrap MA     a relay address printed by "swarmcast relay" (repeatable;
                     env SWARMCAST_BOOTSTRAP, comma-separated)
  --out FILE         write what plays to FILE as fragmented MP4
  --for D            stop after D (e.g. 60s, 5m); default: until Ctrl-C
  --json             a line per segment played ({"type":"segment","seq",
                     "sha256"}), progress lines, then one summary line:
                     {"segments","bytesFromPeers","bytesFromSeed",
                      "bytesFromOrigin","stalls","stallMs","startupMs",...}
                     (bytesFromSeed: from the streamer's node, peer to peer)
  --buffer D         how far behind live to play, 1s to 30s (default 3s)
  --origin URL       an HLS origin to fall back on besides the one the
                     streamer announces
  --no-p2p           take every segment from the origin (an HTTP-only player)
  --upload-limit R   most this viewer uploads to peers, e.g. 5M (bits/s)
  --timeout S        seconds to wait for the relay (default 15)
  --host IP          interface to listen on (env SWARMCAST_HOST, default 0.0.0.0)
${DATA_HELP}`,
  options: {
    ...commonOptions,
    channel: { type: 'string' },
    bootstrap: { type: 'string', multiple: true },
    out: { type: 'string' },
    for: { type: 'string' },
    json: { type: 'boolean' },
    buffer: { type: 'string' },
    origin: { type: 'string', multiple: true },
    'no-p2p': { type: 'boolean' },
    'upload-limit': { type: 'string' },
    timeout: { type: 'string' },
    host: { type: 'string' }
  },
  async run ({ args, env, out, err, signal }) {
    const channelText = stringFlag(args, 'channel')
    if (channelText == null) throw new UsageError('--channel is required: the channel id the streamer printed')
    const channel = ChannelId.parse(channelText)
    const forMs = durationFlag(args, 'for')
    const json = boolFlag(args, 'json')
    const targetBufferMs = shortDurationFlag(args, 'buffer', 3000, 1000, 30_000)
    const origins = listFlag(args, 'origin')
    for (const o of origins) if (!/^https?:\/\/\S+$/.test(o)) throw new UsageError(`--origin must be an http(s) URL, got "${o}"`)
    const p2p = !boolFlag(args, 'no-p2p')
    const uploadLimit = bitrateFlag(args, 'upload-limit', undefined)
    const bootstrap = bootstrapFlag(args, env)
    const outPath = stringFlag(args, 'out')
    const file: FileHandle | undefined = outPath != null ? await open(outPath, 'w') : undefined

    const session = await openPeerSession({
      dataFlag: stringFlag(args, 'data'), env, bootstrap, host: stringFlag(args, 'host') ?? env.SWARMCAST_HOST, timeoutMs: countFlag(args, 'timeout', 15) * 1000, signal, name: 'swarmcast:watch', warn: err,
      video: { uploadLimit: uploadLimit != null ? uploadLimit / 8 : undefined, origins }
    })
    try {
      await session.node.services.moderation.join(channel)
      const swarm = await session.node.services.video.join(channel)
      const viewer = new Viewer(swarm, { selfId: session.node.peerId.toString(), targetBufferMs, p2p })
      const writer = file != null ? new Fmp4Writer(file, err) : undefined
      viewer.addEventListener('segment', (evt) => {
        writer?.write(evt.detail)
        const a = evt.detail.announcement
        if (json) out(JSON.stringify({ type: 'segment', seq: a.seq, sha256: hashHex(evt.detail.bytes), duration: a.duration }))
      })
      viewer.addEventListener('started', (evt) => { if (!json) err(`playing after ${evt.detail.startupMs} ms`) })
      viewer.addEventListener('stall', () => { if (!json) err('stalled: waiting for the next segment') })
      viewer.addEventListener('skip', (evt) => { err(`skipped ${evt.detail.to - evt.detail.from} segment(s) that never arrived`) })
      viewer.addEventListener('offline', (evt) => {
        if (json) out(JSON.stringify({ type: 'offline', lastSeq: evt.detail.lastSeq ?? null }))
        else err('the stream is offline: waiting for it to come back (Ctrl-C to stop)')
      })
      viewer.addEventListener('online', (evt) => {
        if (json) out(JSON.stringify({ type: 'online', seq: evt.detail.seq }))
        else err('the stream is back')
      })
      swarm.addEventListener('bad-peer', (evt) => { err(`peer ${evt.detail.peer.toString()} sent a segment that does not match its signed hash: dropped it`) })
      viewer.start()
      const startedAt = Date.now()

      const report = (): Record<string, unknown> => {
        const v = viewer.stats()
        return {
          segments: v.segments,
          bytesFromPeers: swarm.stats.bytesFromPeers,
          bytesFromSeed: swarm.stats.bytesFromSeed,
          bytesFromOrigin: swarm.stats.bytesFromOrigin,
          bytesUploaded: session.node.services.video.limiter.uploaded,
          stalls: v.stalls,
          stallMs: Math.round(v.stallMs),
          startupMs: v.startupMs,
          bufferMs: Math.round(v.bufferMs),
          skipped: v.skipped,
          peers: swarm.neighbours.size,
          badSegments: swarm.stats.badSegments,
          latencyP50: percentile(v.latencies, 0.5),
          latencyP95: percentile(v.latencies, 0.95)
        }
      }
      const progress = setInterval(() => {
        const r = report()
        if (json) out(JSON.stringify({ type: 'progress', elapsedMs: Date.now() - startedAt, ...r }))
        else err(`${r.segments as number} segments, buffer ${((r.bufferMs as number) / 1000).toFixed(1)} s, ${r.stalls as number} stalls, ${r.peers as number} peers, from peers ${mib(r.bytesFromPeers)} / streamer ${mib(r.bytesFromSeed)} / origin ${mib(r.bytesFromOrigin)} MiB`)
      }, PROGRESS_INTERVAL_MS)
      try {
        await new Promise<void>(resolve => {
          const timer = forMs != null ? setTimeout(resolve, forMs) : undefined
          signal.addEventListener('abort', () => { clearTimeout(timer); resolve() }, { once: true })
          if (signal.aborted) resolve()
        })
      } finally {
        clearInterval(progress)
        viewer.close()
      }
      await writer?.flushed()
      const summary = report()
      if (json) out(JSON.stringify({ type: 'summary', ...summary }))
      else out(`watched ${summary.segments as number} segments: startup ${String(summary.startupMs)} ms, ${summary.stalls as number} stalls (${summary.stallMs as number} ms), from peers ${mib(summary.bytesFromPeers)} MiB, streamer ${mib(summary.bytesFromSeed)} MiB, origin ${mib(summary.bytesFromOrigin)} MiB`)
      if (summary.segments === 0) {
        err('no segment arrived: is the stream live? (swarmcast stream prints the channel id to watch)')
        return 1
      }
      return 0
    } finally {
      await session.close()
      await file?.close()
    }
  }
}

/**
 * Writes played segments as one fragmented MP4: the first init segment, then
 * media segments in order, moved on the timeline so that the file starts at 0.
 */
class Fmp4Writer {
  readonly #file: FileHandle
  readonly #warn: (line: string) => void
  #initId: string | undefined
  #timescales = new Map<number, number>()
  #offsetMs = 0
  #writes: Promise<unknown> = Promise.resolve()

  constructor (file: FileHandle, warn: (line: string) => void) {
    this.#file = file
    this.#warn = warn
  }

  write (segment: PlayedSegment): void {
    const { announcement, bytes, init } = segment
    if (this.#initId == null) {
      this.#initId = announcement.initId
      this.#offsetMs = -announcement.mediaTime
      try {
        this.#timescales = new Map(parseInitSegment(init).tracks.map(track => [track.id, track.timescale]))
      } catch (e) {
        this.#warn(`--out: the init segment is not one this writer understands (${(e as Error).message}); writing segments unchanged`)
      }
      this.#append(init)
    } else if (this.#initId !== announcement.initId) {
      this.#warn('the stream restarted with new codec settings; --out keeps the first ones, players may not read what follows')
      this.#initId = announcement.initId
    }
    this.#append(this.#rebased(bytes))
  }

  #rebased (bytes: Uint8Array): Uint8Array {
    if (this.#timescales.size === 0) return bytes
    try {
      return rebaseSegment(bytes, this.#timescales, this.#offsetMs)
    } catch {
      return bytes
    }
  }

  #append (bytes: Uint8Array): void {
    this.#writes = this.#writes.then(async () => await this.#file.write(bytes)).catch((e: Error) => { this.#warn(`could not write --out: ${e.message}`) })
  }

  async flushed (): Promise<void> {
    await this.#writes
  }
}

function percentile (values: number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number)
}

function mib (bytes: unknown): string {
  return ((bytes as number) / 1048576).toFixed(1)
}
