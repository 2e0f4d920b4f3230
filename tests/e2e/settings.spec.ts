import { expect, test } from './fixtures'

test('Settings: a proxy with a password is refused with a reason, a plain one is saved for git', async ({
  app,
  world,
}) => {
  const { page } = app
  await app.goto('settings')
  await expect(page.getByTestId('settings-screen')).toBeVisible()
  const save = page.getByTestId('settings-save')
  await expect(save).toBeDisabled()

  await page.getByTestId('settings-proxy').fill('http://bob:hunter2@proxy.corp.example:3128')
  await save.click()
  await expect(page.getByRole('alert').filter({ hasText: 'without a user or password' })).toBeVisible()
  expect(world.services.metadata.get().settings.proxy).toBeNull()

  await page.getByTestId('settings-proxy').fill('http://proxy.corp.example:3128')
  await page.getByTestId('settings-no-proxy').fill('.corp.example,git.internal')
  await save.click()
  await expect(page.getByTestId('settings-saved')).toBeVisible()
  const settings = world.services.metadata.get().settings
  expect(settings.proxy).toBe('http://proxy.corp.example:3128')
  expect(settings.noProxy).toBe('.corp.example,git.internal')

  await page.getByTestId('settings-warn-days').fill('21')
  await expect.poll(() => world.services.metadata.get().settings.expiryWarningDays).toBe(21)
  await app.shot('settings')

  // Kept across a reload: the form shows what main has.
  await page.reload()
  await app.goto('settings')
  await expect(page.getByTestId('settings-proxy')).toHaveValue('http://proxy.corp.example:3128')
})
