import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startProviderApi, type ProviderApi } from '../../support/provider-api'
import { T } from './flavor-cases'

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers })
const body = async (r: Response) => (await r.json()) as Record<string, unknown>

describe('github REST emulator', () => {
  let api: ProviderApi
  beforeAll(async () => {
    api = await startProviderApi({
      flavor: 'github',
      repos: ['acme/widgets', 'acme/secret'],
      credentials: [
        {
          token: T.ghClassic,
          kind: 'classic_pat',
          username: 'octo',
          scopes: ['repo', 'workflow'],
          expiresAt: '2026-12-31',
        },
        {
          token: T.ghFine,
          kind: 'fine_grained_pat',
          username: 'octo',
          repos: ['acme/widgets'],
          readOnly: true,
        },
        { token: T.ghApp, kind: 'installation', repos: ['acme/widgets'] },
        { token: T.ghOld, kind: 'classic_pat', expired: true },
      ],
    })
  })
  afterAll(() => api.close())

  it('GET /user shows scopes and expiry for a classic token, at the root and under /api/v3', async () => {
    for (const base of [api.origin, `${api.origin}/api/v3`]) {
      const r = await get(`${base}/user`, { authorization: `Bearer ${T.ghClassic}` })
      expect(r.status).toBe(200)
      expect(r.headers.get('x-oauth-scopes')).toBe('repo, workflow')
      expect(r.headers.get('x-accepted-oauth-scopes')).toBe('')
      expect(r.headers.get('github-authentication-token-expiration')).toBe('2026-12-31 00:00:00 UTC')
      expect(await body(r)).toMatchObject({ login: 'octo', type: 'User' })
    }
  })

  it('fine-grained tokens carry no X-OAuth-Scopes; repository coverage shows as 404', async () => {
    const r = await get(`${api.origin}/user`, { authorization: `token ${T.ghFine}` })
    expect(r.status).toBe(200)
    expect(r.headers.has('x-oauth-scopes')).toBe(false)
    const hidden = await get(`${api.origin}/repos/acme/secret`, { authorization: `Bearer ${T.ghFine}` })
    expect(hidden.status).toBe(404)
    const shown = await get(`${api.origin}/repos/acme/widgets`, { authorization: `Bearer ${T.ghFine}` })
    expect(shown.headers.get('x-accepted-github-permissions')).toBe('metadata=read')
    expect(await body(shown)).toMatchObject({ permissions: { push: false, pull: true } })
  })

  it('401 for bad, expired or missing tokens; 403 for ghs_ on /user, which lists its repositories instead', async () => {
    expect(await body(await get(`${api.origin}/user`))).toMatchObject({ message: 'Requires authentication' })
    const expired = await get(`${api.origin}/user`, { authorization: `Bearer ${T.ghOld}` })
    expect([expired.status, (await body(expired)).message]).toEqual([401, 'Bad credentials'])
    const app = await get(`${api.origin}/user`, { authorization: `Bearer ${T.ghApp}` })
    expect([app.status, (await body(app)).message]).toEqual([403, 'Resource not accessible by integration'])
    const repos = await get(`${api.origin}/installation/repositories`, { authorization: `Bearer ${T.ghApp}` })
    expect(await body(repos)).toMatchObject({ total_count: 1, repositories: [{ full_name: 'acme/widgets' }] })
    expect(JSON.stringify(api.requests)).not.toContain(T.ghApp)
    expect(api.requests.at(-1)).toMatchObject({ credentialIndex: 2, passwordMatched: true, outcome: 'ok' })
  })
})

