import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { AccountFields } from '@shared/domain/account'
import { startGitServer, type Flavor, type GitServer, type GitServerOptions } from '../../support/git-server'
import { createTestWorld, type TestWorld } from '../../support/test-world'
import {
  addAccount,
  must,
  opId,
  pickFolder,
  probeWrite,
  runOp,
  saveRepo,
  testConnection,
} from '../../support/world-actions'

type Case = {
  readonly flavor: Flavor
  readonly server: Omit<GitServerOptions, 'flavor' | 'repos' | 'credentials'>
  readonly repoPath: string
  readonly account: Pick<AccountFields, 'provider' | 'tokenKind' | 'username'> & Partial<AccountFields>
  readonly good: GitServerOptions['credentials'][number]
  readonly readOnly: GitServerOptions['credentials'][number]
  readonly token: string
}

const T = (p: string) => `${p}${'a1B2c3D4e5F6g7H8i9J0k'.repeat(3)}`.slice(0, 40)

const cases: readonly Case[] = [
  {
    flavor: 'github',
    server: {},
    repoPath: 'acme/flags',
    account: { provider: 'github', tokenKind: 'classic_pat', username: 'octo' },
    token: T('ghp_'),
    good: { token: T('ghp_'), kind: 'classic_pat', username: 'octo' },
    readOnly: { token: T('ghp_R'), kind: 'fine_grained_pat', username: 'octo', readOnly: true },
  },
  {
    flavor: 'gitlab',
    server: { pathPrefix: '/gitlab' },
    repoPath: 'group/sub/flags',
    account: { provider: 'gitlab', tokenKind: 'personal', username: 'dev', pathPrefix: 'gitlab' },
    token: 'glpat-abcdefghijklmnopqrst',
    good: { token: 'glpat-abcdefghijklmnopqrst', kind: 'pat', username: 'dev' },
    readOnly: { token: 'glpat-readonlyreadonly00', kind: 'pat', username: 'dev', readOnly: true },
  },
  {
    flavor: 'bitbucket_cloud',
    server: {},
    repoPath: 'acme/flags',
    account: { provider: 'bitbucket', tokenKind: 'access_token', username: '', deployment: 'cloud' },
    token: `ATCTT3xFfGN0${'x'.repeat(40)}=ABCDEF12`,
    good: { token: `ATCTT3xFfGN0${'x'.repeat(40)}=ABCDEF12`, kind: 'access_token' },
    readOnly: { token: `ATCTT3xFfGN0${'r'.repeat(40)}=ABCDEF12`, kind: 'access_token', readOnly: true },
  },
  {
    flavor: 'bitbucket_dc',
    server: { pathPrefix: '/scm/ACME' },
    repoPath: 'flags',
    account: { provider: 'bitbucket', tokenKind: 'http_personal', username: 'dev' },
    token: `BBDC-M${'A'.repeat(43)}`,
    good: { token: `BBDC-M${'A'.repeat(43)}`, kind: 'personal_token', username: 'dev' },
    readOnly: { token: `BBDC-N${'B'.repeat(43)}`, kind: 'personal_token', username: 'dev', readOnly: true },
  },
  {
    flavor: 'gitea',
    server: {},
    repoPath: 'acme/flags',
    account: { provider: 'gitea', tokenKind: 'pat', username: 'dev' },
    token: 'a'.repeat(40),
    good: { token: 'a'.repeat(40), kind: 'pat', username: 'dev' },
    readOnly: { token: 'b'.repeat(40), kind: 'pat', username: 'dev', readOnly: true },
  },
  {
    flavor: 'azure_services',
    server: { pathPrefix: '/acme/platform/_git' },
    repoPath: 'flags',
    account: {
      provider: 'azure',
      tokenKind: 'pat',
      username: 'dev',
      pathPrefix: 'acme',
      deployment: 'cloud',
    },
    token: 'c'.repeat(52),
    good: { token: 'c'.repeat(52), kind: 'pat' },
    readOnly: { token: 'd'.repeat(52), kind: 'pat', readOnly: true },
  },
]

