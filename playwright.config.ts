import { defineConfig, devices } from '@playwright/test'

/**
 * End-to-end tests of the built renderer in Debian's Chromium, driven over the loopback test bridge
 * (tests/support/bridge) with the real dispatcher and services behind it.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.GITKEYS_PW_JSON
    ? [['list'], ['json', { outputFile: process.env.GITKEYS_PW_JSON }]]
    : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
})
