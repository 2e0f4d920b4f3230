import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer, type GitServer } from '../../support/git-server'
import { T } from './flavor-cases'
import { basicHeader, createGitSandbox, type GitAuth, type GitSandbox } from './git-harness'

let sb: GitSandbox
let local: string
beforeAll(async () => {
  sb = await createGitSandbox()
  local = `${sb.dir}/local`
  await sb.git(['init', '-q', local])
  await sb.git(['-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '--allow-empty', '-m', 'x'], {
    cwd: local,
  })
})
afterAll(() => sb.dispose())

const AUTH_FAILED = /^fatal: Authentication failed for /m
const lsRemote = (s: GitServer, repo: string, auth: GitAuth) => sb.git(['ls-remote', s.url(repo)], { auth })
const repos = [{ name: 'acme/widgets' }, { name: 'acme/secret' }]

describe('github username rules and wording', () => {
  let gh: GitServer
  let legacy: GitServer
  beforeAll(async () => {
    const credentials = [
      { token: T.ghClassic, kind: 'classic_pat', username: 'octo', repos: ['acme/widgets'] },
      { token: T.ghFine, kind: 'fine_grained_pat', username: 'octo' },
      { token: T.ghApp, kind: 'installation' },
    ] as const
    ;[gh, legacy] = await Promise.all([
      startGitServer({ flavor: 'github', credentials, repos }),
      startGitServer({ flavor: 'github', credentials, repos, githubTexts: 'legacy' }),
    ])
  })
  afterAll(() => Promise.all([gh.close(), legacy.close()]))

  it('takes an installation token only with x-access-token', async () => {
    expect((await lsRemote(gh, 'acme/widgets', { user: 'x-access-token', pass: T.ghApp })).code).toBe(0)
  })

  it('takes a classic token in the username slot, and refuses that form for a fine-grained token', async () => {
    expect((await lsRemote(gh, 'acme/widgets', { user: T.ghClassic, pass: 'x-oauth-basic' })).code).toBe(0)
    expect(gh.requests.at(-1)?.username).toBe('<token>')
    const fine = await lsRemote(gh, 'acme/widgets', { user: T.ghFine, pass: 'x-oauth-basic' })
    expect(fine.stderr).toMatch(AUTH_FAILED)
  })

  it('refuses an empty username for a fine-grained token (sent pre-emptively, as go-git does)', async () => {
    const run = await lsRemote(gh, 'acme/widgets', { header: basicHeader('', T.ghFine) })
    expect(run.code).toBe(128)
    expect(gh.requests.at(-1)).toMatchObject({ username: '', outcome: 'wrong_username', status: 401 })
  })

  it('hides repositories a token may not see behind "Repository not found."', async () => {
    const run = await lsRemote(gh, 'acme/secret', { user: 'octo', pass: T.ghClassic })
    expect(run.stderr).toMatch(/^remote: Repository not found\.$/m)
  })

  it('speaks the 2021-2024 wording when asked: a password vs an unknown token', async () => {
    const password = await lsRemote(legacy, 'acme/widgets', { user: 'octo', pass: 'hunter2' })
    expect(password.stderr).toMatch(
      /^remote: Support for password authentication was removed on August 13, 2021\.$/m,
    )
    expect(password.stderr).toMatch(/^remote: Please see https:\/\/docs\.github\.com\/.+ for information/m)
    const unknown = await lsRemote(legacy, 'acme/widgets', { user: 'octo', pass: T.ghOld })
    expect(unknown.stderr).toMatch(/^remote: Invalid username or password\.$/m)
    expect(unknown.stderr).toMatch(AUTH_FAILED)
  })

  it('refuses the receive-pack POST itself, not only its discovery', async () => {
    const res = await fetch(`${gh.url('acme/widgets')}/git-receive-pack`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`octo:${T.ghFine}`).toString('base64')}`,
        'content-type': 'application/x-git-receive-pack-request',
      },
      body: '0000',
    })
    expect([res.status, await res.text()]).toEqual([200, expect.any(String)])
    const ro = await startGitServer({
      flavor: 'github',
      credentials: [{ token: T.ghFine, kind: 'fine_grained_pat', username: 'octo', readOnly: true }],
      repos,
    })
    const denied = await fetch(`${ro.url('acme/widgets')}/git-receive-pack`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`octo:${T.ghFine}`).toString('base64')}`,
        'content-type': 'application/x-git-receive-pack-request',
      },
      body: '0000',
    })
    expect([denied.status, await denied.text()]).toEqual([403, 'Write access to repository not granted.\n'])
    await ro.close()
  })

  it('says "Permission to … denied to <login>" when an account lacks push', async () => {
    const ro = await startGitServer({
      flavor: 'github',
      credentials: [{ token: T.ghClassic, kind: 'classic_pat', username: 'octo', readOnly: true }],
      repos,
    })
    const run = await sb.git(['push', ro.url('acme/widgets'), 'HEAD:refs/heads/x'], {
      auth: { user: 'octo', pass: T.ghClassic },
      cwd: local,
    })
    await ro.close()
    expect(run.stderr).toMatch(/^remote: Permission to acme\/widgets\.git denied to octo\.$/m)
  })
})

