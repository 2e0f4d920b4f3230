import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { electronBinary } from './electron-binary'

const binary = electronBinary()
if ('reason' in binary) console.log(`tests/electron skipped: ${binary.reason}`)
test.skip('reason' in binary, 'reason' in binary ? binary.reason : '')

let app: ElectronApplication
let page: Page
let userData = ''

test.beforeAll(async () => {
  if ('reason' in binary) return
  userData = mkdtempSync(join(tmpdir(), 'gitkeys-electron-'))
  app = await electron.launch({
    executablePath: binary.path,
    args: [join(process.cwd(), 'out/main/index.js')],
    env: { ...process.env, GITKEYS_USER_DATA_DIR: userData, GIT_CONFIG_NOSYSTEM: '1', HOME: userData },
  })
  page = await app.firstWindow()
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
})

test.afterAll(async () => {
  await app?.close()
  if (userData) rmSync(userData, { recursive: true, force: true })
})

test('the window is sandboxed: no Node in the page, only window.gitkeys', async () => {
  const types = await page.evaluate(() => {
    const g = globalThis as Record<string, unknown>
    return [typeof g.require, typeof g.process, typeof g.module, typeof g.gitkeys]
  })
  expect(types).toEqual(['undefined', 'undefined', 'undefined', 'object'])
})

test('the app:// protocol serves the bundle and nothing outside it', async () => {
  const statuses = await page.evaluate(async () => {
    const get = async (u: string) => (await fetch(u)).status
    return [await get('app://gitkeys/index.html'), await get('app://gitkeys/..%2f..%2fetc%2fpasswd')]
  })
  expect(statuses).toEqual([200, 404])
})

test('About shows the Electron and Chromium versions', async () => {
  await page.evaluate(() => (window.location.hash = '#/about'))
  await expect(page.getByTestId('runtimes')).toContainText('Electron')
})

test('window.open and navigation away are refused', async () => {
  const before = app.windows().length
  await page.evaluate(() => window.open('https://example.com'))
  await page.evaluate(() => (window.location.href = 'https://example.com/'))
  await expect.poll(() => page.url()).toContain('app://gitkeys/')
  expect(app.windows().length).toBe(before)
})
