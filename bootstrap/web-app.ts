import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'

/** Where `npm run build` puts the viewer app. */
export const DEFAULT_WEB_ROOT = join(import.meta.dirname, '..', 'browser', 'dist')

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

// Single-page routes: the app reads the channel from the path.
const APP_ROUTE = /^\/(c\/[A-Za-z0-9_-]+\/?)?$/

/**
 * Serves the built viewer app from `root`: `/` and `/c/<channelId>` get
 * index.html, other paths the file under root (hashed assets cached for good).
 * Returns false for a path that is not a file of the app, leaving `res` alone.
 */
export async function serveWebApp (req: IncomingMessage, res: ServerResponse, root: string): Promise<boolean> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false
  const path = decodePath((req.url ?? '/').split('?')[0] as string)
  if (path == null) return false
  if (APP_ROUTE.test(path)) {
    const index = await readFile(join(root, 'index.html')).catch(() => undefined)
    if (index == null) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
      res.end(`the viewer app is not built in ${root}: run \`npm run build\` and reload\n`)
      return true
    }
    res.writeHead(200, { 'content-type': CONTENT_TYPES['.html'] as string, 'cache-control': 'no-cache' })
    res.end(req.method === 'HEAD' ? undefined : index)
    return true
  }
  const file = normalize(join(root, path))
  // never outside the app folder, whatever the path says
  if (!file.startsWith(normalize(root) + sep)) return false
  const info = await stat(file).catch(() => undefined)
  if (info == null || !info.isFile()) return false
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
  })
  res.end(req.method === 'HEAD' ? undefined : await readFile(file))
  return true
}

function decodePath (path: string): string | undefined {
  try {
    return decodeURIComponent(path)
  } catch {
    return undefined
  }
}
