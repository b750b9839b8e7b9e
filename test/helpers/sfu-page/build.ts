import { build } from 'vite'
import { noNodeBuiltins } from '../../../browser/no-node-builtins.ts'

/** Bundles the SFU test page (index.html + main.ts) into `outDir` with Vite, as the web app is built. */
export async function buildSfuPage (outDir: string): Promise<void> {
  await build({
    root: import.meta.dirname,
    configFile: false,
    logLevel: 'error',
    base: './',
    plugins: [noNodeBuiltins()],
    build: { outDir, emptyOutDir: true, target: 'es2023', sourcemap: false, reportCompressedSize: false, chunkSizeWarningLimit: 5000 }
  })
}
