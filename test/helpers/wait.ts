/** Polls `condition` until it holds; throws with `what` after `timeoutMs`. For state with no event to await. */
export async function waitFor (condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000, intervalMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, intervalMs))
  }
}

/** Resolves with the first event of `type` on `target`, or rejects after `timeoutMs`. */
export async function nextEvent<T> (target: EventTarget, type: string, timeoutMs = 10_000, filter: (detail: T) => boolean = () => true): Promise<T> {
  return await new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => { target.removeEventListener(type, on); reject(new Error(`no "${type}" event within ${timeoutMs} ms`)) }, timeoutMs)
    const on = (evt: Event): void => {
      const detail = (evt as CustomEvent<T>).detail
      if (!filter(detail)) return
      clearTimeout(timer)
      target.removeEventListener(type, on)
      resolve(detail)
    }
    target.addEventListener(type, on)
  })
}
