import { useEffect, useState } from 'react'

/** Re-renders the component every `ms` (for numbers that change without an event). */
export function useTicker (ms: number): number {
  const [tick, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => { setTick(t => t + 1) }, ms)
    return () => { clearInterval(timer) }
  }, [ms])
  return tick
}

/** Re-renders the component on each of `types` from `target` (e.g. a policy change). */
export function useEvents (target: EventTarget | undefined, types: readonly string[]): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    if (target == null) return
    const bump = (): void => { setVersion(v => v + 1) }
    for (const t of types) target.addEventListener(t, bump)
    return () => { for (const t of types) target.removeEventListener(t, bump) }
  }, [target, types.join(',')])
  return version
}
