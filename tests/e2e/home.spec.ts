import { startGitServer } from '../support/git-server'
import { CANARY } from '../support/canary'
import { azurePat, rng } from '../support/token-fixtures'
import { addAccount, addOctoAccount, saveRepo, testConnection } from '../support/world-actions'
import { expect, test } from './fixtures'

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

test('the empty Home leads to the first steps', async ({ app }) => {
  await app.goto('home')
  await expect(app.page.getByTestId('home-welcome')).toBeVisible()
  await app.shot('home-empty')
})

test('Home shows expiries, retirements that affect the accounts, and each repository’s last check', async ({
  app,
  world,
}) => {
  const server = await startGitServer({
    flavor: 'github',
    credentials: [{ token: CANARY, kind: 'classic_pat', username: 'octo' }],
    repos: [{ name: 'acme/flags' }],
  })
  const gh = await addOctoAccount(world, {
    host: new URL(server.origin).host,
    label: 'CI bot',
    expiresAt: day(5),
  })
  await addAccount(
    world,
    {
      provider: 'gitlab',
      tokenKind: 'personal',
      host: 'gitlab.com',
      deployment: 'cloud',
      label: 'GitLab sync',
      expiresAt: day(40),
    },
    'glpat-AbCdEfGhIjKlMnOpQrSt',
  )
  await addAccount(
    world,
    {
      provider: 'gitlab',
      tokenKind: 'personal',
      host: 'gitlab.acme.example',
      label: 'Old GitLab',
      expiresAt: day(-2),
    },
    'glpat-ZyXwVuTsRqPoNmLkJiHg',
  )
  await addAccount(
    world,
    {
      provider: 'azure',
      tokenKind: 'pat',
      host: 'dev.azure.com',
      deployment: 'cloud',
      pathPrefix: 'acme',
      label: 'Azure ACME',
      expiresAt: day(70),
    },
    azurePat(rng(3)),
  )
  const ok = await saveRepo(world, { remote: server.url('acme/flags'), accountId: gh.id })
  const broken = await saveRepo(world, { remote: server.url('acme/missing'), accountId: gh.id })
  await testConnection(world, ok.id)
  await testConnection(world, broken.id)
  await app.goto('home')
  const home = app.page.getByTestId('home-screen')
  await expect(home.getByTestId('banner-expired')).toContainText('Old GitLab')
  await expect(home.getByTestId('banner-soon')).toContainText('CI bot')
  await expect(home.getByTestId('retirement-azure.global_pat_removed')).toContainText('2026-12-01')
  await expect(home.getByTestId('expiry-chart')).toBeVisible()
  await expect(home.getByTestId(`home-repo-${ok.id}`)).toContainText('test ok')
  await expect(home.getByTestId(`home-repo-${broken.id}`)).toContainText('failed')
  await app.shot('home')
  await app.shotOf('expiry-chart', 'home-expiry-chart')
  await app.goto('activity')
  await expect(app.page.getByTestId('activity-list')).toContainText('test')
  await app.shot('activity')
  await server.close()
})
