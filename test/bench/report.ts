import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Row {
  [column: string]: string | number
}

/** Prints `rows` as an aligned table and writes them, with `meta`, to test/bench/results/NAME.json. */
export function report (name: string, rows: Row[], meta: Record<string, unknown> = {}): string {
  const columns = [...new Set(rows.flatMap(r => Object.keys(r)))]
  const cell = (v: string | number | undefined): string => typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : (v ?? '')
  const widths = columns.map(c => Math.max(c.length, ...rows.map(r => cell(r[c]).length)))
  const line = (values: string[]): string => values.map((v, i) => v.padEnd(widths[i]!)).join('  ')
  const table = [line(columns), line(widths.map(w => '-'.repeat(w))), ...rows.map(r => line(columns.map(c => cell(r[c]))))].join('\n')
  process.stdout.write(`\n${name}\n${table}\n`)
  const dir = join(import.meta.dirname, 'results')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${name}.json`)
  writeFileSync(file, JSON.stringify({ name, date: new Date().toISOString(), ...meta, rows }, null, 2) + '\n')
  process.stdout.write(`written to ${file}\n`)
  return table
}

export function median (values: number[]): number {
  const s = [...values].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}
