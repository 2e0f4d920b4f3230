import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { CANARY, filesContaining } from '../support/canary'
import { atlassianToken, azurePat, githubToken, rng } from '../support/token-fixtures'
import { expect, test } from './fixtures'

const next = rng(7)

type Row = {
  readonly provider: 'github' | 'gitlab' | 'bitbucket' | 'gitea' | 'azure'
  readonly fill: (page: Page) => Promise<void>
  readonly token: string
  readonly label: string
}

const rows: readonly Row[] = [
  {
    provider: 'github',
    label: 'Work GitHub',
    token: CANARY,
    fill: async (page) => {
      await page.getByTestId('kind-select').selectOption('classic_pat')
      await page.getByTestId('username-input').fill('octo')
    },
  },
  {
    provider: 'gitlab',
    label: 'ACME GitLab',
    token: 'glpat-AbCdEfGhIjKlMnOpQrSt',
    fill: async (page) => {
      await page.getByTestId('deployment-self_hosted').click()
      await page.getByTestId('host-input').fill('gitlab.acme.example')
      await page.getByLabel('Relative URL root (optional)').fill('gitlab')
    },
  },
  {
    provider: 'bitbucket',
    label: 'Bitbucket API token',
    token: atlassianToken(next, 'ATATT'),
    fill: async (page) => {
      await page.getByTestId('kind-select').selectOption('api_token')
      await page.getByTestId('username-input').fill('octo-bb')
    },
  },
  {
    provider: 'gitea',
    label: 'Forgejo',
    token: '0123456789abcdef0123456789abcdef01234567',
    fill: async (page) => {
      await page.getByTestId('host-input').fill('git.acme.example')
    },
  },
  {
    provider: 'azure',
    label: 'Azure ACME',
    token: azurePat(next),
    fill: async (page) => {
      await page.getByTestId('azure-location').fill('https://dev.azure.com/acme')
      await page.getByTestId('username-input').fill('dev@acme.example')
    },
  },
]

test('add an account of every provider through its own screen, then rotate and remove', async ({
  app,
  world,
  bridge,
}) => {
  const { page } = app
  await app.goto('accounts')
  await expect(page.getByTestId('accounts-empty')).toBeVisible()
  await app.shot('accounts-empty')

  for (const row of rows) {
    await page.getByTestId('add-account').click()
    await expect(page.getByTestId('provider-chooser')).toBeVisible()
    await page.getByTestId(`choose-${row.provider}`).click()
    const screen = page.getByTestId(`connect-${row.provider}`)
    await expect(screen).toBeVisible()
    await row.fill(page)
    await page.getByTestId('label-input').fill(row.label)
    await page.getByTestId('token-input').fill(row.token)
    await expect(page.getByTestId('token-analysis')).toBeVisible()
    await expect(page.getByTestId('save-account')).toBeEnabled()
    await app.shot(`connect-${row.provider}`)
    await page.getByTestId('save-account').click()
    await expect(page.getByTestId('accounts-screen')).toBeVisible()
    await expect(page.getByTestId(`group-${row.provider}`)).toContainText(row.label)
  }

  // The list shows hints, never the tokens.
  const listText = await page.locator('main').innerText()
  for (const row of rows) expect(listText).not.toContain(row.token)
  await expect(page.getByTestId('group-github')).toContainText(`ghp_…${CANARY.slice(-4)}`)
  await app.shot('accounts-list')

  // Rotate the GitHub token.
  const github = page.getByTestId('group-github')
  await github.getByTestId('rotate').click()
  const rotated = githubToken(next)
  await page.getByTestId('rotate-dialog').getByTestId('token-input').fill(rotated)
  await expect(page.getByTestId('rotate-submit')).toBeEnabled()
  await app.shot('account-rotate')
  await page.getByTestId('rotate-submit').click()
  await expect(page.getByTestId('rotate-dialog')).toBeHidden()
  await expect(github.getByTestId('token-hint')).toHaveText(`ghp_…${rotated.slice(-4)}`)

  // Remove the Forgejo account.
  await page.getByTestId('group-gitea').getByTestId('remove').click()
  await expect(page.getByTestId('remove-dialog')).toContainText('Nothing else uses this account')
  await page.getByTestId('remove-submit').click()
  await expect(page.getByTestId('group-gitea')).toBeHidden()

  // The first token (the canary) was rotated away; it must be nowhere: not in files, logs, IPC or events.
  expect(filesContaining(world.appData)).toEqual([])
  expect(bridge.wire.join('\n')).not.toContain('CANARY0000')
  expect(JSON.stringify(world.events.seen)).not.toContain('CANARY0000')
  expect(readFileSync(`${world.appData}/logs/gitkeys.log`, 'utf8')).not.toContain('CANARY0000')
  for (const row of rows) expect(bridge.wire.join('\n')).not.toContain(row.token)
})

test('the connection screen explains a bad token and a removed kind before anything is saved', async ({
  app,
}) => {
  const { page } = app
  await app.goto('accounts/new/github')
  await page.getByTestId('label-input').fill('Typo')
  await page.getByTestId('token-input').fill(`${CANARY.slice(0, -1)}X`)
  await expect(page.getByTestId('token-analysis')).toContainText('checksum invalid')
  await expect(page.getByTestId('save-account')).toBeDisabled()
  await app.goto('accounts/new/bitbucket')
  const kinds = await page.getByTestId('kind-select').locator('option').allInnerTexts()
  expect(kinds.join('\n')).toMatch(/App password.*\(removed 2026-07-28\)/)
  await page.getByTestId('kind-select').selectOption('access_token')
  await expect(page.getByTestId('username-fixed')).toContainText('x-token-auth')
})

test('“Create token” opens the provider page with the scopes for the chosen use', async ({ app, world }) => {
  const { page } = app
  await app.goto('accounts/new/github')
  await page.getByTestId('kind-select').selectOption('classic_pat')
  await page.getByTestId('use-select').selectOption('read_only')
  await page.getByTestId('create-token').click()
  await expect(page.getByTestId('token-page-note')).toBeVisible()
  expect(world.desktop.opened.at(-1)).toMatch(/^https:\/\/github\.com\/settings\/tokens\/new\?/)
})
