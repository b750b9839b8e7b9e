// npm run bench -- soak [--minutes 30] [--viewers 20] [--cli-viewers 3] [--chatters 10] [--chat-interval-ms 2000] [--diagnose DIR]
// Relay + streamer + viewers + chatters on loopback for a long run (issue 9,
// "Load"): the RSS of every process must stay flat (least-squares growth after
// the warm-up ≤ 10 % over the run), no viewer may stall or skip after the
// warm-up, and every chat message must reach every chatter and the relay's
// archive. The relay, the streamer (ffmpeg test pattern, 320x180 at 300 kbit/s),
// --cli-viewers viewers and every chatter are `swarmcast` processes; the other
// viewers share two worker processes (a Node process per viewer would be ~130
// MiB each, and twenty playing event loops on two cores measure the box, not
// swarmcast), each a peer session exactly as the CLI opens it, on the CLI's heap
// settings. Every Node
// process runs with --trace-gc: the JS heap each full GC leaves is reported
// beside the RSS, to tell a leak from V8 keeping a bigger heap. With two or
// more CLI viewers, the last one runs with V8's default young generation
// instead of the launcher's 8 MiB semi-space cap (node/bin/swarmcast.js): the
// same run's baseline for the cap, reported and not judged.
import { parseArgs } from 'node:util'
import { DEFAULT_RETENTION_COUNT } from '../../src/chat/index.ts'
import { runSoak } from './soak/soak-run.ts'
import { report } from './report.ts'

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    viewers: { type: 'string', default: '20' },
    'cli-viewers': { type: 'string', default: '3' },
    chatters: { type: 'string', default: '10' },
    // each chatter sends one message this often (faster fills the chat histories to their retention sooner)
    'chat-interval-ms': { type: 'string', default: '2000' },
    // viewer workers write what their heap holds after the warm-up to DIR (soak/heap-watch.ts)
    diagnose: { type: 'string' }
  }
})
const minutes = Number(values.minutes)
const viewers = Number(values.viewers)
const cliViewers = Math.min(viewers, Number(values['cli-viewers']))
const chatters = Number(values.chatters)
const chatIntervalMs = Number(values['chat-interval-ms'])
if (!(minutes > 0) || !(viewers >= 0) || !(cliViewers >= 0) || !(chatters >= 2) || chatters > 30 || !(chatIntervalMs >= 250)) {
  process.stderr.write('usage: soak [--minutes M > 0] [--viewers N] [--cli-viewers N] [--chatters 2..30] [--chat-interval-ms MS >= 250: a sender keeps under 4 msg/s, 80 % of the chat rate limit]\n')
  process.exit(2)
}
const MAX_GROWTH_PCT = 10
// long enough for gossipsub's 2-minute seen cache and the 30 s live window to fill
const warmupMs = Math.min(5 * 60_000, Math.max(30_000, minutes * 60_000 / 10))

// Ctrl-C (or a kill) ends the run at its next sample: the soak still stops every process it started
const interrupted = new AbortController()
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`soak: ${signal}: stopping every process\n`)
    interrupted.abort(new Error(`soak interrupted by ${signal}`))
  })
}

const result = await runSoak({
  minutes,
  cliViewers,
  baselineCliViewer: cliViewers >= 2,
  inProcessViewers: viewers - cliViewers,
  viewerWorkers: viewers - cliViewers > 10 ? 2 : viewers - cliViewers > 0 ? 1 : 0,
  chatters,
  chatIntervalMs,
  sampleMs: minutes >= 10 ? 5_000 : 2_000,
  diagnoseDir: values.diagnose,
  signal: interrupted.signal,
  warmupMs,
  log: (line) => { process.stderr.write(`soak: ${line}\n`) }
}).catch((err: Error) => {
  if (!interrupted.signal.aborted) throw err
  process.stderr.write('soak: interrupted; every process it started is stopped, no result written\n')
  process.exit(130)
})

const rssFlat = result.processes.every(p => p.baseline || p.trendPct <= MAX_GROWTH_PCT)
const noStall = result.viewers.stallsAfterWarmup === 0 && result.viewers.skippedAfterWarmup === 0
// the relay keeps the newest DEFAULT_RETENTION_COUNT messages of a channel
const noLoss = result.chat.lost === 0 && result.chat.failed === 0 && result.chat.archivedByRelay === Math.min(result.chat.sent, DEFAULT_RETENTION_COUNT)
report('soak', result.processes.map(p => ({
  process: p.name,
  samples: p.samples,
  'start MiB': p.startMiB,
  'end MiB': p.endMiB,
  'max MiB': p.maxMiB,
  'trend %': p.trendPct,
  'CPU %': p.cpuPct,
  flat: p.baseline ? 'baseline' : p.trendPct <= MAX_GROWTH_PCT ? 'yes' : 'NO',
  'full GCs': p.heap?.fullGcs ?? '-',
  'heap start MiB': p.heap?.startMiB ?? '-',
  'heap end MiB': p.heap?.endMiB ?? '-',
  'heap trend %': p.heap?.trendPct ?? '-'
})), { minutes, warmupMs, maxGrowthPct: MAX_GROWTH_PCT, runMs: result.runMs, viewers: result.viewers, chat: result.chat, options: result.options, checks: { rssFlat, noStall, noLoss }, timeline: result.timeline })
process.stdout.write('minute  load   stalls  skipped  RSS MiB\n')
for (const m of result.timeline) process.stdout.write(`${String(m.minute).padStart(6)}  ${m.load.toFixed(1).padStart(5)}  ${String(m.stalls).padStart(6)}  ${String(m.skipped).padStart(7)}  ${Object.values(m.rssMiB).join(' ')}\n`)
const { viewers: v, chat: c } = result
process.stdout.write(`viewers: ${v.count}, at least ${v.segmentsMin} segments each; after the warm-up ${v.stallsAfterWarmup} stalls and ${v.skippedAfterWarmup} skipped segments (${v.stallsTotal} stalls in all)\n`)
process.stdout.write(`chat: ${c.sent} sent (${c.failed} failed), ${c.lost} lost, ${c.duplicates} shown twice, relay archived ${c.archivedByRelay}; drained ${c.drainMs} ms after the last send\n`)
process.stdout.write(`checks: RSS flat ${rssFlat ? 'yes' : 'NO'}, no stall ${noStall ? 'yes' : 'NO'}, no loss ${noLoss ? 'yes' : 'NO'}\n`)
process.exit(rssFlat && noStall && noLoss ? 0 : 1)
