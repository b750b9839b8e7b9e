// Finds what a soak worker's growing heap holds (npm run bench -- soak --diagnose DIR).
// Two views, both written to DIR:
// - collections.jsonl: every minute, the size of each Map, Set and array reachable
//   from the worker's roots, summed by path pattern (`[*]` for any entry), so a
//   collection that grows stands out by name;
// - two heap snapshots, to diff by constructor (heap-diff.ts): the first once the
//   heap after a full GC has grown GROWTH_STEP_MIB over the first sample, the second
//   once it has grown as much again. A worker that stays flat writes none: a
//   snapshot costs seconds of pause and leaves the RSS a step higher.
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { writeHeapSnapshot } from 'node:v8'

// above the few MiB a flat worker's heap wanders by, even on a loaded box
const GROWTH_STEP_MIB = 12
// a walk is bounded: a huge graph costs a partial count, not a stalled worker
const MAX_VISITED = 300_000
const MAX_DEPTH = 12

export class HeapWatch {
  readonly #dir: string
  readonly #name: string
  // the heap after GC that the next snapshot waits for
  #nextSnapshotMiB: number | undefined
  #snapshots = 0

  constructor (dir: string, name: string) {
    mkdirSync(dir, { recursive: true })
    this.#dir = dir
    this.#name = name
  }

  /** One sample: collection sizes, and a snapshot when the heap has grown a step. `heapMiB` is after a full GC. */
  sample (roots: Record<string, unknown>, heapMiB: number): void {
    const sizes = collectionSizes(roots)
    appendFileSync(join(this.#dir, `${this.#name}-collections.jsonl`), JSON.stringify({ at: Date.now(), heapMiB, sizes }) + '\n')
    this.#nextSnapshotMiB ??= heapMiB + GROWTH_STEP_MIB
    if (this.#snapshots < 2 && heapMiB >= this.#nextSnapshotMiB) {
      this.#snapshot(this.#snapshots === 0 ? 'growing' : 'grown')
      this.#snapshots++
      this.#nextSnapshotMiB = heapMiB + GROWTH_STEP_MIB
    }
  }

  #snapshot (label: string): void {
    const file = writeHeapSnapshot(join(this.#dir, `${this.#name}-${label}-${Date.now()}.heapsnapshot`))
    process.stderr.write(`heap-watch: wrote ${file}\n`)
  }
}

/** Sizes of the Maps, Sets and arrays reachable from `roots`, summed by path pattern. */
export function collectionSizes (roots: Record<string, unknown>): Record<string, number> {
  const sizes: Record<string, number> = {}
  const seen = new Set<object>()
  const stack: Array<[unknown, string, number]> = Object.entries(roots).map(([name, value]) => [value, name, 0])
  while (stack.length > 0 && seen.size < MAX_VISITED) {
    const [value, path, depth] = stack.pop()!
    if (value == null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) continue
    seen.add(value)
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) continue
    if (depth >= MAX_DEPTH) continue
    if (value instanceof Map || value instanceof Set || Array.isArray(value)) {
      const size = Array.isArray(value) ? value.length : value.size
      sizes[path] = (sizes[path] ?? 0) + size
      const entries = value instanceof Map ? value.values() : value.values()
      for (const entry of entries) stack.push([entry, `${path}[*]`, depth + 1])
      continue
    }
    if (typeof value === 'function') continue
    for (const key of Object.keys(value)) {
      let child: unknown
      try { child = (value as Record<string, unknown>)[key] } catch { continue }
      stack.push([child, `${path}.${key}`, depth + 1])
    }
  }
  return sizes
}
