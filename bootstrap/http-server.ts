import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SwarmNode } from '../src/net/index.ts'
import type { RelayMetrics } from './metrics.ts'

/**
 * The relay's HTTP side: `/healthz` (JSON status) and `/metrics` (Prometheus).
 * The web app and the HLS origin come here with later issues.
 */
export async function startHttpServer (node: SwarmNode, metrics: RelayMetrics, host: string, port: number): Promise<{ server: Server, url: string }> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' })
      res.end(metrics.render())
      return
    }
    if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify({
        status: node.status,
        peerId: node.peerId.toString(),
        connections: node.getConnections().length,
        addrs: node.getMultiaddrs().map(a => a.toString())
      }) + '\n')
      return
    }
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found\n')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => { server.off('error', reject); resolve() })
  })
  const { port: bound } = server.address() as AddressInfo
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  return { server, url: `http://${shownHost}:${bound}` }
}
