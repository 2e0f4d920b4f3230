import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Repository } from '@shared/domain/repository'
import { startGitServer, type GitServer } from '../../support/git-server'
import { isolatedGitEnv } from '../../support/git-env'
import { storedAccount } from '../../support/sample-data'
import { repoDraft } from '../../support/world-actions'
import { createClassifier } from '../../../electron/services/diagnostics/classify'
import { createCredentialBroker } from '../../../electron/services/git/credential-broker'
import { createGitOperations, type Target } from '../../../electron/services/git/git-operations'
import { createGitRunner } from '../../../electron/services/git/git-runner'
import { createLogger, memorySink } from '../../../electron/services/logging/logger'
import { createRepositoryProber } from '../../../electron/services/probes/repository-prober'

const GOOD = `ghp_${'G'.repeat(36)}`
const READER = `ghp_${'R'.repeat(36)}`
const BB = `ATCTT3xFfGN0${'x'.repeat(40)}=ABCDEF12`

function engine(maxConcurrent = 8) {
  const logger = createLogger(memorySink())
  const runner = createGitRunner({
    broker: createCredentialBroker({ logger }),
    env: isolatedGitEnv(),
    logger,
    maxConcurrent,
  })
  const operations = createGitOperations({
    runner,
    classify: createClassifier(),
    logger,
    timeouts: { connectMs: 8000, idleMs: 4000 },
  })
  return { runner, prober: createRepositoryProber({ operations }) }
}

describe('repository probe (ls-remote + push --dry-run through the broker)', () => {
  let github: GitServer
  let bitbucket: GitServer
  beforeAll(async () => {
    github = await startGitServer({
      flavor: 'github',
      credentials: [
        { token: GOOD, kind: 'classic_pat', username: 'octo' },
        { token: READER, kind: 'fine_grained_pat', username: 'octo', readOnly: true },
      ],
      repos: [{ name: 'acme/flags', commits: 2, branches: ['main', 'dev'] }],
    })
    bitbucket = await startGitServer({
      flavor: 'bitbucket_cloud',
      credentials: [{ token: BB, kind: 'access_token' }],
      repos: [{ name: 'acme/flags', commits: 1 }],
    })
  })
  afterAll(async () => {
    await Promise.all([github.close(), bitbucket.close()])
  })

  const target = (
    server: GitServer,
    token: string,
    over: Partial<Repository> = {},
    username = 'octo',
  ): Target => {
    const host = new URL(server.origin).host
    const provider = server.flavor === 'github' ? 'github' : 'bitbucket'
    return {
      repository: repoDraft({ id: 'default', remote: server.url('acme/flags'), ...over }),
      account: storedAccount({
        id: 'probe',
        provider,
        host,
        tokenKind: provider === 'github' ? 'classic_pat' : 'access_token',
      }),
      token,
      username,
    }
  }

  it('a writer with the right branch: every step ok', async () => {
    const r = await engine().prober.probe('storage.default', target(github, GOOD))
    expect(r).toMatchObject({
      subject: 'storage.default',
      ok: true,
      category: null,
      auth: { status: 'ok' },
      branch: { status: 'ok' },
      write: { status: 'ok' },
      failure: null,
    })
    expect(r.ms).toBeGreaterThan(0)
  })

  it('a wrong token fails at auth and the write probe is not run', async () => {
    const before = github.requests.filter((q) => q.service === 'git-receive-pack').length
    const r = await engine().prober.probe('storage.default', target(github, `ghp_${'W'.repeat(36)}`))
    expect(r.ok).toBe(false)
    expect(['bad_credentials', 'credentials_missing', 'expired_token']).toContain(r.category)
    expect(r.auth.status).toBe('failed')
    expect(r.write.status).toBe('skipped')
    expect(github.requests.filter((q) => q.service === 'git-receive-pack').length).toBe(before)
  })

  it('a read-only token authenticates but fails the write step', async () => {
    const r = await engine().prober.probe('storage.default', target(github, READER))
    expect(r).toMatchObject({
      ok: false,
      auth: { status: 'ok' },
      branch: { status: 'ok' },
      write: { status: 'failed' },
    })
    expect(['insufficient_scope', 'repo_not_found_or_no_access']).toContain(r.category)
  })

  it('a missing branch is branch_not_found, and the write probe still says whether pushing works', async () => {
    const r = await engine().prober.probe('storage.default', target(github, GOOD, { branch: 'release' }))
    expect(r).toMatchObject({
      ok: false,
      category: 'branch_not_found',
      branch: { status: 'failed' },
      write: { status: 'ok' },
    })
  })

  it('an SSH remote is refused before git runs', async () => {
    const r = await engine().prober.probe(
      'storage.default',
      target(github, GOOD, { remote: 'git@github.com:acme/flags.git' }),
    )
    expect(r).toMatchObject({ ok: false, auth: { status: 'skipped' } })
    expect(r.failure?.title).toMatch(/https/)
  })

  it('Bitbucket access token with Flipt’s x-token-auth username', async () => {
    const r = await engine().prober.probe('storage.bb', target(bitbucket, BB, {}, 'x-token-auth'))
    expect(r.ok).toBe(true)
    expect(bitbucket.requests.some((q) => q.username === 'x-token-auth' && q.passwordMatched)).toBe(true)
  })

  it('many probes in parallel never run more git processes than the runner allows', async () => {
    const { runner, prober } = engine(2)
    let peak = 0
    const timer = setInterval(() => (peak = Math.max(peak, runner.load().active)), 2)
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => prober.probe(`storage.s${i}`, target(github, GOOD))),
    )
    clearInterval(timer)
    expect(results.every((r) => r.ok)).toBe(true)
    expect(peak).toBeGreaterThan(0)
    expect(peak).toBeLessThanOrEqual(2)
  })
})