describe.each(cases)('git operations against a $flavor emulator', (c) => {
  let server: GitServer
  let world: TestWorld
  beforeAll(async () => {
    server = await startGitServer({
      flavor: c.flavor,
      ...c.server,
      credentials: [c.good, c.readOnly] as never,
      repos: [{ name: c.repoPath, commits: 3, branches: ['main', 'dev'] }],
    })
  })
  afterAll(() => server.close())
  afterEach(() => world.dispose())

  const host = () => new URL(server.origin).host
  async function setup(
    token: string,
    over: Partial<AccountFields> = {},
    repo: { path?: string; branch?: string } = {},
  ) {
    world = await createTestWorld({ timeouts: { connectMs: 4000, idleMs: 2000 } })
    const account = await addAccount(world, { ...c.account, host: host(), ...over }, token)
    return saveRepo(world, {
      remote: server.url(repo.path ?? c.repoPath),
      branch: repo.branch ?? 'main',
      accountId: account.id,
    })
  }

  it('test connection succeeds with the right token: every hop ok', async () => {
    const repo = await setup(c.token)
    const r = must<{ ok: boolean; hops: { id: string; status: string }[]; branches: string[] }>(
      await testConnection(world, repo.id),
    )
    expect(r.ok).toBe(true)
    expect(r.branches).toEqual(expect.arrayContaining(['main', 'dev']))
    expect(r.hops.filter((h) => h.id !== 'write').every((h) => h.status === 'ok')).toBe(true)
  })

  it('a wrong token fails at the auth hop with an authentication category', async () => {
    const repo = await setup(T('ghp_WRONG').replace('ghp_', c.token.slice(0, 4)))
    const r = must<{ ok: boolean; failure: { category: string }; hops: { id: string; status: string }[] }>(
      await testConnection(world, repo.id),
    )
    expect(r.ok).toBe(false)
    expect([
      'bad_credentials',
      'credentials_missing',
      'expired_token',
      'wrong_username',
      'password_auth_removed',
      'repo_not_found_or_no_access',
    ]).toContain(r.failure.category)
    expect(r.hops.find((h) => h.status === 'failed')?.id).toMatch(/auth|repository/)
  })

  it('a missing branch is named, with the branches that exist', async () => {
    const repo = await setup(c.token, {}, { branch: 'release' })
    const r = must<{
      ok: boolean
      failure: { category: string; detail: string }
      hops: { id: string; status: string }[]
    }>(await testConnection(world, repo.id))
    expect(r.ok).toBe(false)
    expect(r.failure.category).toBe('branch_not_found')
    expect(r.failure.detail).toContain('main')
    expect(r.hops.find((h) => h.id === 'branch')?.status).toBe('failed')
  })

  it('a missing repository fails at the repository hop', async () => {
    const repo = await setup(c.token, {}, { path: c.repoPath.replace('flags', 'nope') })
    const r = must<{ ok: boolean; failure: { category: string } }>(await testConnection(world, repo.id))
    expect(r.ok).toBe(false)
    expect(['repo_not_found_or_no_access', 'bad_credentials', 'credentials_missing']).toContain(
      r.failure.category,
    )
  })

  it('the write probe passes for a writer and writes nothing', async () => {
    const repo = await setup(c.token)
    const before = server.requests.filter(
      (q) => q.method === 'POST' && q.service === 'git-receive-pack',
    ).length
    const r = must<{ ok: boolean }>(await probeWrite(world, repo.id))
    expect(r.ok).toBe(true)
    expect(
      server.requests.filter((q) => q.method === 'POST' && q.service === 'git-receive-pack').length,
    ).toBe(before)
  })

  it('the write probe of a read-only token fails at the write hop', async () => {
    const repo = await setup(c.readOnly.token)
    const r = must<{ ok: boolean; failure: { category: string }; hops: { id: string; status: string }[] }>(
      await probeWrite(world, repo.id),
    )
    expect(r.ok).toBe(false)
    expect(['insufficient_scope', 'repo_not_found_or_no_access', 'bad_credentials']).toContain(
      r.failure.category,
    )
    expect(r.hops.find((h) => h.status === 'failed')?.id).toMatch(/write|repository|auth/)
  })

  it('clones with the broker, and the clone holds no secret', async () => {
    const repo = await setup(c.token)
    world.dialogs.next = null
    const dest = join(await pickFolder(world, join(world.root, 'clones')), 'flags')
    must(await world.dispatcher.dispatch('repositories:save', { repository: { ...repo, localPath: dest } }))
    const r = must<{ ok: boolean; ended: string }>(await runOp(world, repo.id, 'clone'))
    expect(r).toMatchObject({ ok: true, ended: 'done' })
    expect(existsSync(join(dest, '.git'))).toBe(true)
    expect(readdirSync(join(world.root, 'clones'))).toEqual(['flags'])
  })
})

