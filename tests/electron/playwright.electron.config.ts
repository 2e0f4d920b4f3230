import { defineConfig } from '@playwright/test'

/** The packaged-shell layer: Playwright `_electron` against the built app. Skips without a binary. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/electron',
  workers: 1,
  timeout: 60_000,
  reporter: process.env.GITKEYS_PW_JSON
    ? [['list'], ['json', { outputFile: process.env.GITKEYS_PW_JSON }]]
    : [['list']],
})
