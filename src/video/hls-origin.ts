import { renderPlaylist, PLAYLIST_NAME } from './hls-playlist.ts'
import type { LiveWindow } from './live-window.ts'
import type { ReleaseUpload, UploadLimiter } from './upload-limiter.ts'

/** Where streams live on an origin: /live/<channelId>/index.m3u8 and the segments beside it. */
export const HLS_PATH_PREFIX = '/live/'
/** Body chunk size: the limiter slot is held until the last chunk is taken. */
const BODY_CHUNK_BYTES = 64 * 1024

/** What a request asked for, as counted in HlsOriginStats. */
export const HlsRequestKind = {
  Playlist: 'playlist',
  Init: 'init',
  Segment: 'segment',
  Preflight: 'preflight',
  Other: 'other'
} as const
export type HlsRequestKind = typeof HlsRequestKind[keyof typeof HlsRequestKind]

/** Finds the live window of a channel (text id); undefined for channels not served here. */
export type LiveWindowLookup = (channelId: string) => LiveWindow | undefined

/** Counters for metrics: requests answered by kind and status, and body bytes handed over. */
export class HlsOriginStats {
  readonly #requests = new Map<string, { kind: HlsRequestKind, status: number, count: number }>()
  /** Segment and init bytes handed to clients (playlists aside). */
  bytesServed = 0

  record (kind: HlsRequestKind, status: number): void {
    const key = `${kind} ${status}`
    const entry = this.#requests.get(key) ?? { kind, status, count: 0 }
    entry.count++
    this.#requests.set(key, entry)
  }

  /** Requests answered so far, one row per (kind, status). */
  requests (): Array<{ kind: HlsRequestKind, status: number, count: number }> {
    return [...this.#requests.values()].map(e => ({ ...e }))
  }

  /** Requests of `kind` answered so far, with `status` or any. */
  count (kind: HlsRequestKind, status?: number): number {
    let n = 0
    for (const e of this.#requests.values()) if (e.kind === kind && (status === undefined || e.status === status)) n += e.count
    return n
  }
}

/** The process-wide counters, used when a caller passes none. */
export const hlsOriginStats = new HlsOriginStats()

export interface HlsRequestOptions {
  stats?: HlsOriginStats
  /** Segments the playlist lists (see renderPlaylist). */
  maxSegments?: number
}

const ALLOWED_METHODS = 'GET, HEAD, OPTIONS'
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'retry-after'
} as const
const IMMUTABLE = 'public, max-age=31536000, immutable'
const CONTENT_TYPE = {
  playlist: 'application/vnd.apple.mpegurl',
  init: 'video/mp4',
  segment: 'video/iso.segment'
} as const
// base58btc, as ChannelId.text
const CHANNEL_ID = /^[1-9A-HJ-NP-Za-km-z]{1,128}$/
const INIT_NAME = /^init-([0-9a-f]{64})\.mp4$/
const SEGMENT_NAME = /^(\d{1,16})\.m4s$/

type Target = { kind: typeof HlsRequestKind.Playlist } |
{ kind: typeof HlsRequestKind.Init, initId: string } |
{ kind: typeof HlsRequestKind.Segment, seq: number } |
{ kind: typeof HlsRequestKind.Other }

/**
 * Serves the live window of a channel as standard HLS, with web-standard
 * Request/Response so any host can mount it (node:http, a service worker):
 *
 * - `GET|HEAD /live/<channelId>/index.m3u8`: the live media playlist
 * - `GET|HEAD /live/<channelId>/init-<sha256 hex>.mp4`: an init segment
 * - `GET|HEAD /live/<channelId>/<seq>.m4s`: a media segment
 *
 * Undefined for paths outside /live/, so the host routes those itself. Every
 * answer carries CORS headers; OPTIONS is a preflight. Segment and init bodies
 * take an upload slot and budget from `limiter` (503 with retry-after when it
 * is full); the slot is given back once the body has been read to its end or
 * cancelled, so the host must do one of the two.
 */
export async function handleHlsRequest (request: Request, lookup: LiveWindowLookup, limiter?: UploadLimiter, options: HlsRequestOptions = {}): Promise<Response | undefined> {
  const stats = options.stats ?? hlsOriginStats
  const { pathname } = new URL(request.url)
  if (!pathname.startsWith(HLS_PATH_PREFIX)) return undefined
  const parts = pathname.slice(HLS_PATH_PREFIX.length).split('/')
  const channelId = parts.length === 2 && CHANNEL_ID.test(parts[0] as string) ? parts[0] as string : undefined
  const target = channelId === undefined ? { kind: HlsRequestKind.Other } : parseName(parts[1] as string)
  const answer = (status: number, body: BodyInit | null, headers: Record<string, string>, kind: HlsRequestKind = target.kind): Response => {
    stats.record(kind, status)
    return new Response(body, { status, headers: { ...CORS, ...headers } })
  }
  const text = (status: number, message: string, headers: Record<string, string> = {}): Response =>
    answer(status, `${message}\n`, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers })

