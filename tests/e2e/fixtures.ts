import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { channelNames, eventNames } from '@shared/ipc/contract'
import { installBridgeClient } from '../support/bridge/bridge-client'
import { startBridge, type Bridge } from '../support/bridge/bridge-server'
import { createTestWorld, type TestWorld } from '../support/test-world'

const RENDERER = join(process.cwd(), 'out/renderer')
const SHOTS = join(process.cwd(), 'docs/screenshots')

type Fixtures = { world: TestWorld; bridge: Bridge; app: AppPage }

/** The GitKeys page, opened over the bridge, with a screenshot helper. */
export type AppPage = {
  readonly page: Page
  goto(screen: string): Promise<void>
  /** Saves docs/screenshots/<name>.png: the README's pictures come from here. */
  shot(name: string): Promise<void>
  /** Saves a picture of one element (by test id) as docs/screenshots/<name>.png. */
  shotOf(testId: string, name: string): Promise<void>
}

export const test = base.extend<Fixtures>({
  world: async ({}, use) => {
    const world = await createTestWorld()
    await use(world)
    await world.dispose()
  },
  bridge: async ({ world }, use) => {
    if (!existsSync(join(RENDERER, 'index.html'))) {
      throw new Error('out/renderer is missing: run `npm run build` before the e2e tests.')
    }
    const bridge = await startBridge({ rendererDir: RENDERER, dispatcher: () => world.dispatcher })
    world.events.attach(bridge.events)
    await use(bridge)
    world.events.attach(null)
    await bridge.close()
  },
  app: async ({ page, bridge }, use) => {
    const origin = new URL(bridge.url).origin
    await page.addInitScript(installBridgeClient, {
      origin,
      wsUrl: bridge.wsUrl,
      channels: channelNames,
      events: eventNames,
    })
    const app: AppPage = {
      page,
      async goto(screen) {
        await page.goto(`${origin}/index.html#/${screen}`)
        await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready')
      },
      async shot(name) {
        mkdirSync(SHOTS, { recursive: true })
        await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: false })
      },
      async shotOf(testId, name) {
        mkdirSync(SHOTS, { recursive: true })
        await page.getByTestId(testId).screenshot({ path: join(SHOTS, `${name}.png`) })
      },
    }
    await use(app)
  },
})

export { expect }
