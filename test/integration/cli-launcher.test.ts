// The `swarmcast` launcher (node/bin/swarmcast.js) runs every command with a
// capped V8 young generation, in the same process (execve: a service manager's
// signals still reach it), unless the user chose a size in NODE_OPTIONS.
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CLI_HEAP_FLAG, CliProcess, tempDir } from '../helpers/cli.ts'
import type { Test } from 'tap'

function commandLine (pid: number): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(a => a !== '')
}

async function startRelay (t: Test, env: NodeJS.ProcessEnv): Promise<CliProcess> {
  const tmp = await tempDir()
  t.teardown(tmp.remove)
  const relay = new CliProcess(['relay', '--tcp', '0', '--ws', '0', '--http', '0', '--host', '127.0.0.1', '--data', join(tmp.dir, 'relay')], env)
  t.teardown(async () => { await relay.stop() })
  await relay.waitForLine(l => l.startsWith('http://'), 60_000)
  return relay
}

t.test('the relay runs with an 8 MiB semi-space in the process that was started, and stops cleanly on SIGTERM', async t => {
  const relay = await startRelay(t, { NODE_OPTIONS: '' })
  const args = commandLine(relay.proc.pid!)
  t.ok(args.includes(CLI_HEAP_FLAG), `the started pid now runs with the cap (${args.slice(0, 3).join(' ')} ...)`)
  t.equal(await relay.stop(), 0, 'SIGTERM reaches it: graceful exit 0')
})

t.test('a size chosen in NODE_OPTIONS wins: no re-exec, no second flag', async t => {
  const relay = await startRelay(t, { NODE_OPTIONS: '--max-semi-space-size=0' })
  const args = commandLine(relay.proc.pid!)
  t.notOk(args.some(a => a.startsWith('--max-semi-space-size')), `the command line is left as given (${args.slice(0, 2).join(' ')} ...)`)
})
