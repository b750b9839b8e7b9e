// What a benchmark that starts processes and servers must undo, whether it ends,
// fails or is interrupted: each piece registers its own undo as it starts.

const cleanups = new Set<() => Promise<void>>()
let interrupted = false

/** Registers `fn`; returns it wrapped to run at most once (it is dropped from the list when it has run). */
export function onCleanup (fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined
  const once = async (): Promise<void> => {
    done ??= fn().finally(() => { cleanups.delete(once) })
    await done
  }
  cleanups.add(once)
  return once
}

/** Runs every registered undo, the last registered first (workers before the relay they use). */
export async function cleanupAll (log: (text: string) => void): Promise<void> {
  for (const fn of [...cleanups].reverse()) await fn().catch((err: Error) => { log(`cleanup: ${err.message}`) })
}

/** On SIGINT or SIGTERM: says so with `what`, cleans up and exits 130. */
export function cleanUpOnSignal (log: (text: string) => void, what: string): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      interrupted = true
      log(`${signal}: ${what}`)
      void cleanupAll(log).finally(() => process.exit(130))
    })
  }
}

/** Whether a signal stopped the run (its errors are then the interruption's, not failures). */
export function wasInterrupted (): boolean {
  return interrupted
}
