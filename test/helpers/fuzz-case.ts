import type { FuzzTarget } from './fuzz-targets.ts'

/**
 * accepted / refused: the decoder behaved (a result within bounds, a named
 * error or a refusal verdict). crash: anything else thrown, or a bound broken.
 * hang: no answer within the time bound.
 */
export type Outcome = 'accepted' | 'refused' | 'crash' | 'hang'

export interface CaseResult {
  outcome: Outcome
  ms: number
  error?: unknown
}

const HANG = Symbol('hang')

/**
 * Runs one input through `target` and classifies what it did; never throws.
 * A case over `hangMs` is run once more and counts as a hang only if it is
 * slow again: on a shared box a GC pause or a descheduling lands on some case.
 */
export async function runCase<T> (target: FuzzTarget<T>, input: T, hangMs: number): Promise<CaseResult> {
  const prepared = target.prepare != null ? await target.prepare(input) : input
  const first = await runOnce(target, input, prepared, hangMs)
  return first.outcome === 'hang' ? await runOnce(target, input, prepared, hangMs) : first
}

async function runOnce<T> (target: FuzzTarget<T>, input: T, prepared: unknown, hangMs: number): Promise<CaseResult> {
  const start = performance.now()
  let result: unknown
  try {
    result = target.run(prepared)
    if (result instanceof Promise) {
      let timer: ReturnType<typeof setTimeout> | undefined
      const late = new Promise<typeof HANG>(resolve => { timer = setTimeout(resolve, hangMs, HANG) })
      try {
        result = await Promise.race([result, late])
      } finally {
        clearTimeout(timer)
      }
      if (result === HANG) return { outcome: 'hang', ms: performance.now() - start }
    }
  } catch (err) {
    const ms = performance.now() - start
    if (ms > hangMs) return { outcome: 'hang', ms, error: err }
    const named = err instanceof Error && target.errors.includes(err.name)
    return { outcome: named ? 'refused' : 'crash', ms, error: err }
  }
  const ms = performance.now() - start
  if (ms > hangMs) return { outcome: 'hang', ms }
  try {
    return { outcome: target.judge(result, input), ms }
  } catch (err) {
    return { outcome: 'crash', ms, error: err }
  }
}

/** One line naming what went wrong, for test output and the bench report. */
export function describeFailure<T> (target: FuzzTarget<T>, input: T, r: CaseResult): string {
  const why = r.outcome === 'hang'
    ? `took ${r.ms.toFixed(0)} ms`
    : r.error instanceof Error ? `${r.error.name}: ${r.error.message}` : `threw ${String(r.error)}`
  return `${target.name} (${target.source}) ${r.outcome}: ${why}; input ${target.show(input).slice(0, 400)}`
}
