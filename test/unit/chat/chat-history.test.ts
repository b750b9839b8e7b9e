import t from 'tap'
import { join } from 'node:path'
import { Identity } from '../../../src/identity/index.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { ChatHistory, ChatValidator } from '../../../src/chat/index.ts'
import { openStore } from '../../../src/store/index.ts'
import { chatEnvelope, profileEnvelope } from '../../helpers/chat-envelopes.ts'
import { tempDir } from '../../helpers/cli.ts'
import type { ChatHistoryInit, ChatItem } from '../../../src/chat/index.ts'
import type { MessageFields } from '../../helpers/chat-envelopes.ts'
import type { Test } from 'tap'

const alice = await Identity.generate()
const bob = await Identity.generate()
const lobby = ChannelId.derive(alice.publicKey, 'lobby')
// these tests build stored items, floods included: the validator's rate limit is not what they test
const validator = new ChatValidator(lobby, { ratePerSecond: 1e9, rateBurst: 1e9 })

async function item (author: Identity, fields: MessageFields = {}): Promise<ChatItem> {
  const r = await validator.validate(await chatEnvelope(author, lobby, fields), 'sync')
  if (r.verdict !== 'accept') throw new Error(r.reason)
  return r.item
}

// one add at a time, awaited, is what most tests do: no batch window to wait out (the batching tests set their own)
async function openHistory (t: Test, init: ChatHistoryInit = {}): Promise<{ history: ChatHistory, reopen: () => Promise<ChatHistory> }> {
  const retention = { writeBatchMs: 0, ...init }
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  let store = await openStore(join(tmp.dir, 'store'))
  t.teardown(async () => { await store.close() })
  const history = await ChatHistory.open(store.namespace('chat'), lobby, retention)
  return {
    history,
    reopen: async () => {
      await store.close()
      store = await openStore(join(tmp.dir, 'store'))
      return await ChatHistory.open(store.namespace('chat'), lobby, retention)
    }
  }
}

t.test('messages are stored once, in time-then-id order, and survive a restart', async t => {
  const { history, reopen } = await openHistory(t)
  const now = Date.now()
  const late = await item(alice, { timestamp: now, text: 'second' })
  const early = await item(bob, { timestamp: now - 1000, text: 'first' })
  t.equal(await history.add(late), true)
  t.equal(await history.add(early), true)
  t.equal(await history.add(late), false, 'a duplicate is merged')
  t.same((await history.query({ limit: 10 })).map(m => m.text), ['first', 'second'])
  t.same((await history.query({ limit: 1 })).map(m => m.text), ['second'], 'limit keeps the newest')
  t.same((await history.query({ since: now - 500, limit: 10 })).map(m => m.text), ['second'])
  t.equal(await history.add(await item(alice, { timestamp: now - 8 * 24 * 3600_000 })), false, 'older than retention is not stored')

  const again = await reopen()
  t.equal(again.size, 2)
  t.equal(again.newest, now)
  t.same((await again.query({ limit: 10 })).map(m => m.text), ['first', 'second'])
  t.equal(await again.add(late), false, 'still a duplicate after restart')
})

t.test('the history sync bookmark survives a restart and only moves forward', async t => {
  const { history, reopen } = await openHistory(t, { writeBatchMs: 10_000 })
  t.equal(history.syncedThrough, 0, 'never synced')
  let written = false
  const queued = history.add(await item(alice, { text: 'waits for its batch' })).then(() => { written = true })
  await history.markSynced(5_000)
  t.ok(written, 'the bookmark is written after what was queued before it')
  await queued
  await history.markSynced(4_000)
  t.equal(history.syncedThrough, 5_000, 'an older bookmark does not replace a newer one')
  t.equal((await reopen()).syncedThrough, 5_000)
})

t.test('the newest profile wins and names the author in queries', async t => {
  const { history, reopen } = await openHistory(t)
  const read = async (bytes: Uint8Array): Promise<ChatItem> => {
    const r = await validator.validate(bytes, 'sync')
    if (r.verdict !== 'accept') throw new Error(r.reason)
    return r.item
  }
  t.equal(await history.add(await read(await profileEnvelope(alice, lobby, 'old nick', 10))), true)
  t.equal(await history.add(await read(await profileEnvelope(alice, lobby, 'alice', 20))), true)
  t.equal(await history.add(await read(await profileEnvelope(alice, lobby, 'stale', 15))), false, 'an older profile does not replace a newer one')
  await history.add(await item(alice, { text: 'hello' }))
  t.same((await history.query({ limit: 1 })).map(m => m.nick), ['alice'])
  t.equal((await reopen()).profile(alice.key)?.nick, 'alice')
})

