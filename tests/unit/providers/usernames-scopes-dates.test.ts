import { describe, expect, it } from 'vitest'
import { providerIds, providers } from '@shared/providers/catalog'
import { expiryInstant, factInEffect, kindStatus } from '@shared/providers/dated-facts'
import { gitUsernameFor } from '@shared/providers/git-username'
import { checkScopes, scopesFor } from '@shared/providers/scopes'

describe('gitUsernameFor (providers.md §2)', () => {
  it.each([
    ['github', 'classic_pat', 'octocat', 'basic', 'octocat'],
    ['github', 'classic_pat', '', 'basic', 'x-access-token'],
    ['github', 'fine_grained_pat', '  ', 'basic', 'x-access-token'],
    ['github', 'app_installation', 'octocat', 'basic', 'x-access-token'],
    ['gitlab', 'personal', '', 'basic', 'oauth2'],
    ['gitlab', 'project', 'bot', 'basic', 'bot'],
    ['gitlab', 'oauth', 'alice', 'basic', 'oauth2'],
    ['gitlab', 'job', '', 'basic', 'gitlab-ci-token'],
    ['gitlab', 'deploy', 'gitlab+deploy-token-7', 'basic', 'gitlab+deploy-token-7'],
    ['bitbucket', 'api_token', 'alice', 'basic', 'alice'],
    ['bitbucket', 'api_token', 'alice@example.com', 'basic', 'x-bitbucket-api-token-auth'],
    ['bitbucket', 'api_token', '', 'basic', 'x-bitbucket-api-token-auth'],
    ['bitbucket', 'access_token', 'alice', 'basic', 'x-token-auth'],
    ['bitbucket', 'oauth', '', 'basic', 'x-token-auth'],
    ['bitbucket', 'app_password', 'alice', 'basic', 'alice'],
    ['bitbucket', 'http_personal', 'alice', 'basic', 'alice'],
    ['bitbucket', 'http_project', 'alice', 'bearer', null],
    ['bitbucket', 'http_repository', '', 'bearer', null],
    ['gitea', 'pat', '', 'basic', 'x-access-token'],
    ['azure', 'pat', '', 'basic', 'pat'],
    ['azure', 'pat', 'me@corp.example', 'basic', 'me@corp.example'],
  ] as const)('%s/%s with %j', (provider, tokenKind, username, mode, want) => {
    const r = gitUsernameFor({ provider, tokenKind, username })
    expect([r.mode, r.username, r.usable]).toEqual([mode, want, true])
    expect(r.explanation.length).toBeGreaterThan(10)
  })
  it("warns when a fixed username overrides the account's", () => {
    expect(
      gitUsernameFor({ provider: 'bitbucket', tokenKind: 'access_token', username: 'alice' }).warning,
    ).toContain('x-token-auth')
    expect(
      gitUsernameFor({ provider: 'bitbucket', tokenKind: 'access_token', username: 'x-token-auth' }).warning,
    ).toBeNull()
  })
  it('an email for an API token is replaced, and the user is told why', () => {
    const r = gitUsernameFor({ provider: 'bitbucket', tokenKind: 'api_token', username: 'alice@example.com' })
    expect(r.explanation).toContain('email')
    expect(r.warning).toContain('username')
  })
  it('an app password without a usable username cannot work', () => {
    expect(
      gitUsernameFor({ provider: 'bitbucket', tokenKind: 'app_password', username: 'alice@example.com' }),
    ).toMatchObject({ usable: false, username: 'alice@example.com' })
    expect(gitUsernameFor({ provider: 'bitbucket', tokenKind: 'app_password', username: '' })).toMatchObject({
      usable: false,
      username: null,
    })
    expect(gitUsernameFor({ provider: 'gitlab', tokenKind: 'deploy', username: '' }).usable).toBe(false)
  })
  it('an unknown kind falls back with a warning', () => {
    expect(gitUsernameFor({ provider: 'github', tokenKind: 'mystery', username: '' })).toMatchObject({
      mode: 'basic',
      username: 'x-access-token',
      usable: true,
    })
    expect(gitUsernameFor({ provider: 'github', tokenKind: 'mystery', username: '' }).warning).not.toBeNull()
  })
})

