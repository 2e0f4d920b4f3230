import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer, type GitServer } from '../../support/git-server'
import { T } from './flavor-cases'

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
const get = (url: string, headers: Record<string, string> = {}) => fetch(url, { headers })
const body = async (r: Response) => (await r.json()) as Record<string, unknown>

describe('gitlab, bitbucket DC and azure APIs served beside git on one origin', () => {
  let gl: GitServer
  let dc: GitServer
  let ado: GitServer
  beforeAll(async () => {
    ;[gl, dc, ado] = await Promise.all([
      startGitServer({
        flavor: 'gitlab',
        pathPrefix: '/gitlab',
        api: true,
        repos: [{ name: 'group/project' }],
        credentials: [
          {
            token: T.glPat,
            kind: 'pat',
            username: 'alice',
            scopes: ['read_repository'],
            expiresAt: '2027-01-01',
          },
          { token: T.glRo, kind: 'project_token', username: 'project_7_bot', scopes: ['api'] },
          { token: T.glOld, kind: 'pat', expired: true },
          { token: T.glDeploy, kind: 'pat', removed: true },
        ],
      }),
      startGitServer({
        flavor: 'bitbucket_dc',
        pathPrefix: '/scm/KEY',
        api: true,
        repos: [{ name: 'widgets' }],
        credentials: [
          { token: T.dcPersonal, kind: 'personal_token', username: 'jdoe' },
          { token: T.dcProject, kind: 'project_token' },
        ],
      }),
      startGitServer({
        flavor: 'azure_services',
        pathPrefix: '/acme/project/_git',
        api: true,
        repos: [{ name: 'widgets' }],
        credentials: [
          { token: T.ado, kind: 'pat', username: 'Jane Doe', email: 'jane@example.com' },
          { token: T.adoOld, kind: 'pat', expired: true },
        ],
      }),
    ])
  })
  afterAll(() => Promise.all([gl.close(), dc.close(), ado.close()]))

  it('gitlab personal_access_tokens/self with PRIVATE-TOKEN or Bearer', async () => {
    const url = `${gl.origin}/gitlab/api/v4/personal_access_tokens/self`
    const ways: Record<string, string>[] = [
      { 'private-token': T.glPat },
      { authorization: `Bearer ${T.glPat}` },
    ]
    for (const headers of ways) {
      const r = await get(url, headers)
      expect(r.status).toBe(200)
      const b = await body(r)
      expect(Object.keys(b)).toEqual(
        expect.arrayContaining([
          'id',
          'name',
          'revoked',
          'active',
          'scopes',
          'user_id',
          'created_at',
          'last_used_at',
          'expires_at',
        ]),
      )
      expect(b).toMatchObject({
        revoked: false,
        active: true,
        scopes: ['read_repository'],
        expires_at: '2027-01-01',
      })
    }
  })

  it('gitlab 401s: expired, revoked, unknown; /user needs a user scope', async () => {
    const url = `${gl.origin}/gitlab/api/v4/personal_access_tokens/self`
    const expired = await get(url, { 'private-token': T.glOld })
    expect(expired.status).toBe(401)
    expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer realm="The API", error="invalid_token"/)
    expect((await body(expired)).error_description).toMatch(/^Token is expired\./)
    expect((await body(await get(url, { 'private-token': T.glDeploy }))).error_description).toMatch(
      /^Token was revoked\./,
    )
    expect(await body(await get(url, { 'private-token': 'glpat-unknownunknownunkn' }))).toEqual({
      message: '401 Unauthorized',
    })
    const user = `${gl.origin}/gitlab/api/v4/user`
    expect((await get(user, { 'private-token': T.glPat })).status).toBe(403)
    expect(await body(await get(user, { 'private-token': T.glRo }))).toMatchObject({
      username: 'project_7_bot',
      bot: true,
    })
  })

  it('bitbucket DC application-properties: X-AUSERNAME only when a token authenticates', async () => {
    const url = `${dc.origin}/rest/api/1.0/application-properties`
    const anon = await get(url)
    expect([anon.status, anon.headers.has('x-ausername')]).toEqual([200, false])
    expect((await get(url, { authorization: basic('jdoe', T.dcPersonal) })).headers.get('x-ausername')).toBe(
      'jdoe',
    )
    expect((await get(url, { authorization: `Bearer ${T.dcProject}` })).headers.get('x-ausername')).toBe(
      'project_token-bot',
    )
    expect((await get(url, { authorization: basic('x', T.dcProject) })).status).toBe(401)
  })

  it('azure connectionData: authenticatedUser and x-vss-userdata; 401 for bad; the ado-003 JSON when expired', async () => {
    const url = `${ado.origin}/acme/_apis/connectionData`
    const ok = await get(url, { authorization: basic('', T.ado) })
    const b = await body(ok)
    expect(b.authenticatedUser).toMatchObject({ providerDisplayName: 'Jane Doe' })
    const id = (b.authenticatedUser as { id: string }).id
    expect(ok.headers.get('x-vss-userdata')).toBe(`${id}:jane@example.com`)
    expect((await get(url, { authorization: basic('', 'nope') })).status).toBe(401)
    const expired = await get(url, { authorization: basic('', T.adoOld) })
    expect(await body(expired)).toMatchObject({
      message: 'Access Denied: The Personal Access Token used has expired.',
    })
  })
})
