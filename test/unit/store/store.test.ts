import t from 'tap'
import { join } from 'node:path'
import { openStore, PRESENT } from '../../../src/store/index.ts'
import { tempDir } from '../../helpers/cli.ts'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const text = (b: Uint8Array | undefined): string | undefined => b == null ? undefined : new TextDecoder().decode(b)

t.test('namespaces are isolated, ordered, and survive a reopen', async t => {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const location = join(tmp.dir, 'store')
  const store = await openStore(location)
  const chat = store.namespace('chat')
  const mod = store.namespace('moderation')
  await chat.batch([
    { type: 'put', key: 'b', value: bytes('2') },
    { type: 'put', key: 'a', value: bytes('1') },
    { type: 'put', key: 'c', value: bytes('3') }
  ])
  await mod.put('a', bytes('mod'))
  t.equal(text(await chat.get('a')), '1')
  t.equal(text(await mod.get('a')), 'mod')
  t.equal(await chat.get('missing'), undefined)
  const keys: string[] = []
  for await (const [k] of chat.entries({ reverse: true, limit: 2 })) keys.push(k)
  t.same(keys, ['c', 'b'])
  await chat.del('b')
  await store.close()
  await store.close() // safe twice

  const again = await openStore(location)
  t.teardown(async () => { await again.close() })
  const all: string[] = []
  for await (const [k, v] of again.namespace('chat').entries()) all.push(`${k}=${text(v)}`)
  t.same(all, ['a=1', 'c=3'])
})

t.test('a second opener gets StoreLockedError naming the fix', async t => {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const location = join(tmp.dir, 'store')
  const store = await openStore(location)
  t.teardown(async () => { await store.close() })
  await t.rejects(openStore(location), { name: 'StoreLockedError', message: /--data DIR/ })
})

t.test('namespace names are checked', async t => {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const store = await openStore(join(tmp.dir, 'store'))
  t.teardown(async () => { await store.close() })
  t.throws(() => store.namespace('Bad Name'), TypeError)
})

// classic-level leaks an allocation for every empty value it writes (see PRESENT)
t.test('an empty value is refused, and nothing of its batch is written', async t => {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const store = await openStore(join(tmp.dir, 'store'))
  t.teardown(async () => { await store.close() })
  const ns = store.namespace('chat')
  await t.rejects(ns.put('flag', new Uint8Array(0)), { name: 'TypeError', message: /"flag".*PRESENT/ })
  await t.rejects(ns.batch([{ type: 'put', key: 'a', value: bytes('1') }, { type: 'put', key: 'b', value: new Uint8Array(0) }]), { name: 'TypeError', message: /"b"/ })
  t.equal(await ns.get('a'), undefined, 'the batch was not applied in part')
  await ns.put('flag', PRESENT)
  t.same(await ns.get('flag'), PRESENT, 'PRESENT marks a key-only entry')
})