describe('scopes per use (providers.md §3, flipt-v2.md §3)', () => {
  it.each([
    ['github', 'classic_pat', 'read_only', ['repo']],
    ['github', 'classic_pat', 'flipt_sync', ['repo']],
    ['github', 'fine_grained_pat', 'merge_proposals', ['contents:write', 'pull_requests:write']],
    ['gitlab', 'personal', 'merge_proposals', ['api', 'read_repository', 'write_repository']],
    ['gitlab', 'deploy', 'flipt_sync', ['write_repository']],
    [
      'bitbucket',
      'api_token',
      'merge_proposals',
      [
        'read:repository:bitbucket',
        'write:repository:bitbucket',
        'write:pullrequest:bitbucket',
        'read:user:bitbucket',
      ],
    ],
    ['bitbucket', 'access_token', 'flipt_sync', ['repository:write']],
    ['bitbucket', 'http_personal', 'flipt_sync', ['REPO_WRITE']],
    ['azure', 'pat', 'flipt_sync', ['vso.code_write']],
    ['gitea', 'pat', 'read_only', ['read:repository']],
  ] as const)('%s/%s for %s', (provider, kind, use, recommended) => {
    expect(scopesFor(provider, kind, use)?.recommended).toEqual(recommended)
  })
  it('checkScopes: enough, missing (closest set), unsupported, unknown', () => {
    expect(checkScopes('gitlab', 'personal', 'flipt_sync', ['api'])).toEqual({ status: 'enough' })
    expect(checkScopes('gitlab', 'personal', 'flipt_sync', ['READ_REPOSITORY'])).toEqual({
      status: 'missing',
      missing: ['write_repository'],
    })
    expect(checkScopes('gitlab', 'personal', 'merge_proposals', ['read_api', 'write_repository'])).toEqual({
      status: 'missing',
      missing: ['api'],
    })
    expect(checkScopes('github', 'classic_pat', 'read_only', [])).toEqual({ status: 'enough' })
    expect(checkScopes('github', 'classic_pat', 'flipt_sync', ['public_repo'])).toEqual({ status: 'enough' })
    expect(
      checkScopes('bitbucket', 'api_token', 'merge_proposals', [
        'read:repository:bitbucket',
        'write:repository:bitbucket',
      ]),
    ).toEqual({ status: 'missing', missing: ['write:pullrequest:bitbucket'] })
    expect(checkScopes('gitlab', 'deploy', 'merge_proposals', ['api']).status).toBe('unsupported')
    expect(checkScopes('azure', 'pat', 'flipt_sync', ['vso.code_manage'])).toEqual({ status: 'enough' })
    expect(checkScopes('azure', 'nope', 'flipt_sync', [])).toEqual({ status: 'unknown_kind' })
  })
  it('every supported need lists alternatives that include its recommended scopes', () => {
    for (const p of providerIds) {
      for (const k of providers[p].tokenKinds) {
        for (const need of Object.values(k.scopes)) {
          if (!need.supported) continue
          const rec = new Set(need.recommended)
          expect(
            need.satisfiedBy.some((set) => set.every((s) => rec.has(s))),
            `${p}/${k.id}`,
          ).toBe(true)
        }
      }
    }
  })
})

describe('dated facts with a fixed now (providers.md §4)', () => {
  const at = (d: string): Date => new Date(`${d}T00:00:00Z`)
  it('Bitbucket app passwords: creation disabled, brownouts, removed', () => {
    expect(kindStatus('bitbucket', 'app_password', 'cloud', at('2025-09-08'))).toMatchObject({
      state: 'active',
      upcoming: { id: 'bitbucket.app_password_creation_disabled' },
    })
    expect(kindStatus('bitbucket', 'app_password', 'cloud', at('2025-09-09'))).toMatchObject({
      state: 'creation_disabled',
      upcoming: { id: 'bitbucket.app_password_brownouts' },
    })
    expect(kindStatus('bitbucket', 'app_password', 'cloud', at('2026-06-09')).state).toBe('brownout')
    expect(kindStatus('bitbucket', 'app_password', 'cloud', at('2026-07-27')).state).toBe('brownout')
    expect(kindStatus('bitbucket', 'app_password', 'cloud', at('2026-07-28'))).toMatchObject({
      state: 'removed',
      upcoming: null,
    })
    expect(kindStatus('bitbucket', 'api_token', 'cloud', at('2027-01-01')).state).toBe('active')
  })
  it('Azure global PATs are conditional, not a state of every PAT', () => {
    const s = kindStatus('azure', 'pat', 'cloud', at('2027-01-01'))
    expect(s.state).toBe('active')
    expect(s.conditional.map((f) => f.id)).toEqual([
      'azure.global_pat_creation_blocked',
      'azure.global_pat_removed',
    ])
  })
  it('the dates the brief names are in the tables', () => {
    const date = (id: string): string | null =>
      providerIds.flatMap((p) => providers[p].datedFacts).find((f) => f.id === id)?.date ?? null
    expect(date('github.git_password_removed')).toBe('2021-08-13')
    expect(date('github.stateless_installation_tokens')).toBe('2026-04-27')
    expect(date('bitbucket.app_password_creation_disabled')).toBe('2025-09-09')
    expect(date('bitbucket.app_password_removed')).toBe('2026-07-28')
    expect(date('azure.global_pat_creation_blocked')).toBe('2026-03-15')
    expect(date('azure.global_pat_removed')).toBe('2026-12-01')
    const gl = providers.gitlab.datedFacts
    expect(gl.find((f) => f.id === 'gitlab.non_expiring_removed')?.version).toBe('16.0')
    expect(gl.find((f) => f.id === 'gitlab.max_lifetime_400_flag')?.version).toBe('17.6')
    expect(providers.gitlab.tokenKinds.find((k) => k.id === 'personal')?.lifetime).toMatchObject({
      maxDays: 365,
      canBeNonExpiring: false,
      expiresAtStartOfDayUtc: true,
    })
  })
  it('factInEffect honours windows, on UTC days', () => {
    const brownout = providers.bitbucket.datedFacts.find((f) => f.effect === 'brownout')
    if (!brownout) throw new Error('missing brownout fact')
    expect(factInEffect(brownout, new Date('2026-06-08T23:59:59Z'))).toBe(false)
    expect(factInEffect(brownout, new Date('2026-06-09T00:00:00Z'))).toBe(true)
    expect(factInEffect(brownout, new Date('2026-07-28T00:00:00Z'))).toBe(false)
  })
  it('GitLab tokens stop at 00:00 UTC on their expiry date', () => {
    expect(expiryInstant('gitlab', 'personal', '2026-05-01').toISOString()).toBe('2026-05-01T00:00:00.000Z')
    expect(expiryInstant('github', 'classic_pat', '2026-05-01').toISOString()).toBe(
      '2026-05-01T23:59:59.999Z',
    )
  })
})