describe('bitbucket cloud, gitea and azure-203 emulators, and API faults', () => {
  let bb: ProviderApi
  let gitea: ProviderApi
  let ado203: ProviderApi
  beforeAll(async () => {
    ;[bb, gitea, ado203] = await Promise.all([
      startProviderApi({
        flavor: 'bitbucket_cloud',
        repos: ['acme/widgets'],
        credentials: [
          {
            token: T.bbApi,
            kind: 'api_token',
            username: 'jdoe',
            email: 'jdoe@example.com',
            scopes: ['read:user:bitbucket', 'read:repository:bitbucket'],
          },
          { token: T.bbAccess, kind: 'access_token', scopes: ['repository', 'pullrequest'] },
          {
            token: T.bbRo,
            kind: 'api_token',
            username: 'jdoe',
            email: 'jdoe@example.com',
            scopes: ['read:repository:bitbucket'],
          },
        ],
      }),
      startProviderApi({
        flavor: 'gitea',
        version: '1.22.3',
        credentials: [
          { token: T.gitea, kind: 'pat', username: 'gopher' },
          { token: T.giteaRo, kind: 'pat', username: 'gopher', scopes: ['read:repository'] },
        ],
      }),
      startProviderApi({ flavor: 'azure_services', azureBadCredentials: '203', credentials: [] }),
    ])
  })
  afterAll(() => Promise.all([bb.close(), gitea.close(), ado203.close()]))

  it('bitbucket /2.0/user takes email:API token and says which scopes it holds and needs', async () => {
    const ok = await get(`${bb.origin}/2.0/user`, { authorization: basic('jdoe@example.com', T.bbApi) })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('x-credential-type')).toBe('api_token')
    expect(ok.headers.get('x-oauth-scopes')).toBe('read:user:bitbucket, read:repository:bitbucket')
    expect(ok.headers.get('x-accepted-oauth-scopes')).toBe('read:user:bitbucket')
    const byName = await get(`${bb.origin}/2.0/user`, { authorization: basic('jdoe', T.bbApi) })
    expect(await body(byName)).toEqual({
      type: 'error',
      error: { message: 'Token is invalid, expired, or not supported for this endpoint.' },
    })
    const lacking = await get(`${bb.origin}/2.0/user`, { authorization: basic('jdoe@example.com', T.bbRo) })
    expect(lacking.status).toBe(403)
  })

  it('bitbucket repositories/{ws}/{repo} with a Bearer access token', async () => {
    const r = await get(`${bb.origin}/2.0/repositories/acme/widgets`, {
      authorization: `Bearer ${T.bbAccess}`,
    })
    expect(r.headers.get('x-credential-type')).toBe('repo_access_token')
    expect(r.headers.get('x-accepted-oauth-scopes')).toBe('repository')
    expect(await body(r)).toMatchObject({ full_name: 'acme/widgets' })
    expect(
      (await get(`${bb.origin}/2.0/repositories/acme/nope`, { authorization: `Bearer ${T.bbAccess}` }))
        .status,
    ).toBe(404)
  })

  it('gitea /version needs no token; /user names the missing scope', async () => {
    expect(await body(await get(`${gitea.origin}/api/v1/version`))).toEqual({ version: '1.22.3' })
    expect((await body(await get(`${gitea.origin}/api/v1/user`))).message).toBe('token is required')
    const bad = await body(
      await get(`${gitea.origin}/api/v1/user`, {
        authorization: 'token 0000000000000000000000000000000000000000',
      }),
    )
    expect(bad.message).toBe('invalid username, password or token')
    const scoped = await get(`${gitea.origin}/api/v1/user`, { authorization: `token ${T.giteaRo}` })
    expect([scoped.status, (await body(scoped)).message]).toEqual([
      403,
      'token does not have at least one of required scope(s): [read:user]',
    ])
    expect(
      await body(await get(`${gitea.origin}/api/v1/user`, { authorization: `Bearer ${T.gitea}` })),
    ).toMatchObject({ login: 'gopher' })
  })

  it('azure answers bad credentials with 203 and an HTML sign-in page when configured', async () => {
    const r = await get(`${ado203.origin}/acme/_apis/connectionData`, {
      authorization: basic('', 'whatever'),
    })
    expect(r.status).toBe(203)
    expect(r.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await r.text()).toContain('Sign In')
  })

  it('hang and status500 apply to API calls too', async () => {
    gitea.setFaults([{ kind: 'hang', times: 1 }])
    await expect(
      fetch(`${gitea.origin}/api/v1/version`, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow()
    gitea.setFaults([{ kind: 'status500', times: 1 }])
    expect((await get(`${gitea.origin}/api/v1/version`)).status).toBe(500)
    expect((await get(`${gitea.origin}/api/v1/version`)).status).toBe(200)
  })
})
