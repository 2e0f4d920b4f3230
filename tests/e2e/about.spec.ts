import { execFileSync } from 'node:child_process'
import { expect, test } from './fixtures'

test('the About screen shows the real versions over the bridge', async ({ app }) => {
  await app.goto('about')
  const screen = app.page.getByTestId('about-screen')
  await expect(screen.getByRole('heading', { name: 'About GitKeys' })).toBeVisible()
  await expect(screen.getByTestId('app-version')).toHaveText('GitKeys 0.1.0')
  const gitVersion = /(\d+(?:\.\d+)+)/.exec(execFileSync('git', ['--version'], { encoding: 'utf8' }))?.[1]
  await expect(screen.getByTestId('git-version')).toHaveText(gitVersion ?? 'unknown')
  await expect(screen.getByTestId('runtimes')).toContainText(process.versions.node)
  await expect(screen.getByTestId('platform')).toContainText(process.platform)
  await app.shot('about')
})

test('the page has no Node: require, process and module are undefined', async ({ app }) => {
  await app.goto('about')
  const types = await app.page.evaluate(() => {
    const g = globalThis as Record<string, unknown>
    return {
      require: typeof g.require,
      process: typeof g.process,
      module: typeof g.module,
      Buffer: typeof g.Buffer,
    }
  })
  expect(types).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
  })
})

test('window.gitkeys is frozen and holds only the contract functions', async ({ app }) => {
  await app.goto('about')
  const shape = await app.page.evaluate(() => {
    const api = (window as unknown as { gitkeys: { invoke: object; on: object } }).gitkeys
    return {
      top: Object.keys(api).sort(),
      frozen: Object.isFrozen(api) && Object.isFrozen(api.invoke) && Object.isFrozen(api.on),
      invoke: Object.entries(api.invoke).map(([k, v]) => `${k}:${typeof v}`),
    }
  })
  expect(shape.top).toEqual(['invoke', 'on'])
  expect(shape.frozen).toBe(true)
  expect(shape.invoke).toContain('app:info:function')
  expect(shape.invoke.every((e) => e.endsWith(':function'))).toBe(true)
})

test('the Content-Security-Policy blocks inline script', async ({ app }) => {
  await app.goto('about')
  const ran = await app.page.evaluate(async () => {
    const violations: string[] = []
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective))
    const s = document.createElement('script')
    s.textContent = 'window.__inlineRan = true'
    document.body.appendChild(s)
    await new Promise((r) => setTimeout(r, 50))
    return { ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, violations }
  })
  expect(ran.ran).toBe(false)
  expect(ran.violations.join(' ')).toContain('script-src')
})
