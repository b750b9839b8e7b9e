import { lpStream } from '@libp2p/utils'
import { wire, decodeBounded } from '../wire/index.ts'
import { ChannelId } from '../channel/channel-id.ts'
import { MAX_ENVELOPE_BYTES } from '../envelope/index.ts'
import { MAX_MOD_SYNC_BYTES, MAX_MOD_SYNC_ITEMS, MOD_SYNC_PROTOCOL, MOD_SYNC_TIMEOUT_MS } from './constants.ts'
import type { ModerationPolicy } from './policy.ts'
import type { AbortOptions, Logger, PeerId, Stream } from '@libp2p/interface'
import type { ConnectionManager } from '@libp2p/interface-internal'

const MAX_REQUEST_BYTES = 128

/** Answers a mod-sync request with the channel's signed log (grants, revocations, entries), bounded. */
export async function serveModLog (stream: Stream, lookup: (channel: ChannelId) => ModerationPolicy | undefined, log: Logger): Promise<void> {
  const signal = AbortSignal.timeout(MOD_SYNC_TIMEOUT_MS)
  try {
    const lp = lpStream(stream, { maxDataLength: MAX_ENVELOPE_BYTES })
    const req = decodeBounded(wire.ModSyncRequest, 'mod-sync request', (await lp.read({ signal })).subarray(), MAX_REQUEST_BYTES)
    const policy = lookup(ChannelId.fromBytes(req.channelId ?? new Uint8Array(0)))
    let items = 0
    let bytes = 0
    for (const item of policy?.log() ?? []) {
      if (++items > MAX_MOD_SYNC_ITEMS || (bytes += item.envelope.byteLength) > MAX_MOD_SYNC_BYTES) break
      await lp.write(item.envelope, { signal })
    }
    await stream.close({ signal })
  } catch (err) {
    log('mod-sync request failed: %s', (err as Error).message)
    stream.abort(err as Error)
  }
}

/** Fetches `channel`'s moderation log from `peer`; yields envelopes unverified (the caller validates each). */
export async function * fetchModLog (connectionManager: ConnectionManager, peer: PeerId, channel: ChannelId, options: AbortOptions = {}): AsyncGenerator<Uint8Array> {
  const signal = AbortSignal.any([AbortSignal.timeout(MOD_SYNC_TIMEOUT_MS), ...(options.signal != null ? [options.signal] : [])])
  const stream = await connectionManager.openStream(peer, MOD_SYNC_PROTOCOL, { signal })
  try {
    const lp = lpStream(stream, { maxDataLength: MAX_ENVELOPE_BYTES })
    await lp.write(wire.ModSyncRequest.encode({ channelId: channel.bytes }).finish(), { signal })
    let bytes = 0
    for (let i = 0; i < MAX_MOD_SYNC_ITEMS; i++) {
      let frame
      try {
        frame = (await lp.read({ signal })).subarray()
      } catch (err) {
        if ((err as Error).name === 'UnexpectedEOFError') break
        throw err
      }
      if ((bytes += frame.byteLength) > MAX_MOD_SYNC_BYTES) break
      yield frame
    }
    await stream.close({ signal }).catch(() => {})
  } catch (err) {
    stream.abort(err as Error)
    throw err
  }
}
