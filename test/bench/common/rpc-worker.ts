// A benchmark's worker process spoken to in JSON lines: each request carries an
// id, each answer `{ id, ok, error?, ...result }`; the worker's first line is
// its hello (id 0). Lines that are not JSON are the worker's own output, passed
// to stderr with its label.
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import type { ChildProcess } from 'node:child_process'

interface Pending { resolve: (v: unknown) => void, reject: (e: Error) => void, timer: NodeJS.Timeout }

export class RpcWorker<Command extends { cmd: string }, Results extends { hello: unknown } & { [K in Command['cmd']]: unknown }> {
  readonly proc: ChildProcess
  readonly index: number
  readonly exited: Promise<void>
  readonly #pending = new Map<number, Pending>()
  readonly #requestTimeoutMs: number
  #nextId = 1

  constructor (script: string, index: number, label: string, requestTimeoutMs: number) {
    this.index = index
    this.#requestTimeoutMs = requestTimeoutMs
    this.proc = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] })
    createInterface({ input: this.proc.stdout! }).on('line', (line) => {
      let msg: { id: number, ok: boolean, error?: string }
      try {
        msg = JSON.parse(line)
      } catch {
        process.stderr.write(`[${label} ${index}] ${line}\n`)
        return
      }
      const p = this.#pending.get(msg.id)
      if (p == null) return
      this.#pending.delete(msg.id)
      clearTimeout(p.timer)
      if (msg.ok) p.resolve(msg)
      else p.reject(new Error(`worker ${index}: ${msg.error ?? `failed: ${line.slice(0, 500)}`}`))
    })
    this.exited = new Promise(resolve => {
      this.proc.once('exit', (code, signal) => {
        for (const p of this.#pending.values()) {
          clearTimeout(p.timer)
          p.reject(new Error(`worker ${index} exited (${code ?? signal})`))
        }
        this.#pending.clear()
        resolve()
      })
    })
  }

  /** The worker's hello, once it is up. */
  async hello (timeoutMs: number): Promise<Results['hello']> {
    return await this.#expect<Results['hello']>(0, timeoutMs)
  }

  async request<K extends Command['cmd']> (c: Extract<Command, { cmd: K }>, timeoutMs = this.#requestTimeoutMs): Promise<Results[K]> {
    const id = this.#nextId++
    const answer = this.#expect<Results[K]>(id, timeoutMs)
    this.proc.stdin!.write(JSON.stringify({ id, ...c }) + '\n')
    return await answer
  }

  async #expect<T> (id: number, timeoutMs: number): Promise<T> {
    return await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id)
        reject(new Error(`worker ${this.index}: no answer to request ${id} within ${timeoutMs} ms`))
      }, timeoutMs)
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, timer })
    })
  }
}
