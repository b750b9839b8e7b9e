import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { noNodeBuiltins } from './no-node-builtins.ts'

// The viewer web app: `npm run build` writes browser/dist, which `swarmcast relay` serves.
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [react(), noNodeBuiltins()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: true
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' }
})
