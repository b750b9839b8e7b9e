// Summarizes a V8 .cpuprofile (as node:inspector's Profiler.stop returns it):
// self time per function, self time per owning component (the nearest frame on
// the stack that belongs to a known library or to our src/, so node:crypto
// under @libp2p/noise counts as noise and under @libp2p/crypto as Ed25519),
// and inclusive time per swarmcast source file.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

interface CallFrame { functionName: string, url: string, lineNumber: number, columnNumber: number }
interface ProfileNode { id: number, callFrame: CallFrame, children?: number[] }
interface CpuProfile { nodes: ProfileNode[], startTime: number, endTime: number, samples?: number[], timeDeltas?: number[] }

export interface ProfileEntry { name: string, ms: number, pct: number }
export interface ProfileSummary {
  /** Sampled time not idle, ms (main thread only: LevelDB's and libuv's threads are not in it). */
  busyMs: number
  idleMs: number
  topSelf: ProfileEntry[]
  byComponent: ProfileEntry[]
  srcInclusive: ProfileEntry[]
}

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** Library packages and what part of the stack they are. Unlisted packages are utilities: their time goes to their caller. */
const COMPONENTS: Array<[RegExp, string]> = [
  [/^(@libp2p\/noise|@chainsafe\/libp2p-noise|@chainsafe\/as-chacha20poly1305|@chainsafe\/as-sha256)$/, 'noise (transport encryption)'],
  [/^(@libp2p\/yamux|@chainsafe\/libp2p-yamux)$/, 'yamux (stream muxer)'],
  [/^@libp2p\/gossipsub$/, 'gossipsub'],
  [/^(@libp2p\/crypto|@noble\/curves|@noble\/ed25519)$/, 'Ed25519 sign/verify (@libp2p/crypto)'],
  [/^@libp2p\/tcp$/, 'tcp transport (JS side)'],
  [/^protobufjs$/, 'protobuf: protobufjs (swarmcast wire)'],
  [/^protons-runtime$/, 'protobuf: protons (libp2p rpc)'],
  [/^(level|classic-level|abstract-level|level-transcoder|level-supports|browser-level|module-error|maybe-combine-errors)$/, 'LevelDB (JS side)'],
  [/^(libp2p|@libp2p\/(utils|peer-store|peer-collections|peer-id|identify|ping|logger|interface|interface-internal|circuit-relay-v2|webrtc|websockets|bootstrap))$/, 'libp2p core'],
  [/^(weald|debug)$/, 'logging']
]

function packageOf (url: string): string | undefined {
  const i = url.lastIndexOf('node_modules/')
  if (i < 0) return undefined
  const rest = url.slice(i + 'node_modules/'.length).split('/')
  return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
}

function relPath (url: string): string | undefined {
  const path = url.startsWith('file://') ? fileURLToPath(url) : url
  return path.startsWith(repoRoot) && !path.includes('node_modules/') ? path.slice(repoRoot.length) : undefined
}

/** The bench worker's socket-write counter wraps every write; it is not where the time goes. */
const TRANSPARENT = new Set(['countedSocketWrite'])

/** The component a frame belongs to, or undefined for utilities, node internals and native code. */
function componentOf (frame: CallFrame): string | undefined {
  if (TRANSPARENT.has(frame.functionName)) return undefined
  if (frame.url === 'node:net' || frame.url === 'node:internal/stream_base_commons') return 'socket I/O (node:net: write/read calls)'
  const pkg = packageOf(frame.url)
  if (pkg != null) return COMPONENTS.find(([re]) => re.test(pkg))?.[1]
  const rel = relPath(frame.url)
  if (rel == null) return undefined
  if (rel.startsWith('test/bench/')) return 'bench harness (load generator, receipts)'
  return `swarmcast ${rel}`
}

function frameName (frame: CallFrame): string {
  const pkg = packageOf(frame.url)
  const rel = relPath(frame.url)
  const where = pkg != null
    ? `${pkg}/${frame.url.slice(frame.url.lastIndexOf('/') + 1)}`
    : rel ?? frame.url.replace(/^file:\/\//, '')
  const fn = frame.functionName !== '' ? frame.functionName : '(anonymous)'
  return where !== '' ? `${fn} ${where}:${frame.lineNumber + 1}` : fn
}

function top (map: Map<string, number>, total: number, count: number): ProfileEntry[] {
  return [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, us]) => ({ name, ms: us / 1000, pct: 100 * us / total }))
}

export function summarizeProfile (file: string, count = 25): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(profile.nodes.map(n => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  // sample i lasts until sample i+1
  const selfUs = new Map<number, number>()
  for (let i = 0; i < samples.length; i++) {
    const us = deltas[i + 1] ?? 0
    selfUs.set(samples[i]!, (selfUs.get(samples[i]!) ?? 0) + us)
  }
  const self = new Map<string, number>()
  const components = new Map<string, number>()
  const srcIncl = new Map<string, number>()
  let busy = 0
  let idle = 0
  for (const [id, us] of selfUs) {
    const leaf = byId.get(id)!
    const fn = leaf.callFrame.functionName
    if (fn === '(idle)') { idle += us; continue }
    busy += us
    // native frames carry no url and often a misleading name: say who called them
    let name = frameName(leaf.callFrame)
    const caller = parent.get(id)
    if (leaf.callFrame.url === '' && !fn.startsWith('(') && caller != null) name = `${fn} [native] ← ${frameName(byId.get(caller)!.callFrame)}`
    self.set(name, (self.get(name) ?? 0) + us)
    let component: string | undefined
    if (fn === '(garbage collector)') component = 'GC'
    else if (fn === '(program)') component = '(program: native, not attributed)'
    const files = new Set<string>()
    for (let cur: number | undefined = id; cur != null; cur = parent.get(cur)) {
      const frame = byId.get(cur)!.callFrame
      component ??= componentOf(frame)
      const rel = relPath(frame.url)
      if (rel?.startsWith('src/') === true) files.add(rel)
    }
    component ??= 'node internals / event loop (no library on the stack)'
    components.set(component, (components.get(component) ?? 0) + us)
    for (const f of files) srcIncl.set(f, (srcIncl.get(f) ?? 0) + us)
  }
  return {
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    topSelf: top(self, busy, count),
    byComponent: top(components, busy, count),
    srcInclusive: top(srcIncl, busy, count)
  }
}
