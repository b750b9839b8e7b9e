import t from 'tap'
import { randomBytes } from 'node:crypto'
import { createLibp2p } from 'libp2p'
import { noise, pureJsCrypto } from '@libp2p/noise'
import { yamux } from '@libp2p/yamux'
import { tcp } from '@libp2p/tcp'
import { lpStream } from '@libp2p/utils'
import { Uint8ArrayList } from 'uint8arraylist'
import { createSwarmNode } from '../../../src/net/index.ts'
import { nodeNoiseCrypto, WASM_MAX_FRAME_BYTES } from '../../../node/noise-crypto.ts'
import { nodeTransports } from '../../../node/platform.ts'
import type { ICryptoInterface } from '@libp2p/noise'
import type { Libp2p } from '@libp2p/interface'
import type { Test } from 'tap'

/** What these tests use of a node, whatever its services. */
type Node = Pick<Libp2p, 'dialProtocol' | 'getMultiaddrs' | 'handle'>

const ECHO = '/swarmcast-test/echo/1.0.0'
// sizes on both sides of stock noise's 1200 B switch and of ours, up to one full noise frame
const SIZES = [0, 1, 1183, 1200, 1201, WASM_MAX_FRAME_BYTES, WASM_MAX_FRAME_BYTES + 1, 4096, 65519]

const bytesOf = (x: Uint8Array | Uint8ArrayList): Uint8Array => x instanceof Uint8Array ? x : x.subarray()
// compared as hex: tap's deep equality tells a Buffer from a Uint8Array with the same bytes
const hex = (x: Uint8Array | Uint8ArrayList): string => Buffer.from(bytesOf(x)).toString('hex')

t.test('seals exactly like the reference cipher and opens what it seals, one buffer out', async t => {
  const k = randomBytes(32)
  const nonce = randomBytes(12)
  const ad = randomBytes(32)
  for (const size of SIZES) {
    const plaintext = randomBytes(size)
    const ours = nodeNoiseCrypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k)
    t.ok(ours instanceof Uint8Array, `${size} B: sealed into one contiguous buffer`)
    t.equal(hex(ours), hex(pureJsCrypto.chaCha20Poly1305Encrypt(plaintext, nonce, ad, k)), `${size} B: same ciphertext as the pure-JS reference`)
    // noise hands over yamux header + data as a list
    const list = new Uint8ArrayList(plaintext.subarray(0, 12), plaintext.subarray(12))
    t.equal(hex(nodeNoiseCrypto.chaCha20Poly1305Encrypt(list, nonce, ad, k)), hex(ours), `${size} B: a list seals like its bytes`)
    t.equal(hex(nodeNoiseCrypto.chaCha20Poly1305Decrypt(bytesOf(ours), nonce, ad, k)), hex(plaintext), `${size} B: opens`)
    const tampered = Uint8Array.from(bytesOf(ours))
    tampered[tampered.byteLength - 1] = tampered[tampered.byteLength - 1]! ^ 1
    t.throws(() => nodeNoiseCrypto.chaCha20Poly1305Decrypt(tampered, nonce, ad, k), { name: 'NoiseDecryptError' }, `${size} B: a forged frame is refused`)
  }
})

t.test('X25519 agrees with the reference implementation', async t => {
  const a = nodeNoiseCrypto.generateX25519KeyPair()
  const b = pureJsCrypto.generateX25519KeyPair()
  t.equal(hex(nodeNoiseCrypto.generateX25519SharedKey(a.privateKey, b.publicKey)), hex(pureJsCrypto.generateX25519SharedKey(b.privateKey, a.publicKey)))
  const seed = randomBytes(32)
  t.equal(hex(nodeNoiseCrypto.generateX25519KeyPairFromSeed(seed).publicKey), hex(pureJsCrypto.generateX25519KeyPairFromSeed(seed).publicKey))
})

/** A bare libp2p node with stock noise and the given crypto (a browser runs the pure-JS one), echoing on ECHO. */
async function stockNode (t: Test, crypto?: ICryptoInterface): Promise<Node> {
  const node = await createLibp2p({
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise(crypto != null ? { crypto } : {})],
    streamMuxers: [yamux()]
  })
  t.teardown(async () => { await node.stop() })
  await echo(node)
  return node
}

async function oursNode (t: Test): Promise<Node> {
  const node = await createSwarmNode({ name: 'ours', transports: nodeTransports, noiseCrypto: nodeNoiseCrypto, listen: ['/ip4/127.0.0.1/tcp/0'] })
  t.teardown(async () => { await node.stop() })
  await node.services.discovery.stop()
  await echo(node)
  return node
}

async function echo (node: Node): Promise<void> {
  await node.handle(ECHO, async (stream) => {
    const lp = lpStream(stream, { maxDataLength: 4 * 1024 * 1024 })
    try {
      for (;;) await lp.write(await lp.read())
    } catch {
      await stream.close().catch(() => {})
    }
  })
}

/** Sends each payload over ECHO from `from` to `to` and checks it comes back intact. */
async function exchange (t: Test, from: Node, to: Node, payloads: Uint8Array[]): Promise<void> {
  const stream = await from.dialProtocol(to.getMultiaddrs()[0]!, ECHO, { signal: AbortSignal.timeout(10_000) })
  const lp = lpStream(stream, { maxDataLength: 4 * 1024 * 1024 })
  for (const payload of payloads) {
    await lp.write(payload, { signal: AbortSignal.timeout(10_000) })
    const back = (await lp.read({ signal: AbortSignal.timeout(10_000) })).subarray()
    t.equal(Buffer.compare(back, payload), 0, `${payload.byteLength} B came back intact`)
  }
  await stream.close()
}

for (const [label, crypto] of [['stock Node noise', undefined], ['pure-JS noise (as in browsers)', pureJsCrypto]] as const) {
  t.test(`a node with our crypto and one with ${label} connect and exchange a stream, both ways`, async t => {
    const ours = await oursNode(t)
    const stock = await stockNode(t, crypto)
    const payloads = [1024, 1201, 3000].map(n => randomBytes(n))
    await exchange(t, ours, stock, payloads)
    await exchange(t, stock, ours, payloads)
  })
}

t.test('a payload of many noise frames (each direction, every frame size) arrives intact', async t => {
  const ours = await oursNode(t)
  const stock = await stockNode(t)
  // 1 MiB: sixteen full 65519-byte frames and a short tail; yamux may also split it
  const big = randomBytes(1024 * 1024 + 123)
  await exchange(t, ours, stock, [big])
  await exchange(t, stock, ours, [big])
})
