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
import { LOOPBACK, recordVersusRawGit, RTT_40MS, type NetworkScenario, type VersusRawGit } from './harness'

const REPOS = 20
const TOKEN = `ghp_${'B'.repeat(36)}`
/** The goal, with a Git host at a realistic distance. */
const GOAL = 0.5
/** Loopback regression guard: a bit above what this shared 2-core machine measures (about 0.6-0.75×). */
const LOOPBACK_BUDGET = 0.85

describe('bench: test connection of 20 repositories', () => {
  let server: GitServer
  let sandbox: GitSandbox
  let contenders: VersusRawGit
  beforeAll(async () => {
    server = await startGitServer({
      flavor: 'github',
      credentials: [{ token: TOKEN, kind: 'classic_pat', username: 'octo' }],
      repos: Array.from({ length: REPOS }, (_, i) => ({ name: `acme/r${i}`, commits: 1 })),
    })
    sandbox = await createGitSandbox()
    const logger = createLogger(memorySink())
    const runner = createGitRunner({
      broker: createCredentialBroker({ logger }),
      env: isolatedGitEnv(),
      logger,
    })
    const operations = createGitOperations({ runner, classify: createClassifier(), logger })
    const account = storedAccount({ id: 'bench', host: new URL(server.origin).host })
    const targets: Target[] = Array.from({ length: REPOS }, (_, i) => ({
      repository: repoDraft({ id: `r${i}`, remote: server.url(`acme/r${i}`) }),
      account,
      token: TOKEN,
      username: 'octo',
    }))
    // The cheapest raw way: one `-c credential.helper` shell function reading the token from the
    // environment (git-harness), no broker, no socket.
    const lsRemote = (i: number) =>
      sandbox.git(['ls-remote', '--heads', server.url(`acme/r${i}`)], { auth: { user: 'octo', pass: TOKEN } })
    const indexes = Array.from({ length: REPOS }, (_, i) => i)
    contenders = {
      gitkeys: async () => {
        const rs = await Promise.all(targets.map((t) => operations.testConnection(t)))
        expect(rs.every((r) => r.ok && r.value.ok)).toBe(true)
      },
      rawAllAtOnce: async () =>
        expect((await Promise.all(indexes.map(lsRemote))).every((r) => r.code === 0)).toBe(true),
      rawLoop: async () => {
        for (const i of indexes) expect((await lsRemote(i)).code).toBe(0)
      },
    }
  })
  afterAll(async () => {
    await server.close()
    await sandbox.dispose()
  })

  const figure = (scenario: NetworkScenario, budget: number) =>
    recordVersusRawGit({
      id: 'git.test_connection_20_repos',
      what: `test connection of ${REPOS} repositories (parallel, broker)`,
      server,
      scenario,
      contenders,
      budget,
    })

  it(`on loopback (0 ms), GitKeys takes at most ${LOOPBACK_BUDGET}× the raw sequential git ls-remote loop`, async () => {
    const r = await figure(LOOPBACK, LOOPBACK_BUDGET)
    expect(r.ok, r.message).toBe(true)
  })

  it(`with a 40 ms round trip, GitKeys takes at most ${GOAL}× the raw sequential git ls-remote loop`, async () => {
    const r = await figure(RTT_40MS, GOAL)
    expect(r.ok, r.message).toBe(true)
  })
})
