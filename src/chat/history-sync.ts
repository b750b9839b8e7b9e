import { lpStream } from '@libp2p/utils'
import { wire, decodeBounded } from '../wire/index.ts'
import { ChannelId } from '../channel/channel-id.ts'
import { MAX_ENVELOPE_BYTES } from '../envelope/index.ts'
import { CHAT_HISTORY_PROTOCOL, HISTORY_TIMEOUT_MS, MAX_HISTORY_BYTES, MAX_HISTORY_ITEMS } from './constants.ts'
import type { ChatHistory } from './chat-history.ts'
import type { AbortOptions, Logger, PeerId, Stream } from '@libp2p/interface'
import type { ConnectionManager } from '@libp2p/interface-internal'

const MAX_REQUEST_BYTES = 128

/**
 * Answers one history request: the newest `limit` stored messages of the
 * channel at or after `since`, oldest first, preceded by the profiles of their
 * authors, each a length-prefixed envelope; bounded by count and bytes.
 */
export async function serveHistory (stream: Stream, lookup: (channel: ChannelId) => ChatHistory | undefined, log: Logger): Promise<void> {
  const signal = AbortSignal.timeout(HISTORY_TIMEOUT_MS)
  try {
    const lp = lpStream(stream, { maxDataLength: MAX_ENVELOPE_BYTES })
    const req = decodeBounded(wire.HistoryRequest, 'history request', (await lp.read({ signal })).subarray(), MAX_REQUEST_BYTES)
    const history = lookup(ChannelId.fromBytes(req.channelId ?? new Uint8Array(0)))
    if (history != null) {
      const limit = Math.min(req.limit || MAX_HISTORY_ITEMS, MAX_HISTORY_ITEMS)
      const messages = await history.queryEnvelopes({ since: req.since, limit })
      // profiles first, so the receiver can name each author as their messages arrive
      const frames: Uint8Array[] = []
      for (const author of new Set(messages.map(m => m.author))) {
        const profile = await history.profileEnvelope(author)
        if (profile != null) frames.push(profile)
      }
      frames.push(...messages.map(m => m.envelope))
      let bytes = 0
      for (const frame of frames) {
        bytes += frame.byteLength
        if (bytes > MAX_HISTORY_BYTES) break
        await lp.write(frame, { signal })
      }
    }
    await stream.close({ signal })
  } catch (err) {
    log('history request failed: %s', (err as Error).message)
    stream.abort(err as Error)
  }
}

/**
 * Asks `peer` for `channel`'s history since `since`; yields each envelope as
 * received, unverified (the caller validates every one). Stops at the count
 * and byte bounds whatever the peer sends.
 */
export async function * fetchHistory (connectionManager: ConnectionManager, peer: PeerId, channel: ChannelId, since: number, limit: number, options: AbortOptions = {}): AsyncGenerator<Uint8Array> {
  const signal = AbortSignal.any([AbortSignal.timeout(HISTORY_TIMEOUT_MS), ...(options.signal != null ? [options.signal] : [])])
  const stream = await connectionManager.openStream(peer, CHAT_HISTORY_PROTOCOL, { signal })
  try {
    const lp = lpStream(stream, { maxDataLength: MAX_ENVELOPE_BYTES })
    await lp.write(wire.HistoryRequest.encode({ channelId: channel.bytes, since, limit: Math.min(limit, MAX_HISTORY_ITEMS) }).finish(), { signal })
    // at most one profile per message, and the messages
    const maxItems = 2 * Math.min(limit, MAX_HISTORY_ITEMS)
    let bytes = 0
    for (let i = 0; i < maxItems; i++) {
      let frame
      try {
        frame = (await lp.read({ signal })).subarray()
      } catch (err) {
        if ((err as Error).name === 'UnexpectedEOFError') break
        throw err
      }
      bytes += frame.byteLength
      if (bytes > MAX_HISTORY_BYTES) break
      yield frame
    }
    await stream.close({ signal }).catch(() => {})
  } catch (err) {
    stream.abort(err as Error)
    throw err
  }
}
