// npm run bench -- fuzz
// Every decoder and gossip validator that reads network bytes, fed CASES hostile
// inputs each (random bytes, truncations, mutations of valid encodings, hostile
// fields spliced in; see test/helpers/fuzz-bytes.ts). Per target: crashes
// (anything thrown but the documented named errors, or an accepted result that
// breaks a bound), hangs (a case over HANG_MS twice), heap growth, cases/s, and
// the cost of a hostile case as a ratio to a valid one measured in the same run
// (a hostile input much dearer than a valid one would be a denial-of-service
// lever). Signing a hostile payload for the validators is the attacker's work and
// is not timed.
// Exits non-zero on any crash or hang.
import v8 from 'node:v8'
import vm from 'node:vm'
import fc from 'fast-check'
import { fuzzTargets } from '../helpers/fuzz-targets.ts'
import { runCase, describeFailure } from '../helpers/fuzz-case.ts'
import { report } from './report.ts'
import type { FuzzTarget } from '../helpers/fuzz-targets.ts'
import type { Outcome } from '../helpers/fuzz-case.ts'
import type { Row } from './report.ts'

const CASES = Number(process.env.CASES ?? 100_000)
const SEED = Number(process.env.SEED ?? 1)
const HANG_MS = Number(process.env.HANG_MS ?? 1_000)
/** Only targets whose name contains this (e.g. ONLY=Validator). */
const ONLY = process.env.ONLY
// inputs are drawn in chunks: 100,000 at once would hold them all in memory
const CHUNK = 1_000
const BASELINE_CASES = 2_000

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void
const heapMiB = (): number => process.memoryUsage().heapUsed / 2 ** 20

interface Result {
  row: Row
  failures: string[]
}

async function timePerCase (target: FuzzTarget<any>, inputs: readonly unknown[]): Promise<number> {
  const start = performance.now()
  for (const input of inputs) await runCase(target, input, HANG_MS)
  return (performance.now() - start) / inputs.length
}

async function fuzz (target: FuzzTarget<any>): Promise<Result> {
  const baselineInputs = Array.from({ length: BASELINE_CASES }, (_, i) => target.baseline[i % target.baseline.length])
  await timePerCase(target, baselineInputs.slice(0, 200)) // warm-up: JIT and caches
  const validMs = await timePerCase(target, baselineInputs)

  const counts: Record<Outcome, number> = { accepted: 0, refused: 0, crash: 0, hang: 0 }
  const failures: string[] = []
  let maxMs = 0
  let busyMs = 0
  gc()
  const heapStart = heapMiB()
  let heapPeak = heapStart
  let retainedMax = 0
  const start = performance.now()
  for (let done = 0, chunk = 0; done < CASES; chunk++) {
    const inputs = fc.sample(target.input, { seed: SEED * 1_000_003 + chunk, numRuns: Math.min(CHUNK, CASES - done) })
    for (const input of inputs) {
      const r = await runCase(target, input, HANG_MS)
      counts[r.outcome]++
      busyMs += r.ms
      maxMs = Math.max(maxMs, r.ms)
      if ((r.outcome === 'crash' || r.outcome === 'hang') && failures.length < 10) failures.push(describeFailure(target, input, r))
    }
    done += inputs.length
    heapPeak = Math.max(heapPeak, heapMiB())
    if (chunk % 10 === 9) {
      gc()
      retainedMax = Math.max(retainedMax, heapMiB() - heapStart)
    }
  }
  const seconds = (performance.now() - start) / 1000
  gc()
  const retained = heapMiB() - heapStart
  const row: Row = {
    target: target.name,
    cases: CASES,
    accepted: counts.accepted,
    refused: counts.refused,
    crashes: counts.crash,
    hangs: counts.hang,
    'max case ms': maxMs,
    // transient, garbage not yet collected included
    'heap peak +MiB': heapPeak - heapStart,
    // after a full GC, every 10,000 cases and at the end: growth here would be a leak
    'retained max +MiB': Math.max(retainedMax, retained),
    'cases/s': Math.round(CASES / seconds),
    'valid µs': validMs * 1000,
    'hostile µs': busyMs / CASES * 1000,
    'hostile/valid': busyMs / CASES / validMs
  }
  process.stdout.write(`${target.name}: ${CASES} cases in ${seconds.toFixed(1)} s, ${counts.crash} crashes, ${counts.hang} hangs\n`)
  for (const f of failures) process.stdout.write(`  ${f}\n`)
  return { row, failures }
}

const targets = (await fuzzTargets()).filter(t => ONLY == null || t.name.includes(ONLY))
const results: Result[] = []
for (const target of targets) results.push(await fuzz(target))

const crashes = results.reduce((n, r) => n + Number(r.row.crashes), 0)
const hangs = results.reduce((n, r) => n + Number(r.row.hangs), 0)
report('fuzz', results.map(r => r.row), {
  casesPerTarget: CASES,
  seed: SEED,
  hangMs: HANG_MS,
  targets: targets.map(t => ({ name: t.name, source: t.source, errors: t.errors })),
  failures: results.flatMap(r => r.failures)
})
process.stdout.write(`\n${targets.length} targets × ${CASES} cases: ${crashes} crashes, ${hangs} hangs\n`)
process.exit(crashes + hangs > 0 ? 1 : 0)
