import { wire, decodeBounded } from '../wire/index.ts'
import { ChannelId } from '../channel/channel-id.ts'
import { requestEnvelopes, serveEnvelopes } from '../net/envelope-stream.ts'
import { MAX_MOD_SYNC_BYTES, MAX_MOD_SYNC_ITEMS, MOD_SYNC_PROTOCOL, MOD_SYNC_TIMEOUT_MS } from './constants.ts'
import type { ModerationPolicy } from './policy.ts'
import type { AbortOptions, Logger, PeerId, Stream } from '@libp2p/interface'
import type { ConnectionManager } from '@libp2p/interface-internal'

const LIMITS = { maxItems: MAX_MOD_SYNC_ITEMS, maxBytes: MAX_MOD_SYNC_BYTES, timeoutMs: MOD_SYNC_TIMEOUT_MS }

/** Answers a mod-sync request with the channel's signed log (grants, revocations, entries), bounded. */
export async function serveModLog (stream: Stream, lookup: (channel: ChannelId) => ModerationPolicy | undefined, log: Logger): Promise<void> {
  await serveEnvelopes(stream, LIMITS, function * (request) {
    const req = decodeBounded(wire.ModSyncRequest, 'mod-sync request', request, request.byteLength)
    for (const item of lookup(ChannelId.fromBytes(req.channelId ?? new Uint8Array(0)))?.log() ?? []) yield item.envelope
  }, log)
}

/** Fetches `channel`'s moderation log from `peer`; yields envelopes unverified (the caller validates each). */
export function fetchModLog (connectionManager: ConnectionManager, peer: PeerId, channel: ChannelId, options: AbortOptions = {}): AsyncGenerator<Uint8Array> {
  return requestEnvelopes(connectionManager, peer, MOD_SYNC_PROTOCOL, wire.ModSyncRequest.encode({ channelId: channel.bytes }).finish(), LIMITS, options)
}
