import t from 'tap'
import { Identity, loadOrCreateIdentity, keyToText, keyFromText, fingerprint, InvalidIdentityError } from '../../../src/identity/index.ts'
import type { KeyStore } from '../../../src/identity/index.ts'

t.test('the full key text round-trips and the fingerprint is short and stable', async t => {
  const id = await Identity.generate()
  t.same(keyFromText(id.key), id.publicKey)
  t.equal(keyToText(id.publicKey), id.key)
  t.match(id.fingerprint, /^[a-z2-7]{4}-[a-z2-7]{4}$/)
  t.equal(fingerprint(id.publicKey), id.fingerprint)
  const other = await Identity.generate()
  t.not(other.fingerprint, id.fingerprint)
})

t.test('key text that is not a key says what it is', async t => {
  t.throws(() => keyFromText('not base58 0OIl'), { name: 'InvalidKeyError', message: /not a swarmcast key/ })
  t.throws(() => keyFromText('12D3KooWMXc5EPB5yXey4XVTUa4ofDp6G1reC68bP8EGU3hVM55m'), { name: 'InvalidKeyError', message: /peer id/ })
  t.throws(() => keyFromText('abc'), { name: 'InvalidKeyError', message: /not a 32-byte/ })
})

t.test('an identity survives toBytes/fromBytes and signs the same', async t => {
  const id = await Identity.generate()
  const again = Identity.fromBytes(id.toBytes())
  t.equal(again.key, id.key)
  const data = new TextEncoder().encode('x')
  t.same(await again.sign(data), await id.sign(data), 'Ed25519 signatures are deterministic')
  t.throws(() => Identity.fromBytes(Uint8Array.of(1, 2, 3)), InvalidIdentityError)
})

t.test('loadOrCreateIdentity creates once, then loads the same key', async t => {
  let stored: Uint8Array | undefined
  let saves = 0
  const store: KeyStore = {
    load: async () => stored,
    save: async (b) => { stored = b; saves++ }
  }
  const first = await loadOrCreateIdentity(store)
  const second = await loadOrCreateIdentity(store)
  t.equal(first.created, true)
  t.equal(second.created, false)
  t.equal(second.identity.key, first.identity.key)
  t.equal(saves, 1)
})