describe('faults and cancellation (GitHub emulator)', () => {
  let world: TestWorld
  afterEach(() => world.dispose())
  const token = T('ghp_')

  async function withServer(faults: GitServerOptions['faults'], commits = 3) {
    const server = await startGitServer({
      flavor: 'github',
      credentials: [{ token, kind: 'classic_pat', username: 'octo' }],
      repos: [{ name: 'acme/big', commits }],
      faults,
    })
    world = await createTestWorld({ timeouts: { connectMs: 3000, idleMs: 1500, transferMs: 20_000 } })
    const clones = await pickFolder(world, join(world.root, 'clones'))
    const account = await addAccount(
      world,
      { provider: 'github', tokenKind: 'classic_pat', username: 'octo', host: new URL(server.origin).host },
      token,
    )
    const repo = await saveRepo(world, {
      remote: server.url('acme/big'),
      accountId: account.id,
      localPath: join(clones, 'big'),
    })
    return { server, repo }
  }

  it('a hanging server ends within the configured limit, as a network problem', async () => {
    const { server, repo } = await withServer([{ kind: 'hang' }])
    const started = Date.now()
    const r = must<{ ok: boolean; failure: { category: string; title: string } }>(
      await testConnection(world, repo.id),
    )
    const ms = Date.now() - started
    expect(r.ok).toBe(false)
    expect(r.failure.category).toBe('network_dns')
    expect(ms).toBeLessThan(3000 + 2500)
    await server.close()
  })

  it('cancel mid-clone reports cancelled and leaves nothing behind', async () => {
    const { server, repo } = await withServer(
      [{ kind: 'slowDrip', bytes: 256, everyMs: 50, method: 'POST' }],
      300,
    )
    const id = opId()
    const pending = runOp(world, repo.id, 'clone', id)
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(
      must<{ cancelled: boolean }>(await world.dispatcher.dispatch('git:cancel', { operationId: id }))
        .cancelled,
    ).toBe(true)
    const r = must<{ ok: boolean; ended: string }>(await pending)
    expect(r).toMatchObject({ ok: false, ended: 'cancelled' })
    expect(existsSync(join(world.root, 'clones', 'big'))).toBe(false)
    expect(readdirSync(join(world.root, 'clones'))).toEqual([])
    await server.close()
  })

  it('a server error and a truncated pack end in bounded time with a failure, never success', async () => {
    for (const faults of [
      [{ kind: 'status500' as const }],
      [{ kind: 'truncate' as const }],
      [{ kind: 'reset' as const }],
    ]) {
      const { server, repo } = await withServer(faults, 50)
      const r = must<{ ok: boolean; ended: string }>(await runOp(world, repo.id, 'clone'))
      expect(r.ok).toBe(false)
      expect(existsSync(join(world.root, 'clones', 'big'))).toBe(false)
      await server.close()
      await world.dispose()
    }
    world = await createTestWorld()
  })
})
