/**
 * Resolves with `check()`'s first defined result, testing now and after each
 * `type` event on `target`; rejects with the signal's reason when it aborts.
 */
export async function when<T> (target: EventTarget, type: string, check: () => T | undefined, signal: AbortSignal): Promise<T> {
  const now = check()
  if (now !== undefined) return now
  return await new Promise<T>((resolve, reject) => {
    const onEvent = (): void => {
      const value = check()
      if (value === undefined) return
      cleanup()
      resolve(value)
    }
    const onAbort = (): void => {
      cleanup()
      reject(signal.reason)
    }
    const cleanup = (): void => {
      target.removeEventListener(type, onEvent)
      signal.removeEventListener('abort', onAbort)
    }
    target.addEventListener(type, onEvent)
    signal.addEventListener('abort', onAbort)
    if (signal.aborted) onAbort()
  })
}
