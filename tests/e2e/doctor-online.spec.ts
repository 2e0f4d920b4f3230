import { CANARY } from '../support/canary'
import { startGitServer, type GitServer } from '../support/git-server'
import { addOctoAccount, saveRepo } from '../support/world-actions'
import { expect, test } from './fixtures'

const REPOS = ['acme/flags', 'acme/payments-flags', 'acme/search-flags', 'acme/mobile-flags']

let server: GitServer
test.beforeAll(async () => {
  server = await startGitServer({
    flavor: 'github',
    api: true,
    credentials: [{ token: CANARY, kind: 'classic_pat', username: 'octo', scopes: ['repo'] }],
    repos: REPOS.map((name) => ({ name, branches: ['main'] })),
    // A host a little way off: every request answers 150 ms late, so the run takes a visible while.
    latencyMs: 150,
  })
})
test.afterAll(() => server.close())

test('Doctor online: progress counts the probes as they finish, then every storage has its result', async ({
  app,
  world,
  bridge,
}) => {
  const { page } = app
  const a = await addOctoAccount(world, {
    host: new URL(server.origin).host,
    apiUrl: `${server.origin}/api/v3`,
    label: 'Flags bot',
  })
  for (const name of REPOS) await saveRepo(world, { remote: server.url(name), accountId: a.id })
  await app.goto('doctor')
  // Every value the bar shows is recorded in the page, so no step is missed between two polls.
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { doctorSeen: string[] }).doctorSeen = seen
    new MutationObserver(() => {
      const bar = document.querySelector('[data-testid="doctor-progress"]')
      if (bar) seen.push(`${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`)
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  })
  await page.getByTestId('run-online').click()
  const bar = page.getByTestId('doctor-progress')
  await expect(bar).toBeVisible()
  await expect(page.getByText(/Probing hosts… \d of 5/)).toBeVisible()
  const step = () =>
    page.evaluate(() =>
      (window as unknown as { doctorSeen: string[] }).doctorSeen.some((s) => /^[1-4]\//.test(s)),
    )
  await expect.poll(step, { timeout: 30_000 }).toBe(true)
  if (await bar.isVisible()) await app.shot('doctor-online-progress')
  await expect(page.getByTestId('doctor-summary')).toBeVisible({ timeout: 30_000 })
  await expect(bar).toHaveCount(0)

  const seen = await page.evaluate(() => (window as unknown as { doctorSeen: string[] }).doctorSeen)
  // One API probe for the account and one git probe per repository: 5 steps, counted up in order.
  expect(seen.every((s) => s.endsWith('/5'))).toBe(true)
  const counts = [...new Set(seen.map((s) => Number(s.split('/')[0])))]
  expect(counts).toEqual([...counts].sort((x, y) => x - y))
  expect(counts.some((n) => n > 0 && n < 5)).toBe(true)
  for (const name of REPOS) {
    const id = name.split('/')[1] ?? ''
    await expect(page.getByTestId(`doctor-path-${id}`)).toBeVisible()
  }
  expect(bridge.wire.join('\n')).not.toContain('CANARY0000')
})
