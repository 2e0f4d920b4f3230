import { startProviderApi, type ProviderApi } from '../support/provider-api'
import { githubToken, rng } from '../support/token-fixtures'
import { expect, test } from './fixtures'

const next = rng(77)
const GOOD = githubToken(next)
const UNKNOWN = githubToken(next)

let api: ProviderApi
test.beforeAll(async () => {
  api = await startProviderApi({
    flavor: 'github',
    credentials: [
      {
        token: GOOD,
        kind: 'classic_pat',
        username: 'octo',
        scopes: ['repo', 'workflow'],
        expiresAt: '2027-01-31',
      },
    ],
  })
})
test.afterAll(async () => api.close())

test('test a token with the host before saving, take over what it says, then save', async ({
  app,
  world,
  bridge,
}) => {
  const { page } = app
  const host = new URL(api.origin).host
  await app.goto('accounts/new/github')
  await page.getByTestId('deployment-self_hosted').click()
  await page.getByTestId('host-input').fill(host)
  await page.getByTestId('kind-select').selectOption('classic_pat')
  await page.getByTestId('label-input').fill('GHE bot')
  await expect(page.getByTestId('test-token')).toBeDisabled()

  // An API URL on another host would send the token there: refused before anything is sent.
  await page.getByTestId('token-input').fill(GOOD)
  await page.getByTestId('api-url-input').fill('https://collector.example.net/api/v3')
  await expect(page.getByText('which is not 127.0.0.1 or a host beside it')).toBeVisible()
  await expect(page.getByTestId('test-token')).toBeDisabled()
  await expect(page.getByTestId('save-account')).toBeDisabled()
  await page.getByTestId('api-url-input').fill(api.origin)

  // A token the host does not know.
  await page.getByTestId('token-input').fill(UNKNOWN)
  await page.getByTestId('test-token').click()
  await expect(page.getByTestId('token-test-result')).toContainText('does not accept this token')

  // The right one: who it belongs to, its scopes and expiry, taken over into the form.
  await page.getByTestId('token-input').fill(GOOD)
  await page.getByTestId('test-token').click()
  const result = page.getByTestId('token-test-result')
  await expect(result).toContainText('The host accepts this token')
  await expect(result).toContainText('Authenticated as octo')
  await expect(result).toContainText('repo, workflow')
  await expect(result).toContainText('2027-01-31')
  await page.getByTestId('use-host-facts').click()
  await expect(page.getByTestId('expiry-input')).toHaveValue('2027-01-31')
  await expect(page.getByTestId('username-input')).toHaveValue('octo')
  await app.shot('connect-test-token')

  await page.getByTestId('save-account').click()
  await expect(page.getByTestId('accounts-screen')).toBeVisible()
  const saved = world.services.metadata.get().accounts.find((a) => a.label === 'GHE bot')
  expect(saved).toMatchObject({
    host,
    apiUrl: api.origin,
    username: 'octo',
    expiresAt: '2027-01-31',
    scopes: ['repo', 'workflow'],
  })

  // The token went only to the API, in a header, and never back to the page.
  expect(api.requests.every((r) => r.origin === api.origin && r.authorizationPresent)).toBe(true)
  expect(api.requests.some((r) => r.path === '/user')).toBe(true)
  const wire = bridge.wire.join('\n')
  expect(wire).not.toContain(GOOD)
  expect(wire).not.toContain(UNKNOWN)
})
