import t from 'tap'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Identity } from '../../src/identity/index.ts'
import { ChannelId } from '../../src/channel/index.ts'
import { openEnvelope, Kind } from '../../src/envelope/index.ts'
import { readChatItem } from '../../src/chat/index.ts'
import { openStore } from '../../src/store/index.ts'
import { CliProcess, tempDir } from '../helpers/cli.ts'
import { testChatPeer, testRelay } from '../helpers/nodes.ts'
import { waitFor } from '../helpers/wait.ts'

const KILLS = 20

interface Stored { messages: Set<string>, modEntries: Map<string, Uint8Array>, problems: string[] }

// Reads the killed node's store as the next start will: every chat message
// verified and indexed, every moderation entry verified.
async function readStore (dir: string, channel: ChannelId): Promise<Stored> {
  const store = await openStore(join(dir, 'store'))
  const ch = channel.text
  const problems: string[] = []
  const messages = new Set<string>()
  const indexed = new Set<string>()
  const modEntries = new Map<string, Uint8Array>()
  try {
    const chat = store.namespace('chat')
    for await (const [key, value] of chat.entries({ gte: `${ch}!m!`, lt: `${ch}!m!~` })) {
      try {
        const item = readChatItem(value, await openEnvelope(value, { channel, kinds: [Kind.ChatMessage] }))
        if (item.kind !== 'message' || !key.endsWith(`!${item.id}`)) problems.push(`${key}: holds something else`)
        else messages.add(item.id)
      } catch (err) {
        problems.push(`${key}: ${(err as Error).message}`)
      }
    }
    for await (const [key] of chat.entries({ gte: `${ch}!a!`, lt: `${ch}!a!~` })) indexed.add(key.split('!').at(-1)!)
    if ([...messages].some(id => !indexed.has(id)) || [...indexed].some(id => !messages.has(id))) problems.push('the per-author index and the messages disagree')
    for await (const [key, value] of store.namespace('moderation').entries({ gte: `${ch}!`, lt: `${ch}!~` })) {
      if (key.startsWith(`${ch}!s!`)) continue
      try {
        await openEnvelope(value, { channel, kinds: [Kind.ModGrant, Kind.ModRevocation, Kind.ModAction] })
        modEntries.set(key, value)
      } catch (err) {
        problems.push(`${key}: ${(err as Error).message}`)
      }
    }
  } finally {
    await store.close()
  }
  return { messages, modEntries, problems }
}

t.test(`kill -9 during heavy chat and moderation writes, ${KILLS} times: the store reopens, nothing stored is lost or corrupted, the identity stays`, async t => {
  const owner = await Identity.generate()
  const channel = ChannelId.derive(owner.publicKey, 'crashy')
  const { bootstrap } = await testRelay(t)
  const authors = await Promise.all(Array.from({ length: 4 }, async (_, i) => await testChatPeer(t, `author${i}`, bootstrap, i === 0 ? { identity: owner } : {})))
  const rooms = await Promise.all(authors.map(async a => await a.node.services.chat.join(channel)))
  const mod = await authors[0]!.node.services.moderation.join(channel)

  // writers: each author near its rate limit, the owner banning and unbanning throwaway keys
  let writing = true
  const writers = rooms.map(async (room, i) => {
    for (let n = 0; writing; n++) {
      await room.send(`author ${i} line ${n} ${'x'.repeat(200)}`).catch(() => {})
      await new Promise(resolve => setTimeout(resolve, 250))
    }
  })
  const targets = await Promise.all(Array.from({ length: 8 }, async () => await Identity.generate()))
  const moderating = (async () => {
    for (let n = 0; writing; n++) {
      await mod.act(n % 3 === 2 ? 'unban' : 'ban', targets[n % targets.length]!.key, { reason: `round ${n}` }).catch(() => {})
      await new Promise(resolve => setTimeout(resolve, 150))
    }
  })()
  t.teardown(async () => { writing = false; await Promise.all([...writers, moderating]) })

  const { dir, remove } = await tempDir()
  t.teardown(remove)
  const data = join(dir, 'victim')
  let before: Stored = { messages: new Set(), modEntries: new Map(), problems: [] }
  let identityKey: Buffer | undefined
  const lost: string[] = []
  const problems: string[] = []
  for (let round = 0; round < KILLS; round++) {
    const victim = new CliProcess(['chat', '--channel', channel.text, '--bootstrap', bootstrap[0]!, '--json', '--history', '0', '--data', data])
    t.teardown(async () => { await victim.stop('SIGKILL') })
    const seen = victim.stdout.length
    await waitFor(() => victim.stdout.length >= seen + 3 || victim.proc.exitCode != null, 'the victim to take in some messages', 30_000)
    // somewhere in the middle of its writes
    await new Promise(resolve => setTimeout(resolve, Math.floor(Math.random() * 400)))
    victim.proc.kill('SIGKILL')
    await victim.exited
    identityKey ??= await readFile(join(data, 'identity.key'))
    t.same(await readFile(join(data, 'identity.key')), identityKey, `round ${round}: the identity key is intact`)
    const after = await readStore(data, channel)
    problems.push(...after.problems.map(p => `round ${round}: ${p}`))
    lost.push(...[...before.messages].filter(id => !after.messages.has(id)).map(id => `round ${round}: message ${id}`))
    lost.push(...[...before.modEntries.keys()].filter(key => !after.modEntries.has(key)).map(key => `round ${round}: moderation ${key}`))
    before = after
  }
  t.same(problems, [], `${KILLS} reopenings: every stored message and moderation entry verifies, the index matches`)
  t.same(lost, [], 'nothing stored before a kill is missing after it')
  t.ok(before.messages.size > KILLS, `the victim stored ${before.messages.size} messages and ${before.modEntries.size} moderation entries across the kills`)

  // a last start: it comes up normally, shows what it stored, and stops cleanly
  writing = false
  await Promise.all([...writers, moderating])
  const last = new CliProcess(['chat', '--channel', channel.text, '--bootstrap', bootstrap[0]!, '--json', '--history', '100000', '--data', data])
  t.teardown(async () => { await last.stop() })
  const shown = (): Set<string> => new Set(last.stdout.flatMap(line => { try { return [(JSON.parse(line) as { id: string }).id] } catch { return [] } }))
  await waitFor(() => [...before.messages].every(id => shown().has(id)), `the restarted victim to show the ${before.messages.size} messages it stored`, 30_000)
  t.equal(await last.stop(), 0, 'and stops cleanly')
  const final = await readStore(data, channel)
  t.same(final.problems, [], 'its store is sound')
  t.ok([...before.messages].every(id => final.messages.has(id)), 'still holding everything')
})
