import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { addOctoAccount, saveEnv, saveRepo } from '../support/world-actions'
import { expect, test, type AppPage } from './fixtures'

const SCREENS = [
  'home',
  'accounts',
  'accounts/new',
  'accounts/new/github',
  'accounts/new/bitbucket',
  'accounts/new/azure',
  'repositories',
  'repositories/new',
  'environments',
  'environments/new',
  'export',
  'import',
  'activity',
  'about',
]

async function seed(world: Parameters<Parameters<typeof test>[2]>[0]['world']): Promise<void> {
  const a = await addOctoAccount(world, { label: 'Work', expiresAt: '2026-12-03' })
  const r = await saveRepo(world, { remote: 'https://github.com/acme/feature-flags.git', accountId: a.id })
  await saveEnv(world, { name: 'production', default: true, repositoryId: r.id })
}

async function audit(app: AppPage, page: Page, screen: string): Promise<string[]> {
  await app.goto(screen)
  await expect(page.locator('main section').first()).toBeVisible()
  // Audit the screen as it settles, not mid-update (a slow machine shows more of the in-between).
  await expect(page.locator('[aria-busy="true"], [data-state="loading"]')).toHaveCount(0)
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ${JSON.stringify(v.nodes[0]?.any[0]?.message)} ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    )
}

test('no serious or critical axe violation on any screen, light theme', async ({ app, world, page }) => {
  await seed(world)
  const found: string[] = []
  for (const s of SCREENS) found.push(...(await audit(app, page, s)))
  expect(found).toEqual([])
})

test('no serious or critical axe violation on any screen, dark theme', async ({ app, world, page }) => {
  await seed(world)
  await page.emulateMedia({ colorScheme: 'dark' })
  const found: string[] = []
  for (const s of SCREENS) found.push(...(await audit(app, page, s)))
  expect(found).toEqual([])
  await app.goto('home')
  await app.shot('home-dark')
  await app.goto('accounts/new/gitlab')
  await app.shot('connect-gitlab-dark')
})

test('keyboard: skip link, navigation by Tab, visible focus', async ({ app, page }) => {
  await app.goto('about')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused()
  await page.keyboard.press('Tab')
  const first = page.locator(':focus')
  await expect(first).toHaveAttribute('href', '#/home')
  const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle)
  expect(outline).not.toBe('none')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('accounts-screen')).toBeVisible()
})

test('dialogs trap focus, close on Escape and give focus back', async ({ app, world, page }) => {
  await addOctoAccount(world, { label: 'Work' })
  await app.goto('accounts')
  const rotate = page.getByTestId('rotate')
  await rotate.focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByTestId('rotate-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('token-input')).toBeFocused()
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Tab')
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true)
  }
  await page.keyboard.press('Shift+Tab')
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true)
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(rotate).toBeFocused()
})
