// Small helpers the benchmarks share.

export async function sleep (ms: number): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, Math.max(0, ms)))
}

/** Nearest-rank percentile; NaN when there are no values. */
export function percentile (values: number[], p: number): number {
  if (values.length === 0) return NaN
  const s = [...values].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p / 100 * s.length) - 1))]!
}

export function median (values: number[]): number {
  return percentile(values, 50)
}

export function sum (values: number[]): number {
  return values.reduce((a, b) => a + b, 0)
}
