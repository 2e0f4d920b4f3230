import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { GitServer } from '../../support/git-server'
import { FLAVOR_CASES, T } from './flavor-cases'
import { createGitSandbox, type GitSandbox } from './git-harness'

const SECRETS = Object.values(T)

describe.each(FLAVOR_CASES)('$flavor git server, driven by real git', (c) => {
  let server: GitServer
  let sb: GitSandbox
  const local = () => `${sb.dir}/local`
  const missing = c.repo.replace(/[^/]+$/, 'nope')

  beforeAll(async () => {
    ;[server, sb] = await Promise.all([c.start(), createGitSandbox()])
    await sb.git(['init', '-q', 'local'])
    await sb.git(
      ['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'probe'],
      {
        cwd: local(),
      },
    )
  })
  afterAll(async () => {
    // Nothing the server recorded may contain a secret (the records are for sweeps and assertions).
    const recorded = JSON.stringify([server.requests, server.redirectTarget.requests])
    for (const s of SECRETS) expect(recorded).not.toContain(s)
    await Promise.all([server.close(), sb.dispose()])
  })

  it('lists refs for the right username and records which credential matched', async () => {
    const run = await sb.git(['ls-remote', server.url(c.repo)], { auth: c.good })
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/\trefs\/heads\/main\n/)
    expect(run.stdout).toMatch(/\trefs\/heads\/dev\n/)
    const last = server.requests.at(-1)
    expect(last).toMatchObject({ passwordMatched: true, status: 200, outcome: 'ok' })
    expect(last?.credentialIndex).not.toBeNull()
  })

  it('pushes a new branch with a token that may write', async () => {
    const run = await sb.git(['push', '-q', server.url(c.repo), 'HEAD:refs/heads/gk-probe'], {
      auth: c.good,
      cwd: local(),
    })
    expect(run.code, run.stderr).toBe(0)
    const ls = await sb.git([
      '--git-dir',
      server.repoDir(c.repo),
      'show-ref',
      '--verify',
      'refs/heads/gk-probe',
    ])
    expect(ls.code).toBe(0)
  })

  const wrong = c.wrongUser
  if (wrong)
    it('refuses a username the provider does not accept for that token', async () => {
      const run = await sb.git(['ls-remote', server.url(c.repo)], { auth: wrong.auth })
      expect(run.code).toBe(128)
      for (const re of wrong.stderr) expect(run.stderr).toMatch(re)
    })

  const anyUser = c.anyUser
  if (anyUser)
    it('accepts any username where the provider ignores it', async () => {
      const run = await sb.git(['ls-remote', server.url(c.repo)], { auth: anyUser })
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
    })

  it('refuses a push with a read-only token, with the provider text', async () => {
    const run = await sb.git(['push', server.url(c.repo), 'HEAD:refs/heads/denied'], {
      auth: c.readOnly.auth,
      cwd: local(),
    })
    expect(run.code).toBe(128)
    for (const re of c.readOnly.stderr) expect(run.stderr).toMatch(re)
    expect(server.requests.at(-1)).toMatchObject({ service: 'git-receive-pack', outcome: 'read_only' })
  })

  it('answers a missing repository the provider way', async () => {
    const run = await sb.git(['ls-remote', server.url(missing)], { auth: c.good })
    expect(run.code).toBe(128)
    for (const re of c.missing) expect(run.stderr).toMatch(re)
  })

  it('lets git report a missing branch', async () => {
    const run = await sb.git(['fetch', server.url(c.repo), 'no-such-branch'], { auth: c.good, cwd: local() })
    expect(run.code).toBe(128)
    expect(run.stderr).toMatch(/^fatal: couldn't find remote ref no-such-branch$/m)
  })

  it('rejects an expired or removed token with the provider text', async () => {
    const run = await sb.git(['ls-remote', server.url(c.repo)], { auth: c.expired.auth })
    expect(run.code).toBe(128)
    for (const re of c.expired.stderr) expect(run.stderr).toMatch(re)
    expect(server.requests.at(-1)?.outcome).toMatch(/^(expired|removed)$/)
  })

  it('challenges an anonymous request with the provider realm, and git cannot prompt', async () => {
    const run = await sb.git(['ls-remote', server.url(c.repo)])
    expect(run.stderr).toMatch(
      /^fatal: could not read Username for 'http:\/\/127\.0\.0\.1:\d+': terminal prompts disabled$/m,
    )
    expect(server.requests.at(-1)).toMatchObject({
      authorizationPresent: false,
      status: 401,
      outcome: 'challenge',
    })
    const res = await fetch(`${server.url(c.repo)}/info/refs?service=git-upload-pack`)
    expect(res.headers.get('www-authenticate')).toMatch(c.realm)
  })
})
