import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account } from '@shared/domain/account'
import type { ConnectionResult } from '@shared/domain/git-operation'
import type { Repository } from '@shared/domain/repository'
import { bulkToken as tokenFor, seedBulk } from '../../support/bulk-seed'
import { aesKey } from '../../support/fake-ciphers'
import { startGitServer, type GitServer } from '../../support/git-server'
import { createTestWorld, type TestWorld } from '../../support/test-world'
import { addAccount, must, opId, saveRepo } from '../../support/world-actions'

/**
 * Issue 8.4: 1,000 accounts and 1,000 repositories. 100 of each go through the dispatcher (the path
 * the UI takes); the other 900 are written to the metadata store and the vault file in one go, as
 * an import or years of use would leave them. Then: a restart loads and decrypts all of it, the
 * list channels and the Doctor answer with all of it, and 50 test connections at once stay under the
 * git runner's concurrency limit. The timings are printed here; their budgets are figures in
 * tests/bench (load.bench.test.ts), where a loaded machine cannot fail the suite.
 */

const N = 1000
const VIA_DISPATCHER = 100
const CONCURRENT_TESTS = 50
/** createGitRunner's default `maxConcurrent` (electron/services/git/git-runner.ts). */
const RUNNER_LIMIT = 8

const TOKEN = `ghp_${'L'.repeat(36)}`
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now()
  const value = await work()
  return { value, ms: Math.round(performance.now() - t) }
}

