// Finds what a soak worker's growing heap holds (npm run bench -- soak --diagnose DIR).
// Two views, both written to DIR:
// - collections.jsonl: every minute, the size of each Map, Set and array reachable
//   from the worker's roots, summed by path pattern (`[*]` for any entry), so a
//   collection that grows stands out by name;
// - heap snapshots: one when the watch starts, another the first time the heap
//   after a full GC has grown by GROWTH_TRIGGER_MIB since, to diff by constructor.
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { writeHeapSnapshot } from 'node:v8'

// above the few MiB a flat worker's heap wanders by
const GROWTH_TRIGGER_MIB = 15
// a walk is bounded: a huge graph costs a partial count, not a stalled worker
const MAX_VISITED = 300_000
const MAX_DEPTH = 12

export class HeapWatch {
  readonly #dir: string
  readonly #name: string
  #baseHeapMiB: number | undefined
  #grownSnapshot = false

  constructor (dir: string, name: string) {
    mkdirSync(dir, { recursive: true })
    this.#dir = dir
    this.#name = name
  }

  /** One sample: collection sizes, and a snapshot at the start or on growth. `heapMiB` is after a full GC. */
  sample (roots: Record<string, unknown>, heapMiB: number): void {
    const sizes = collectionSizes(roots)
    appendFileSync(join(this.#dir, `${this.#name}-collections.jsonl`), JSON.stringify({ at: Date.now(), heapMiB, sizes }) + '\n')
    if (this.#baseHeapMiB == null) {
      this.#baseHeapMiB = heapMiB
      this.#snapshot('start')
    } else if (!this.#grownSnapshot && heapMiB >= this.#baseHeapMiB + GROWTH_TRIGGER_MIB) {
      this.#grownSnapshot = true
      this.#snapshot('grown')
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
