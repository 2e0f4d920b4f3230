import { availableParallelism } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClassifier } from '../../electron/services/diagnostics/classify'
import { createCredentialBroker } from '../../electron/services/git/credential-broker'
import { createGitOperations, type Target } from '../../electron/services/git/git-operations'
import { createGitRunner } from '../../electron/services/git/git-runner'
import { createLogger, memorySink } from '../../electron/services/logging/logger'
import { createGitSandbox, type GitSandbox } from '../integration/support/git-harness'
import { isolatedGitEnv } from '../support/git-env'
import { startGitServer, type GitServer } from '../support/git-server'
import { storedAccount } from '../support/sample-data'
import { repoDraft } from '../support/world-actions'
import { median, recordFigure } from './harness'

const REPOS = 20
const RUNS = 5
const TOKEN = `ghp_${'B'.repeat(36)}`
const BUDGET_RATIO = 0.5

/**
 * Runs the contenders in alternation (after one warm-up each) and compares each with the last one
 * (the raw sequential loop) round by round: the machine is shared, so load from other processes
 * hits every contender of a round alike. Returns each contender's median and median per-round ratio.
 */
async function alternate(
  contenders: ReadonlyArray<() => Promise<unknown>>,
): Promise<Array<{ readonly ms: number; readonly ratio: number }>> {
  for (const c of contenders) await c()
  const times = contenders.map(() => [] as number[])
  for (let i = 0; i < RUNS; i++)
    for (const [k, c] of contenders.entries()) {
      const t = performance.now()
      await c()
      times[k]?.push(performance.now() - t)
    }
  const base = times[times.length - 1] ?? []
  return times.map((ts) => ({
    ms: Math.round(median(ts)),
    ratio: Math.round(median(ts.map((t, i) => t / (base[i] ?? 1))) * 100) / 100,
  }))
}

describe('bench: test connection of 20 repositories', () => {
  let server: GitServer
  let sandbox: GitSandbox
  beforeAll(async () => {
    server = await startGitServer({
      flavor: 'github',
      credentials: [{ token: TOKEN, kind: 'classic_pat', username: 'octo' }],
      repos: Array.from({ length: REPOS }, (_, i) => ({ name: `acme/r${i}`, commits: 1 })),
    })
    sandbox = await createGitSandbox()
  })
  afterAll(async () => {
    await server.close()
    await sandbox.dispose()
  })

  it(`GitKeys in parallel takes at most ${BUDGET_RATIO}× the raw sequential git ls-remote loop`, async () => {
    const logger = createLogger(memorySink())
    const runner = createGitRunner({
      broker: createCredentialBroker({ logger }),
      env: isolatedGitEnv(),
      logger,
    })
    const operations = createGitOperations({ runner, classify: createClassifier(), logger })
    const host = new URL(server.origin).host
    const account = storedAccount({ id: 'bench', host })
    const targets: Target[] = Array.from({ length: REPOS }, (_, i) => ({
      repository: repoDraft({ id: `r${i}`, remote: server.url(`acme/r${i}`) }),
      account,
      token: TOKEN,
      username: 'octo',
    }))

    const lsRemote = (i: number) =>
      sandbox.git(['ls-remote', '--heads', server.url(`acme/r${i}`)], { auth: { user: 'octo', pass: TOKEN } })
    const indexes = Array.from({ length: REPOS }, (_, i) => i)
    const [gk, rawParallel, raw] = await alternate([
      async () => {
        const rs = await Promise.all(targets.map((t) => operations.testConnection(t)))
        expect(rs.every((r) => r.ok && r.value.ok)).toBe(true)
      },
      // The machine's ceiling: the same raw git calls, all at once.
      async () => expect((await Promise.all(indexes.map(lsRemote))).every((r) => r.code === 0)).toBe(true),
      // The cheapest raw way: one `-c credential.helper` shell function reading the token from the
      // environment (git-harness), one `git ls-remote` after another.
      async () => {
        for (const i of indexes) expect((await lsRemote(i)).code).toBe(0)
      },
    ])
    const ratio = gk?.ratio ?? Number.POSITIVE_INFINITY
    const ok = recordFigure({
      id: 'git.test_connection_20_repos',
      label: `test connection of ${REPOS} repositories (parallel, broker) vs raw sequential git ls-remote`,
      value: ratio,
      unit: '× raw loop',
      comparedWith: `GitKeys ${gk?.ms} ms, raw loop ${raw?.ms} ms; raw git all at once ${rawParallel?.ms} ms (${rawParallel?.ratio}×, this machine's ceiling); medians of ${RUNS} alternating rounds, ratios per round; ${availableParallelism()} cores`,
      budget: { max: BUDGET_RATIO },
    })
    expect(
      ok,
      `ratio ${ratio} (GitKeys ${gk?.ms} ms vs raw ${raw?.ms} ms; raw all at once ${rawParallel?.ratio}×)`,
    ).toBe(true)
  })
})
