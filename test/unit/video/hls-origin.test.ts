import t from 'tap'
import { Identity } from '../../../src/identity/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { openEnvelope, Kind } from '../../../src/envelope/index.ts'
import { LiveWindow } from '../../../src/video/live-window.ts'
import { UploadLimiter } from '../../../src/video/upload-limiter.ts'
import { signAnnouncement, readAnnouncement, hashHex } from '../../../src/video/segment-announcement.ts'
import { handleHlsRequest, HlsOriginStats } from '../../../src/video/hls-origin.ts'
import type { HlsRequestOptions } from '../../../src/video/hls-origin.ts'

const streamer = await Identity.generate()
const channel = ChannelId.derive(streamer.publicKey, 'origin')
const other = ChannelId.derive(streamer.publicKey, 'elsewhere')
const init = new TextEncoder().encode('an init segment')
const initId = hashHex(init)
const SEQ = Date.now()
// bigger than a body chunk, so reading it takes more than one pull
const segments = [0, 1, 2].map(i => Uint8Array.from({ length: 100_000 + i }, (_, j) => (i * 7 + j) % 251))

const window = new LiveWindow()
for (const [i, bytes] of segments.entries()) {
  const envelope = await signAnnouncement(streamer, channel, { seq: SEQ + i, duration: 2000, bytes, mediaTime: i * 2000, init, codecs: 'avc1.64000d', timestamp: Date.now() })
  window.add(readAnnouncement(envelope, await openEnvelope(envelope, { channel, kinds: [Kind.VideoSegment] })))
  window.put(SEQ + i, bytes)
}
window.putInit(init)
const empty = new LiveWindow()
const lookup = (id: string): LiveWindow | undefined => id === channel.text ? window : id === other.text ? empty : undefined
const base = `http://origin.test/live/${channel.text}`

async function ask (path: string, method = 'GET', limiter?: UploadLimiter, options: HlsRequestOptions = {}, headers: Record<string, string> = {}): Promise<Response> {
  const response = await handleHlsRequest(new Request(path.startsWith('http') ? path : `${base}/${path}`, { method, headers }), lookup, limiter, options)
  if (response === undefined) throw new Error(`no answer for ${path}`)
  return response
}

t.test('paths outside /live/ are left to the host', async t => {
  for (const path of ['http://origin.test/', 'http://origin.test/healthz', 'http://origin.test/live', 'http://origin.test/livestream/x']) {
    t.equal(await handleHlsRequest(new Request(path), lookup), undefined, path)
  }
})

t.test('the playlist, init and segments with their types, caching and CORS', async t => {
  const stats = new HlsOriginStats()
  const playlist = await ask('index.m3u8', 'GET', undefined, { stats })
  t.equal(playlist.status, 200)
  t.equal(playlist.headers.get('content-type'), 'application/vnd.apple.mpegurl')
  t.equal(playlist.headers.get('cache-control'), 'no-cache')
  t.equal(playlist.headers.get('access-control-allow-origin'), '*')
  const text = await playlist.text()
  t.match(text, /^#EXTM3U\n/)
  t.match(text, `#EXT-X-MEDIA-SEQUENCE:${SEQ}\n`)
  t.match(text, `#EXT-X-MAP:URI="init-${initId}.mp4"`)
  t.equal(playlist.headers.get('content-length'), String(new TextEncoder().encode(text).byteLength))

  const initResponse = await ask(`init-${initId}.mp4`, 'GET', undefined, { stats })
  t.equal(initResponse.status, 200)
  t.equal(initResponse.headers.get('content-type'), 'video/mp4')
  t.match(initResponse.headers.get('cache-control'), /immutable/)
  t.equal(initResponse.headers.get('access-control-allow-origin'), '*')
  t.same(new Uint8Array(await initResponse.arrayBuffer()), init)

  const segment = await ask(`${SEQ + 1}.m4s`, 'GET', undefined, { stats })
  t.equal(segment.status, 200)
  t.equal(segment.headers.get('content-type'), 'video/iso.segment')
  t.match(segment.headers.get('cache-control'), /immutable/)
  t.equal(segment.headers.get('content-length'), String(segments[1]!.byteLength))
  t.equal(segment.headers.get('access-control-allow-origin'), '*')
  t.same(new Uint8Array(await segment.arrayBuffer()), segments[1])

  t.equal(stats.count('playlist', 200), 1)
  t.equal(stats.count('init', 200), 1)
  t.equal(stats.count('segment', 200), 1)
  t.equal(stats.bytesServed, init.byteLength + segments[1]!.byteLength, 'counts body bytes handed over')
})

t.test('HEAD answers the headers without a body, and takes no upload slot', async t => {
  const limiter = new UploadLimiter({ slots: 0 })
  for (const path of ['index.m3u8', `init-${initId}.mp4`, `${SEQ}.m4s`]) {
    const get = await ask(path)
    const head = await ask(path, 'HEAD', limiter)
    t.equal(head.status, 200, path)
    t.equal(head.body, null, `${path}: no body`)
    t.equal(head.headers.get('content-length'), get.headers.get('content-length'), `${path}: same length as GET`)
    t.equal(head.headers.get('content-type'), get.headers.get('content-type'))
    await get.body?.cancel()
  }
  t.equal(limiter.refused, 0)
})

t.test('OPTIONS is a CORS preflight; other methods are refused', async t => {
  const stats = new HlsOriginStats()
  const preflight = await ask('index.m3u8', 'OPTIONS', undefined, { stats }, { 'access-control-request-method': 'GET', 'access-control-request-headers': 'range' })
  t.equal(preflight.status, 204)
  t.equal(preflight.headers.get('access-control-allow-origin'), '*')
  t.equal(preflight.headers.get('access-control-allow-methods'), 'GET, HEAD, OPTIONS')
  t.equal(preflight.headers.get('access-control-allow-headers'), 'range')
  t.equal(preflight.body, null)
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const refused = await ask(`${SEQ}.m4s`, method, undefined, { stats })
    t.equal(refused.status, 405, method)
    t.equal(refused.headers.get('allow'), 'GET, HEAD, OPTIONS')
    t.equal(refused.headers.get('access-control-allow-origin'), '*')
    t.match(await refused.text(), /use GET or HEAD/)
  }
  t.equal(stats.count('preflight', 204), 1)
  t.equal(stats.count('segment', 405), 3)
})