describe(`load: ${N} accounts and ${N} repositories`, () => {
  const key = aesKey()
  let server: GitServer
  let world: TestWorld
  let session: TestWorld | undefined
  const times: Record<string, number> = {}
  const live = (): TestWorld => {
    if (!session) throw new Error('the restarted session is missing (see beforeAll)')
    return session
  }
  let gitRepos: Repository[] = []

  beforeAll(async () => {
    server = await startGitServer({
      flavor: 'github',
      credentials: [{ token: TOKEN, kind: 'classic_pat', username: 'octo' }],
      repos: [{ name: 'acme/flags', commits: 2 }],
    })
    world = await createTestWorld({ key })
    const host = new URL(server.origin).host

    // Through the dispatcher: 100 accounts (one bound to the git server) and 100 repositories.
    const t = performance.now()
    const gitAccount = await addAccount(
      world,
      { provider: 'github', tokenKind: 'classic_pat', username: 'octo', host, label: 'Load git' },
      TOKEN,
    )
    const viaUi: Account[] = [gitAccount]
    for (let i = 1; i < VIA_DISPATCHER; i++)
      viaUi.push(
        await addAccount(
          world,
          {
            provider: i % 2 ? 'github' : 'gitlab',
            tokenKind: i % 2 ? 'classic_pat' : 'personal',
            host: i % 2 ? 'github.com' : 'gitlab.com',
            deployment: 'cloud',
            label: `Dispatcher ${i}`,
            expiresAt: day((i % 120) - 10),
          },
          i % 2 ? tokenFor(i) : `glpat-${String(i).padStart(20, 'x')}`,
        ),
      )
    for (let i = 0; i < VIA_DISPATCHER; i++) {
      const other = viaUi[i] ?? gitAccount
      gitRepos.push(
        await saveRepo(
          world,
          i < CONCURRENT_TESTS
            ? { remote: server.url('acme/flags'), accountId: gitAccount.id }
            : { remote: `https://${other.host}/acme/ui-${i}.git`, accountId: other.id },
        ),
      )
    }
    times['100 adds + 100 saves through the dispatcher'] = Math.round(performance.now() - t)
    gitRepos = gitRepos.slice(0, CONCURRENT_TESTS)

    // In one go: 900 more accounts with their tokens in the vault file, and 900 repositories.
    const seeded = await timed(() =>
      seedBulk(world, { key, count: N - VIA_DISPATCHER, templateId: viaUi[1]?.id }),
    )
    session = seeded.value
    times[`900 more written in one go, then a restart that decrypts ${N}`] = seeded.ms
  })

  afterAll(async () => {
    console.log(
      `load timings (ms):\n${Object.entries(times)
        .map(([k, v]) => `  ${k.padEnd(58)} ${String(v).padStart(6)}`)
        .join('\n')}`,
    )
    await server.close()
    await session?.services.activity.flush()
    await world.services.activity.flush()
    await world.dispose()
  })

  it('a restart loads every account and decrypts every token', async () => {
    const accounts = must<{ accounts: Account[] }>(
      await live().dispatcher.dispatch('accounts:list', {}),
    ).accounts
    expect(accounts).toHaveLength(N)
    expect(accounts.filter((a) => a.secret.state !== 'stored')).toEqual([])
    expect(live().services.vault.knownSecrets()).toHaveLength(N)
  })

  it.each(['accounts:list', 'workspace:get', 'dashboard:get', 'vault:status', 'activity:list'] as const)(
    '%s answers, every time, with all of it',
    async (channel) => {
      await live().dispatcher.dispatch(channel, {})
      const runs: number[] = []
      let bytes = 0
      for (let i = 0; i < 5; i++) {
        const { value, ms } = await timed(() => live().dispatcher.dispatch(channel, {}))
        expect(value.ok).toBe(true)
        bytes = JSON.stringify(value).length
        runs.push(ms)
      }
      const med = [...runs].sort((a, b) => a - b)[2] ?? 0
      times[`${channel} (median of 5; ${Math.round(bytes / 1024)} KiB)`] = med
    },
  )

  it('the Doctor checks every account and repository offline', async () => {
    const { value, ms } = await timed(() =>
      live().dispatcher.dispatch('doctor:run', { scope: { kind: 'all' }, online: false }),
    )
    const result = must<{ findings: Array<{ id: string }>; paths: Array<{ repositoryId: string }> }>(value)
    times[`doctor:run all, offline (${result.findings.length} findings)`] = ms
    const doc = live().services.metadata.get()
    // Every repository gets its connection path; every GitHub token here was made without a valid
    // checksum, so each one decrypted and analysed shows up as a finding.
    expect(new Set(result.paths.map((p) => p.repositoryId))).toEqual(
      new Set(doc.repositories.map((r) => r.id)),
    )
    expect(result.findings.filter((f) => f.id === 'token.checksum_invalid')).toHaveLength(
      doc.accounts.filter((a) => a.provider === 'github').length,
    )
  })

  it('workspace:get and dashboard:get see all 1,000 repositories', async () => {
    const ws = must<{ repositories: Repository[] }>(await live().dispatcher.dispatch('workspace:get', {}))
    expect(ws.repositories).toHaveLength(N)
    const d = must<{ repositories: unknown[]; providers: Array<{ count: number }> }>(
      await live().dispatcher.dispatch('dashboard:get', {}),
    )
    expect(d.repositories).toHaveLength(N)
    expect(d.providers.reduce((n, p) => n + p.count, 0)).toBe(N)
  })

  it(`${CONCURRENT_TESTS} test connections at once all finish, never more than ${RUNNER_LIMIT} git processes at a time`, async () => {
    let maxActive = 0
    let maxWaiting = 0
    const { runner } = live().services
    const sample = (): void => {
      const l = runner.load()
      maxActive = Math.max(maxActive, l.active)
      maxWaiting = Math.max(maxWaiting, l.waiting)
    }
    const sampler = setInterval(sample, 2)
    const { value: results, ms } = await timed(() =>
      Promise.all(
        gitRepos.map(async (r) => {
          const res = await live().dispatcher.dispatch('git:test', {
            repositoryId: r.id,
            operationId: opId(),
          })
          sample()
          return res
        }),
      ),
    )
    clearInterval(sampler)
    times[`${CONCURRENT_TESTS} git:test at once (max ${maxActive} running, ${maxWaiting} waiting)`] = ms
    expect(results.map((r) => must<ConnectionResult>(r).ok)).toEqual(
      Array.from({ length: CONCURRENT_TESTS }, () => true),
    )
    expect(maxActive).toBeLessThanOrEqual(RUNNER_LIMIT)
    expect(maxActive).toBeGreaterThan(1)
    expect(maxWaiting).toBeGreaterThan(0)
    expect(live().services.runner.load()).toEqual({ active: 0, waiting: 0 })
  })
})
