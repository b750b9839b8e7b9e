/** What the relay that serves this page says about itself (`GET /api/info`). */
export interface RelayInfo {
  peerId: string
  /** The relay's WebSocket multiaddrs, each ending /p2p/<peerId>. */
  bootstrap: string[]
  /** Channels the relay follows: it archives their chat and serves their HLS at /live/<id>/. */
  follow: string[]
}

/** The relay could not tell us how to reach it. */
export class RelayInfoError extends Error {
  override readonly name = 'RelayInfoError'
}

const INFO_TIMEOUT_MS = 10_000

/** Reads `/api/info` from the page's own origin (the relay serves the app). */
export async function fetchRelayInfo (base = location.origin, signal?: AbortSignal): Promise<RelayInfo> {
  const url = `${base}/api/info`
  let res: Response
  try {
    res = await fetch(url, { signal: AbortSignal.any([AbortSignal.timeout(INFO_TIMEOUT_MS), ...(signal != null ? [signal] : [])]), cache: 'no-store' })
  } catch (err) {
    throw new RelayInfoError(`cannot reach the relay at ${url} (${(err as Error).message}); is \`swarmcast relay\` running? Reload to try again`)
  }
  if (!res.ok) throw new RelayInfoError(`the relay answered ${res.status} for ${url}; it may be an older version that does not serve the web app`)
  const body = await res.json().catch(() => undefined) as Partial<RelayInfo> | undefined
  if (body == null || typeof body.peerId !== 'string' || !Array.isArray(body.bootstrap) || body.bootstrap.some(a => typeof a !== 'string')) {
    throw new RelayInfoError(`${url} did not return {"peerId","bootstrap":[...],"follow":[...]}`)
  }
  if (body.bootstrap.length === 0) throw new RelayInfoError('the relay lists no WebSocket address: start it with --ws PORT so browsers can connect')
  return { peerId: body.peerId, bootstrap: body.bootstrap, follow: Array.isArray(body.follow) ? body.follow.filter(f => typeof f === 'string') : [] }
}
