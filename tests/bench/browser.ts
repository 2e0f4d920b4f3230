import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { channelNames, eventNames } from '@shared/ipc/contract'
import playwrightConfig from '../../playwright.config'
import { installBridgeClient } from '../support/bridge/bridge-client'
import { startBridge, type Bridge } from '../support/bridge/bridge-server'
import type { TestWorld } from '../support/test-world'

const RENDERER = join(process.cwd(), 'out/renderer')

/** The built renderer served over the bridge to a world, in headless Chromium as the e2e suite runs it. */
export type BenchApp = {
  readonly browser: Browser
  readonly origin: string
  /** A fresh browser context with the bridge client installed, and `init` scripts before the app's own. */
  newPage(init?: Array<{ script: (arg: string) => void; arg: string }>): Promise<Page>
  close(): Promise<void>
}

/** Starts the bridge over `world` and launches Chromium with the e2e suite's options. */
export async function openBenchApp(world: TestWorld): Promise<BenchApp> {
  if (!existsSync(join(RENDERER, 'index.html')))
    throw new Error('out/renderer is missing: run `npm run build` first.')
  const bridge: Bridge = await startBridge({ rendererDir: RENDERER, dispatcher: () => world.dispatcher })
  world.events.attach(bridge.events)
  const launch = playwrightConfig.use?.launchOptions ?? {}
  const browser = await chromium.launch({
    ...launch,
    executablePath: process.env.CHROMIUM_PATH ?? launch.executablePath ?? '/usr/bin/chromium',
    headless: true,
  })
  const origin = new URL(bridge.url).origin
  const viewport = playwrightConfig.use?.viewport ?? { width: 1280, height: 800 }
  return {
    browser,
    origin,
    async newPage(init = []) {
      const ctx = await browser.newContext({ viewport })
      const page = await ctx.newPage()
      await page.addInitScript(installBridgeClient, {
        origin,
        wsUrl: bridge.wsUrl,
        channels: channelNames,
        events: eventNames,
      })
      for (const i of init) await page.addInitScript(i.script, i.arg)
      return page
    },
    async close() {
      await browser.close()
      world.events.attach(null)
      await bridge.close()
    },
  }
}

/** Marks in page time (ms after navigation start), set by an init script as the DOM changes. */
export type Marks = { ready?: number; data?: number; dcl?: number }

/** Runs before the app's scripts: records when the app says it is ready and when data first shows. */
export function installMarks(selector: string): void {
  const marks: Marks = {}
  Object.defineProperty(window, '__gitkeysMarks', { value: marks })
  const check = (): void => {
    if (marks.ready === undefined && document.documentElement.dataset.appState === 'ready')
      marks.ready = performance.now()
    if (marks.data === undefined && document.querySelector(selector)) marks.data = performance.now()
  }
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-app-state'],
  })
  document.addEventListener('DOMContentLoaded', () => (marks.dcl = performance.now()))
}
