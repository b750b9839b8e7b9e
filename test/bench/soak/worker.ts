// A worker process of the soak (soak-run.ts): hosts several viewers in one
// process, each a peer session exactly as the `swarmcast` CLI opens it (its own
// data dir, keys, store, relay keeper), playing the channel with a Viewer as
// `swarmcast watch` does.
// Commands on stdin, JSON lines on stdout (protocol.ts), diagnostics on stderr.
// Stops its peers and exits on `stop`, when stdin closes, and on SIGTERM.
import { createInterface } from 'node:readline'
import { join } from 'node:path'
import { openPeerSession } from '../../../node/peer-node.ts'
import { ChannelId } from '../../../src/channel/index.ts'
import { Viewer } from '../../../src/video/index.ts'
import { HeapWatch } from './heap-watch.ts'
import { mib } from '../common/numbers.ts'
import type { PeerSession } from '../../../node/peer-node.ts'
import type { MemorySample, SoakCommand, SoakLine, ViewerProgress } from './protocol.ts'

const PROGRESS_INTERVAL_MS = 5_000
const DIAGNOSE_INTERVAL_MS = 60_000
const JOIN_TIMEOUT_MS = 30_000

const out = (line: SoakLine): void => { process.stdout.write(JSON.stringify(line) + '\n') }
const shutdown = new AbortController()
const sessions: PeerSession[] = []
const viewers: Array<{ viewer: Viewer, stallsAt: number[], skips: Array<[number, number]> }> = []
let progressTimer: ReturnType<typeof setInterval> | undefined
let diagnoseTimer: ReturnType<typeof setTimeout> | undefined
let forceGc = false
let workerName = 'worker'

async function start (c: Extract<SoakCommand, { cmd: 'start' }>): Promise<void> {
  const channel = ChannelId.parse(c.channel)
  forceGc = c.forceGc
  workerName = c.name
  const startedAt = Date.now()
  // one at a time, as people arrive: a burst of handshakes is not what a soak measures
  for (let i = 0; i < c.count; i++) {
    const session = await openPeerSession({ dataFlag: join(c.dir, `${c.name}-${i}`), env: {}, bootstrap: c.bootstrap, host: '127.0.0.1', timeoutMs: JOIN_TIMEOUT_MS, signal: shutdown.signal, name: `${c.name}${i}` })
    sessions.push(session)
    await session.node.services.moderation.join(channel)
    const viewer = new Viewer(await session.node.services.video.join(channel), { selfId: session.node.peerId.toString() })
    const v = { viewer, stallsAt: [] as number[], skips: [] as Array<[number, number]> }
    viewer.addEventListener('stall', () => { v.stallsAt.push(Date.now()) })
    viewer.addEventListener('skip', (evt) => { v.skips.push([Date.now(), evt.detail.to - evt.detail.from]) })
    viewer.start()
    viewers.push(v)
  }
  progressTimer = setInterval(progress, PROGRESS_INTERVAL_MS)
  out({ type: 'ready', count: c.count, startMs: Date.now() - startedAt })
}

function viewerProgress (): ViewerProgress[] {
  return viewers.map(({ viewer, stallsAt, skips }) => {
    const s = viewer.stats()
    return { segments: s.segments, stalls: s.stalls, stallMs: Math.round(s.stallMs), skipped: s.skipped, peers: viewer.swarm.neighbours.size, stallsAt, skips }
  })
}

const exposedGc = (globalThis as { gc?: () => void }).gc

function memory (): MemorySample {
  const gc = forceGc ? exposedGc : undefined
  gc?.()
  const m = process.memoryUsage()
  return { rss: mib(m.rss), heapUsed: mib(m.heapUsed), external: mib(m.external), arrayBuffers: mib(m.arrayBuffers), gc: gc != null }
}

function diagnose (c: Extract<SoakCommand, { cmd: 'diagnose' }>): void {
  if (exposedGc == null) throw new Error('diagnose needs the worker started with --expose-gc')
  const watch = new HeapWatch(c.dir, workerName)
  const sample = (): void => {
    exposedGc()
    watch.sample({ nodes: sessions.map(s => s.node), viewers: viewers.map(v => v.viewer) }, mib(process.memoryUsage().heapUsed))
    diagnoseTimer = setTimeout(sample, DIAGNOSE_INTERVAL_MS)
  }
  diagnoseTimer = setTimeout(sample, c.afterMs)
}

function progress (): void {
  out({ type: 'progress', at: Date.now(), memory: memory() })
  out({ type: 'progress', at: Date.now(), viewers: viewerProgress() })
}

let stopping: Promise<void> | undefined
async function stop (): Promise<void> {
  stopping ??= (async () => {
    clearInterval(progressTimer)
    clearTimeout(diagnoseTimer)
    out({ type: 'viewers-final', viewers: viewerProgress() })
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
  const run = c.cmd === 'start' ? start(c) : c.cmd === 'diagnose' ? Promise.resolve().then(() => { diagnose(c) }) : stop()
  run.catch((err: Error) => { out({ type: 'error', message: err.stack ?? err.message }) })
})
commands.on('close', () => { void stop() })
process.on('SIGTERM', () => { void stop() })
process.on('SIGINT', () => { void stop() })
