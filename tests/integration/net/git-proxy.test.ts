import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ConnectionResult } from '@shared/domain/git-operation'
import { CANARY } from '../../support/canary'
import { createTestWorld, type TestWorld } from '../../support/test-world'
import { addAccount, must, saveRepo, testConnection } from '../../support/world-actions'
import { startProxy, type TestProxy } from './net-fixtures'

/** The proxy from Settings reaches git: a CONNECT for the remote's host arrives at it, without the token. */
describe('git through the configured proxy', () => {
  let world: TestWorld
  let proxy: TestProxy
  beforeEach(async () => {
    world = await createTestWorld()
    proxy = await startProxy({ refuse: true })
  })
  afterEach(async () => {
    await proxy.close()
    await world.dispose()
  })

  async function githubRepo(): Promise<string> {
    const account = await addAccount(
      world,
      { provider: 'github', deployment: 'cloud', host: 'github.com', tokenKind: 'classic_pat' },
      CANARY,
    )
    const repo = await saveRepo(world, { remote: 'https://github.com/acme/flags.git', accountId: account.id })
    return repo.id
  }

  it('tunnels to the remote host through the proxy and explains the proxy refusal', async () => {
    must(
      await world.dispatcher.dispatch('settings:update', { proxy: proxy.url, noProxy: 'internal.example' }),
    )
    const id = await githubRepo()
    const r = must<ConnectionResult>(await testConnection(world, id))
    expect(r.ok).toBe(false)
    expect(proxy.seen.map((s) => s.target)).toContain('github.com:443')
    expect(JSON.stringify(proxy.seen)).not.toContain(CANARY)
    expect(JSON.stringify(r)).not.toContain(CANARY)
  })

  it('refuses a proxy URL with a password instead of storing it in plain text', async () => {
    const r = await world.dispatcher.dispatch('settings:update', {
      proxy: 'http://bob:hunter2@proxy.example:3128',
    })
    expect(r.ok).toBe(false)
    const issues = r.ok ? [] : (r.error.issues ?? [])
    expect(issues.map((i) => i.path)).toEqual(['proxy'])
    expect(issues[0]?.message).toMatch(/without a user or password/)
    expect(JSON.stringify(r)).not.toContain('hunter2')
    const s = must<{ proxy: string | null }>(await world.dispatcher.dispatch('settings:get', {}))
    expect(s.proxy).toBeNull()
  })

  it('without a proxy setting, nothing reaches the test proxy', async () => {
    const id = await githubRepo()
    await testConnection(world, id)
    expect(proxy.seen).toEqual([])
  })
})
