import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import playwrightConfig from '../../playwright.config'
import { createTestWorld, type TestWorld } from '../support/test-world'
import { addAccount, saveRepo } from '../support/world-actions'
import { installMarks, openBenchApp, type BenchApp, type Marks } from './browser'
import { median, recordFigure } from './harness'

const SEEDED = 20
const RUNS = 5
const BUDGET_MS = 1500
/** The first element that carries data the app fetched: a repository row of the Home screen. */
const DATA_SELECTOR = '[data-testid^="home-repo-"]'

/** A server of one empty HTML page: the floor any page load on this machine pays. */
async function blankServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
    res.end('<!doctype html><html><head><title>blank</title></head><body></body></html>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }
}

describe('bench: time to interactive of the Home screen', () => {
  let world: TestWorld
  let app: BenchApp
  let blank: { url: string; server: Server }
  beforeAll(async () => {
    world = await createTestWorld()
    for (let i = 0; i < SEEDED; i++) {
      const provider = i % 2 ? 'github' : 'gitlab'
      const host = i % 2 ? 'github.com' : 'gitlab.com'
      const a = await addAccount(
        world,
        {
          provider,
          host,
          deployment: 'cloud',
          tokenKind: i % 2 ? 'classic_pat' : 'personal',
          label: `Bench ${i}`,
          expiresAt: new Date(Date.now() + (i * 5 - 10) * 86_400_000).toISOString().slice(0, 10),
        },
        i % 2 ? `ghp_${String(i).padStart(36, '0')}` : `glpat-${String(i).padStart(20, '0')}`,
      )
      await saveRepo(world, { remote: `https://${host}/acme/flags-${i}.git`, accountId: a.id })
    }
    app = await openBenchApp(world)
    blank = await blankServer()
  })
  afterAll(async () => {
    await app.close()
    await new Promise<void>((resolve) => blank.server.close(() => resolve()))
    await world.services.activity.flush()
    await world.dispose()
  })

  it(`Home shows its data within ${BUDGET_MS} ms of navigation start (median of ${RUNS}, fresh context each)`, async () => {
    const viewport = playwrightConfig.use?.viewport ?? { width: 1280, height: 800 }
    const samples: Array<Required<Marks>> = []
    const floor: number[] = []
    for (let run = 0; run <= RUNS; run++) {
      const page = await app.newPage([{ script: installMarks, arg: DATA_SELECTOR }])
      await page.goto(`${app.origin}/index.html#/home`)
      await page.locator('html[data-app-state="ready"]').waitFor()
      await page.locator(DATA_SELECTOR).first().waitFor({ state: 'visible' })
      const marks = await page.evaluate(() => (window as unknown as { __gitkeysMarks: Marks }).__gitkeysMarks)
      expect(await page.locator(DATA_SELECTOR).count()).toBe(SEEDED)
      await page.context().close()

      const bctx = await app.browser.newContext({ viewport })
      const bpage = await bctx.newPage()
      await bpage.goto(blank.url, { waitUntil: 'load' })
      const loaded = await bpage.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
        return nav?.loadEventEnd ?? performance.now()
      })
      await bctx.close()
      // Run 0 warms the disk cache and the browser process; it is not counted.
      if (run === 0) continue
      if (marks.ready === undefined || marks.data === undefined || marks.dcl === undefined)
        throw new Error(`marks missing: ${JSON.stringify(marks)}`)
      samples.push({ ready: marks.ready, data: marks.data, dcl: marks.dcl })
      floor.push(loaded)
    }
    const r = (n: number): number => Math.round(n)
    const data = r(median(samples.map((m) => m.data)))
    const ok = recordFigure({
      id: 'renderer.tti_home',
      label: `Time to interactive, Home with ${SEEDED} accounts and ${SEEDED} repositories (headless Chromium over the bridge)`,
      value: data,
      unit: 'ms',
      comparedWith: `a blank page loads in ${r(median(floor))} ms; DOMContentLoaded ${r(median(samples.map((m) => m.dcl)))} ms, app ready ${r(median(samples.map((m) => m.ready)))} ms, first repository row ${data} ms; medians of ${RUNS}`,
      budget: { max: BUDGET_MS },
    })
    expect(ok).toBe(true)
  })
})
