import fc from 'fast-check'
import { runCase, describeFailure } from './fuzz-case.ts'
import type { FuzzTarget } from './fuzz-targets.ts'
import type { Outcome } from './fuzz-case.ts'
import type { Test } from 'tap'

/** Seed of every seeded fuzz run in `npm test`: a failure reproduces exactly. */
export const FUZZ_SEED = 20_250_901
/** A case slower than this is a hang (generous: the box is shared and GC pauses land on some case). */
export const HANG_MS = 1_000

/**
 * Runs `runs` seeded hostile inputs through `target`: every case must be
 * accepted within bounds or refused with a named error or verdict, within
 * HANG_MS. Inputs come from fc.sample rather than fc.assert: five times
 * faster for cheap decoders, and each failure names its input in hex.
 */
export async function checkTarget (t: Test, target: FuzzTarget<any>, runs: number, seed = FUZZ_SEED): Promise<void> {
  const counts: Record<Outcome, number> = { accepted: 0, refused: 0, crash: 0, hang: 0 }
  const failures: string[] = []
  let maxMs = 0
  for (const input of fc.sample(target.input, { seed, numRuns: runs })) {
    const r = await runCase(target, input, HANG_MS)
    counts[r.outcome]++
    maxMs = Math.max(maxMs, r.ms)
    if ((r.outcome === 'crash' || r.outcome === 'hang') && failures.length < 5) failures.push(describeFailure(target, input, r))
  }
  t.equal(counts.crash + counts.hang, 0, `${target.name}: ${runs} cases (seed ${seed}), ${counts.accepted} accepted within bounds, ${counts.refused} refused, slowest ${maxMs.toFixed(1)} ms`, { failures })
  // the corpus must reach the accept path too, or the bounds go unchecked
  t.ok(counts.accepted > 0, `${target.name}: some inputs are accepted`)
}