describe('gitlab deploy and job tokens', () => {
  let gl: GitServer
  beforeAll(async () => {
    gl = await startGitServer({
      flavor: 'gitlab',
      credentials: [
        { token: T.glDeploy, kind: 'deploy_token', username: 'gitlab+deploy-token-7', readOnly: true },
        { token: T.glPat, kind: 'job_token' },
      ],
      repos: [{ name: 'group/project' }],
    })
  })
  afterAll(() => gl.close())

  it('needs the deploy token its own username', async () => {
    expect(
      (await lsRemote(gl, 'group/project', { user: 'gitlab+deploy-token-7', pass: T.glDeploy })).code,
    ).toBe(0)
    const wrong = await lsRemote(gl, 'group/project', { user: 'alice', pass: T.glDeploy })
    expect(wrong.stderr).toMatch(/^remote: HTTP Basic: Access denied\./m)
  })

  it('refuses a read-only deploy token push with the scope text', async () => {
    const run = await sb.git(['push', gl.url('group/project'), 'HEAD:refs/heads/x'], {
      auth: { user: 'gitlab+deploy-token-7', pass: T.glDeploy },
      cwd: local,
    })
    expect(run.stderr).toMatch(/^remote: You are not allowed to upload code\.$/m)
  })

  it('needs gitlab-ci-token for a job token', async () => {
    expect((await lsRemote(gl, 'group/project', { user: 'gitlab-ci-token', pass: T.glPat })).code).toBe(0)
    expect((await lsRemote(gl, 'group/project', { user: 'alice', pass: T.glPat })).stderr).toMatch(
      AUTH_FAILED,
    )
  })
})

describe('bitbucket cloud and data center', () => {
  let bb: GitServer
  let dc: GitServer
  beforeAll(async () => {
    ;[bb, dc] = await Promise.all([
      startGitServer({
        flavor: 'bitbucket_cloud',
        credentials: [
          { token: T.bbApi, kind: 'api_token', username: 'jdoe', email: 'jdoe@example.com' },
          { token: T.bbApp, kind: 'app_password', username: 'jdoe' },
        ],
        repos,
      }),
      startGitServer({
        flavor: 'bitbucket_dc',
        pathPrefix: '/scm/KEY',
        credentials: [
          { token: T.dcPersonal, kind: 'personal_token', username: 'jdoe' },
          { token: T.dcProject, kind: 'project_token' },
        ],
        repos: [{ name: 'widgets' }],
      }),
    ])
  })
  afterAll(() => Promise.all([bb.close(), dc.close()]))

  it('pairs an API token with the username or x-bitbucket-api-token-auth', async () => {
    expect((await lsRemote(bb, 'acme/widgets', { user: 'jdoe', pass: T.bbApi })).code).toBe(0)
    expect(
      (await lsRemote(bb, 'acme/widgets', { user: 'x-bitbucket-api-token-auth', pass: T.bbApi })).code,
    ).toBe(0)
  })

  it('pairs an app password with the username only', async () => {
    expect((await lsRemote(bb, 'acme/widgets', { user: 'jdoe', pass: T.bbApp })).code).toBe(0)
    const email = await lsRemote(bb, 'acme/widgets', { user: 'jdoe@example.com', pass: T.bbApp })
    expect(email.stderr).toMatch(AUTH_FAILED)
  })

  it('tells an account password apart (fixture bb-005)', async () => {
    const run = await lsRemote(bb, 'acme/widgets', { user: 'jdoe', pass: 'correct horse battery' })
    expect(run.stderr).toMatch(
      /^remote: Bitbucket Cloud recently stopped supporting account passwords for Git authentication\.$/m,
    )
  })

  it('takes data center tokens as Bearer, and project tokens only so', async () => {
    expect((await lsRemote(dc, 'widgets', { header: `Authorization: Bearer ${T.dcProject}` })).code).toBe(0)
    expect((await lsRemote(dc, 'widgets', { header: `Authorization: Bearer ${T.dcPersonal}` })).code).toBe(0)
    await lsRemote(dc, 'widgets', { header: basicHeader('x-token-auth', T.dcProject) })
    expect(dc.requests.at(-1)).toMatchObject({ outcome: 'basic_refused', status: 401 })
  })
})

