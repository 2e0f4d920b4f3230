import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { DoctorProgress, DoctorResult, ExplanationView } from '@shared/domain/doctor'
import { CANARY } from '../../support/canary'
import { startGitServer, type GitServer } from '../../support/git-server'
import { createTestWorld, type TestWorld } from '../../support/test-world'
import { addAccount, addOctoAccount, must, saveEnv, saveRepo } from '../../support/world-actions'

describe('Doctor, explainer and support report through the dispatcher', () => {
  let server: GitServer
  let world: TestWorld
  beforeAll(async () => {
    server = await startGitServer({
      flavor: 'github',
      api: true,
      credentials: [{ token: CANARY, kind: 'classic_pat', username: 'octo', scopes: ['repo'] }],
      repos: [{ name: 'acme/flags', branches: ['main'] }],
    })
  })
  afterAll(() => server.close())
  afterEach(() => world.dispose())

  async function seed(opts: { expired?: boolean; branch?: string } = {}) {
    world = await createTestWorld()
    const a = await addOctoAccount(world, {
      host: new URL(server.origin).host,
      apiUrl: `${server.origin}/api/v3`,
      expiresAt: opts.expired ? '2026-01-01' : null,
    })
    const r = await saveRepo(world, {
      remote: server.url('acme/flags'),
      accountId: a.id,
      branch: opts.branch ?? 'main',
    })
    await saveEnv(world, { name: 'production', default: true, repositoryId: r.id })
    return { a, r }
  }

  it('offline: an expired token is an error on the account and breaks the sign-in hop of its repository', async () => {
    const { a, r } = await seed({ expired: true })
    const res = must<DoctorResult>(
      await world.dispatcher.dispatch('doctor:run', { scope: { kind: 'all' }, online: false }),
    )
    expect(
      res.findings.some((f) => f.id === 'token.expired' && f.subject.startsWith(`accounts.${a.id}`)),
    ).toBe(true)
    const path = res.paths.find((p) => p.repositoryId === r.id)
    expect(path?.online).toBe(false)
    expect(path?.hops.find((h) => h.id === 'auth')?.status).toBe('failed')
    expect(server.requests.length).toBe(0)
  })

  it('a scope limits findings to what the account, repository or environment touches', async () => {
    const { r } = await seed({ expired: true })
    const other = await addAccount(
      world,
      {
        provider: 'gitea',
        tokenKind: 'pat',
        host: 'git.example.test',
        label: 'Other',
        expiresAt: '2025-01-01',
      },
      'a'.repeat(40),
    )
    const res = must<DoctorResult>(
      await world.dispatcher.dispatch('doctor:run', {
        scope: { kind: 'repository', id: r.id },
        online: false,
      }),
    )
    expect(res.findings.some((f) => f.subject.includes(other.id))).toBe(false)
    expect(res.paths.map((p) => p.repositoryId)).toEqual([r.id])
  })

  it('online: probes the API and the repository; a missing branch is an error at the branch hop', async () => {
    const { r } = await seed({ branch: 'release' })
    const res = must<DoctorResult>(
      await world.dispatcher.dispatch('doctor:run', { scope: { kind: 'all' }, online: true }),
    )
    expect(res.online).toBe(true)
    expect(res.probes.find((p) => p.subject.startsWith('accounts.'))).toMatchObject({
      ok: true,
      login: 'octo',
    })
    expect(res.probes.find((p) => p.subject === `storage.${r.id}`)).toMatchObject({
      ok: false,
      category: 'branch_not_found',
    })
    const path = res.paths.find((p) => p.repositoryId === r.id)
    expect(path?.online).toBe(true)
    expect(path?.hops.find((h) => h.id === 'branch')?.status).toBe('failed')
    expect(JSON.stringify(res)).not.toContain('CANARY0000')
  })

  it('online: reports progress per probe under the run id, from 0 to all of them', async () => {
    const { a, r } = await seed({})
    const before = world.events.seen.length
    must<DoctorResult>(
      await world.dispatcher.dispatch('doctor:run', { scope: { kind: 'all' }, online: true, runId: 'run-1' }),
    )
    const progress = world.events.seen
      .slice(before)
      .filter((e): e is { event: 'doctor:progress'; payload: DoctorProgress } => {
        return (e as { event: string }).event === 'doctor:progress'
      })
      .map((e) => e.payload)
    // One API probe for the account, one git probe for the repository.
    expect(progress.map((p) => [p.runId, p.done, p.total])).toEqual([
      ['run-1', 0, 2],
      ['run-1', 1, 2],
      ['run-1', 2, 2],
    ])
    expect(new Set(progress.slice(1).map((p) => p.subject))).toEqual(
      new Set([`accounts.${a.id}`, `storage.${r.id}`]),
    )
    // An offline run, or one without a run id, says nothing.
    const mark = world.events.seen.length
    await world.dispatcher.dispatch('doctor:run', { scope: { kind: 'all' }, online: false, runId: 'run-2' })
    await world.dispatcher.dispatch('doctor:run', { scope: { kind: 'all' }, online: true })
    expect(
      world.events.seen.slice(mark).filter((e) => (e as { event: string }).event === 'doctor:progress'),
    ).toEqual([])
  })

  it('explains a pasted error, re-ranked by the chosen account’s facts', async () => {
    const { a } = await seed({ expired: true })
    const text =
      "remote: Invalid username or token. Password authentication is not supported for Git operations.\nfatal: Authentication failed for 'https://github.com/acme/flags.git/'"
    const plain = must<ExplanationView>(
      await world.dispatcher.dispatch('doctor:explain', { text, provider: 'github' }),
    )
    const withFacts = must<ExplanationView>(
      await world.dispatcher.dispatch('doctor:explain', { text, accountId: a.id }),
    )
    expect(plain.candidates.length).toBeGreaterThanOrEqual(3)
    expect(withFacts.category).toBe('expired_token')
  })

  it('the support report has versions, backend, findings and activity, and no secret', async () => {
    await seed({ expired: true })
    const { text } = must<{ text: string }>(await world.dispatcher.dispatch('support:report', {}))
    expect(text).toContain('# GitKeys support report')
    expect(text).toContain('## Versions')
    expect(text).toMatch(/git: \d+\.\d+/)
    expect(text).toContain('token.expired')
    expect(text).toContain('account_add')
    expect(text).toContain(`ghp_…${CANARY.slice(-4)}`)
    expect(text).not.toContain('CANARY0000')
    world.dialogs.nextSave = `${world.root}/report.md`
    expect(must<{ path: string }>(await world.dispatcher.dispatch('support:save', {})).path).toContain(
      'report.md',
    )
    must(await world.dispatcher.dispatch('support:copy', {}))
    expect(world.desktop.clipboard.at(-1)).not.toContain('CANARY0000')
  })

  it('opens only https links to known documentation and the user’s own hosts', async () => {
    world = await createTestWorld()
    await addAccount(world, { provider: 'gitea', tokenKind: 'pat', host: 'git.acme.example' }, 'a'.repeat(40))
    for (const ok of [
      'https://docs.github.com/en/authentication',
      'https://git.acme.example/user/settings/applications',
    ])
      expect((await world.dispatcher.dispatch('app:open-external', { url: ok })).ok).toBe(true)
    for (const bad of [
      'http://docs.github.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://github.com.evil.example/',
      'https://github.com@evil.example/',
      'smb://host/share',
    ])
      expect((await world.dispatcher.dispatch('app:open-external', { url: bad })).ok).toBe(false)
    expect(world.desktop.opened).toHaveLength(2)
  })

  it('tests a token before saving it, against the provider API, without storing anything', async () => {
    world = await createTestWorld()
    const fields = {
      provider: 'github' as const,
      deployment: 'self_hosted' as const,
      host: new URL(server.origin).host,
      pathPrefix: null,
      label: 'Probe',
      username: 'octo',
      tokenKind: 'classic_pat',
      scopes: [],
      expiresAt: null,
      apiUrl: `${server.origin}/api/v3`,
      labels: [],
    }
    const good = must<{ probe: { ok: boolean; login: string; scopes: string[] } }>(
      await world.dispatcher.dispatch('accounts:test', { fields, token: CANARY }),
    )
    expect(good.probe).toMatchObject({ ok: true, login: 'octo', scopes: ['repo'] })
    const bad = must<{ probe: { ok: boolean; category: string } }>(
      await world.dispatcher.dispatch('accounts:test', {
        fields,
        token: 'ghp_0000000000000000000000000000003KhHNi',
      }),
    )
    expect(bad.probe.ok).toBe(false)
    expect(
      must<{ accounts: unknown[] }>(await world.dispatcher.dispatch('accounts:list', {})).accounts,
    ).toEqual([])
  })

  it('never sends a token to an API URL on another host, in a test or from a saved account', async () => {
    world = await createTestWorld()
    const seen = server.requests.length
    const fields = {
      provider: 'github' as const,
      deployment: 'self_hosted' as const,
      host: 'ghe.acme.example',
      pathPrefix: null,
      label: 'Elsewhere',
      username: 'octo',
      tokenKind: 'classic_pat',
      scopes: [],
      expiresAt: null,
      apiUrl: `${server.origin}/api/v3`,
      labels: [],
    }
    for (const r of [
      await world.dispatcher.dispatch('accounts:test', { fields, token: CANARY }),
      await world.dispatcher.dispatch('accounts:add', { fields, token: CANARY }),
    ]) {
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.issues?.map((i) => i.path)).toEqual(['apiUrl'])
    }
    expect(server.requests.length).toBe(seen)
  })
})
