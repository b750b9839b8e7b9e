import { createServer } from 'node:http'
import { handleHlsRequest, hlsOriginStats, HLS_PATH_PREFIX } from '../src/video/hls-origin.ts'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { HlsOriginStats, LiveWindowLookup } from '../src/video/hls-origin.ts'
import type { UploadLimiter } from '../src/video/upload-limiter.ts'

/** A connection that moves no bytes this long is dropped (a live segment this late is of no use anyway). */
export const SOCKET_IDLE_TIMEOUT_MS = 10_000

/** A listen port is taken or not ours to use. */
export class PortUnavailableError extends Error {
  override readonly name = 'PortUnavailableError'
}

export interface HlsServeOptions {
  /** The live window of a channel (text id), or undefined when it is not served here. */
  lookup: LiveWindowLookup
  /** Shared with the swarm uploads, so the origin's bytes count against the same budget. */
  limiter?: UploadLimiter
  /** Defaults to the process-wide hlsOriginStats. */
  stats?: HlsOriginStats
  /** Segments each playlist lists. */
  maxSegments?: number
}

export interface HttpOriginInit extends HlsServeOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string
  /** 0 picks a free port. */
  port: number
  /** Closes the origin when it aborts. */
  signal?: AbortSignal
}

export interface HttpOrigin {
  /** Base URL; a channel plays at `${url}/live/<channelId>/index.m3u8`. */
  readonly url: string
  readonly stats: HlsOriginStats
  /** Stops listening and drops every connection; safe twice. */
  close: () => Promise<void>
}

/**
 * Answers `req` with the HLS origin when its path is under /live/ (then true),
 * for any node:http server to mount; false leaves `res` untouched for the host.
 */
export async function serveHls (req: IncomingMessage, res: ServerResponse, options: HlsServeOptions): Promise<boolean> {
  const path = req.url ?? '/'
  if (!path.startsWith(HLS_PATH_PREFIX)) return false
  const aborted = new AbortController()
  res.once('close', () => { if (!res.writableFinished) aborted.abort() })
  let request: Request
  try {
    const headers = new Headers()
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i] as string, req.rawHeaders[i + 1] as string)
    request = new Request(new URL(path, 'http://origin.invalid'), { method: req.method ?? 'GET', headers, signal: aborted.signal })
  } catch {
    // a method fetch refuses (CONNECT, TRACE) or a header it cannot hold
    plain(res, 400, 'bad request: the HLS origin answers GET, HEAD and OPTIONS with ordinary headers')
    return true
  }
  let response: Response | undefined
  try {
    response = await handleHlsRequest(request, options.lookup, options.limiter, { stats: options.stats, maxSegments: options.maxSegments })
  } catch (err) {
    plain(res, 500, `the HLS origin failed: ${(err as Error).message}`)
    return true
  }
  if (response === undefined) return false
  await send(response, req, res)
  return true
}

/**
 * Starts an HTTP server that serves the live windows `lookup` finds as HLS
 * under /live/<channelId>/ and answers 404 elsewhere.
 */
export async function startHttpOrigin (init: HttpOriginInit): Promise<HttpOrigin> {
  const host = init.host ?? '127.0.0.1'
  const stats = init.stats ?? hlsOriginStats
  const options = { ...init, stats }
  const server = createServer((req, res) => {
    serveHls(req, res, options).then(served => {
      if (!served) plain(res, 404, `not found: this server serves HLS at ${HLS_PATH_PREFIX}<channelId>/index.m3u8`)
    }, (err: Error) => {
      if (!res.headersSent) plain(res, 500, `the HLS origin failed: ${err.message}`)
      else res.destroy(err)
    })
  })
  // a client that stops reading would keep its upload slot: drop the connection after this long without progress
  server.timeout = SOCKET_IDLE_TIMEOUT_MS
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => { reject(explainListenError(err, host, init.port)) }
    server.once('error', onError)
    server.listen(init.port, host, () => { server.off('error', onError); resolve() })
  })
  const { port } = server.address() as AddressInfo
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host
  let closing: Promise<void> | undefined
  const close = async (): Promise<void> => {
    closing ??= new Promise<void>(resolve => {
      server.close(() => { resolve() })
      server.closeAllConnections()
    })
    await closing
  }
  init.signal?.addEventListener('abort', () => { void close() }, { once: true })
  if (init.signal?.aborted === true) await close()
  return { url: `http://${shownHost}:${port}`, stats, close }
}

// Writes a fetch Response to a node response, reading the body only as fast as
// the socket takes it, and cancelling it (which frees its upload slot) if the client goes.
async function send (response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers))
  const body = response.body
  if (body == null || req.method === 'HEAD') {
    await body?.cancel()
    res.end()
    return
  }
  const reader = body.getReader()
  try {
    while (true) {
      if (res.destroyed) {
        await reader.cancel()
        return
      }
      const { done, value } = await reader.read()
      if (done) break
      if (!res.write(value)) await drained(res)
    }
    res.end()
  } catch (err) {
    await reader.cancel().catch(() => {})
    res.destroy(err as Error)
  }
}

async function drained (res: ServerResponse): Promise<void> {
  await new Promise<void>(resolve => {
    const done = (): void => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

function plain (res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'access-control-allow-origin': '*' })
  res.end(`${message}\n`)
}

function explainListenError (err: NodeJS.ErrnoException, host: string, port: number): Error {
  if (err.code === 'EADDRINUSE') {
    return new PortUnavailableError(`cannot listen on ${host}:${port} for the HLS origin: the port is already in use. Another relay or streamer may be running; pick another port (0 picks a free one)`)
  }
  if (err.code === 'EACCES') {
    return new PortUnavailableError(`cannot listen on ${host}:${port} for the HLS origin: the port is not allowed for this user (ports below 1024 need privileges); pick another port (0 picks a free one)`)
  }
  return err
}
