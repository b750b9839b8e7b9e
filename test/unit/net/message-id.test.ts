import t from 'tap'
import { contentMessageId, fastMessageId } from '../../../src/net/index.ts'

t.test('message ids depend on content only', async t => {
  const a = { data: new TextEncoder().encode('hello') }
  const a2 = { data: new TextEncoder().encode('hello') }
  const b = { data: new TextEncoder().encode('hellp') }
  t.same(contentMessageId(a), contentMessageId(a2))
  t.notSame(contentMessageId(a), contentMessageId(b))
  t.equal(fastMessageId(a), fastMessageId(a2))
  t.not(fastMessageId(a), fastMessageId(b))
})

t.test('fast ids do not collide on a large set of similar messages', async t => {
  const seen = new Set<string>()
  const data = new Uint8Array(64)
  const view = new DataView(data.buffer)
  for (let i = 0; i < 200_000; i++) {
    view.setUint32(60, i)
    seen.add(fastMessageId({ data }))
  }
  t.equal(seen.size, 200_000)
})
