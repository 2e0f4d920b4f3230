import { join } from 'node:path'
import { startGitServer, type GitServer } from '../support/git-server'
import { CANARY, filesContaining } from '../support/canary'
import { addAccount, addOctoAccount, pickFolder, saveRepo } from '../support/world-actions'
import { expect, test } from './fixtures'

let server: GitServer
test.beforeAll(async () => {
  server = await startGitServer({
    flavor: 'github',
    credentials: [{ token: CANARY, kind: 'classic_pat', username: 'octo' }],
    repos: [{ name: 'acme/feature-flags', commits: 400, branches: ['main', 'staging'] }],
    // About 3 s of transfer (a 170 KiB pack in 1 KiB steps), so progress is seen on any machine.
    faults: [{ kind: 'slowDrip', bytes: 1024, everyMs: 20, method: 'POST', path: /upload-pack/ }],
  })
})
test.afterAll(() => server.close())

test('add a repository, test it green, clone it with progress, then see a failure explained', async ({
  app,
  world,
  bridge,
}) => {
  const { page } = app
  const account = await addOctoAccount(world, { host: new URL(server.origin).host, label: 'Flags bot' })
  await app.goto('repositories')
  await expect(page.getByTestId('repositories-empty')).toBeVisible()
  await app.shot('repositories-empty')

  await page.getByTestId('add-repository').click()
  await page.getByTestId('remote-input').fill(server.url('acme/feature-flags'))
  await page.getByTestId('account-select').selectOption(account.id)
  const clones = join(world.root, 'clones')
  const { mkdirSync } = await import('node:fs')
  mkdirSync(clones)
  world.dialogs.next = clones
  await page.getByTestId('browse-folder').click()
  await expect(page.getByTestId('local-path')).toContainText('feature-flags')
  await app.shot('repository-editor')
  await page.getByTestId('save-repository').click()

  const row = page.getByTestId('repo-feature-flags')
  const panel = page.getByTestId('op-panel')
  await expect(row).toBeVisible()
  await row.getByTestId('test-connection').click()
  await expect(panel.getByTestId('op-connection')).toHaveAttribute('data-ok', 'true')
  await expect(panel.locator('[data-hop="auth"]')).toHaveAttribute('data-status', 'ok')
  await expect(panel.locator('[data-hop="branch"]')).toHaveAttribute('data-status', 'ok')
  await app.shot('repository-test-ok')

  // Every value the bar shows is recorded in the page, so a fast clone cannot slip between two polls.
  await page.evaluate(() => {
    const seen: number[] = []
    ;(window as unknown as { progressSeen: number[] }).progressSeen = seen
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('[role="progressbar"]'))
        seen.push(Number(bar.getAttribute('aria-valuenow')))
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  })
  const seen = () => page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen)
  await row.getByTestId('clone').click()
  await expect.poll(async () => (await seen()).some((v) => v > 0 && v < 100), { timeout: 30_000 }).toBe(true)
  if (await panel.getByRole('progressbar').isVisible()) await app.shot('repository-clone-progress')
  await expect(panel.getByTestId('op-done')).toBeVisible({ timeout: 60_000 })

  // A branch that does not exist: the failing hop is marked and the fix offers a real branch.
  await world.dispatcher.dispatch('repositories:save', {
    repository: { ...world.services.workspace.get().repositories[0], branch: 'release' },
  })
  await row.getByTestId('test-connection').click()
  await expect(panel.getByTestId('op-failure')).toContainText('Branch “release” does not exist')
  await expect(panel.locator('[data-hop="branch"]')).toHaveAttribute('data-status', 'failed')
  await app.shot('repository-test-failure')
  await panel.getByRole('button', { name: 'Apply' }).first().click()
  await expect(panel.getByTestId('op-connection')).toHaveAttribute('data-ok', 'true')

  // The token never reached the page, the files or the clone.
  expect(bridge.wire.join('\n')).not.toContain('CANARY0000')
  expect(filesContaining(world.root)).toEqual([])
})

test('a wrong token is explained as an authentication failure at the sign-in hop', async ({ app, world }) => {
  const { page } = app
  const account = await addAccount(
    world,
    {
      provider: 'github',
      tokenKind: 'classic_pat',
      username: 'octo',
      host: new URL(server.origin).host,
      label: 'Old token',
    },
    'ghp_0000000000000000000000000000003KhHNi',
  )
  await pickFolder(world, join(world.root, 'c'))
  await saveRepo(world, { remote: server.url('acme/feature-flags'), accountId: account.id })
  await app.goto('repositories')
  const row = page.getByTestId('repo-feature-flags')
  const panel = page.getByTestId('op-panel')
  await row.getByTestId('test-connection').click()
  await expect(panel.locator('[data-hop="auth"]')).toHaveAttribute('data-status', 'failed')
  await expect(panel.getByTestId('op-failure')).toBeVisible()
  await app.shot('repository-auth-failure')
})

test('add environments for the repository', async ({ app, world }) => {
  const { page } = app
  const account = await addOctoAccount(world, { host: new URL(server.origin).host })
  await saveRepo(world, { remote: server.url('acme/feature-flags'), accountId: account.id })
  await app.goto('environments')
  await expect(page.getByTestId('environments-empty')).toBeVisible()
  await page.getByTestId('add-environment').click()
  await expect(page.getByTestId('env-name')).toHaveValue('production')
  await page.getByTestId('env-directory').fill('production')
  await page.getByTestId('env-scm').check()
  await app.shot('environment-editor')
  await page.getByTestId('save-environment').click()
  await expect(page.getByTestId('env-production')).toContainText('default')
  await page.getByTestId('add-environment').click()
  await page.getByTestId('env-name').fill('staging')
  await page.getByTestId('env-directory').fill('production')
  await expect(page.getByTestId('save-environment')).toBeDisabled()
  await page.getByTestId('env-directory').fill('staging')
  await page.getByTestId('save-environment').click()
  await expect(page.getByTestId('env-staging')).toBeVisible()
  await app.shot('environments')
})
