import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// src/ is the core that browsers run too: platform pieces are injected, never imported.
const FORBIDDEN = [/(from|import)\s*\(?['"]node:/, /from ['"](fs|path|os|net|http|child_process|crypto)['"]/, /from ['"]@libp2p\/tcp['"]/, /from ['"]\.\.\/\.\.\/(node|bootstrap|browser)\//]

function files (dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? files(join(dir, e.name)) : /\.(ts|js)$/.test(e.name) ? [join(dir, e.name)] : [])
}

t.test('nothing under src/ imports Node built-ins or the Node/relay/browser folders', async t => {
  const all = files('src')
  t.ok(all.length > 10, 'found the core sources')
  const violations = all.flatMap(file => {
    const text = readFileSync(file, 'utf8')
    return FORBIDDEN.filter(p => p.test(text)).map(p => `${file}: ${p}`)
  })
  t.same(violations, [], 'no forbidden imports')
})
