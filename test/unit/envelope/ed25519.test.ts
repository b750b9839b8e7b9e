import t from 'tap'
import { randomBytes } from 'node:crypto'
import { Identity } from '../../../src/identity/index.ts'
import { portableEd25519, verifyEd25519 } from '../../../src/envelope/index.ts'
import { nodeEd25519 } from '../../../node/ed25519.ts'

t.test("Node's verify gives the portable verify's answer on good and bad input", async t => {
  const alice = await Identity.generate()
  const bob = await Identity.generate()
  const data = randomBytes(1200)
  const signature = await alice.sign(data)
  const flipped = Uint8Array.from(signature)
  flipped[0] = flipped[0]! ^ 1
  const cases: Array<[string, Uint8Array, Uint8Array, Uint8Array, boolean]> = [
    ['a good signature', alice.publicKey, data, signature, true],
    ['the same again (cached key)', alice.publicKey, data, signature, true],
    ['another author', bob.publicKey, data, signature, false],
    ['other data', alice.publicKey, randomBytes(1200), signature, false],
    ['a flipped bit', alice.publicKey, data, flipped, false],
    ['a short signature', alice.publicKey, data, signature.subarray(0, 63), false],
    ['a short key', alice.publicKey.subarray(0, 31), data, signature, false],
    ['a key that is no curve point', new Uint8Array(32).fill(0xff), data, signature, false]
  ]
  for (const [name, key, bytes, sig, expected] of cases) {
    const portable = await Promise.resolve().then(async () => await portableEd25519.verify(key, bytes, sig)).catch(() => false)
    const node = await Promise.resolve().then(() => nodeEd25519.verify(key, bytes, sig)).catch(() => false)
    t.equal(portable, expected, `portable: ${name}`)
    t.equal(node, expected, `node: ${name}`)
    t.equal(await verifyEd25519(key, bytes, sig), expected, `verifyEd25519 never throws: ${name}`)
  }
})

t.test("Node's sign makes the identity's own signatures", async t => {
  const alice = await Identity.generate()
  for (const size of [0, 1, 1200, 70_000]) {
    const data = randomBytes(size)
    const ours = await nodeEd25519.sign(alice, data)
    // Ed25519 is deterministic: the same key and data give the same bytes
    t.equal(Buffer.from(ours).toString('hex'), Buffer.from(await alice.sign(data)).toString('hex'), `${size} B: same signature`)
    t.ok(await portableEd25519.verify(alice.publicKey, data, ours), `${size} B: verifies`)
  }
  const again = Identity.fromBytes(alice.toBytes())
  t.equal(Buffer.from(await nodeEd25519.sign(again, Uint8Array.of(1))).toString('hex'), Buffer.from(await alice.sign(Uint8Array.of(1))).toString('hex'), 'a reloaded identity signs alike')
})
