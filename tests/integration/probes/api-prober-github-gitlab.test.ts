import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer } from '../../support/git-server'
import type { ApiProbeInput, ProbeAccount } from '../../../electron/services/probes/api-prober'
import { account, emulate, GH, probe, type Emulated } from './probe-fixtures'

describe('API probe: GitHub', () => {
  let e: Emulated
  beforeAll(async () => {
    e = await emulate('github', [
      {
        token: GH('a'),
        kind: 'classic_pat',
        username: 'octo',
        scopes: ['repo', 'workflow'],
        expiresAt: '2027-01-31',
      },
      { token: GH('b'), kind: 'classic_pat', username: 'octo', scopes: ['read:user'] },
      { token: `github_pat_${'F'.repeat(82)}`, kind: 'fine_grained_pat', username: 'octo' },
      { token: `ghs_${'s'.repeat(36)}`, kind: 'installation' },
    ])
  })
  afterAll(() => e.api.close())
  const gh = (token: string, over: Partial<ProbeAccount> = {}) => ({
    token,
    account: account({ apiUrl: e.base, ...over }),
  })

  it('reads login, X-OAuth-Scopes and the expiration header of a classic PAT', async () => {
    const r = await probe({ ...gh(GH('a')), use: 'flipt_sync' })
    expect(r).toMatchObject({
      ok: true,
      authenticated: true,
      category: null,
      login: 'octo',
      scopes: ['repo', 'workflow'],
      expiresAt: '2027-01-31',
      tokenType: 'classic_pat',
      endpoint: `${e.base}/user`,
    })
    expect(e.api.requests.at(-1)).toMatchObject({
      path: '/user',
      authScheme: 'bearer',
      passwordMatched: true,
    })
  })

  it('a fine-grained PAT has no scopes header: scopes unknown, no expiry', async () => {
    const r = await probe({
      ...gh(`github_pat_${'F'.repeat(82)}`, { tokenKind: 'fine_grained_pat' }),
      use: 'flipt_sync',
    })
    expect(r).toMatchObject({ ok: true, scopes: null, expiresAt: null, tokenType: 'fine_grained_pat' })
  })

  it('a missing scope for the use is insufficient_scope, naming it', async () => {
    const r = await probe({ ...gh(GH('b')), use: 'flipt_sync' })
    expect(r).toMatchObject({
      ok: false,
      authenticated: true,
      category: 'insufficient_scope',
      scopes: ['read:user'],
    })
    expect(r.detail).toContain('repo')
  })

  it('401 is bad_credentials, or expired_token when the recorded expiry has passed', async () => {
    expect(await probe(gh(GH('z')))).toMatchObject({
      ok: false,
      authenticated: false,
      category: 'bad_credentials',
    })
    const expired = await probe(gh(GH('z'), { expiresAt: '2026-10-01' }))
    expect(expired.category).toBe('expired_token')
  })

  it('an installation token (ghs_) is checked on /installation/repositories', async () => {
    const r = await probe(gh(`ghs_${'s'.repeat(36)}`, { tokenKind: 'app_installation' }))
    expect(r).toMatchObject({
      ok: true,
      tokenType: 'app_installation',
      endpoint: `${e.base}/installation/repositories`,
    })
  })
})

describe('API probe: GitLab (relative root, on the git server origin)', () => {
  let base = ''
  let close = (): Promise<void> => Promise.resolve()
  beforeAll(async () => {
    const server = await startGitServer({
      flavor: 'gitlab',
      pathPrefix: '/gitlab',
      api: true,
      repos: [{ name: 'group/flags' }],
      credentials: [
        {
          token: 'glpat-apiapiapiapiapiapi01',
          kind: 'pat',
          username: 'dev',
          scopes: ['api'],
          expiresAt: '2027-03-01',
        },
        { token: 'glpat-readrepoonlyreadonly', kind: 'pat', username: 'dev', scopes: ['read_repository'] },
        { token: 'glpat-expiredexpiredexpire', kind: 'pat', expired: true },
        { token: 'glpat-revokedrevokedrevoke', kind: 'pat', removed: true },
        { token: 'gldt-deploydeploydeploy01', kind: 'deploy_token', username: 'gitlab+deploy-token-1' },
      ],
    })
    base = `${server.origin}/gitlab`
    close = server.close
  })
  afterAll(() => close())
  const gl = (token: string, tokenKind = 'personal'): ApiProbeInput => ({
    token,
    account: account({
      provider: 'gitlab',
      deployment: 'self_hosted',
      host: 'gitlab.corp',
      apiUrl: base,
      tokenKind,
    }),
    use: 'flipt_sync',
  })

  it('reads scopes and expiry from personal_access_tokens/self, and the login from /user', async () => {
    const r = await probe(gl('glpat-apiapiapiapiapiapi01'))
    expect(r).toMatchObject({ ok: true, login: 'dev', scopes: ['api'], expiresAt: '2027-03-01' })
    expect(r.endpoint).toBe(`${base}/api/v4/user`)
  })

  it('read_repository only: valid, but short of write_repository for Flipt sync', async () => {
    const r = await probe(gl('glpat-readrepoonlyreadonly'))
    expect(r).toMatchObject({ ok: false, authenticated: true, category: 'insufficient_scope', login: null })
    expect(r.detail).toContain('write_repository')
  })

  it('expired → expired_token, revoked and unknown → bad_credentials', async () => {
    expect((await probe(gl('glpat-expiredexpiredexpire'))).category).toBe('expired_token')
    expect(await probe(gl('glpat-revokedrevokedrevoke'))).toMatchObject({
      category: 'bad_credentials',
      authenticated: false,
    })
    expect((await probe(gl('glpat-unknownunknownunkno'))).category).toBe('bad_credentials')
  })

  it('a deploy token cannot introspect: nothing is claimed', async () => {
    const r = await probe(gl('gldt-deploydeploydeploy01', 'deploy'))
    expect(r).toMatchObject({ ok: false, authenticated: null, category: null })
  })
})
