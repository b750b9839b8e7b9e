// npm run bench [-- NAME ...]: runs the named benchmarks (all when none given).
import { readdirSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const dir = import.meta.dirname
const available = readdirSync(dir).filter(f => f.endsWith('.ts') && !['run.ts', 'report.ts'].includes(f)).map(f => f.slice(0, -3))
const wanted = process.argv.slice(2)
const unknown = wanted.filter(w => !available.includes(w))
if (unknown.length > 0) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}\n`)
  process.exit(2)
}
let failed = 0
for (const name of wanted.length > 0 ? wanted : available) {
  process.stdout.write(`\n== bench ${name}\n`)
  const r = spawnSync(process.execPath, [join(dir, `${name}.ts`)], { stdio: 'inherit' })
  if (r.status !== 0) failed++
}
process.exit(failed > 0 ? 1 : 0)
