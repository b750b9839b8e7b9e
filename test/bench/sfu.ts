// npm run bench -- sfu
// Consumers per mediasoup worker, and RTP latency through the SFU (issue 8).
//
// One worker (the one measured) holds a channel router as the relay makes it
// (bootstrap/sfu: VP8 + Opus), a comedia PlainTransport producer fed by a
// synthetic 2.5 Mbit/s VP8 stream (test/bench/sfu/rtp-source.ts: 30 fps,
// ~1200-byte packets, a key frame a second, each packet stamped with its send
// time), and N consumers stepped up until the worker saturates. Each load
// consumer is a PlainTransport with SRTP (AES-CM-128 / HMAC-SHA1-80, what a
// browser's WebRTC consumer costs in encryption) sending to a sink port; a
// WebRtcTransport needs an ICE client, which mediasoup itself cannot be, so
// these plain SRTP consumers stand in for browsers. Four probe consumers
// (plain RTP, no SRTP) send to sockets in this process, which count packets
// (loss) and read the send stamps (latency, one clock).
//
// Per step (after a warm-up for the first key frame): worker CPU from
// /proc/<pid>/stat over the hold (% of one core), CPU per consumer above the
// producer-only baseline, packets the consumers sent vs what they should have
// (producer packets x consumers: the worker falling behind), probe loss and
// latency p50/p95/max. Stops when the worker is above SATURATED % of a core,
// loss passes 1 %, or at MAX consumers.
//
// Env: SFU_BENCH_STEPS (comma list, default 0,50,100,150,200,250,300,400,600,800,1000),
// SFU_BENCH_HOLD (s per step, default 8), SFU_BENCH_BITRATE (default 2500000).
import dgram from 'node:dgram'
import { spawn } from 'node:child_process'
import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { cpus, loadavg } from 'node:os'
import * as mediasoup from 'mediasoup'
import { resolveWorkerBinary, sfuMediaCodecs, HOW_TO_GET_A_WORKER } from '../../bootstrap/sfu/index.ts'
import { startRtpSource, sendStamp, SOURCE_PAYLOAD_TYPE, SOURCE_SSRC } from './sfu/rtp-source.ts'
import { report } from './report.ts'
import type { types } from 'mediasoup'
import type { Row } from './report.ts'

const STEPS = (process.env.SFU_BENCH_STEPS ?? '0,50,100,150,200,250,300,400,600,800,1000').split(',').map(Number)
const HOLD_MS = Number(process.env.SFU_BENCH_HOLD ?? 8) * 1000
const BITRATE = Number(process.env.SFU_BENCH_BITRATE ?? 2_500_000)
const PROBES = 4
const WARMUP_MS = 2_500
/** Worker CPU (% of one core) at which it counts as saturated. */
const SATURATED = 90
const CLK_TCK = 100

const found = resolveWorkerBinary()
if (found == null) {
  process.stderr.write(`sfu bench: no mediasoup worker binary; ${HOW_TO_GET_A_WORKER}\n`)
  process.exit(1)
}

function cpuTicks (pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ')
  return Number(fields[11]) + Number(fields[12])
}

/** Cores busy on the whole machine over a window (other agents share it). */
function machineBusy (): { busy: number, total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number)
  const idle = line[3]! + line[4]!
  const total = line.reduce((a, b) => a + b, 0)
  return { busy: total - idle, total }
}

function percentile (values: number[], p: number): number {
  if (values.length === 0) return NaN
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))]!
}

async function outboundPackets (consumer: types.Consumer): Promise<number> {
  const stats = await consumer.getStats()
  return (stats.find(s => s.type === 'outbound-rtp') as { packetCount?: number } | undefined)?.packetCount ?? 0
}

const worker = await mediasoup.createWorker({ workerBin: found.path, logLevel: 'error' })
const router = await worker.createRouter({ mediaCodecs: sfuMediaCodecs() })
const ingress = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: true, comedia: true })
const producer = await ingress.produce({
  kind: 'video',
  rtpParameters: { codecs: [{ mimeType: 'video/VP8', payloadType: SOURCE_PAYLOAD_TYPE, clockRate: 90000 }], encodings: [{ ssrc: SOURCE_SSRC }] }
})
const source = await startRtpSource('127.0.0.1', ingress.tuple.localPort, BITRATE)

// The sink the load consumers send to: a socket in a child process that never reads, so the kernel queues and then
// drops (on loopback the receive path up to that queue runs on the sender's time, the worker's, as a NIC's send would).
// Reading 100k packets/s here would load this process and skew the probes' latency.
const SINK_SCRIPT = "const s=require('node:dgram').createSocket('udp4');s.bind(0,'127.0.0.1',()=>{console.log(s.address().port);setTimeout(()=>Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0),50)})"
const sinkProc = spawn(process.execPath, ['-e', SINK_SCRIPT], { stdio: ['ignore', 'pipe', 'inherit'] })
const sinkPort = await new Promise<number>((resolve, reject) => {
  sinkProc.stdout.once('data', (d: Buffer) => { resolve(Number(d.toString().trim())) })
  sinkProc.once('exit', () => { reject(new Error('the sink process exited')) })
})

