import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

const root = fileURLToPath(new URL('.', import.meta.url))
const r = (p: string): string => resolve(root, p)
const alias = { '@shared': r('shared') }

/** Three builds: main (ESM, deps external), preload (one sandbox-safe CJS file), renderer (React). */
export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      rolldownOptions: {
        input: { index: r('electron/main/index.ts') },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      // A sandboxed preload can only require('electron'): bundle everything into one CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: r('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: r('renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      rolldownOptions: { input: { index: r('renderer/index.html') } },
    },
  },
})
