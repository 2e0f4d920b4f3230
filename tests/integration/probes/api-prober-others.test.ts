import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  apiBaseOf,
  type ApiProbeInput,
  type ProbeAccount,
} from '../../../electron/services/probes/api-prober'
import { account, emulate, GH, probe, type Emulated } from './probe-fixtures'

describe('API probe: Bitbucket Cloud and Data Center', () => {
  let cloud: Emulated
  let dc: Emulated
  const API = `ATATT3xFfGF0${'a'.repeat(40)}=ABCDEF12`
  const ACCESS = `ATCTT3xFfGN0${'c'.repeat(40)}=ABCDEF12`
  const NOUSER = `ATATT3xFfGF0${'n'.repeat(40)}=ABCDEF12`
  beforeAll(async () => {
    cloud = await emulate(
      'bitbucket_cloud',
      [
        {
          token: API,
          kind: 'api_token',
          username: 'dev',
          email: 'dev@acme.test',
          scopes: ['read:user:bitbucket', 'write:repository:bitbucket', 'read:repository:bitbucket'],
        },
        { token: ACCESS, kind: 'access_token', scopes: ['repository', 'repository:write'] },
        {
          token: NOUSER,
          kind: 'api_token',
          username: 'dev',
          email: 'dev@acme.test',
          scopes: ['read:repository:bitbucket'],
        },
      ],
      { prefix: '/2.0' },
    )
    dc = await emulate('bitbucket_dc', [
      { token: `BBDC-M${'A'.repeat(43)}`, kind: 'personal_token', username: 'dev' },
    ])
  })
  afterAll(async () => {
    await Promise.all([cloud.api.close(), dc.api.close()])
  })
  const bb = (token: string, tokenKind: string, over: Partial<ApiProbeInput> = {}): ApiProbeInput => ({
    token,
    account: account({
      provider: 'bitbucket',
      host: 'bitbucket.org',
      apiUrl: cloud.base,
      tokenKind,
      username: 'dev',
    }),
    ...over,
  })

  it('an API token is checked on /2.0/user with Basic email:token', async () => {
    const r = await probe(bb(API, 'api_token', { email: 'dev@acme.test', use: 'flipt_sync' }))
    expect(r).toMatchObject({ ok: true, login: 'dev', tokenType: 'api_token' })
    expect(r.scopes).toContain('write:repository:bitbucket')
    expect(cloud.api.requests.at(-1)).toMatchObject({ authScheme: 'basic', username: 'dev@acme.test' })
  })

  it('without the email it says so instead of guessing', async () => {
    const r = await probe(bb(API, 'api_token'))
    expect(r).toMatchObject({ ok: false, authenticated: null, category: null })
    expect(r.detail).toMatch(/email/)
  })

  it('a token lacking read:user:bitbucket gets 403: insufficient_scope', async () => {
    const r = await probe(bb(NOUSER, 'api_token', { email: 'dev@acme.test' }))
    expect(r).toMatchObject({ ok: false, authenticated: true, category: 'insufficient_scope' })
    expect(r.detail).toContain('read:user:bitbucket')
  })

  it('an access token is checked with Bearer on its repository: x-oauth-scopes and x-credential-type', async () => {
    const r = await probe(
      bb(ACCESS, 'access_token', { repository: { owner: 'acme', repo: 'flags' }, use: 'flipt_sync' }),
    )
    expect(r).toMatchObject({
      ok: true,
      scopes: ['repository', 'repository:write'],
      tokenType: 'repo_access_token',
    })
    expect(r.endpoint).toBe(`${cloud.base}/repositories/acme/flags`)
    const other = await probe(bb(ACCESS, 'access_token', { repository: { owner: 'acme', repo: 'other' } }))
    expect(other.category).toBe('repo_not_found_or_no_access')
  })

  it('a bad Cloud token is bad_credentials', async () => {
    const r = await probe(
      bb(`ATATT3xFfGF0${'x'.repeat(40)}=ABCDEF12`, 'api_token', { email: 'dev@acme.test' }),
    )
    expect(r).toMatchObject({ ok: false, authenticated: false, category: 'bad_credentials' })
  })

  it('Data Center names the user in X-AUSERNAME; a bad token is 401', async () => {
    const input = (token: string): ApiProbeInput => ({
      token,
      account: account({
        provider: 'bitbucket',
        deployment: 'self_hosted',
        host: 'bb.corp',
        apiUrl: dc.base,
        tokenKind: 'http_personal',
      }),
    })
    const good = await probe(input(`BBDC-M${'A'.repeat(43)}`))
    expect(good).toMatchObject({
      ok: true,
      login: 'dev',
      endpoint: `${dc.base}/rest/api/1.0/application-properties`,
    })
    expect((await probe(input(`BBDC-N${'B'.repeat(43)}`))).category).toBe('bad_credentials')
  })
})

