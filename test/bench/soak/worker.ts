// A worker process of the soak (soak-run.ts): hosts several peers in one
// process, each a peer session exactly as the `swarmcast` CLI opens it (its own
// data dir, keys, store, relay keeper). Viewers play the channel with a Viewer,
// as `swarmcast watch` does; chatters send at a steady rate, as `swarmcast
// chat` would for a typing user, and track which messages reached whom.
// Commands on stdin, JSON lines on stdout (protocol.ts), diagnostics on stderr.
// Stops its peers and exits on `stop`, when stdin closes, and on SIGTERM.
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import { openPeerSession } from '../../../node/peer-node.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { Viewer } from '../../../src/video/index.ts'
import type { PeerSession } from '../../../node/peer-node.ts'
import type { ChatRoom } from '../../../src/chat/index.ts'
import type { MemorySample, SoakCommand, SoakLine, ViewerProgress } from './protocol.ts'

const PROGRESS_INTERVAL_MS = 5_000
const JOIN_TIMEOUT_MS = 30_000
// how long chatters wait to see the others in the chat topic before they are ready anyway
const MESH_WAIT_MS = 60_000

const out = (line: SoakLine): void => { process.stdout.write(JSON.stringify(line) + '\n') }
const shutdown = new AbortController()
const sessions: PeerSession[] = []
const viewers: Array<{ viewer: Viewer, stallsAt: number[], skips: Array<[number, number]> }> = []
const rooms: ChatRoom[] = []
let progressTimer: ReturnType<typeof setInterval> | undefined

// chat bookkeeping kept small (the worker's own RSS is measured): one bit per chatter per message id
const seen = new Map<string, number>()
const sentIds = new Set<string>()
const chatTimers: Array<ReturnType<typeof setTimeout>> = []
const inflight = new Set<Promise<void>>()
const failures: string[] = []
let failed = 0
let duplicates = 0

async function start (c: Extract<SoakCommand, { cmd: 'start' }>): Promise<void> {
  const channel = ChannelId.parse(c.channel)
  const startedAt = Date.now()
  // one at a time, as people arrive: a burst of handshakes is not what a soak measures
  for (let i = 0; i < c.count; i++) {
    const session = await openPeerSession({ dataFlag: join(c.dir, `${c.name}-${i}`), env: {}, bootstrap: c.bootstrap, host: '127.0.0.1', timeoutMs: JOIN_TIMEOUT_MS, signal: shutdown.signal, name: `${c.name}${i}` })
    sessions.push(session)
    await session.node.services.moderation.join(channel)
    if (c.role === 'viewers') {
      const viewer = new Viewer(await session.node.services.video.join(channel), { selfId: session.node.peerId.toString() })
      const v = { viewer, stallsAt: [] as number[], skips: [] as Array<[number, number]> }
      viewer.addEventListener('stall', () => { v.stallsAt.push(Date.now()) })
      viewer.addEventListener('skip', (evt) => { v.skips.push([Date.now(), evt.detail.to - evt.detail.from]) })
      viewer.start()
      viewers.push(v)
    } else {
      const room = await session.node.services.chat.join(channel)
      const bit = 1 << i
      room.addEventListener('message', (evt) => {
        const mask = seen.get(evt.detail.id) ?? 0
        if ((mask & bit) !== 0) duplicates++
        seen.set(evt.detail.id, mask | bit)
      })
      rooms.push(room)
    }
  }
  if (c.role === 'chatters') {
    const deadline = Date.now() + MESH_WAIT_MS
    // every chatter sees the others (and the relay) in the chat topic
    while (Date.now() < deadline && !rooms.every(r => r.peers().length >= rooms.length)) await new Promise(resolve => setTimeout(resolve, 100))
  }
  progressTimer = setInterval(progress, PROGRESS_INTERVAL_MS)
  out({ type: 'ready', role: c.role, count: c.count, startMs: Date.now() - startedAt })
}

