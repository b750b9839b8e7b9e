// A chatter of the soak: a `swarmcast chat --json` process, as a user runs it.
// It sends a line through its stdin on a timer, like someone typing, and the
// soak reads every message it shows from its stdout (its own included, shown
// once the send went out), so that the soak can tell which messages reached whom.
import type { CliProcess } from '../../helpers/cli.ts'

export class CliChatter {
  readonly process: CliProcess
  /** Every message it showed, by id. */
  readonly shown = new Set<string>()
  /** Its own messages that went out, by id. */
  readonly sent = new Set<string>()
  /** Messages it showed a second time. */
  duplicates = 0
  /** Lines written to its stdin. */
  written = 0
  /** Sends it reported as failed ("not sent: ..."), the first ten kept. */
  failed = 0
  readonly failures: string[] = []
  readonly #prefix: string
  #readOut = 0
  #readErr = 0
  #timer: ReturnType<typeof setTimeout> | undefined

  constructor (process: CliProcess, index: number) {
    this.process = process
    // "soak 1." is no prefix of "soak 10.": each chatter knows its own lines
    this.#prefix = `soak ${index}.`
    // a chatter that exited closes its stdin: what it did not send shows as unsettled, not as a crash here
    process.proc.stdin!.on('error', () => {})
  }

  /** Reads what it printed since the last call. */
  poll (): void {
    const out = this.process.stdout
    for (; this.#readOut < out.length; this.#readOut++) {
      const line = out[this.#readOut]!
      // other lines are V8's --trace-gc
      if (!line.startsWith('{')) continue
      const m = JSON.parse(line) as { id: string, text: string }
      if (this.shown.has(m.id)) this.duplicates++
      this.shown.add(m.id)
      if (m.text.startsWith(this.#prefix)) this.sent.add(m.id)
    }
    const err = this.process.stderr
    for (; this.#readErr < err.length; this.#readErr++) {
      const line = err[this.#readErr]!
      if (!line.startsWith('not sent:')) continue
      this.failed++
      if (this.failures.length < 10) this.failures.push(line)
    }
  }

  /** Sends one line every `intervalMs`, from a random phase, until stopSending(). */
  startSending (intervalMs: number): void {
    const sendOne = (): void => {
      this.process.proc.stdin!.write(`${this.#prefix}${this.written++} at ${new Date().toISOString()}\n`)
    }
    this.#timer = setTimeout(() => {
      sendOne()
      this.#timer = setInterval(sendOne, intervalMs)
    }, Math.random() * intervalMs)
  }

  stopSending (): void {
    clearTimeout(this.#timer)
  }

  /** Every line written has come back, as sent or as failed. */
  get settled (): boolean {
    this.poll()
    return this.sent.size + this.failed >= this.written
  }
}
