import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ChildProcess } from 'node:child_process'

export const CLI = fileURLToPath(new URL('../../node/bin/swarmcast.js', import.meta.url))
/** The V8 heap flag the launcher runs every `swarmcast` command with (test/integration/cli-launcher.test.ts checks it). */
export const CLI_HEAP_FLAG = '--max-semi-space-size=8'

/** A running `swarmcast` process whose output lines can be awaited. */
export class CliProcess {
  readonly proc: ChildProcess
  readonly stdout: string[] = []
  readonly stderr: string[] = []
  readonly exited: Promise<number | null>
  #waiters: Array<() => void> = []

  constructor (args: string[], env: NodeJS.ProcessEnv = {}, command: string[] = [process.execPath, CLI]) {
    const [bin, ...pre] = command as [string, ...string[]]
    this.proc = spawn(bin, [...pre, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] })
    this.#collect(this.proc.stdout!, this.stdout)
    this.#collect(this.proc.stderr!, this.stderr)
    this.exited = new Promise(resolve => { this.proc.on('exit', (code) => { this.#wake(); resolve(code) }) })
  }

  #collect (stream: NodeJS.ReadableStream, into: string[]): void {
    let partial = ''
    stream.setEncoding('utf8')
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n')
      partial = parts.pop() ?? ''
      into.push(...parts)
      this.#wake()
    })
  }

  #wake (): void {
    const waiters = this.#waiters
    this.#waiters = []
    for (const w of waiters) w()
  }

  /** Resolves with the first stdout line matching, failing after `timeoutMs` or if the process exits first. */
  async waitForLine (match: (line: string) => boolean, timeoutMs = 20_000, from: 'stdout' | 'stderr' = 'stdout'): Promise<string> {
    const deadline = Date.now() + timeoutMs
    const lines = from === 'stdout' ? this.stdout : this.stderr
    while (true) {
      const found = lines.find(match)
      if (found != null) return found
      if (this.proc.exitCode != null) throw new Error(`process exited (${this.proc.exitCode}) before the line appeared; stderr:\n${this.stderr.join('\n')}`)
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`timed out waiting for a line; stdout:\n${this.stdout.join('\n')}\nstderr:\n${this.stderr.join('\n')}`)
      await new Promise<void>(resolve => {
        const timer = setTimeout(resolve, left)
        this.#waiters.push(() => { clearTimeout(timer); resolve() })
      })
    }
  }

  /** SIGTERM (or `signal`), then SIGKILL if it has not exited within 10 s. */
  async stop (signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.proc.exitCode == null && this.proc.signalCode == null) {
      this.proc.kill(signal)
      const timer = setTimeout(() => this.proc.kill('SIGKILL'), 10_000)
      await this.exited
      clearTimeout(timer)
    }
    return await this.exited
  }
}

/** Runs `swarmcast ARGS` to completion. */
export async function runCli (args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<{ code: number | null, stdout: string, stderr: string }> {
  const p = new CliProcess(args, env)
  const timer = setTimeout(() => p.proc.kill('SIGKILL'), timeoutMs)
  const code = await p.exited
  clearTimeout(timer)
  // let the pipes drain
  await new Promise(resolve => setImmediate(resolve))
  return { code, stdout: p.stdout.join('\n'), stderr: p.stderr.join('\n') }
}

/** A fresh temporary data dir, removed by the returned cleanup. */
export async function tempDir (prefix = 'swarmcast-test-'): Promise<{ dir: string, remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, remove: async () => { await rm(dir, { recursive: true, force: true }) } }
}

/** Starts `swarmcast relay` on free loopback ports; resolves once its addresses are printed. */
export async function startCliRelay (dataDir: string): Promise<{ relay: CliProcess, tcpAddr: string, wsAddr: string, httpUrl: string }> {
  const relay = new CliProcess(['relay', '--tcp', '0', '--ws', '0', '--http', '0', '--host', '127.0.0.1', '--data', dataDir])
  // the caller can only stop a relay it got: one that never came up is stopped here
  const httpUrl = await relay.waitForLine(l => l.startsWith('http://'), 60_000).catch(async (err: Error) => {
    await relay.stop()
    throw err
  })
  const tcpAddr = relay.stdout.find(l => l.startsWith('/ip4/') && !l.includes('/ws/'))!
  const wsAddr = relay.stdout.find(l => l.includes('/ws/'))!
  return { relay, tcpAddr, wsAddr, httpUrl }
}
