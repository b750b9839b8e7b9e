// Starts the hostile peer (hostile-peer-process.ts) as its own process: a real
// libp2p node that competes with the honest ones for the CPU as a remote
// attacker would, rather than sharing their event loop.
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ChildProcess } from 'node:child_process'
import type { AttackReport, HostileCommand, HostileReply } from './hostile-peer-process.ts'
import type { Test } from 'tap'

export type { AttackReport } from './hostile-peer-process.ts'

const PROCESS = fileURLToPath(new URL('./hostile-peer-process.ts', import.meta.url))

export interface HostilePeer {
  peerId: string
  /** Misbehaves in every way for `durationMs`; resolves with what it did. */
  attack: (durationMs: number) => Promise<AttackReport>
  /** Stops the node and the process; safe twice. */
  stop: () => Promise<void>
}

/** Starts the hostile peer, joined to `channel` and connected to every target; stopped at the end of `t`. */
export async function startHostilePeer (t: Test, channel: string, targets: Array<{ peerId: string, addrs: string[] }>): Promise<HostilePeer> {
  const proc: ChildProcess = fork(PROCESS, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] })
  const stderr: string[] = []
  proc.stderr?.setEncoding('utf8')
  proc.stderr?.on('data', (chunk: string) => { stderr.push(chunk) })
  const exited = new Promise<void>(resolve => { proc.once('exit', () => { resolve() }) })
  let stopping: Promise<void> | undefined
  const stop = async (): Promise<void> => {
    stopping ??= (async () => {
      if (proc.exitCode == null && proc.signalCode == null) {
        if (proc.connected) proc.send({ type: 'stop' } satisfies HostileCommand)
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000)
        await exited
        clearTimeout(timer)
      }
    })()
    await stopping
  }
  t.teardown(stop)

  const next = async <T extends HostileReply['type']>(type: T, timeoutMs: number): Promise<Extract<HostileReply, { type: T }>> => {
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => { done(); reject(new Error(`hostile peer: no "${type}" within ${timeoutMs} ms; stderr:\n${stderr.join('')}`)) }, timeoutMs)
      const onMessage = (reply: HostileReply): void => {
        if (reply.type === 'error') { done(); reject(new Error(`hostile peer failed: ${reply.message}`)); return }
        if (reply.type === type) { done(); resolve(reply as Extract<HostileReply, { type: T }>) }
      }
      const onExit = (): void => { done(); reject(new Error(`hostile peer exited; stderr:\n${stderr.join('')}`)) }
      const done = (): void => { clearTimeout(timer); proc.off('message', onMessage); proc.off('exit', onExit) }
      proc.on('message', onMessage)
      proc.once('exit', onExit)
    })
  }

  const ready = next('ready', 90_000)
  proc.send({ type: 'start', channel, targets } satisfies HostileCommand)
  const { peerId } = await ready
  return {
    peerId,
    attack: async (durationMs) => {
      const reply = next('report', durationMs + 30_000)
      proc.send({ type: 'attack', durationMs } satisfies HostileCommand)
      return (await reply).report
    },
    stop
  }
}