  if (request.method === 'OPTIONS') {
    return answer(204, null, {
      'access-control-allow-methods': ALLOWED_METHODS,
      'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? 'range',
      'access-control-max-age': '86400'
    }, HlsRequestKind.Preflight)
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return text(405, `method ${request.method} is not allowed here: use GET or HEAD`, { allow: ALLOWED_METHODS })
  }
  if (channelId === undefined || target.kind === HlsRequestKind.Other) {
    return text(404, 'not found: expected /live/<channelId>/index.m3u8, init-<sha256>.mp4 or <seq>.m4s')
  }
  const window = lookup(channelId)
  if (window === undefined) return text(404, `channel ${channelId} is not served here`)

  if (target.kind === HlsRequestKind.Playlist) {
    const playlist = renderPlaylist(window, { maxSegments: options.maxSegments })
    if (playlist === undefined) return text(404, 'this channel has no segments here yet: try again shortly')
    const body = new TextEncoder().encode(playlist)
    return answer(200, request.method === 'HEAD' ? null : body, {
      'content-type': CONTENT_TYPE.playlist,
      'content-length': String(body.byteLength),
      'cache-control': 'no-cache'
    })
  }
  const bytes = target.kind === HlsRequestKind.Init ? window.init(target.initId) : window.segment(target.seq)
  if (bytes === undefined) return text(404, `${target.kind === HlsRequestKind.Init ? 'init segment' : 'segment'} not held here (any more)`)
  const headers = {
    'content-type': CONTENT_TYPE[target.kind],
    'content-length': String(bytes.byteLength),
    'cache-control': IMMUTABLE
  }
  if (request.method === 'HEAD') return answer(200, null, headers)

  let release: ReleaseUpload | undefined = () => {}
  if (limiter !== undefined) {
    try {
      release = await limiter.acquire(bytes.byteLength, request.signal)
    } catch {
      release = undefined // the client went away while waiting for budget
    }
  }
  if (release === undefined) {
    return text(503, "the origin's upload limit is reached: retry in a second, or fetch the segment from peers", { 'retry-after': '1' })
  }
  return answer(200, bodyStream(bytes, release, request.signal, n => { stats.bytesServed += n }), headers)
}

function parseName (name: string): Target {
  if (name === PLAYLIST_NAME) return { kind: HlsRequestKind.Playlist }
  const init = INIT_NAME.exec(name)
  if (init != null) return { kind: HlsRequestKind.Init, initId: init[1] as string }
  const segment = SEGMENT_NAME.exec(name)
  const seq = segment == null ? NaN : Number(segment[1])
  if (Number.isSafeInteger(seq)) return { kind: HlsRequestKind.Segment, seq }
  return { kind: HlsRequestKind.Other }
}

// The bytes in chunks, taken only as the reader asks (highWaterMark 0), calling
// `done` once when the last chunk was taken, the reader cancels or the request aborts.
function bodyStream (bytes: Uint8Array, done: () => void, signal: AbortSignal, onChunk: (bytes: number) => void): ReadableStream<Uint8Array> {
  let offset = 0
  let finished = false
  const finish = (): void => {
    if (finished) return
    finished = true
    signal.removeEventListener('abort', finish)
    done()
  }
  signal.addEventListener('abort', finish, { once: true })
  return new ReadableStream<Uint8Array>({
    pull (controller) {
      if (offset >= bytes.byteLength) {
        controller.close()
        finish()
        return
      }
      const chunk = bytes.subarray(offset, offset + BODY_CHUNK_BYTES)
      offset += chunk.byteLength
      onChunk(chunk.byteLength)
      controller.enqueue(chunk)
    },
    cancel () {
      finish()
    }
  }, { highWaterMark: 0 })
}
