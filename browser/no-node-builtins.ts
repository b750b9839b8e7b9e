import { builtinModules } from 'node:module'
import type { Plugin } from 'vite'

const BUILTINS = new Set(builtinModules.flatMap(name => [name, `node:${name}`]))

/** Whether an import specifier names a Node built-in (`node:fs`, `fs`, `events`, `fs/promises`, ...). */
export function isNodeBuiltin (specifier: string): boolean {
  return specifier.startsWith('node:') || BUILTINS.has(specifier)
}

/**
 * Fails the build when a Node built-in (`node:fs`, `events`, `crypto`, ...)
 * would end up in the browser bundle, naming each import and its importer,
 * instead of letting Vite swap in an empty stand-in that breaks at run time.
 * A package that maps the built-in to its own browser file (package.json
 * "browser") is fine: only imports that stay a Node built-in are refused. The
 * fix is the dependency's browser entry point or an injected platform piece,
 * never a polyfill.
 */
export function noNodeBuiltins (): Plugin {
  const found = new Map<string, Set<string>>()
  return {
    name: 'swarmcast:no-node-builtins',
    enforce: 'pre',
    apply: 'build',
    buildStart () {
      found.clear()
    },
    async resolveId (source, importer, options) {
      if (!isNodeBuiltin(source)) return null
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true })
      const stillBuiltin = resolved == null || resolved.external !== false || resolved.id.includes('__vite-browser-external') || isNodeBuiltin(resolved.id)
      if (stillBuiltin) {
        const importers = found.get(source) ?? new Set<string>()
        importers.add(shorten(importer ?? '(entry)'))
        found.set(source, importers)
      }
      return resolved
    },
    buildEnd (error) {
      if (error != null || found.size === 0) return
      const lines = [...found].map(([builtin, importers]) => `${builtin} imported by ${[...importers].join(', ')}`)
      this.error(`Node built-ins would end up in the browser bundle; use the dependency's browser entry point or inject the platform piece from browser/ (no polyfills):\n  ${lines.join('\n  ')}`)
    }
  }
}

function shorten (path: string): string {
  return path.replace(/^.*\/node_modules\//, '').replace(/^.*\/work\/[^/]+\//, '')
}