interface Probe { socket: dgram.Socket, packets: number, latencies: number[] }
const probes: Probe[] = []
for (let i = 0; i < PROBES; i++) {
  const socket = dgram.createSocket('udp4')
  await new Promise<void>(resolve => socket.bind(0, '127.0.0.1', resolve))
  const probe: Probe = { socket, packets: 0, latencies: [] }
  socket.on('message', (msg) => {
    const stamp = sendStamp(msg)
    if (stamp == null) return
    probe.packets++
    const ms = performance.timeOrigin + performance.now() - stamp
    // a stamp that is not one (a packet the source did not stamp where expected) is counted, not timed
    if (ms >= 0 && ms < 60_000) probe.latencies.push(ms)
  })
  const transport = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: true, comedia: false })
  await transport.connect({ ip: '127.0.0.1', port: socket.address().port })
  await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities })
  probes.push(probe)
}

const load: Array<{ transport: types.PlainTransport, consumer: types.Consumer }> = []
async function addConsumers (n: number): Promise<void> {
  while (load.length < n) {
    const transport = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: '127.0.0.1' }, rtcpMux: true, comedia: false, enableSrtp: true, srtpCryptoSuite: 'AES_CM_128_HMAC_SHA1_80' })
    await transport.connect({ ip: '127.0.0.1', port: sinkPort, srtpParameters: transport.srtpParameters })
    const consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities })
    load.push({ transport, consumer })
  }
}

async function producerPackets (): Promise<number> {
  return (await producer.getStats())[0]?.packetCount ?? 0
}

// Consumers are read one after another: the producer count is taken before and after them and averaged, so both windows match.
async function snapshot (): Promise<{ cpu: number, machine: { busy: number, total: number }, producer: number, consumers: number[], at: number }> {
  const cpu = cpuTicks(worker.pid)
  const machine = machineBusy()
  const at = performance.now()
  const p1 = await producerPackets()
  const consumers = await Promise.all(load.map(async l => await outboundPackets(l.consumer)))
  const p2 = await producerPackets()
  return { cpu, machine, producer: (p1 + p2) / 2, consumers, at }
}

const rows: Row[] = []
const raw: Array<Record<string, unknown>> = []
let baselineCpu = NaN
let stoppedBecause = `reached the last step (${STEPS.at(-1)})`
let saturation: number | undefined
process.stdout.write(`sfu bench: worker pid ${worker.pid}, ${cpus().length} cores, load average ${loadavg().map(l => l.toFixed(2)).join(' ')}, ${BITRATE / 1e6} Mbit/s source, hold ${HOLD_MS / 1000} s\n`)

for (const n of STEPS) {
  await addConsumers(n)
  await new Promise(resolve => setTimeout(resolve, WARMUP_MS))
  for (const p of probes) { p.packets = 0; p.latencies = [] }
  const before = await snapshot()
  await new Promise(resolve => setTimeout(resolve, HOLD_MS))
  const after = await snapshot()
  const seconds = (after.at - before.at) / 1000
  const cpu = (after.cpu - before.cpu) / CLK_TCK / seconds * 100
  const produced = after.producer - before.producer
  const forwarded = after.consumers.reduce((sum, c, i) => sum + c - (before.consumers[i] ?? 0), 0)
  const forwardedShare = n === 0 ? 1 : forwarded / (produced * n)
  const probePackets = probes.reduce((s, p) => s + p.packets, 0)
  const probeLoss = Math.max(0, 1 - probePackets / (produced * PROBES))
  const latencies = probes.flatMap(p => p.latencies)
  const machineCores = (after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total) * cpus().length
  if (n === 0) baselineCpu = cpu
  const perConsumer = n === 0 ? NaN : (cpu - baselineCpu) / n
  rows.push({
    consumers: n + PROBES,
    'worker CPU %': cpu,
    'CPU %/consumer': Number.isNaN(perConsumer) ? '-' : perConsumer,
    'forwarded %': forwardedShare * 100,
    'probe loss %': probeLoss * 100,
    'lat p50 ms': percentile(latencies, 50),
    'lat p95 ms': percentile(latencies, 95),
    'lat max ms': percentile(latencies, 100),
    'source pkt/s': produced / seconds,
    'Mbit/s out (≈)': forwarded * 1200 * 8 / seconds / 1e6,
    'machine cores busy': machineCores
  })
  raw.push({ consumers: n, probes: PROBES, seconds, cpuPercent: cpu, producedPackets: produced, forwardedPackets: forwarded, probePackets, latencySamples: latencies.length, machineCoresBusy: machineCores })
  process.stdout.write(`  ${n + PROBES} consumers: worker ${cpu.toFixed(1)} %, forwarded ${(forwardedShare * 100).toFixed(2)} %, probe loss ${(probeLoss * 100).toFixed(2)} %, p95 ${percentile(latencies, 95).toFixed(2)} ms\n`)
  if (cpu >= SATURATED) { stoppedBecause = `worker CPU ${cpu.toFixed(0)} % of a core at ${n + PROBES} consumers`; saturation = n + PROBES; break }
  if (probeLoss > 0.01 || forwardedShare < 0.99) { stoppedBecause = `loss at ${n + PROBES} consumers (forwarded ${(forwardedShare * 100).toFixed(1)} %, probe loss ${(probeLoss * 100).toFixed(1)} %)`; saturation = n + PROBES; break }
}

