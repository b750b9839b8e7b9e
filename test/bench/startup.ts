// npm run bench -- startup
// Start time (spawn until ready) and idle RSS of a `swarmcast relay` process and
// of a `swarmcast chat` node joined through it, against a bare libp2p node
// (TCP + noise + yamux + identify) started in the same run: ratios hold on a
// noisy machine where absolute times do not.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { CliProcess, runCli, startCliRelay, tempDir } from '../helpers/cli.ts'
import { median, report } from './report.ts'

const RUNS = Number(process.env.RUNS ?? 5)
const IDLE_MS = 3000
const bare = fileURLToPath(new URL('./fixtures/bare-libp2p.ts', import.meta.url))

function rssMiB (pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  return Number(kb) / 1024
}

async function idle (): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, IDLE_MS))
}

const samples: Record<string, { startMs: number[], rss: number[] }> = { 'bare libp2p (baseline)': { startMs: [], rss: [] }, 'swarmcast relay': { startMs: [], rss: [] }, 'swarmcast chat (joined)': { startMs: [], rss: [] } }

for (let i = 0; i < RUNS; i++) {
  let t0 = performance.now()
  const base = new CliProcess([], {}, [process.execPath, bare])
  await base.waitForLine(l => l.startsWith('/ip4/'))
  samples['bare libp2p (baseline)']!.startMs.push(performance.now() - t0)
  await idle()
  samples['bare libp2p (baseline)']!.rss.push(rssMiB(base.proc.pid!))
  await base.stop()

  const dirs = await Promise.all([tempDir(), tempDir()])
  t0 = performance.now()
  const { relay, tcpAddr } = await startCliRelay(dirs[0].dir)
  samples['swarmcast relay']!.startMs.push(performance.now() - t0)
  const channelId = (JSON.parse((await runCli(['channel', 'create', 'bench', '--json', '--data', dirs[1].dir])).stdout) as { channelId: string }).channelId

  t0 = performance.now()
  const chat = new CliProcess(['chat', '--channel', channelId, '--bootstrap', tcpAddr, '--host', '127.0.0.1', '--data', dirs[1].dir])
  await chat.waitForLine(l => l.startsWith('joined '), 20_000, 'stderr')
  samples['swarmcast chat (joined)']!.startMs.push(performance.now() - t0)
  await idle()
  samples['swarmcast chat (joined)']!.rss.push(rssMiB(chat.proc.pid!))
  samples['swarmcast relay']!.rss.push(rssMiB(relay.proc.pid!))
  await chat.stop()
  await relay.stop()
  for (const d of dirs) await d.remove()
}

const baseStart = median(samples['bare libp2p (baseline)']!.startMs)
const baseRss = median(samples['bare libp2p (baseline)']!.rss)
report('startup', Object.entries(samples).map(([what, s]) => ({
  process: what,
  'start ms (median)': median(s.startMs),
  'start × baseline': median(s.startMs) / baseStart,
  'idle RSS MiB (median)': median(s.rss),
  'RSS × baseline': median(s.rss) / baseRss
})), { runs: RUNS, idleMs: IDLE_MS, note: 'start = spawn until ready: baseline prints its address, relay prints its HTTP URL, chat has joined through the relay (bootstrap + clock check)' })
