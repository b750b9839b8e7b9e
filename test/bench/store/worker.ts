// One run of the store bench (store.ts), in its own process so that each
// variant starts from a fresh allocator: stores MESSAGES signed chat messages
// from ten authors through a real ChatHistory (retention 10,000) and prints,
// every SAMPLE_EVERY messages, the process's native memory as a JSON line.
//   argv[2] 'present': the product's LevelStore (index entries hold PRESENT)
//   argv[2] 'empty':   the same history on classic-level with empty index values,
//                      which is what ChatHistory wrote before PRESENT
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Level } from 'level'
import { ChannelId } from '../../../src/channel/index.ts'
import { ChatHistory, ChatValidator } from '../../../src/chat/index.ts'
import { Identity } from '../../../src/identity/index.ts'
import { openStore, PRESENT } from '../../../src/store/index.ts'
import { chatEnvelope } from '../../helpers/chat-envelopes.ts'
// native Ed25519, as the CLI uses
import '../../../node/platform.ts'
import type { Namespace, Store } from '../../../src/store/index.ts'

const [variant, dir, messagesArg, sampleArg] = process.argv.slice(2) as ['present' | 'empty', string, string, string]
const MESSAGES = Number(messagesArg)
const SAMPLE_EVERY = Number(sampleArg)

/** A Namespace on classic-level that writes PRESENT as an empty value, as the code before PRESENT did. */
async function emptyValueStore (location: string): Promise<Store> {
  const db = new Level<string, Uint8Array>(location, { keyEncoding: 'utf8', valueEncoding: 'view' })
  await db.open()
  const sub = db.sublevel<string, Uint8Array>('chat', { keyEncoding: 'utf8', valueEncoding: 'view' })
  const raw = (value: Uint8Array): Uint8Array => value === PRESENT ? new Uint8Array(0) : value
  const ns: Namespace = {
    get: async (key) => await sub.get(key),
    put: async (key, value) => { await sub.put(key, raw(value)) },
    del: async (key) => { await sub.del(key) },
    batch: async (ops) => { await sub.batch(ops.map(op => op.type === 'put' ? { ...op, value: raw(op.value) } : { ...op })) },
    entries: (range = {}) => sub.iterator({ ...range, limit: range.limit ?? -1 })
  }
  return { namespace: () => ns, close: async () => { await db.close() } }
}

/** RSS outside V8's heap, after a full GC, in bytes: what LevelDB and its binding hold. */
function nativeBytes (): number {
  ;(globalThis as { gc?: () => void }).gc?.()
  const anonKiB = Number(/RssAnon:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1])
  return anonKiB * 1024 - process.memoryUsage().heapTotal
}

const authors = await Promise.all(Array.from({ length: 10 }, async () => await Identity.generate()))
const channel = ChannelId.derive(authors[0]!.publicKey, 'bench')
// the rate limit is not what this measures
const validator = new ChatValidator(channel, { ratePerSecond: 1e9, rateBurst: 1e9 })
const store = variant === 'present' ? await openStore(join(dir, 'store')) : await emptyValueStore(join(dir, 'store'))
const history = await ChatHistory.open(store.namespace('chat'), channel, { writeBatchMs: 0 })
const started = performance.now()
// one message from each author at a time, written as one batch
const ROUND = authors.length
for (let n = 0; n <= MESSAGES; n += ROUND) {
  if (n % SAMPLE_EVERY === 0) process.stdout.write(JSON.stringify({ messages: n, nativeBytes: nativeBytes(), held: history.size, ms: Math.round(performance.now() - started) }) + '\n')
  if (n >= MESSAGES) break
  await Promise.all(authors.map(async (author, i) => {
    const r = await validator.validate(await chatEnvelope(author, channel, { text: `message ${n + i} `.padEnd(200, '.') }), 'sync')
    if (r.verdict !== 'accept') throw new Error(`message ${n + i} refused: ${r.reason}`)
    if (!await history.add(r.item)) throw new Error(`message ${n + i} not stored`)
  }))
}
await store.close()
