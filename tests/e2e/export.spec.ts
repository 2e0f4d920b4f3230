import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { CANARY, canaryFragments } from '../support/canary'
import type { TestWorld } from '../support/test-world'
import { seedExportWorkspace } from '../support/world-actions'
import { expect, test } from './fixtures'

const leaks = (text: string): string[] => canaryFragments().filter((f) => text.includes(f))

/** An account (the canary token), its repository and two environments mapped to dFlow. */
const seed = (world: TestWorld) => seedExportWorkspace(world, { dflow: true })

test('export: formats and token modes update the preview; inline is masked and confirmed; save and copy', async ({
  app,
  world,
  bridge,
}) => {
  const { page } = app
  const { staging } = await seed(world)
  await app.goto('export')

  const card = page.getByTestId('preview-card')
  const preview = page.getByTestId('export-preview')
  await expect(card).toHaveAttribute('data-format', 'flipt')
  await expect(card).toHaveAttribute('data-secrets', 'env')
  await expect(preview).toContainText('access_token: ${env:GITHUB_TOKEN}')
  await expect(preview).toContainText('directory: staging')
  await expect(page.getByTestId('env-template')).toContainText('GITHUB_TOKEN=')
  await expect(page.getByTestId('export-warnings')).toBeVisible()
  await app.shot('export-flipt')

  // The env template has its own copy button: names only, no values.
  await page.getByTestId('copy-env-template').click()
  await expect(page.getByTestId('copy-env-template')).toHaveText('Copied')
  // Copy goes through main (the renderer never holds the clipboard text it did not show).
  expect(world.desktop.clipboard.at(-1)).toMatch(/^GITHUB_TOKEN=$/m)

  // A subset of environments, then all again.
  await page.getByTestId(`env-pick-${staging}`).uncheck()
  await expect(page.getByTestId('env-all')).not.toBeChecked()
  await expect(preview).not.toContainText('directory: staging')
  await page.getByTestId('env-all').check()
  await expect(preview).toContainText('directory: staging')

  // File mode: secret-file references and the files Flipt will read.
  await page.getByTestId('mode-file').check()
  await expect(card).toHaveAttribute('data-secrets', 'file')
  await expect(preview).toContainText('access_token: ${secret:file:github-token}')
  await expect(page.getByTestId('secret-files')).toContainText('github-token')
  await expect(page.getByTestId('env-template')).toHaveCount(0)

  // Inline: the preview shows a hint in place of the token, and copying is off.
  await page.getByTestId('mode-inline').check()
  await expect(card).toHaveAttribute('data-secrets', 'inline')
  await expect(page.getByTestId('preview-masked')).toBeVisible()
  await expect(preview.locator('[data-masked]')).toHaveText('<secret ghp_…IfHI hidden in the preview>')
  await expect(page.getByTestId('export-warnings')).toContainText('This file contains tokens')
  await expect(page.getByTestId('export-copy')).toBeDisabled()
  await expect(page.getByTestId('copy-off-why')).toBeVisible()

  // Saving inline asks first; the dialog traps focus and gives it back on Escape.
  const save = page.getByTestId('export-save')
  await save.click()
  const dialog = page.getByRole('dialog', { name: 'Write tokens into the file?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('inline-understood')).toBeFocused()
  await expect(dialog.getByTestId('inline-confirm-save')).toBeDisabled()
  await expect(dialog).toContainText('ghp_…IfHI')
  await dialog.getByTestId('inline-understood').check()
  await expect(dialog.getByTestId('inline-confirm-save')).toBeEnabled()
  await app.shot('export-inline-confirm')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(save).toBeFocused()

  // Confirmed, the inline file holds the token, mode 0600.
  const inlinePath = join(world.root, 'flipt-inline.yml')
  world.dialogs.nextSave = inlinePath
  await save.click()
  await dialog.getByTestId('inline-understood').check()
  await dialog.getByTestId('inline-confirm-save').click()
  await expect(page.getByTestId('saved-path')).toHaveText(inlinePath)
  expect(readFileSync(inlinePath, 'utf8')).toContain(CANARY)
  expect(statSync(inlinePath).mode & 0o777).toBe(0o600)

  // Env mode saves a 0600 file with references only.
  await page.getByTestId('mode-env').check()
  await expect(card).toHaveAttribute('data-secrets', 'env')
  await expect(page.getByTestId('export-saved')).toHaveCount(0)
  const path = join(world.root, 'flipt.config.yml')
  world.dialogs.nextSave = path
  await save.click()
  await expect(page.getByTestId('saved-path')).toHaveText(path)
  await expect(page.getByTestId('export-saved')).toContainText('File mode 0600')
  expect(statSync(path).mode & 0o777).toBe(0o600)
  const saved = readFileSync(path, 'utf8')
  expect(saved).toContain('${env:GITHUB_TOKEN}')
  expect(leaks(saved)).toEqual([])

  // Copy goes through main; the clipboard gets references only.
  const copies = world.desktop.clipboard.length
  await page.getByTestId('export-copy').click()
  await expect(page.getByTestId('export-copied')).toBeVisible()
  expect(world.desktop.clipboard.slice(copies)).toHaveLength(1)
  expect(world.desktop.clipboard.at(-1)).toContain('${env:GITHUB_TOKEN}')
  expect(leaks(world.desktop.clipboard.join('\n'))).toEqual([])

  // dFlow: one section per App Service; no tokens modes to choose.
  await page.getByTestId('format-dflow').click()
  await expect(page.getByTestId('format-dflow')).toHaveAttribute('aria-pressed', 'true')
  await expect(card).toHaveAttribute('data-format', 'dflow')
  await expect(preview).toContainText('flags-api-staging')
  await expect(page.getByTestId('secret-mode')).toHaveCount(0)
  await app.shot('export-dflow')

  // git: credential settings, no environments needed.
  await page.getByTestId('format-git').click()
  await expect(card).toHaveAttribute('data-format', 'git')
  await expect(preview).toContainText('[credential "https://github.com"]')
  await expect(page.getByTestId('environment-picker')).toHaveCount(0)

  // Nothing secret reached the page.
  expect(leaks(bridge.wire.join('\n'))).toEqual([])
  expect(leaks(await page.content())).toEqual([])
})

test('export: the format buttons and token modes work from the keyboard', async ({ app, world }) => {
  const { page } = app
  await seed(world)
  await app.goto('export')
  await expect(page.getByTestId('preview-card')).toHaveAttribute('data-secrets', 'env')
  await page.getByTestId('mode-env').focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByTestId('mode-file')).toBeChecked()
  await expect(page.getByTestId('preview-card')).toHaveAttribute('data-secrets', 'file')
  await page.getByTestId('format-flipt').focus()
  await page.keyboard.press('Tab')
  await expect(page.getByTestId('format-dflow')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('preview-card')).toHaveAttribute('data-format', 'dflow')
})

test('export: with no environments, the empty state leads to Environments and Import', async ({ app }) => {
  const { page } = app
  await app.goto('export')
  const empty = page.getByTestId('export-empty')
  await expect(empty).toBeVisible()
  await expect(empty.getByRole('link', { name: 'Add an environment' })).toHaveAttribute(
    'href',
    '#/environments',
  )
  await app.shot('export-empty')
  await page.getByTestId('format-git').click()
  await expect(page.getByTestId('preview-card')).toHaveAttribute('data-format', 'git')
  await page.getByTestId('format-flipt').click()
  await empty.getByRole('link', { name: 'Import a Flipt config' }).click()
  await expect(page.getByTestId('import-screen')).toBeVisible()
})
