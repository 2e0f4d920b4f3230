import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('.', import.meta.url))
const alias = { '@shared': resolve(root, 'shared') }

/** Two Vitest projects: fast pure unit tests, and integration tests with real git, disks and processes. */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/support/fast-check-seed.ts'],
          environment: 'node',
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          setupFiles: ['tests/support/fast-check-seed.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          server: { deps: { inline: ['electron-store'] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'bench',
          include: ['tests/bench/**/*.bench.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          server: { deps: { inline: ['electron-store'] } },
        },
      },
    ],
  },
})
