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

/** Least-squares line through `points` ([x, y]): its slope (y per x) and its value at the first x; slope 0 for fewer than two distinct x. */
export function leastSquares (points: Array<[number, number]>): { slope: number, start: number } {
  const n = points.length
  if (n === 0) return { slope: 0, start: NaN }
  const mx = sum(points.map(([x]) => x)) / n
  const my = sum(points.map(([, y]) => y)) / n
  let num = 0
  let den = 0
  for (const [x, y] of points) {
    num += (x - mx) * (y - my)
    den += (x - mx) ** 2
  }
  const slope = den > 0 ? num / den : 0
  return { slope, start: my + slope * (points[0]![0] - mx) }
}

/** Bytes in MiB, to one decimal. */
export function mib (bytes: number): number {
  return Math.round(bytes / 104857.6) / 10
}
