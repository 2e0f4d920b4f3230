import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ActivityEntry } from '@shared/domain/activity'
import { ACTIVITY_LIMIT } from '../../../electron/services/activity/activity.service'
import { CANARY, filesContaining } from '../../support/canary'
import { startGitServer } from '../../support/git-server'
import { createTestWorld, type TestWorld } from '../../support/test-world'
import { addAccount, must, saveRepo, testConnection } from '../../support/world-actions'

describe('activity log, dashboard and expiry reminders', () => {
  let world: TestWorld
  afterEach(() => world.dispose())

  it('records which account and fingerprint served each operation, redacted, and exports it', async () => {
    const server = await startGitServer({
      flavor: 'github',
      credentials: [{ token: CANARY, kind: 'classic_pat', username: 'octo' }],
      repos: [{ name: 'acme/flags' }],
    })
    world = await createTestWorld()
    const account = await addAccount(
      world,
      { provider: 'github', tokenKind: 'classic_pat', username: 'octo', host: new URL(server.origin).host },
      CANARY,
    )
    const repo = await saveRepo(world, { remote: server.url('acme/flags'), accountId: account.id })
    await testConnection(world, repo.id)
    await world.dispatcher.dispatch('accounts:rotate', {
      id: account.id,
      token: 'ghp_0000000000000000000000000000003KhHNi',
      everywhere: false,
    })
    await testConnection(world, repo.id)
    const { entries } = must<{ entries: ActivityEntry[] }>(
      await world.dispatcher.dispatch('activity:list', {}),
    )
    expect(entries.map((e) => e.op)).toEqual(['test', 'account_rotate', 'test', 'account_add'])
    const [afterRotate, , before] = entries
    expect(before).toMatchObject({
      outcome: 'ok',
      accountId: account.id,
      fingerprint: account.secret.fingerprint,
    })
    expect(afterRotate).toMatchObject({ outcome: 'failed', accountId: account.id })
    expect(afterRotate?.fingerprint).not.toBe(account.secret.fingerprint)
    expect(afterRotate?.category).toBeTruthy()

    await world.services.activity.flush()
    const dest = join(world.root, 'activity.jsonl')
    world.dialogs.nextSave = dest
    expect(must<{ entries: number }>(await world.dispatcher.dispatch('activity:export', {})).entries).toBe(4)
    expect(readFileSync(dest, 'utf8').trim().split('\n')).toHaveLength(4)
    expect(filesContaining(world.root)).toEqual([])
    await server.close()
  })

  it('keeps at most the limit, dropping the oldest', async () => {
    world = await createTestWorld()
    for (let i = 0; i < ACTIVITY_LIMIT + 25; i++)
      world.services.activity.record({
        op: 'test',
        subject: `r${i}`,
        accountId: null,
        fingerprint: null,
        outcome: 'ok',
        category: null,
        ms: 1,
      })
    await world.services.activity.flush()
    const all = world.services.activity.list({ limit: 5000 })
    expect(all).toHaveLength(ACTIVITY_LIMIT)
    expect(all.at(-1)?.subject).toBe('r25')
  })

  it('redacts a token that slips into an entry’s detail', async () => {
    world = await createTestWorld()
    await addAccount(
      world,
      {
        provider: 'github',
        tokenKind: 'classic_pat',
        username: 'octo',
        host: 'github.com',
        deployment: 'cloud',
      },
      CANARY,
    )
    world.services.activity.record({
      op: 'test',
      subject: 'x',
      accountId: null,
      fingerprint: null,
      outcome: 'failed',
      category: null,
      ms: null,
      detail: `remote said ${CANARY}`,
    })
    await world.services.activity.flush()
    expect(JSON.stringify(world.services.activity.list())).not.toContain('CANARY0000')
    expect(readFileSync(join(world.appData, 'activity.json'), 'utf8')).not.toContain('CANARY0000')
  })

  it('notifies once a day about tokens expiring within the configured days, and not when turned off', async () => {
    world = await createTestWorld()
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)
    await addAccount(
      world,
      { provider: 'gitea', tokenKind: 'pat', host: 'git.example.test', label: 'Soon', expiresAt: soon },
      'a'.repeat(40),
    )
    await addAccount(
      world,
      {
        provider: 'gitea',
        tokenKind: 'pat',
        host: 'git.example.test',
        label: 'Later',
        expiresAt: '2099-01-01',
      },
      'b'.repeat(40),
    )
    expect(await world.services.notifier.check()).toEqual(['gitea-soon'])
    expect(world.notifications[0]?.title).toBe('Token expires soon: Soon')
    expect(await world.services.notifier.check()).toEqual([])
    must(await world.dispatcher.dispatch('settings:update', { expiryWarningDays: 2 }))
    const w2 = await world.restart()
    expect(await w2.services.notifier.check()).toEqual([])
    must(await w2.dispatcher.dispatch('settings:update', { notifications: false }))
  })
})