source.stop()
sinkProc.kill('SIGKILL')
for (const p of probes) p.socket.close()
worker.close()

// consumers one core carries: from the marginal cost above the producer-only baseline
const loaded = rows.filter(r => typeof r['CPU %/consumer'] === 'number')
const last = loaded.at(-1)
const perConsumer = last != null ? last['CPU %/consumer'] as number : NaN
const perCore = Math.floor((SATURATED - baselineCpu) / perConsumer)
// latency is a property of the path below saturation: a saturated worker queues, and its latency only says it is saturated
const clean = rows.filter(r => (r['probe loss %'] as number) <= 1 && (r['forwarded %'] as number) >= 99 && (r['worker CPU %'] as number) < SATURATED)
const latencyP95 = clean.length > 0 ? Math.max(...clean.map(r => r['lat p95 ms'] as number)) : NaN
const swarmFile = join(import.meta.dirname, 'results', 'swarm.json')
const p2pLatency = existsSync(swarmFile)
  ? (JSON.parse(readFileSync(swarmFile, 'utf8')) as { targets?: Array<{ what: string, value: number }> }).targets?.find(x => x.what.startsWith('segment latency p95'))?.value
  : undefined
const targets = [
  { what: 'consumers per worker core', target: '>= 200', value: saturation != null ? `${saturation} (saturated), ${perCore} extrapolated` : `${perCore} extrapolated (${(last?.consumers as number | undefined) ?? 0} measured, not saturated)`, met: perCore >= 200 },
  { what: 'SFU RTP latency p95 ms (loopback, worst step below saturation)', target: '<= 400', value: Number(latencyP95.toFixed(2)), met: latencyP95 <= 400 }
]
report('sfu', rows, {
  config: { steps: STEPS, holdMs: HOLD_MS, warmupMs: WARMUP_MS, bitrate: BITRATE, probes: PROBES, saturatedPercent: SATURATED, workerBin: found.path, cores: cpus().length },
  notes: {
    consumers: 'load consumers (PlainTransport + SRTP AES_CM_128_HMAC_SHA1_80, standing in for browsers\' WebRTC consumers) plus 4 probe consumers (plain RTP to sockets in the bench process)',
    cpu: 'the worker process utime+stime over the hold (/proc/<pid>/stat), % of one core; per consumer = (CPU - producer-only baseline) / load consumers. On loopback the kernel\'s receive work for the sink is charged to the worker too, so this is an upper bound',
    forwarded: 'RTP packets the load consumers sent (consumer getStats outbound-rtp) / (producer packets x load consumers) over the hold: below 100 % the worker falls behind',
    loss: 'probe packets received / (producer packets x probes)',
    latency: 'RTP send stamp (bench source) to probe socket receive, one process clock: the SFU path without encode, network and jitter buffer; the target takes the worst p95 of the steps below saturation (a saturated worker queues without bound)',
    source: 'RTP packets/s the producer received: the synthetic source sends ~270/s; less means the bench process itself was starved of CPU (the machine is shared)',
    machine: 'cores busy on the whole machine during the hold (the box is shared with other work)',
    p2p: p2pLatency != null ? `P2P path (test/bench/results/swarm.json): segment latency p95 ${p2pLatency} ms from the streamer's signature to a verified segment at the viewer, on top of segment duration and the viewer's 3 s target buffer` : 'P2P path: run npm run bench -- swarm for its figure'
  },
  baselineCpuPercent: baselineCpu,
  cpuPerConsumerPercent: perConsumer,
  consumersPerCoreExtrapolated: perCore,
  stoppedBecause,
  targets,
  targetsMet: targets.every(x => x.met),
  raw
})
process.stdout.write(`stopped: ${stoppedBecause}\n${targets.map(x => `${x.met ? 'met' : 'NOT met'}: ${x.what} ${x.target}: ${x.value}`).join('\n')}\n`)
