import { boundedLpStream } from '../wire/index.ts'
import { SEGMENTS_PROTOCOL, MAX_SWARM_MESSAGE_BYTES } from './constants.ts'
import { decodeHaves, decodeResponse, encodeRequest, MAX_RESPONSE_BYTES, RequestKind } from './swarm-messages.ts'
import type { Haves, SwarmStatus } from './swarm-messages.ts'
import type { ChannelId } from '../channel/channel-id.ts'
import type { PeerId } from '@libp2p/interface'
import type { ConnectionManager } from '@libp2p/interface-internal'

export type SegmentWanted = { kind: 'segment', seq: number } | { kind: 'init', initHash: Uint8Array }

/**
 * Asks `peer` for one segment or init segment and reads its answer. The bytes
 * are unverified: the caller checks them against the signed announcement.
 */
export async function requestFromPeer (connectionManager: ConnectionManager, peer: PeerId, channel: ChannelId, wanted: SegmentWanted, signal: AbortSignal): Promise<{ status: SwarmStatus, data: Uint8Array }> {
  const stream = await connectionManager.openStream(peer, SEGMENTS_PROTOCOL, { signal })
  try {
    const lp = boundedLpStream(stream, MAX_RESPONSE_BYTES)
    await lp.write(encodeRequest(wanted.kind === 'segment'
      ? { channelId: channel.bytes, kind: RequestKind.Segment, seq: wanted.seq }
      : { channelId: channel.bytes, kind: RequestKind.Init, initHash: wanted.initHash }), { signal })
    const response = decodeResponse((await lp.read({ signal })).subarray())
    await stream.close({ signal }).catch(() => {})
    return response
  } catch (err) {
    stream.abort(err as Error)
    throw err
  }
}

/**
 * Subscribes to what `peer` holds of `channel`'s live window: yields its first
 * Haves (with announcements) and then one per change, until the stream ends
 * or `signal` aborts.
 */
export async function * subscribeHaves (connectionManager: ConnectionManager, peer: PeerId, channel: ChannelId, signal: AbortSignal): AsyncGenerator<Haves> {
  const stream = await connectionManager.openStream(peer, SEGMENTS_PROTOCOL, { signal })
  const onAbort = (): void => { stream.abort(new Error('haves subscription closed')) }
  signal.addEventListener('abort', onAbort, { once: true })
  try {
    const lp = boundedLpStream(stream, MAX_SWARM_MESSAGE_BYTES)
    await lp.write(encodeRequest({ channelId: channel.bytes, kind: RequestKind.Haves }), { signal })
    while (true) {
      let frame
      try {
        frame = (await lp.read()).subarray()
      } catch (err) {
        if ((err as Error).name === 'UnexpectedEOFError') return
        throw err
      }
      yield decodeHaves(frame)
    }
  } finally {
    signal.removeEventListener('abort', onAbort)
    stream.abort(new Error('haves subscription ended'))
  }
}
