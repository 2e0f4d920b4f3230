import type { Locator } from '@playwright/test'
import { createBulkWorld } from '../support/bulk-seed'
import { expect, test as base } from './fixtures'

const N = 1000

/** A world with 1,000 accounts and 1,000 repositories, loaded and decrypted the way the app starts. */
const test = base.extend({
  world: async ({}, use) => {
    const world = await createBulkWorld(N)
    await use(world)
    await world.dispose()
  },
})

/** How many rows a virtual list has in the DOM right now. */
const rendered = (list: Locator): Promise<number> => list.getByRole('listitem').count()

test('1,000 accounts and 1,000 repositories: the lists render what is in view, scroll to the end and search', async ({
  app,
}) => {
  test.setTimeout(90_000)
  const { page } = app

  await app.goto('accounts')
  const accounts = page.getByRole('list', { name: 'GitHub accounts' })
  await expect(accounts).toHaveAttribute('data-total', String(N))
  // Labels sort the way people count: Bulk 0, 1, 2 … 998, then Flags bot.
  await expect(accounts.getByText('Bulk 0', { exact: true })).toBeInViewport()
  await expect(accounts.getByRole('listitem').nth(2)).toContainText('Bulk 2')
  expect(await rendered(accounts)).toBeLessThanOrEqual(30)
  await expect(page.getByText(`${N} accounts`)).toBeVisible()

  // Scrolling to the end brings the last account into the DOM, and still only a window of rows.
  await accounts.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  await expect(accounts.getByText('Flags bot', { exact: true })).toBeInViewport()
  await expect(accounts.getByText(`Bulk ${N - 2}`, { exact: true })).toBeInViewport()
  expect(await rendered(accounts)).toBeLessThanOrEqual(30)
  await app.shot('accounts-1000')

  // Search narrows the thousand to the ones that match.
  // Every word must appear: "42" is in the label or the username (user42) of these.
  const with42 = Array.from({ length: N - 1 }, (_, i) => i).filter((i) => String(i).includes('42')).length
  await page.getByTestId('account-search').fill('bulk 42')
  await expect(accounts).toHaveAttribute('data-total', String(with42))
  // A new search starts at the top of its results, not where the long list was scrolled to.
  await expect(accounts.getByText('Bulk 42', { exact: true })).toBeInViewport()

  await app.goto('repositories')
  const repos = page.getByTestId('repositories-list')
  await expect(repos).toHaveAttribute('data-total', String(N))
  expect(await rendered(repos)).toBeLessThanOrEqual(30)
  await repos.evaluate((el) => el.scrollTo({ top: el.scrollHeight }))
  await expect(page.getByTestId(`repo-bulk-repo-${N - 2}`)).toBeInViewport()
  expect(await rendered(repos)).toBeLessThanOrEqual(30)
  await page.getByTestId('repository-search').fill('bulk-42')
  await expect(repos).toHaveAttribute('data-total', '11')
  await expect(page.getByText(`11 of ${N}`)).toBeVisible()
  await expect(page.getByTestId('repo-bulk-repo-42')).toBeInViewport()
  await app.shot('repositories-1000')

  // Home summarises all of it.
  await app.goto('home')
  await expect(page.getByTestId('home-screen')).toContainText(String(N))
})
