import t from 'tap'
import { Socket } from 'node:net'
import { randomBytes } from 'node:crypto'
import { createLibp2p } from 'libp2p'
import { noise } from '@libp2p/noise'
import { yamux } from '@libp2p/yamux'
import { tcp } from '@libp2p/tcp'
import { Uint8ArrayList } from 'uint8arraylist'
import { frameLength, swarmNoise } from '../../../src/net/noise-encrypter.ts'
import { nodeNoiseCrypto } from '../../../node/noise-crypto.ts'
import type { ConnectionEncrypter } from '@libp2p/interface'
import type { NoiseComponents } from '@libp2p/noise'
import type { Test } from 'tap'

const SINK = '/swarmcast-test/sink/1.0.0'

/** Sizes of the socket writes this process makes while `fn` runs. */
async function writeSizes (fn: () => Promise<void>): Promise<number[]> {
  const sizes: number[] = []
  const write = Socket.prototype.write
  Socket.prototype.write = function (this: Socket, ...args: unknown[]): boolean {
    sizes.push((args[0] as Uint8Array).byteLength)
    return (write as (...a: unknown[]) => boolean).apply(this, args)
  } as typeof write
  try {
    await fn()
  } finally {
    Socket.prototype.write = write
  }
  return sizes
}

/** Two TCP nodes with `encrypter`; the dialler sends `count` payloads of `size` bytes to the other, which reads them all. */
async function send (t: Test, encrypter: (components: NoiseComponents) => ConnectionEncrypter, count: number, size: number): Promise<void> {
  const make = async (): Promise<Awaited<ReturnType<typeof createLibp2p>>> => {
    const node = await createLibp2p({ addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] }, transports: [tcp()], connectionEncrypters: [encrypter], streamMuxers: [yamux()] })
    t.teardown(async () => { await node.stop() })
    return node
  }
  const [a, b] = [await make(), await make()]
  let received = 0
  const all = Promise.withResolvers<void>()
  await b.handle(SINK, async (stream) => {
    for await (const chunk of stream) {
      if ((received += chunk.byteLength) >= count * size) all.resolve()
    }
  })
  const stream = await a.dialProtocol(b.getMultiaddrs()[0]!, SINK)
  for (let i = 0; i < count; i++) {
    if (!stream.send(randomBytes(size))) await stream.onDrain()
  }
  await all.promise
  await stream.close()
}

t.test('each encrypted frame goes to the socket as one write', async t => {
  const ours = await writeSizes(async () => { await send(t, swarmNoise({ crypto: nodeNoiseCrypto }), 50, 1200) })
  t.equal(ours.filter(n => n === 2).length, 0, 'no 2-byte length prefix written on its own')
  t.ok(ours.filter(n => n > 1200).length >= 50, 'the frames went out whole')
  // the test can tell: stock noise writes the prefix apart
  const stock = await writeSizes(async () => { await send(t, noise(), 50, 1200) })
  t.ok(stock.filter(n => n === 2).length >= 50, 'stock noise writes prefixes apart')
})

t.test('stock-crypto frames are joined too (how browsers and tests run it)', async t => {
  const sizes = await writeSizes(async () => { await send(t, swarmNoise(), 20, 3000) })
  t.equal(sizes.filter(n => n === 2).length, 0)
})

t.test('frame lengths are read without building an error per read', async t => {
  t.equal(frameLength(Uint8Array.of(0x12, 0x34, 0xff)), 0x1234)
  t.equal(frameLength(new Uint8ArrayList(Uint8Array.of(0x12), Uint8Array.of(0x34))), 0x1234, 'across chunks')
  let first: unknown
  let second: unknown
  try { frameLength(Uint8Array.of(1)) } catch (err) { first = err }
  try { frameLength(new Uint8ArrayList()) } catch (err) { second = err }
  t.ok(first instanceof RangeError, 'too short is a RangeError, which noise reads as "wait for more"')
  t.equal(first, second, 'the same prebuilt error every time')

  // the reader is in place on real connections: a noise upgrade that renames its decoder shows up here
  const listener = await createLibp2p({ addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] }, transports: [tcp()], connectionEncrypters: [noise()], streamMuxers: [yamux()] })
  t.teardown(async () => { await listener.stop() })
  // the dialler's encrypter, keeping the encrypted stream it hands libp2p
  let secured: unknown
  const capturing = (components: NoiseComponents): ConnectionEncrypter => {
    const inner = swarmNoise()(components)
    return {
      protocol: inner.protocol,
      secureOutbound: async (c, o) => { const s = await inner.secureOutbound(c, o); secured = s.connection; return s },
      secureInbound: async (c, o) => await inner.secureInbound(c, o)
    }
  }
  const dialer = await createLibp2p({ transports: [tcp()], connectionEncrypters: [capturing], streamMuxers: [yamux()] })
  t.teardown(async () => { await dialer.stop() })
  await dialer.dial(listener.getMultiaddrs()[0]!)
  t.equal((secured as { decoder?: { lengthDecoder?: unknown } }).decoder?.lengthDecoder, frameLength, "noise's decoder reads lengths with frameLength")
})
