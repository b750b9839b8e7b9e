import t from 'tap'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'vite'
import { noNodeBuiltins } from '../../browser/no-node-builtins.ts'
import { tempDir } from '../helpers/cli.ts'

// Builds a one-file app with the same guard the web app's vite.config.ts uses.
async function buildEntry (dir: string, code: string): Promise<void> {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>')
  await writeFile(join(dir, 'main.js'), code)
  await build({ root: dir, configFile: false, logLevel: 'silent', plugins: [noNodeBuiltins()], build: { outDir: join(dir, 'dist'), write: false } })
}

t.test('the browser build fails when a Node built-in would end up in the bundle', async t => {
  const { dir, remove } = await tempDir('swarmcast-guard-')
  t.teardown(remove)
  await t.resolves(buildEntry(join(dir, 'clean'), 'document.title = "ok"\n'), 'a bundle without Node built-ins builds')
  for (const [name, spec] of [['prefixed', 'node:fs'], ['bare', 'events'], ['subpath', 'fs/promises']] as const) {
    const err = await buildEntry(join(dir, name), `import * as m from '${spec}'\nconsole.log(m)\n`).then(() => undefined, (e: Error) => e)
    t.match(err?.message, new RegExp(`Node built-ins would end up in the browser bundle[\\s\\S]*${spec.replace('/', '\\/')} imported by`), `importing ${spec} fails the build, naming it and its importer`)
  }
})
