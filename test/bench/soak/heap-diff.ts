// What a heap gained between two snapshots of one process (heap-watch.ts writes them):
//   node test/bench/soak/heap-diff.ts EARLY.heapsnapshot LATE.heapsnapshot [N | GROUP]
// Prints the object groups (type and constructor) that grew most by bytes, and for
// the top N (default 8), or the one named GROUP (as printed, e.g. "closure onAbort"),
// the retaining path of one object that is new in LATE:
// the chain of references from a GC root that keeps it alive. Snapshot node ids
// are stable within a process, so "new" is an id absent from EARLY.
import { readFileSync } from 'node:fs'

interface Snapshot {
  snapshot: { meta: { node_fields: string[], node_types: [string[]], edge_fields: string[], edge_types: [string[]] }, root_index?: number }
  nodes: number[]
  edges: number[]
  strings: string[]
}

interface Heap {
  s: Snapshot
  nodeFields: number
  edgeFields: number
  /** First edge (index into edges) of each node, by node ordinal. */
  firstEdge: Uint32Array
  count: number
}

function load (file: string): Heap {
  const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot
  const nodeFields = s.snapshot.meta.node_fields.length
  const edgeFields = s.snapshot.meta.edge_fields.length
  const edgeCount = s.snapshot.meta.node_fields.indexOf('edge_count')
  const count = s.nodes.length / nodeFields
  const firstEdge = new Uint32Array(count + 1)
  for (let i = 0, e = 0; i < count; i++) {
    firstEdge[i] = e
    e += s.nodes[i * nodeFields + edgeCount]! * edgeFields
    firstEdge[i + 1] = e
  }
  return { s, nodeFields, edgeFields, firstEdge, count }
}

function field (h: Heap, ordinal: number, name: string): number {
  return h.s.nodes[ordinal * h.nodeFields + h.s.snapshot.meta.node_fields.indexOf(name)]!
}

function label (h: Heap, ordinal: number): string {
  const type = h.s.snapshot.meta.node_types[0][field(h, ordinal, 'type')]!
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string') return 'string'
  if (type === 'code' || type === 'hidden' || type === 'number') return type
  return `${type} ${h.s.strings[field(h, ordinal, 'name')]!.slice(0, 60)}`
}

function groups (h: Heap): Map<string, { count: number, bytes: number }> {
  const out = new Map<string, { count: number, bytes: number }>()
  for (let i = 0; i < h.count; i++) {
    const name = label(h, i)
    const g = out.get(name) ?? { count: 0, bytes: 0 }
    g.count++
    g.bytes += field(h, i, 'self_size')
    out.set(name, g)
  }
  return out
}

// Shortest path from the root to every node, over strong edges: parent ordinal and the edge's name.
function retainers (h: Heap): { parent: Int32Array, via: string[] } {
  const parent = new Int32Array(h.count).fill(-1)
  const via: string[] = new Array(h.count)
  const edgeTypes = h.s.snapshot.meta.edge_types[0]
  const [typeAt, nameAt, toAt] = ['type', 'name_or_index', 'to_node'].map(f => h.s.snapshot.meta.edge_fields.indexOf(f)) as [number, number, number]
  const root = h.s.snapshot.root_index ?? 0
  parent[root] = root
  let frontier = [root]
  while (frontier.length > 0) {
    const next: number[] = []
    for (const from of frontier) {
      for (let e = h.firstEdge[from]!; e < h.firstEdge[from + 1]!; e += h.edgeFields) {
        const type = edgeTypes[h.s.edges[e + typeAt]!]
        if (type === 'weak' || type === 'shortcut') continue
        const to = h.s.edges[e + toAt]! / h.nodeFields
        if (parent[to] !== -1) continue
        parent[to] = from
        const name = h.s.edges[e + nameAt]!
        via[to] = type === 'element' || type === 'hidden' ? `[${name}]` : `.${h.s.strings[name]}`
        next.push(to)
      }
    }
    frontier = next
  }
  return { parent, via }
}

const [earlyFile, lateFile, traced] = process.argv.slice(2)
if (earlyFile == null || lateFile == null) {
  process.stderr.write('usage: node test/bench/soak/heap-diff.ts EARLY.heapsnapshot LATE.heapsnapshot [N | GROUP]\n')
  process.exit(2)
}
const early = load(earlyFile)
const earlyIds = new Set<number>()
for (let i = 0; i < early.count; i++) earlyIds.add(field(early, i, 'id'))
const earlyGroups = groups(early)
early.s.nodes = []
const late = load(lateFile)
const lateGroups = groups(late)
const grown = [...lateGroups].map(([name, g]) => {
  const e = earlyGroups.get(name) ?? { count: 0, bytes: 0 }
  return { name, count: g.count - e.count, bytes: g.bytes - e.bytes, total: g.bytes }
}).sort((a, b) => b.bytes - a.bytes)
process.stdout.write('bytes grown   count grown   group\n')
for (const g of grown.slice(0, 30)) process.stdout.write(`${String(g.bytes).padStart(11)}  ${String(g.count).padStart(12)}   ${g.name}\n`)

const { parent, via } = retainers(late)
const tracedGroups = traced != null && Number.isNaN(Number(traced)) ? grown.filter(g => g.name === traced) : grown.slice(0, Number(traced ?? 8))
for (const g of tracedGroups) {
  const fresh: number[] = []
  for (let i = 0; i < late.count && fresh.length < 3; i++) {
    if (label(late, i) === g.name && !earlyIds.has(field(late, i, 'id')) && parent[i] !== -1) fresh.push(i)
  }
  process.stdout.write(`\n${g.name}: ${fresh.length === 0 ? 'no new object reachable from the root' : 'a new one is held by'}\n`)
  // the last of the new ones found: the first may be a young survivor
  const sample = fresh.at(-1)
  if (sample == null) continue
  const chain: string[] = []
  for (let n = sample; parent[n] !== n && chain.length < 40; n = parent[n]!) chain.push(`${via[n]}  (${label(late, n)})`)
  for (const step of chain.reverse()) process.stdout.write(`  ${step}\n`)
}
