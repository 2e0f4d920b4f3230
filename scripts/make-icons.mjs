#!/usr/bin/env node
// Renders resources/icon.svg to the PNG sizes the packaging targets need (Linux icon set, the
// 1024 px source electron-builder turns into .icns and .ico). Run after changing the SVG.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'

const root = join(import.meta.dirname, '..')
const svg = readFileSync(join(root, 'resources/icon.svg'), 'utf8')
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
const page = await browser.newPage()
for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
  await page.setViewportSize({ width: size, height: size })
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="width:${size}px;height:${size}px;display:block" `)}</body></html>`,
  )
  const file = join(root, 'resources/icons', `${size}x${size}.png`)
  await page.screenshot({ path: file, omitBackground: true })
  if (size === 1024) await page.screenshot({ path: join(root, 'resources/icon.png'), omitBackground: true })
}
await browser.close()
console.log('icons written to resources/icons and resources/icon.png')
