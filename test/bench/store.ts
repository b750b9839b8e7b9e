// npm run bench -- store [--messages 150000] [--sample-every 10000]
// Native memory of a chat history over a long run (issue 9): a real
// ChatHistory (retention 10,000) on LevelDB stores --messages signed messages
// from ten authors. Each variant runs in its own process (store/worker.ts) so
// that each starts from a fresh allocator:
//   - baseline: its per-author index entries written as empty values, as the
//     code did before PRESENT (classic-level leaks its copy of every empty value);
//   - swarmcast: the product's store, index entries holding PRESENT.
// Native memory is the process's anonymous RSS less V8's committed heap, after
// a full GC. LevelDB grows it while its memtables, caches and compactions reach
// their steady state; what is judged is the growth per message over the second
// half of the run, which a bounded store keeps near zero.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { CLI_HEAP_FLAG, tempDir } from '../helpers/cli.ts'
import { leastSquares, mib } from './common/numbers.ts'
import { report } from './report.ts'

const { values } = parseArgs({ options: { messages: { type: 'string', default: '150000' }, 'sample-every': { type: 'string', default: '10000' } } })
const messages = Number(values.messages)
const sampleEvery = Number(values['sample-every'])
if (!(messages >= 4 * sampleEvery) || !(sampleEvery >= 10) || sampleEvery % 10 !== 0) {
  process.stderr.write('usage: store [--messages N >= 4 samples] [--sample-every N, a multiple of 10]\n')
  process.exit(2)
}
// growth per message over the second half above this is a leak, not a store settling
const MAX_BYTES_PER_MESSAGE = 8
const WORKER = fileURLToPath(new URL('./store/worker.ts', import.meta.url))

interface Sample { messages: number, nativeBytes: number, held: number, ms: number }

async function run (variant: 'empty' | 'present'): Promise<Sample[]> {
  const tmp = await tempDir('swarmcast-store-bench-')
  try {
    // the heap flag the CLI runs with, and a GC before each sample
    const child = spawn(process.execPath, [CLI_HEAP_FLAG, '--expose-gc', WORKER, variant, tmp.dir, String(messages), String(sampleEvery)], { stdio: ['ignore', 'pipe', 'inherit'] })
    const samples: Sample[] = []
    for await (const line of createInterface({ input: child.stdout })) {
      const s = JSON.parse(line) as Sample
      samples.push(s)
      process.stderr.write(`store ${variant}: ${s.messages} messages, native ${(s.nativeBytes / 1048576).toFixed(1)} MiB, ${s.ms} ms\n`)
    }
    const code = await new Promise(resolve => child.once('exit', resolve))
    if (code !== 0) throw new Error(`store worker (${variant}) exited with ${String(code)}`)
    return samples
  } finally {
    await tmp.remove()
  }
}

const results = { empty: await run('empty'), present: await run('present') }
const perMessage = (s: Sample[]): number => leastSquares(s.slice(Math.floor(s.length / 2)).map(x => [x.messages, x.nativeBytes])).slope
const baseline = perMessage(results.empty)
const rows = (['empty', 'present'] as const).map(variant => {
  const s = results[variant]
  const half = s[Math.floor(s.length / 2)]!
  return {
    store: variant === 'empty' ? 'empty index values (baseline, before PRESENT)' : 'swarmcast (PRESENT)',
    messages: s.at(-1)!.messages,
    'native MiB at start': mib(s[0]!.nativeBytes),
    [`at ${half.messages}`]: mib(half.nativeBytes),
    'at end': mib(s.at(-1)!.nativeBytes),
    'bytes/message, 2nd half': Math.round(perMessage(s) * 10) / 10,
    '× baseline': Math.round(perMessage(s) / baseline * 100) / 100,
    'ms/message': Math.round(s.at(-1)!.ms / s.at(-1)!.messages * 1000) / 1000
  }
})
const bounded = perMessage(results.present) <= MAX_BYTES_PER_MESSAGE
report('store', rows, { messages, sampleEvery, maxBytesPerMessage: MAX_BYTES_PER_MESSAGE, samples: results, checks: { bounded } })
process.stdout.write(`check: swarmcast's native memory per message over the second half ≤ ${MAX_BYTES_PER_MESSAGE} bytes: ${bounded ? 'yes' : 'NO'}\n`)
process.exit(bounded ? 0 : 1)
