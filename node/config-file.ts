import { readFile } from 'node:fs/promises'
import { parse as parseYaml } from 'yaml'
import type { ParseArgsOptionsConfig } from 'node:util'
import type { ParsedArgs } from './args.ts'

/** A config file that cannot be read or does not fit the command. Exit status 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

/**
 * Reads a JSON or YAML config file whose keys are a command's flag names
 * (`tcp: 7401`, `follow: [ID, ...]`) and fills in every flag the command line
 * did not give and whose environment variable is unset: command line, then
 * environment, then config file, then defaults. Values are then checked by the
 * same code as flags.
 */
export async function applyConfigFile (path: string, args: ParsedArgs, options: ParseArgsOptionsConfig, envNames: Record<string, string>, env: NodeJS.ProcessEnv): Promise<void> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    throw new ConfigError(`cannot read config file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  let config: unknown
  try {
    // YAML is a superset of JSON: one parser reads both
    config = parseYaml(text)
  } catch (err) {
    throw new ConfigError(`config file ${path} is not valid YAML or JSON: ${(err as Error).message.split('\n')[0]}`)
  }
  if (config == null) return
  if (typeof config !== 'object' || Array.isArray(config)) throw new ConfigError(`config file ${path} must hold a mapping of settings, like "tcp: 7401"`)
  const settable = Object.keys(options).filter(k => k !== 'help' && k !== 'config')
  for (const [key, value] of Object.entries(config)) {
    const option = options[key]
    if (option == null || !settable.includes(key)) throw new ConfigError(`config file ${path}: unknown setting "${key}"; known: ${settable.join(', ')}`)
    if (args.values[key] !== undefined) continue
    const envName = envNames[key]
    if (envName != null && env[envName] != null && env[envName] !== '') continue
    const scalar = (v: unknown): string => {
      if (typeof v === 'string' || typeof v === 'number') return String(v)
      throw new ConfigError(`config file ${path}: "${key}" must be ${option.multiple === true ? 'a list of ' : ''}text or a number`)
    }
    if (option.type === 'boolean') {
      if (typeof value !== 'boolean') throw new ConfigError(`config file ${path}: "${key}" must be true or false`)
      args.values[key] = value
    } else if (option.multiple === true) {
      args.values[key] = (Array.isArray(value) ? value : [value]).map(scalar)
    } else {
      args.values[key] = scalar(value)
    }
  }
}
