/** What the page was asked to show, from its URL. */
export interface Route {
  /** `/c/<channelId>` (or `?channel=`); undefined on the start page. */
  channel: string | undefined
  /** `?p2p=0` plays from the HTTP origin only (for comparison and troubleshooting). */
  p2p: boolean
  /** `?bootstrap=<multiaddr>` (repeatable) overrides the relay's /api/info, e.g. under `vite dev`. */
  bootstrap: string[]
  /** `?origin=<url>` (repeatable): extra HLS origins to fall back on. */
  origins: string[]
  /** `?buffer=<seconds>`: target latency behind live. */
  targetBufferMs: number | undefined
}

const CHANNEL_PATH = /^\/c\/([1-9A-HJ-NP-Za-km-z]{1,128})\/?$/

export function parseRoute (url: URL): Route {
  const q = url.searchParams
  const buffer = Number(q.get('buffer'))
  return {
    channel: CHANNEL_PATH.exec(url.pathname)?.[1] ?? q.get('channel') ?? undefined,
    p2p: !['0', 'false', 'off'].includes(q.get('p2p') ?? ''),
    bootstrap: q.getAll('bootstrap'),
    origins: q.getAll('origin').filter(o => /^https?:\/\/\S+$/.test(o)),
    targetBufferMs: Number.isFinite(buffer) && buffer >= 1 && buffer <= 30 ? buffer * 1000 : undefined
  }
}

/** The page of a channel, keeping the query flags. */
export function channelPath (channel: string): string {
  return `/c/${channel}`
}