t.test('404 with a short text for unknown channels, names and segments not held', async t => {
  const cases: Array<[string, RegExp]> = [
    [`http://origin.test/live/${ChannelId.derive(streamer.publicKey, 'unknown').text}/index.m3u8`, /not served here/],
    [`http://origin.test/live/${other.text}/index.m3u8`, /no segments here yet/],
    [`${SEQ + 3}.m4s`, /segment not held/],
    [`${SEQ - 1000}.m4s`, /segment not held/],
    [`init-${'0'.repeat(64)}.mp4`, /init segment not held/],
    ['init-xyz.mp4', /not found/],
    [`INIT-${initId}.mp4`, /not found/],
    ['99999999999999999.m4s', /not found/],
    ['-1.m4s', /not found/],
    ['playlist.m3u8', /not found/],
    [`${SEQ}.m4s/more`, /not found/],
    ['http://origin.test/live/not%20an%20id/index.m3u8', /not found/],
    ['http://origin.test/live/', /not found/]
  ]
  for (const [path, body] of cases) {
    const response = await ask(path)
    t.equal(response.status, 404, path)
    t.equal(response.headers.get('access-control-allow-origin'), '*', `${path}: CORS`)
    t.match(response.headers.get('content-type'), /^text\/plain/)
    t.match(await response.text(), body, path)
  }
})

t.test('the upload limiter: 503 with retry-after when full, the slot back once the body is read or cancelled', async t => {
  const stats = new HlsOriginStats()
  const noSlots = await ask(`${SEQ}.m4s`, 'GET', new UploadLimiter({ slots: 0 }), { stats })
  t.equal(noSlots.status, 503)
  t.equal(noSlots.headers.get('retry-after'), '1')
  t.equal(noSlots.headers.get('access-control-allow-origin'), '*')
  t.match(await noSlots.text(), /upload limit is reached/)

  const slow = new UploadLimiter({ bytesPerSecond: 1000 })
  t.equal((await ask(`init-${initId}.mp4`, 'GET', slow)).status, 200, 'a small init fits the budget')
  const tooBig = await ask(`${SEQ}.m4s`, 'GET', slow, { stats })
  t.equal(tooBig.status, 503, 'a segment would wait far longer than the limiter allows')
  t.equal(stats.count('segment', 503), 2)
  t.equal(stats.bytesServed, 0, 'nothing served')

  const one = new UploadLimiter({ slots: 1 })
  const first = await ask(`${SEQ}.m4s`, 'GET', one, { stats })
  t.equal(first.status, 200)
  t.equal(one.active, 1, 'the slot is held while the body is unread')
  t.equal((await ask(`${SEQ + 1}.m4s`, 'GET', one)).status, 503, 'so a second upload is refused')
  const reader = first.body!.getReader()
  const chunk = await reader.read()
  t.ok((chunk.value?.byteLength ?? 0) < segments[0]!.byteLength, 'the body comes in chunks')
  t.equal(one.active, 1, 'still held halfway')
  const rest = [chunk.value!]
  for (let r = await reader.read(); !r.done; r = await reader.read()) rest.push(r.value)
  t.equal(one.active, 0, 'given back once read to the end')
  t.same(new Uint8Array(await new Blob(rest).arrayBuffer()), segments[0])

  const second = await ask(`${SEQ + 1}.m4s`, 'GET', one)
  t.equal(second.status, 200)
  await second.body!.cancel()
  t.equal(one.active, 0, 'given back when the body is cancelled')

  const controller = new AbortController()
  const third = await handleHlsRequest(new Request(`${base}/${SEQ + 2}.m4s`, { signal: controller.signal }), lookup, one)
  t.equal(third?.status, 200)
  t.equal(one.active, 1)
  controller.abort()
  t.equal(one.active, 0, 'given back when the request aborts')
  await third?.body?.cancel().catch(() => {})
})
