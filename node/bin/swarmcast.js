#!/usr/bin/env node
// The `swarmcast` command. The code runs as TypeScript on Node >= 24 (type
// stripping). On an older Node, re-run this file with the Node 24 that the
// project installs as a devDependency (node_modules/.bin/node), if present.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

// V8 sizes the young generation from the machine's memory and grows it only
// after minutes of uptime: on a big machine a relay or streamer then steps up
// by about 50 MiB of RSS for no gain (npm run bench -- soak). 8 MiB
// semi-spaces keep long runs flat. A choice in NODE_OPTIONS or on Node's own
// command line wins; --max-semi-space-size=0 restores V8's default.
const HEAP_DEFAULT = '--max-semi-space-size=8'
// V8 takes dashes or underscores; NODE_OPTIONS entries may be quoted
const heapChosen = /--max[-_]semi[-_]space[-_]size/.test([...process.execArgv, process.env.NODE_OPTIONS ?? ''].join(' '))
const nodeFlags = [...process.execArgv, ...(heapChosen ? [] : [HEAP_DEFAULT])]
const script = fileURLToPath(import.meta.url)

const major = Number(process.versions.node.split('.')[0])
if (major >= 24) {
  // replaces this process (same pid, so a service manager's signals still reach it)
  if (!heapChosen && typeof process.execve === 'function') process.execve(process.execPath, [process.execPath, ...nodeFlags, script, ...process.argv.slice(2)])
  const { run } = await import('../cli.ts')
  await run()
} else {
  const bundled = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url))
  if (!existsSync(bundled)) {
    process.stderr.write(`swarmcast needs Node.js 24 or newer (this is ${process.version}). Run "npm ci" in the swarmcast folder, which installs it, or install Node 24.\n`)
    process.exit(1)
  }
  const child = spawn(bundled, [...nodeFlags, script, ...process.argv.slice(2)], { stdio: 'inherit' })
  // Ctrl-C reaches the child through the terminal's process group; SIGTERM is forwarded
  process.on('SIGINT', () => {})
  process.on('SIGTERM', () => { child.kill('SIGTERM') })
  child.on('exit', (code, signal) => { process.exit(code ?? (signal != null ? 1 : 0)) })
}
