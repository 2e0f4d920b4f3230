import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Account } from '@shared/domain/account'
import { CANARY, canaryFragments } from '../support/canary'
import { must, saveRepo } from '../support/world-actions'
import { expect, test } from './fixtures'

const leaks = (text: string): string[] => canaryFragments().filter((f) => text.includes(f))

/**
 * A real-world config (GitHub sync plus server/auth sections GitKeys does not model) as people often
 * have it: the token written inline, and a poll interval without a unit.
 */
const realWorld = (): string =>
  readFileSync(join(process.cwd(), 'tests/fixtures/flipt/real-world/01-github-server-auth.yaml'), 'utf8')
    .replace('${env:GITHUB_TOKEN}', CANARY)
    .replace('poll_interval: 30s', 'poll_interval: 30')

test('import: paste, preview problems, kept keys, the inline token and the diff; apply moving the token', async ({
  app,
  world,
  bridge,
}) => {
  const { page } = app
  const legacy = await saveRepo(world, { remote: 'https://github.com/acme/legacy-flags.git' })
  await app.goto('import')
  await expect(page.getByTestId('import-source')).toBeVisible()
  await expect(page.getByTestId('import-preview-text')).toBeDisabled()

  await page.getByTestId('import-text').fill(realWorld())
  await page.getByTestId('import-preview-text').click()
  const preview = page.getByTestId('import-preview')
  await expect(preview).toBeVisible()
  // The pasted text (and its token) is gone from the page once main has it.
  await expect(page.getByTestId('import-text')).toHaveCount(0)

  await expect(page.getByTestId('import-source-name')).toHaveText('pasted text')
  await expect(page.getByTestId('import-counts')).toContainText('1')
  const problems = page.getByTestId('import-problems')
  await expect(problems).toContainText('storage.default.poll_interval')
  await expect(problems).toContainText('has no unit')
  const kept = page.getByTestId('import-unmodelled')
  for (const key of ['log', 'server', 'authentication']) await expect(kept).toContainText(key)
  await expect(page.getByTestId('pending-hint')).toHaveText('ghp_…IfHI')
  await expect(page.getByTestId('move-secrets')).toBeChecked()
  await app.shot('import-preview')

  const diff = page.getByTestId('import-diff')
  const repos = diff.getByTestId('diff-repositories')
  await expect(repos.locator('[data-change="added"]')).toContainText('default')
  await expect(repos.locator('[data-change="removed"]')).toContainText(legacy.id)
  await expect(repos.locator('[data-change="removed"]')).toContainText('removed')
  await expect(diff.getByTestId('diff-credentials').locator('[data-change="added"]')).toContainText('github')
  await expect(diff.getByTestId('diff-flipt')).toContainText('sections kept as written')
  await diff.getByTestId('diff-repositories').scrollIntoViewIfNeeded()
  await app.shot('import-diff')

  // Applying removes a repository, so it asks first; Cancel is focused and Escape backs out.
  await page.getByTestId('import-apply').click()
  const confirm = page.getByRole('dialog', { name: 'Remove 1 item from your workspace?' })
  await expect(confirm).toContainText(`repository ${legacy.id}`)
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(confirm).toBeHidden()
  await expect(page.getByTestId('import-apply')).toBeFocused()
  await page.getByTestId('import-apply').click()
  await confirm.getByTestId('import-confirm-apply').click()

  const applied = page.getByTestId('import-applied')
  await expect(applied).toBeVisible()
  await expect(applied.getByRole('heading', { name: 'Import applied' })).toBeFocused()
  await expect(page.getByTestId('applied-repositories')).toHaveText('1')
  await expect(page.getByTestId('applied-accounts')).toContainText('1 account created')
  await app.shot('import-applied')

  // The token went to the vault; the renderer only ever saw its hint.
  const { accounts } = must<{ accounts: Account[] }>(await world.dispatcher.dispatch('accounts:list', {}))
  expect(accounts.map((a) => a.secret.hint)).toEqual(['ghp_…IfHI'])
  const secret = world.services.accounts.secretFor(accounts[0]?.id ?? '')
  expect(secret.ok && secret.value.token).toBe(CANARY)
  const ws = world.services.workspace.get()
  expect(ws.repositories.map((r) => r.id)).toEqual(['default'])
  expect(leaks(bridge.wire.join('\n'))).toEqual([])
  expect(leaks(await page.content())).toEqual([])

  await page.getByTestId('go-repositories').click()
  await expect(page).toHaveURL(/#\/repositories$/)
})

test('import: open a file through the dialog; keep tokens pending when not moved', async ({ app, world }) => {
  const { page } = app
  const path = join(world.root, 'flipt.yml')
  writeFileSync(path, realWorld())
  await app.goto('import')

  world.dialogs.nextOpen = null
  await page.getByTestId('import-open-file').click()
  await expect(page.getByTestId('import-open-file')).toBeEnabled()
  await expect(page.getByTestId('import-preview')).toHaveCount(0)

  world.dialogs.nextOpen = path
  await page.getByTestId('import-open-file').click()
  await expect(page.getByTestId('import-source-name')).toHaveText(path)
  await page.getByTestId('move-secrets').uncheck()
  await page.getByTestId('import-apply').click()
  await expect(page.getByTestId('applied-accounts')).toHaveText('no token moved')
  await expect(page.getByTestId('import-applied')).toContainText('1 credential has no token yet')
  expect(
    must<{ accounts: Account[] }>(await world.dispatcher.dispatch('accounts:list', {})).accounts,
  ).toEqual([])

  await page.getByTestId('import-again').click()
  await expect(page.getByTestId('import-source')).toBeVisible()
})
