import { createServer } from 'node:http'
import { serveHls, SOCKET_IDLE_TIMEOUT_MS } from './http-origin.ts'
import { serveWebApp } from './web-app.ts'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { RelayMetrics } from './metrics.ts'
import type { RelayNode } from './relay.ts'
import type { HlsServeOptions } from './http-origin.ts'

export interface RelayHttpInit {
  node: RelayNode
  metrics: RelayMetrics
  /** The HLS origin cache of followed channels. */
  hls: HlsServeOptions
  /** Followed channel ids, listed by /api/info. */
  follow: string[]
  /** Folder of the built viewer app. */
  webRoot: string
  host: string
  port: number
}

/**
 * The relay's HTTP side: the viewer app (`/`, `/c/<channelId>`), what the app
 * needs to join (`/api/info`), the HLS origin cache (`/live/...`), `/metrics`
 * (Prometheus) and `/healthz`.
 */
export async function startHttpServer (init: RelayHttpInit): Promise<{ server: Server, url: string }> {
  const server = createServer((req, res) => {
    route(req, res, init).catch((err: Error) => {
      if (!res.headersSent) text(res, 500, `the relay failed to answer: ${err.message}`)
      else res.destroy(err)
    })
  })
  server.timeout = SOCKET_IDLE_TIMEOUT_MS
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(init.port, init.host, () => { server.off('error', reject); resolve() })
  })
  const { port: bound } = server.address() as AddressInfo
  const shownHost = init.host === '0.0.0.0' || init.host === '::' ? '127.0.0.1' : init.host
  return { server, url: `http://${shownHost}:${bound}` }
}

async function route (req: IncomingMessage, res: ServerResponse, init: RelayHttpInit): Promise<void> {
  const path = (req.url ?? '/').split('?')[0]
  if (req.method === 'GET' && path === '/metrics') {
    const body = await init.metrics.render()
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
    res.end(body)
    return
  }
  if (req.method === 'GET' && path === '/healthz') {
    json(res, {
      status: init.node.status,
      peerId: init.node.peerId.toString(),
      connections: init.node.getConnections().length,
      reservations: init.node.services.relay.reservations.size,
      sfu: init.node.services.sfu?.stats(),
      addrs: init.node.getMultiaddrs().map(a => a.toString())
    })
    return
  }
  if (req.method === 'GET' && path === '/api/info') {
    json(res, {
      peerId: init.node.peerId.toString(),
      bootstrap: webSocketAddrs(init.node, req.headers.host),
      follow: init.follow
    })
    return
  }
  if (await serveHls(req, res, init.hls)) return
  if (await serveWebApp(req, res, init.webRoot)) return
  text(res, 404, 'not found: this relay serves the viewer at / and /c/<channelId>, HLS at /live/<channelId>/index.m3u8, /metrics and /healthz')
}

// Browsers can only dial WebSockets; put the host the page came from first, since
// that is the name (and network) the browser can surely reach.
function webSocketAddrs (node: RelayNode, hostHeader: string | undefined): string[] {
  const addrs = node.getMultiaddrs().map(a => a.toString()).filter(a => /\/wss?(\/|$)|\/tls\/ws(\/|$)/.test(a))
  const host = hostHeader?.replace(/:\d+$/, '').replace(/^\[|\]$/g, '')
  if (host == null) return addrs
  const same = (a: string): boolean => a.startsWith(`/ip4/${host}/`) || a.startsWith(`/ip6/${host}/`) || a.startsWith(`/dns4/${host}/`) || a.startsWith(`/dns/${host}/`)
  return [...addrs.filter(same), ...addrs.filter(a => !same(a))]
}

function json (res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(value) + '\n')
}

function text (res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
  res.end(`${message}\n`)
}
