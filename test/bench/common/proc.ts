// Machine-wide figures from /proc, for telling a benchmark's own CPU from the shared box's.
import { readFileSync } from 'node:fs'
import { sum } from './numbers.ts'

/** One tick of /proc's CPU times (USER_HZ = 100), µs. */
export const CLOCK_TICK_US = 10_000

/** CPU µs the whole machine spent busy since boot (/proc/stat); NaN where there is none. */
export function hostBusyUs (): number {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number)
    return (sum(f) - f[3]! - f[4]!) * CLOCK_TICK_US
  } catch {
    return NaN
  }
}

/** CPU µs process `pid` has used (user + system, /proc/<pid>/stat); undefined once it is gone. */
export function processCpuUs (pid: number): number | undefined {
  try {
    // the command name (field 2) may hold spaces: count fields from the closing parenthesis
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_US
  } catch {
    return undefined
  }
}
