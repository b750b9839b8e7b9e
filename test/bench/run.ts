// npm run bench [-- NAME ... [--flag value ...]]: runs the named benchmarks (all when none
// given); flags after the names go to each of them (e.g. `npm run bench -- soak --minutes 5`).
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const dir = import.meta.dirname
const available = readdirSync(dir).filter(f => f.endsWith('.ts') && !['run.ts', 'report.ts'].includes(f)).map(f => f.slice(0, -3))
const args = process.argv.slice(2)
const firstFlag = args.findIndex(a => a.startsWith('--'))
const wanted = firstFlag < 0 ? args : args.slice(0, firstFlag)
const flags = firstFlag < 0 ? [] : args.slice(firstFlag)
const unknown = wanted.filter(w => !available.includes(w))
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}\n`)
  process.exit(2)
}
let failed = 0
for (const name of wanted.length > 0 ? wanted : available) {
  process.stdout.write(`\n== bench ${name}\n`)
  const r = spawnSync(process.execPath, [join(dir, `${name}.ts`), ...flags], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed > 0 ? 1 : 0)
