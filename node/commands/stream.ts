import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { UsageError, bitrateFlag, boolFlag, countFlag, portFlag, requireFlag, shortDurationFlag, stringFlag, bootstrapFlag } from '../args.ts'
import { commonOptions, DATA_HELP } from '../command.ts'
import { openPeerSession } from '../peer-node.ts'
import { startHttpOrigin } from '../../bootstrap/http-origin.ts'
import { startSfuFeed } from '../sfu/index.ts'
import { Ingest, parseIngestInput } from '../ingest/index.ts'
import { ChannelId } from '../../src/channel/index.ts'
import type { CutSegment, IngestStatus } from '../ingest/index.ts'
import type { Command } from '../command.ts'

/** Where the streamer's HLS origin listens unless told otherwise. */
export const DEFAULT_STREAM_HTTP_PORT = 7490
const STATUS_INTERVAL_MS = 5_000

export const streamCommand: Command = {
  name: 'stream',
  help: `Usage: swarmcast stream --channel NAME|ID --input SRC --bootstrap MA [--loop]
                       [--segment 1s] [--bitrate 2500k] [--upload-limit 20M]
                       [--http PORT] [--public-url URL] [--host IP] [--json]
                       [--no-sfu] [--data DIR]

Encodes SRC with ffmpeg into H.264 + AAC CMAF segments, signs an announcement
for each (seq, duration, size, SHA-256, media time, init hash) with your
identity, gossips it on the channel's video topic and serves the bytes to
viewers peer to peer. The same stream is plain HLS from this node's HTTP
origin. Viewers accept only segments signed by the channel owner or a key the
owner granted the stream right. If the input fails or an RTMP publisher
leaves, the node keeps running and the stream resumes when input returns.
When the relay runs an SFU (swarmcast relay --sfu), the stream also goes to
it as VP8 + Opus RTP, the low-latency path for viewers (not for RTMP input).

Options:
  --channel NAME|ID  a channel name (the channel you own with that name) or id
  --input SRC        testsrc (test pattern with a tone), a media file, or
                     rtmp://127.0.0.1:1935/live/KEY to receive RTMP from OBS
                     or ffmpeg (this node listens there)
  --loop             play a file input again and again
  --bootstrap MA     a relay address printed by "swarmcast relay" (repeatable;
                     env SWARMCAST_BOOTSTRAP, comma-separated)
  --segment D        segment duration, 250ms to 10s (default 1s)
  --bitrate R        video bitrate, e.g. 2500k or 6M (default 2500k)
  --size WxH         test pattern size (default 1280x720)
  --upload-limit R   most this node uploads, peers and HTTP together, in bits
                     per second, e.g. 20M (default: no limit)
  --http PORT        HLS origin port (env SWARMCAST_HTTP_PORT, default ${DEFAULT_STREAM_HTTP_PORT}, 0 = free)
  --public-url URL   the origin URL viewers should use (default http://HOST:PORT)
  --host IP          interface to listen on (env SWARMCAST_HOST, default 0.0.0.0)
  --timeout S        seconds to wait for the relay (default 15)
  --json             JSON lines on stdout: the stream, each segment seeded
                     ({"type":"segment","seq","sha256"}), ingest, sfu and status
  --no-sfu           do not feed the relay's SFU even if it runs one
${DATA_HELP}`,
  options: {
    ...commonOptions,
    channel: { type: 'string' },
    input: { type: 'string' },
    loop: { type: 'boolean' },
    bootstrap: { type: 'string', multiple: true },
    segment: { type: 'string' },
    bitrate: { type: 'string' },
    size: { type: 'string' },
    'upload-limit': { type: 'string' },
    http: { type: 'string' },
    'public-url': { type: 'string' },
    host: { type: 'string' },
    timeout: { type: 'string' },
    json: { type: 'boolean' },
    'no-sfu': { type: 'boolean' }
  },
  async run ({ args, env, out, err, signal }) {
    const channelText = requireFlag(args, 'channel', 'a channel name you own, or a channel id you may stream to')
    const input = parseIngestInput(requireFlag(args, 'input', 'testsrc, a media file, or rtmp://127.0.0.1:1935/live/KEY'), boolFlag(args, 'loop'))
    const segmentMs = shortDurationFlag(args, 'segment', 1000, 250, 10_000)
    const bitrate = bitrateFlag(args, 'bitrate', 2_500_000) as number
    const uploadLimit = bitrateFlag(args, 'upload-limit', undefined)
    const httpPort = portFlag(args, 'http', DEFAULT_STREAM_HTTP_PORT, env.SWARMCAST_HTTP_PORT)
    const host = stringFlag(args, 'host') ?? env.SWARMCAST_HOST
    const timeoutMs = countFlag(args, 'timeout', 15) * 1000
    const json = boolFlag(args, 'json')
    const publicUrl = stringFlag(args, 'public-url')
    if (publicUrl != null && !/^https?:\/\/\S+$/.test(publicUrl)) throw new UsageError(`--public-url must be an http(s) URL, got "${publicUrl}"`)
    const bootstrap = bootstrapFlag(args, env)

    const session = await openPeerSession({
      dataFlag: stringFlag(args, 'data'), env, bootstrap, host, timeoutMs, signal, name: 'swarmcast:stream', warn: err,
      video: { uploadLimit: uploadLimit != null ? uploadLimit / 8 : undefined }
    })
    const cleanup: Array<() => Promise<void>> = [session.close]
    try {
      const { identity } = session.keys
      const channel = channelFromText(channelText, identity.publicKey)
      if (channel.ownerKey !== identity.key) {
        err(`note: you do not own channel ${channel.text}; viewers accept your segments only if its owner granted you the stream right (swarmcast mod grant --rights stream)`)
      }
      await session.node.services.moderation.join(channel)
      const swarm = await session.node.services.video.join(channel)
      const origin = await startHttpOrigin({
        host: host ?? '0.0.0.0',
        port: httpPort,
        lookup: (id) => id === channel.text ? swarm.window : undefined,
        limiter: session.node.services.video.limiter
      })
      cleanup.unshift(origin.close)
      const originUrl = publicUrl ?? origin.url
      const workDir = await mkdtemp(join(tmpdir(), 'swarmcast-ingest-'))
      cleanup.unshift(async () => { await rm(workDir, { recursive: true, force: true }) })
      const ingest = new Ingest({ input, segmentMs, bitrate, videoSize: stringFlag(args, 'size'), workDir })
      cleanup.unshift(async () => { await ingest.stop() })

      // seqs start at the clock, so a restarted streamer never reuses one its viewers hold
      const seq0 = Date.now()
      let seeded = 0
      ingest.addEventListener('segment', (evt: CustomEvent<CutSegment>) => {
        const s = evt.detail
        swarm.seed(identity, { seq: seq0 + s.index, duration: s.duration, bytes: s.bytes, mediaTime: s.mediaTime, init: s.init, codecs: s.codecs, origins: [originUrl] })
          .then((a) => {
            seeded++
            if (json) out(JSON.stringify({ type: 'segment', seq: a.seq, sha256: hex(a.sha256), duration: a.duration, size: a.size }))
          }, (e: Error) => { err(`could not seed segment ${s.index}: ${e.message}`) })
      })
      ingest.addEventListener('status', (evt: CustomEvent<IngestStatus>) => {
        if (json) out(JSON.stringify({ type: 'ingest', ...evt.detail }))
        else err(`ingest: ${evt.detail.message}`)
      })

      const hls = `${originUrl}/live/${channel.text}/index.m3u8`
      const watch = `swarmcast watch --channel ${channel.text} --bootstrap ${bootstrap[0]}`
      if (json) out(JSON.stringify({ type: 'stream', channel: channel.text, hls, watch }))
      else {
        out(`channel: ${channel.text}`)
        out(`hls: ${hls}`)
        out(`watch: ${watch}`)
      }
      await ingest.start()

      // the low-latency path: when the relay runs an SFU, send it the stream as RTP too
      // (RTMP has one publisher, which the ingest holds: no SFU feed for it yet)
      if (!boolFlag(args, 'no-sfu') && input.kind !== 'rtmp') {
        const sfuFeed = await startSfuFeed({ node: session.node, identity, channel, input, bootstrap, bitrate, videoSize: stringFlag(args, 'size'), signal })
          .catch((e: Error) => { err(`sfu: not feeding the relay's SFU: ${e.message}`); return undefined })
        if (sfuFeed != null) {
          cleanup.unshift(sfuFeed.close)
          sfuFeed.events.addEventListener('status', (e) => {
            if (json) out(JSON.stringify({ type: 'sfu', ...e.detail }))
            else err(`sfu: ${e.detail.message}`)
          })
        }
      }

      let lastUploaded = 0
      const status = setInterval(() => {
        const limiter = session.node.services.video.limiter
        const rate = (limiter.uploaded - lastUploaded) * 8 / (STATUS_INTERVAL_MS / 1000)
        lastUploaded = limiter.uploaded
        const line = { type: 'status', segments: seeded, peers: swarm.neighbours.size, uploadBitsPerSecond: Math.round(rate), busyRefusals: limiter.refused }
        if (json) out(JSON.stringify(line))
        else err(`live: ${seeded} segments, ${line.peers} peers, upload ${(rate / 1e6).toFixed(2)} Mbit/s`)
      }, STATUS_INTERVAL_MS)
      cleanup.unshift(async () => { clearInterval(status) })
      await new Promise<void>(resolve => {
        if (signal.aborted) resolve()
        signal.addEventListener('abort', () => { resolve() }, { once: true })
      })
      err('stopping: closing the ingest, the origin and the node')
      return 0
    } finally {
      for (const step of cleanup) await step().catch((e: Error) => { err(`while stopping: ${e.message}`) })
    }
  }
}

/** A channel id as given, or else the channel with that name that `owner` owns. */
function channelFromText (text: string, owner: Uint8Array): ChannelId {
  try {
    return ChannelId.parse(text)
  } catch {
    return ChannelId.derive(owner, text)
  }
}

function hex (bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex')
}
