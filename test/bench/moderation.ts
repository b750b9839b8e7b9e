// npm run bench -- moderation
// 1. Enforcement: time from a ban's publication until all N=30 nodes enforce
//    it (p50/p99 over repeated bans), in one process on loopback.
// 2. Chat validator cost per message with 0, 1,000 and 100,000 bans in force,
//    as a ratio to 0 bans measured in the same run.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { startRelay } from '../../bootstrap/index.ts'
import { createSwarmNode } from '../../src/net/index.ts'
import { chat, ChatValidator } from '../../src/chat/index.ts'
import { moderation, ModerationPolicy } from '../../src/moderation/index.ts'
import { Identity } from '../../src/identity/index.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { openStore } from '../../src/store/index.ts'
import { nodeTransports } from '../../node/platform.ts'
import { chatEnvelope } from '../helpers/chat-envelopes.ts'
import { action } from '../helpers/mod-envelopes.ts'
import { median, report } from './report.ts'
import type { Store } from '../../src/store/index.ts'

const N = Number(process.env.NODES ?? 30)
const BANS = Number(process.env.BANS ?? 20)
const MESSAGES = Number(process.env.MESSAGES ?? 2000)
const ROUNDS = Number(process.env.ROUNDS ?? 5)

function percentile (values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.ceil(p / 100 * s.length) - 1)]!
}

async function enforcement (): Promise<{ p50: number, p99: number, max: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'swarmcast-bench-mod-'))
  const relayStore = await openStore(join(dir, 'relay'))
  const relay = await startRelay({ privateKey: await generateKeyPair('Ed25519'), host: '127.0.0.1', tcpPort: 0, wsPort: 0, httpPort: false, store: relayStore })
  const bootstrap = relay.addrs().filter(a => !a.includes('/ws/'))
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'bench')
  const stores: Store[] = []
  const started: Array<{ stop: () => void | Promise<void> }> = []
  try {
    const nodes = await Promise.all(Array.from({ length: N }, async (_, i) => {
      const store = await openStore(join(dir, `n${i}`))
      stores.push(store)
      const identity = i === 0 ? owner : await Identity.generate()
      const node = await createSwarmNode({ name: `n${i}`, bootstrap, transports: nodeTransports, listen: ['/ip4/127.0.0.1/tcp/0'], services: { moderation: moderation({ store, identity }), chat: chat({ store, identity }) } })
      started.push(node)
      await node.services.chat.join(channel)
      return { node, mod: await node.services.moderation.join(channel) }
    }))
    // discovery connects everyone in the channel: wait until it has, so the bans measure the network, not its forming
    const deadline = Date.now() + 90_000
    while (!nodes.every(n => n.node.services.pubsub.getSubscribers(n.mod.topic).length === N - 1)) {
      if (Date.now() > deadline) throw new Error('the network did not form')
      await new Promise(resolve => setTimeout(resolve, 100))
    }
    const times: number[] = []
    // one ban first, unmeasured: warms up code paths and the gossip mesh
    for (let b = -1; b < BANS; b++) {
      const target = (await Identity.generate()).key
      const started = performance.now()
      const enforced = Promise.all(nodes.slice(1).map(async n => await new Promise<number>(resolve => {
        const check = (): void => {
          if (n.mod.policy.standing(target) !== 'banned') return
          n.mod.removeEventListener('policy-changed', check)
          resolve(performance.now())
        }
        n.mod.addEventListener('policy-changed', check)
      })))
      await nodes[0]!.mod.act('ban', target)
      const took = Math.max(...await enforced) - started
      if (b >= 0) times.push(took)
    }
    return { p50: percentile(times, 50), p99: percentile(times, 99), max: Math.max(...times) }
  } finally {
    for (const node of started) await node.stop()
    await relay.stop()
    await relayStore.close()
    for (const s of stores) await s.close()
    await rm(dir, { recursive: true, force: true })
  }
}

async function policyWith (bans: number, owner: Identity, channel: ChannelId): Promise<ModerationPolicy> {
  const policy = new ModerationPolicy(owner.key)
  for (let i = 0; i < bans; i++) policy.add(await action(owner, channel, { type: 'ban', target: await Identity.generate(), version: i + 1 }))
  return policy
}

/** µs per message to validate `envelopes` with `policy` as channel moderation. */
async function validatorRound (policy: ModerationPolicy, envelopes: Uint8Array[], channel: ChannelId): Promise<number> {
  // a fresh validator per round: replay and rate state start empty, the same for every condition
  const v = new ChatValidator(channel, { ratePerSecond: 1e9, rateBurst: 1e9, moderation: (author) => policy.standing(author) === 'banned' ? 'block' : 'allow' })
  const started = performance.now()
  for (const e of envelopes) {
    if ((await v.validate(e, 'live')).verdict !== 'accept') throw new Error('a benchmark message was refused')
  }
  return (performance.now() - started) * 1000 / envelopes.length
}

const owner = await Identity.generate()
const channel = ChannelId.derive(owner.publicKey, 'bench')
const authors = await Promise.all(Array.from({ length: 50 }, async () => await Identity.generate()))
const envelopes = await Promise.all(Array.from({ length: MESSAGES }, async (_, i) => await chatEnvelope(authors[i % authors.length]!, channel, { text: 'x'.repeat(1024), seq: i + 1 })))
process.stdout.write('building policies with 0, 1,000 and 100,000 bans...\n')
const policies = [await policyWith(0, owner, channel), await policyWith(1000, owner, channel), await policyWith(100_000, owner, channel)]
await validatorRound(policies[0]!, envelopes, channel) // warm-up: JIT and caches
// conditions interleaved round by round, so machine noise falls on all of them alike
const samples: number[][] = [[], [], []]
for (let r = 0; r < ROUNDS; r++) {
  for (const [i, policy] of policies.entries()) samples[i]!.push(await validatorRound(policy, envelopes, channel))
}
const [cost0, cost1k, cost100k] = samples.map(median) as [number, number, number]
process.stdout.write(`measuring enforcement across ${N} nodes...\n`)
const enf = await enforcement()

report('moderation', [
  { measure: 'chat validator µs/msg, 0 bans', value: cost0, 'ratio to 0 bans': 1, target: '' },
  { measure: 'chat validator µs/msg, 1,000 bans', value: cost1k, 'ratio to 0 bans': cost1k / cost0, target: '≤ 1.1' },
  { measure: 'chat validator µs/msg, 100,000 bans', value: cost100k, 'ratio to 0 bans': cost100k / cost0, target: '≤ 1.1' },
  { measure: `ban enforced at all ${N} nodes, p50 ms`, value: enf.p50, 'ratio to 0 bans': '', target: '' },
  { measure: `ban enforced at all ${N} nodes, p99 ms`, value: enf.p99, 'ratio to 0 bans': '', target: '≤ 1000' }
], { nodes: N, bans: BANS, messages: MESSAGES, rounds: ROUNDS, maxEnforcementMs: enf.max })
