import { wire, decodeBounded } from '../wire/index.ts'
import { ChannelId } from '../channel/channel-id.ts'
import { requestEnvelopes, serveEnvelopes } from '../net/envelope-stream.ts'
import { CHAT_HISTORY_PROTOCOL, HISTORY_TIMEOUT_MS, MAX_HISTORY_BYTES, MAX_HISTORY_ITEMS } from './constants.ts'
import type { ChatHistory } from './chat-history.ts'
import type { AbortOptions, Logger, PeerId, Stream } from '@libp2p/interface'
import type { ConnectionManager } from '@libp2p/interface-internal'

// at most one profile per message, and the messages
const LIMITS = { maxItems: 2 * MAX_HISTORY_ITEMS, maxBytes: MAX_HISTORY_BYTES, timeoutMs: HISTORY_TIMEOUT_MS }

/**
 * Answers one history request: the newest `limit` stored messages of the
 * channel at or after `since` (and before `before`, when set), oldest first,
 * preceded by the profiles of their authors (so the receiver can name each
 * author as their messages arrive).
 */
export async function serveHistory (stream: Stream, lookup: (channel: ChannelId) => ChatHistory | undefined, log: Logger): Promise<void> {
  await serveEnvelopes(stream, LIMITS, async function * (request) {
    const req = decodeBounded(wire.HistoryRequest, 'history request', request, request.byteLength)
    const history = lookup(ChannelId.fromBytes(req.channelId ?? new Uint8Array(0)))
    if (history == null) return
    const messages = await history.queryEnvelopes({ since: req.since, before: req.before || undefined, limit: Math.min(req.limit || MAX_HISTORY_ITEMS, MAX_HISTORY_ITEMS) })
    for (const author of new Set(messages.map(m => m.author))) {
      const profile = await history.profileEnvelope(author)
      if (profile != null) yield profile
    }
    for (const m of messages) yield m.envelope
  }, log)
}

/**
 * Asks `peer` for `channel`'s history since `since` (and before `before`, to
 * page back); yields each envelope unverified (the caller validates every one).
 */
export function fetchHistory (connectionManager: ConnectionManager, peer: PeerId, channel: ChannelId, since: number, limit: number, options: AbortOptions & { before?: number } = {}): AsyncGenerator<Uint8Array> {
  const request = wire.HistoryRequest.encode({ channelId: channel.bytes, since, limit: Math.min(limit, MAX_HISTORY_ITEMS), before: options.before ?? 0 }).finish()
  return requestEnvelopes(connectionManager, peer, CHAT_HISTORY_PROTOCOL, request, LIMITS, options)
}