t.test('retention by count evicts the heaviest author, so a flood cannot push others out', async t => {
  const { history, reopen } = await openHistory(t, { maxCount: 10 })
  const flooder = await Identity.generate()
  const now = Date.now()
  const honest = [await item(alice, { timestamp: now - 5000, text: 'alice 1' }), await item(bob, { timestamp: now - 4000, text: 'bob 1' }), await item(alice, { timestamp: now - 3000, text: 'alice 2' })]
  for (const h of honest) await history.add(h)
  for (let i = 0; i < 40; i++) await history.add(await item(flooder, { timestamp: now + i, text: `flood ${i}` }))
  t.equal(history.size, 10)
  const texts = (await history.query({ limit: 10 })).map(m => m.text)
  t.same(texts.filter(x => !x.startsWith('flood')), ['alice 1', 'bob 1', 'alice 2'], 'every honest message kept')
  t.same(texts.filter(x => x.startsWith('flood')), ['flood 33', 'flood 34', 'flood 35', 'flood 36', 'flood 37', 'flood 38', 'flood 39'], 'the flooder keeps only its newest')
  t.equal((await reopen()).size, 10, 'the index rebuilt from the store agrees')
})

t.test('prune drops messages past the retention age', async t => {
  const { history } = await openHistory(t, { maxAgeMs: 60_000 })
  const now = Date.now()
  await history.add(await item(alice, { timestamp: now - 30_000, text: 'recent' }))
  await history.add(await item(alice, { timestamp: now - 50_000, text: 'aging' }))
  t.equal(await history.prune(now + 20_000), 1)
  t.same((await history.query({ limit: 10 })).map(m => m.text), ['recent'])
})

t.test('messages arriving together are written in one batch, each once, in order', async t => {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const store = await openStore(join(tmp.dir, 'store'))
  t.teardown(async () => { await store.close() })
  const ns = store.namespace('chat')
  let batches = 0
  const counted = { ...ns, batch: async (ops: Parameters<typeof ns.batch>[0]) => { batches++; await ns.batch(ops) } }
  const history = await ChatHistory.open(counted, lobby)
  const now = Date.now()
  const items = await Promise.all(Array.from({ length: 20 }, async (_, i) => await item(i % 2 === 0 ? alice : bob, { timestamp: now - 20 + i, text: `m${i}` })))
  const results = await Promise.all([...items, items[3]!, items[7]!].map(async it => await history.add(it)))
  t.same(results, [...items.map(() => true), false, false], 'each new once; a copy in the same batch is a duplicate')
  t.equal(batches, 1, 'one store write for all of them')
  t.same((await history.query({ limit: 100 })).map(m => m.text), items.map((_, i) => `m${i}`))
  t.equal(history.size, 20)
})

t.test('a message is in queries as soon as it is added, before its batch is due', async t => {
  const { history, reopen } = await openHistory(t, { writeBatchMs: 60_000 })
  const shown = await item(alice, { text: 'shown at once' })
  if (shown.kind !== 'message') throw new Error('not a message')
  t.ok(history.claim(shown.message), 'claimed (a room shows it now)')
  const stored = history.add(shown)
  t.ok(history.has(shown.id) && history.size === 1, 'held (has, size) while its write waits')
  t.equal(await history.add(shown), false, 'a copy arriving meanwhile is a duplicate')
  t.notOk(history.claim(shown.message), 'and cannot be claimed (shown) again')
  t.same((await history.query({ limit: 10 })).map(m => m.text), ['shown at once'], 'a query writes what waits first')
  t.equal(await stored, true)
  const later = history.add(await item(bob, { text: 'flushed on close' }))
  await history.flushed()
  t.equal(await later, true, 'flushed() does not wait for the batch window')
  t.same((await (await reopen()).query({ limit: 10 })).map(m => m.text), ['shown at once', 'flushed on close'], 'both are durable')
})

t.test('retention by count holds when a batch crosses the limit', async t => {
  const { history, reopen } = await openHistory(t, { maxCount: 10 })
  const flooder = await Identity.generate()
  const now = Date.now()
  const honest = [await item(alice, { timestamp: now - 5000, text: 'alice 1' }), await item(bob, { timestamp: now - 4000, text: 'bob 1' }), await item(alice, { timestamp: now - 3000, text: 'alice 2' })]
  const flood = await Promise.all(Array.from({ length: 40 }, async (_, i) => await item(flooder, { timestamp: now + i, text: `flood ${i}` })))
  // all at once: one batch that fills the history and then evicts
  t.ok((await Promise.all([...honest, ...flood].map(async it => await history.add(it)))).every(r => r), 'all were new')
  t.equal(history.size, 10)
  const texts = (await history.query({ limit: 10 })).map(m => m.text)
  t.same(texts.filter(x => !x.startsWith('flood')), ['alice 1', 'bob 1', 'alice 2'], 'every honest message kept')
  t.same(texts.filter(x => x.startsWith('flood')), ['flood 33', 'flood 34', 'flood 35', 'flood 36', 'flood 37', 'flood 38', 'flood 39'], 'the flooder keeps only its newest')
  t.equal((await reopen()).size, 10, 'the index rebuilt from the store agrees')
})