describe('gitea and azure', () => {
  let gitea: GitServer
  let azure: GitServer
  beforeAll(async () => {
    ;[gitea, azure] = await Promise.all([
      startGitServer({ flavor: 'gitea', credentials: [{ token: T.gitea, kind: 'pat' }], repos }),
      startGitServer({
        flavor: 'azure_services',
        pathPrefix: '/acme/project/_git',
        credentials: [
          { token: T.ado, kind: 'pat' },
          { token: T.adoOld, kind: 'pat', expired: true },
        ],
        repos: [{ name: 'widgets' }],
      }),
    ])
  })
  afterAll(() => Promise.all([gitea.close(), azure.close()]))

  it('gitea takes the token as username with x-oauth-basic, or as Bearer', async () => {
    expect((await lsRemote(gitea, 'acme/widgets', { user: T.gitea, pass: 'x-oauth-basic' })).code).toBe(0)
    expect((await lsRemote(gitea, 'acme/widgets', { header: `Authorization: Bearer ${T.gitea}` })).code).toBe(
      0,
    )
  })

  it('git never sends a helper credential whose username is empty: Azure :PAT needs a header', async () => {
    const run = await lsRemote(azure, 'widgets', { user: '', pass: T.ado })
    expect(run.stderr).toMatch(AUTH_FAILED)
    expect(azure.requests.every((r) => !r.authorizationPresent)).toBe(true)
    expect((await lsRemote(azure, 'widgets', { header: basicHeader('', T.ado) })).code).toBe(0)
  })

  it('azure keeps ".git" in the repository name', async () => {
    const run = await sb.git(['ls-remote', `${azure.url('widgets')}.git`], {
      auth: { user: 'me', pass: T.ado },
    })
    expect(run.stderr).toMatch(
      /^remote: TF401019: The Git repository with name or identifier widgets\.git does not exist/m,
    )
  })

  it('azure 203 sign-in pages: what git says depends on the page layout, down to a silent "empty" clone', async () => {
    const spec = {
      flavor: 'azure_services',
      credentials: [{ token: T.ado, kind: 'pat' }],
      repos: [{ name: 'w' }],
    } as const
    const [tabs, spaces, plain] = await Promise.all([
      startGitServer({ ...spec, azureBadCredentials: '203' }),
      startGitServer({ ...spec, azureBadCredentials: '203-no-tabs' }),
      startGitServer({ ...spec, azureBadCredentials: '203-minified' }),
    ])
    const bad = { user: 'me', pass: 'not-the-pat' }
    const failed = await lsRemote(tabs, 'w', bad)
    expect(failed.stderr).toBe(
      `fatal: ${tabs.url('w')}/info/refs not valid: could not determine hash algorithm; is this a git repository?\n`,
    )
    const invalid = await lsRemote(spaces, 'w', bad)
    expect(invalid.stderr).toBe(`fatal: ${spaces.url('w')}/info/refs not valid: is this a git repository?\n`)
    const silent = await lsRemote(plain, 'w', bad)
    expect([silent.code, silent.stdout, silent.stderr]).toEqual([0, '', ''])
    const clone = await sb.git(['clone', plain.url('w'), 'ghost'], { auth: bad })
    expect(clone.code).toBe(0)
    expect(clone.stderr).toMatch(/^warning: You appear to have cloned an empty repository\.$/m)
    await Promise.all([tabs.close(), spaces.close(), plain.close()])
  })

  it('azure carries the expiry only in X-TFS-ServiceError, which git does not print', async () => {
    const run = await lsRemote(azure, 'widgets', { user: 'me', pass: T.adoOld })
    expect(run.stderr).toBe(`fatal: Authentication failed for '${azure.url('widgets')}/'\n`)
    const res = await fetch(`${azure.url('widgets')}/info/refs?service=git-upload-pack`, {
      headers: { authorization: `Basic ${Buffer.from(`:${T.adoOld}`).toString('base64')}` },
    })
    expect(res.status).toBe(401)
    expect(decodeURIComponent(res.headers.get('x-tfs-serviceerror') ?? '')).toBe(
      'Access Denied: The Personal Access Token used has expired.',
    )
  })
})
