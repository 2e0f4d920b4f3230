import { githubToken, rng } from '../support/token-fixtures'
import { addAccount, addOctoAccount, repoDraft } from '../support/world-actions'
import { expect, test } from './fixtures'

test('Doctor on a broken configuration, one fix applied, then on the fixed one', async ({
  app,
  world,
  bridge,
}) => {
  const { page } = app
  const a = await addOctoAccount(world, { label: 'CI bot', expiresAt: '2026-11-01' })
  // What an imported config can hold (the forms would refuse it): a web page URL, a bare poll interval.
  await world.services.metadata.update((d) => ({
    ...d,
    repositories: [
      repoDraft({
        id: 'flags',
        remote: 'https://github.com/acme/feature-flags/tree/main',
        accountId: a.id,
        pollInterval: '30',
      }),
    ],
    environments: [
      {
        id: 'production',
        name: 'production',
        default: true,
        repositoryId: 'flags',
        directory: '',
        scm: { type: 'gitlab', apiUrl: null, accountId: a.id, credentialId: null },
        dflow: null,
      },
    ],
  }))
  await app.goto('doctor')
  await page.getByTestId('run-offline').click()
  const findings = page.getByTestId('findings')
  await expect(findings.locator('[data-finding="url.web_ui"]')).toBeVisible()
  await expect(findings.locator('[data-finding="token.expired"]')).toBeVisible()
  await expect(findings.locator('[data-finding="scm.type_mismatch"]')).toBeVisible()
  await expect(page.getByTestId('doctor-path-flags').locator('[data-status="failed"]')).toHaveCount(1)
  await app.shot('doctor-broken')

  await findings.locator('[data-finding="url.web_ui"]').getByRole('button', { name: 'Apply' }).click()
  await expect(findings.locator('[data-finding="url.web_ui"]')).toHaveCount(0)
  expect(world.services.workspace.get().repositories[0]?.remote).toBe(
    'https://github.com/acme/feature-flags.git',
  )

  // The user rotates the token and fixes the rest; the Doctor turns green.
  await world.dispatcher.dispatch('accounts:rotate', {
    id: a.id,
    token: githubToken(rng(11)),
    expiresAt: '2027-06-01',
    everywhere: false,
  })
  await world.services.metadata.update((d) => ({
    ...d,
    repositories: d.repositories.map((r) => ({ ...r, pollInterval: '30s' })),
    environments: d.environments.map((e) => ({
      ...e,
      scm: e.scm ? { ...e.scm, type: 'github' as const } : null,
    })),
  }))
  await page.getByTestId('run-offline').click()
  await expect(findings.locator('[data-severity="error"]')).toHaveCount(0)
  await expect(findings.locator('[data-severity="ok"]').first()).toBeVisible()
  await app.shot('doctor-fixed')
  expect(bridge.wire.join('\n')).not.toContain('CANARY0000')
})

test('paste an error and get the likely causes, ranked, with fixes', async ({ app, world }) => {
  const { page } = app
  await addAccount(
    world,
    {
      provider: 'gitlab',
      deployment: 'cloud',
      host: 'gitlab.com',
      tokenKind: 'personal',
      label: 'GitLab sync',
      expiresAt: '2026-11-20',
    },
    'glpat-AbCdEfGhIjKlMnOpQrSt',
  )
  await app.goto('doctor')
  await page.getByTestId('tab-explain').click()
  await page
    .getByTestId('explain-input')
    .fill(
      "\u001b[31mremote: HTTP Basic: Access denied. If a password was provided for Git authentication, the password was incorrect or you're required to use a token instead of a password.\u001b[0m\r\nfatal: Authentication failed for 'https://gitlab.com/acme/flags.git/'",
    )
  await page.getByTestId('explain-account').selectOption({ label: 'Account: GitLab sync (gitlab.com)' })
  await page.getByTestId('explain-submit').click()
  const x = page.getByTestId('explanation')
  await expect(x).toHaveAttribute('data-category', 'expired_token')
  await expect(page.getByTestId('candidates').locator('.cand')).toHaveCount(5)
  await app.shot('doctor-explain')
})
