import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startGitServer, type GitServer } from '../../support/git-server'
import { T } from './flavor-cases'
import { basicHeader, createGitSandbox, hostOf, type GitSandbox } from './git-harness'

/**
 * security.md §8 vector 26: a fixture answers 301 to another origin (127.0.0.1, other port); does
 * that origin receive an Authorization header? These tests pin down what real git (2.39, libcurl
 * 7.88) does, so the credential broker knows which part is its job.
 */
describe('redirects to another origin (vector 26)', () => {
  let server: GitServer
  let sb: GitSandbox
  const url = () => server.url('acme/widgets')
  const seenElsewhere = () => server.redirectTarget.requests

  beforeAll(async () => {
    ;[server, sb] = await Promise.all([
      startGitServer({
        flavor: 'github',
        credentials: [{ token: T.ghClassic, kind: 'classic_pat', username: 'octo' }],
        repos: [{ name: 'acme/widgets' }],
      }),
      createGitSandbox(),
    ])
  })
  beforeEach(() => server.setFaults([]))
  afterAll(() => Promise.all([server.close(), sb.dispose()]))

  it('after authentication, curl does not carry the helper credential across', async () => {
    server.setFaults([{ kind: 'redirect', times: 1 }])
    const before = seenElsewhere().length
    const run = await sb.git(['ls-remote', url()], { auth: { user: 'octo', pass: T.ghClassic } })
    expect(run.stderr).toBe(`fatal: Authentication failed for '${url()}/'\n`)
    const there = seenElsewhere().slice(before)
    expect(there.length).toBeGreaterThan(0)
    expect(there.every((r) => !r.authorizationPresent)).toBe(true)
    expect(server.requests.some((r) => r.outcome === 'redirect' && r.authorizationPresent)).toBe(true)
    expect(server.authorizationByOrigin()[server.redirectTarget.origin]).toEqual({
      requests: there.length,
      withAuthorization: 0,
    })
  })

  it('after authentication, an http.extraHeader Authorization stays with the first origin', async () => {
    server.setFaults([{ kind: 'redirect', status: 302, respond: 'notFound', times: 1 }])
    const before = seenElsewhere().length
    const run = await sb.git(['ls-remote', url()], { auth: { header: basicHeader('octo', T.ghClassic) } })
    expect(run.code).toBe(128)
    const there = seenElsewhere().slice(before)
    expect(there).toHaveLength(1)
    expect(there[0]?.authorizationPresent).toBe(false)
  })

  it('before authentication, git asks the helper about the new origin: a helper that ignores host leaks', async () => {
    server.setFaults([{ kind: 'redirect', when: 'beforeAuth', times: 1 }])
    const before = seenElsewhere().length
    const run = await sb.git(['ls-remote', url()], { auth: { user: 'octo', pass: T.ghClassic } })
    expect(run.stderr).toMatch(
      new RegExp(`^fatal: Authentication failed for '${server.redirectTarget.origin}/`, 'm'),
    )
    const there = seenElsewhere().slice(before)
    expect(there.map((r) => r.authorizationPresent)).toEqual([false, true])
  })

  it('before authentication, a helper that checks the host gives the other origin nothing', async () => {
    server.setFaults([{ kind: 'redirect', when: 'beforeAuth', times: 1 }])
    const before = seenElsewhere().length
    const run = await sb.git(['ls-remote', url()], {
      auth: { user: 'octo', pass: T.ghClassic, onlyHost: hostOf(server.origin) },
    })
    expect(run.stderr).toBe(
      `fatal: could not read Username for '${server.redirectTarget.origin}': terminal prompts disabled\n`,
    )
    expect(
      seenElsewhere()
        .slice(before)
        .every((r) => !r.authorizationPresent),
    ).toBe(true)
  })

  it('with http.followRedirects=false git stops at the 301', async () => {
    server.setFaults([{ kind: 'redirect', when: 'beforeAuth', times: 1 }])
    const before = seenElsewhere().length
    const run = await sb.git(['-c', 'http.followRedirects=false', 'ls-remote', url()], {
      auth: { user: 'octo', pass: T.ghClassic },
    })
    expect(run.code).toBe(128)
    expect(seenElsewhere().length).toBe(before)
  })
})