function viewerProgress (): ViewerProgress[] {
  return viewers.map(({ viewer, stallsAt, skips }) => {
    const s = viewer.stats()
    return { segments: s.segments, stalls: s.stalls, stallMs: Math.round(s.stallMs), skipped: s.skipped, peers: viewer.swarm.neighbours.size, stallsAt, skips }
  })
}

function memory (): MemorySample {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  const m = process.memoryUsage()
  const mib = (b: number): number => Math.round(b / 104857.6) / 10
  return { rss: mib(m.rss), heapUsed: mib(m.heapUsed), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers), gc: gc != null }
}

function progress (): void {
  out({ type: 'progress', at: Date.now(), memory: memory() })
  if (viewers.length > 0) out({ type: 'progress', at: Date.now(), viewers: viewerProgress() })
  if (rooms.length > 0) {
    let minReceived = Infinity
    for (let i = 0; i < rooms.length; i++) {
      let n = 0
      for (const id of sentIds) if (((seen.get(id) ?? 0) & (1 << i)) !== 0) n++
      minReceived = Math.min(minReceived, n)
    }
    out({ type: 'progress', at: Date.now(), chat: { sent: sentIds.size, failed, minReceived } })
  }
}

function chat (intervalMs: number): void {
  for (const [i, room] of rooms.entries()) {
    let n = 0
    const sendOne = (): void => {
      const p = room.send(`soak ${i}.${n++} at ${new Date().toISOString()}`).then(m => { sentIds.add(m.id) }, (err: Error) => {
        failed++
        if (failures.length < 10) failures.push(`${err.name}: ${err.message}`)
      })
      inflight.add(p)
      void p.finally(() => inflight.delete(p))
    }
    chatTimers.push(setTimeout(() => {
      sendOne()
      chatTimers.push(setInterval(sendOne, intervalMs))
    }, Math.random() * intervalMs))
  }
}

async function quiesce (waitMs: number): Promise<void> {
  for (const timer of chatTimers) clearTimeout(timer)
  await Promise.all([...inflight])
  const all = (1 << rooms.length) - 1
  const start = Date.now()
  const missingFor = (): string[] => [...sentIds].filter(id => (seen.get(id) ?? 0) !== all)
  while (missingFor().length > 0 && Date.now() - start < waitMs) await new Promise(resolve => setTimeout(resolve, 100))
  const missing = rooms.map((_, i) => {
    const ids = [...sentIds].filter(id => ((seen.get(id) ?? 0) & (1 << i)) === 0)
    return { chatter: i, count: ids.length, ids: ids.slice(0, 10) }
  }).filter(m => m.count > 0)
  out({ type: 'chat-final', sent: sentIds.size, failed, failures, lost: missing.reduce((n, m) => n + m.count, 0), missing, duplicates, waitedMs: Date.now() - start })
}

let stopping: Promise<void> | undefined
async function stop (): Promise<void> {
  stopping ??= (async () => {
    clearInterval(progressTimer)
    for (const timer of chatTimers) clearTimeout(timer)
    if (viewers.length > 0) out({ type: 'viewers-final', viewers: viewerProgress() })
    for (const v of viewers) v.viewer.close()
    shutdown.abort()
    await Promise.allSettled(sessions.map(async s => { await s.close() }))
    process.exit(0)
  })()
  await stopping
}

const commands = createInterface({ input: process.stdin })
commands.on('line', (line) => {
  const c = JSON.parse(line) as SoakCommand
  const run = c.cmd === 'start' ? start(c) : c.cmd === 'quiesce' ? quiesce(c.waitMs) : c.cmd === 'stop' ? stop() : (chat(c.intervalMs), Promise.resolve())
  run.catch((err: Error) => { out({ type: 'error', message: err.stack ?? err.message }) })
})
commands.on('close', () => { void stop() })
process.on('SIGTERM', () => { void stop() })
process.on('SIGINT', () => { void stop() })