describe('API probe: Azure DevOps and Gitea', () => {
  let azure401: Emulated
  let azure203: Emulated
  let gitea: Emulated
  const PAT = 'p'.repeat(52)
  beforeAll(async () => {
    const creds = [
      { token: PAT, kind: 'pat' as const, username: 'Dev One', email: 'dev@acme.test' },
      { token: 'e'.repeat(52), kind: 'pat' as const, expired: true },
    ]
    azure401 = await emulate('azure_services', creds, { prefix: '/acme' })
    azure203 = await emulate('azure_services', creds, { prefix: '/acme', azureBadCredentials: '203' })
    gitea = await emulate('gitea', [
      { token: 'a'.repeat(40), kind: 'pat', username: 'dev', scopes: ['read:user', 'write:repository'] },
      { token: 'b'.repeat(40), kind: 'pat', username: 'dev', scopes: ['write:repository'] },
    ])
  })
  afterAll(async () => {
    await Promise.all([azure401.api.close(), azure203.api.close(), gitea.api.close()])
  })
  const az = (e: Emulated, token: string): ApiProbeInput => ({
    token,
    account: account({
      provider: 'azure',
      host: 'dev.azure.com',
      pathPrefix: 'acme',
      apiUrl: e.base,
      tokenKind: 'pat',
    }),
  })
  const gt = (token: string): ApiProbeInput => ({
    token,
    account: account({
      provider: 'gitea',
      deployment: 'self_hosted',
      host: 'gitea.corp',
      apiUrl: gitea.base,
      tokenKind: 'pat',
    }),
  })

  it('Azure connectionData names the authenticated user; scopes and expiry stay unknown', async () => {
    const r = await probe(az(azure401, PAT))
    expect(r).toMatchObject({ ok: true, login: 'Dev One', scopes: null, expiresAt: null })
    expect(r.endpoint).toBe(`${azure401.base}/_apis/connectionData`)
    expect(azure401.api.requests.at(-1)).toMatchObject({ authScheme: 'basic', username: '' })
  })

  it('Azure: an expired PAT is expired_token; a bad one is bad_credentials, also as a 203 sign-in page', async () => {
    expect((await probe(az(azure401, 'e'.repeat(52)))).category).toBe('expired_token')
    expect((await probe(az(azure401, 'x'.repeat(52)))).category).toBe('bad_credentials')
    const signIn = await probe(az(azure203, 'x'.repeat(52)))
    expect(signIn).toMatchObject({ ok: false, authenticated: false, category: 'bad_credentials' })
    expect(signIn.detail).toContain('203')
  })

  it('Gitea: login with `token` auth; 401 bad; 403 names the missing scope', async () => {
    expect(await probe(gt('a'.repeat(40)))).toMatchObject({ ok: true, login: 'dev' })
    expect(gitea.api.requests.at(-1)?.authScheme).toBe('bearer')
    expect((await probe(gt('c'.repeat(40)))).category).toBe('bad_credentials')
    const scoped = await probe(gt('b'.repeat(40)))
    expect(scoped).toMatchObject({ ok: false, authenticated: true, category: 'insufficient_scope' })
    expect(scoped.detail).toContain('read:user')
  })
})

describe('API probe: bases and network failures', () => {
  it('derives the REST base per provider when the account has no apiUrl', () => {
    const base = (over: Partial<ProbeAccount>) => apiBaseOf(account(over))
    expect(base({})).toEqual({ url: 'https://api.github.com' })
    expect(base({ deployment: 'self_hosted', host: 'ghe.corp' })).toEqual({ url: 'https://ghe.corp/api/v3' })
    expect(
      base({ provider: 'gitlab', host: 'gitlab.corp', pathPrefix: 'gitlab', deployment: 'self_hosted' }),
    ).toEqual({
      url: 'https://gitlab.corp/gitlab/api/v4',
    })
    expect(base({ provider: 'bitbucket', host: 'bitbucket.org' })).toEqual({
      url: 'https://api.bitbucket.org/2.0',
    })
    expect(base({ provider: 'azure', host: 'dev.azure.com', pathPrefix: 'acme' })).toEqual({
      url: 'https://dev.azure.com/acme',
    })
    expect(
      base({
        provider: 'gitea',
        host: 'codeberg.org',
        deployment: 'self_hosted',
        apiUrl: 'https://codeberg.org/',
      }),
    ).toEqual({
      url: 'https://codeberg.org/api/v1',
    })
  })

  it('an unreachable API is a network category with authenticated unknown', async () => {
    const r = await probe({ token: GH('q'), account: account({ apiUrl: 'http://127.0.0.1:9' }) })
    expect(r).toMatchObject({ ok: false, authenticated: null, category: 'network_dns' })
  })
})
