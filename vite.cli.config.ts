import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))
const r = (p: string): string => resolve(root, p)

/**
 * The headless entry points: the `gitkeys` CLI and the portable credential relay. Plain Node >= 20,
 * no Electron; npm dependencies stay external and resolve from node_modules at run time.
 */
export default defineConfig({
  resolve: { alias: { '@shared': r('shared') } },
  define: { __GITKEYS_VERSION__: JSON.stringify(process.env.npm_package_version ?? '0.1.0') },
  build: {
    ssr: true,
    target: 'node20',
    outDir: r('out/cli'),
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    rolldownOptions: {
      input: {
        gitkeys: r('electron/cli/main.ts'),
        'credential-relay': r('electron/credential-helper/main.ts'),
      },
      output: { format: 'esm', entryFileNames: '[name].js', banner: '#!/usr/bin/env node' },
    },
  },
})
