#!/usr/bin/env node
// The `swarmcast` command. The code runs as TypeScript on Node >= 24 (type
// stripping). On an older Node, re-run this file with the Node 24 that the
// project installs as a devDependency (node_modules/.bin/node), if present.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const major = Number(process.versions.node.split('.')[0])
if (major >= 24) {
  const { run } = await import('../cli.ts')
  await run()
} else {
  const bundled = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url))
  if (!existsSync(bundled)) {
    process.stderr.write(`swarmcast needs Node.js 24 or newer (this is ${process.version}). Run "npm ci" in the swarmcast folder, which installs it, or install Node 24.\n`)
    process.exit(1)
  }
  const child = spawn(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
  // Ctrl-C reaches the child through the terminal's process group; SIGTERM is forwarded
  process.on('SIGINT', () => {})
  process.on('SIGTERM', () => { child.kill('SIGTERM') })
  child.on('exit', (code, signal) => { process.exit(code ?? (signal != null ? 1 : 0)) })
}
