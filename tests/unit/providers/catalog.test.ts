import { describe, expect, it } from 'vitest'
import { ProviderIdSchema, TokenUseSchema } from '@shared/domain/provider'
import {
  defaultTokenKind,
  deploymentForHost,
  guessProvider,
  providerIds,
  providers,
  tokenKind,
  tokenKindsFor,
} from '@shared/providers/catalog'
import { analyzeToken } from '@shared/providers/token-analysis'
import {
  VECTORS,
  atlassianToken,
  azureLegacyPat,
  bbdcToken,
  fineGrainedPat,
  githubToken,
  gitlabLegacy,
  gitlabRoutable,
  jwt,
  rng,
} from '../../support/token-fixtures'

const allKinds = providerIds.flatMap((p) => providers[p].tokenKinds.map((k) => ({ provider: p, kind: k })))

describe('the catalog is complete and every fact is sourced (STYLE.md §11)', () => {
  it('has one module per ProviderId, keyed by its own id', () => {
    expect([...providerIds].sort()).toEqual([...ProviderIdSchema.options].sort())
    for (const id of providerIds) expect(providers[id].id).toBe(id)
  })
  it("the brief's kind ids exist", () => {
    const ids = (p: keyof typeof providers): string[] => providers[p].tokenKinds.map((k) => k.id)
    expect(ids('github')).toEqual(
      expect.arrayContaining([
        'classic_pat',
        'fine_grained_pat',
        'oauth',
        'app_user',
        'app_installation',
        'legacy',
      ]),
    )
    expect(ids('gitlab')).toEqual(
      expect.arrayContaining(['personal', 'project', 'group', 'deploy', 'oauth', 'job']),
    )
    expect(ids('bitbucket')).toEqual(
      expect.arrayContaining([
        'api_token',
        'access_token',
        'app_password',
        'oauth',
        'http_personal',
        'http_project',
        'http_repository',
      ]),
    )
    expect(ids('gitea')).toContain('pat')
    expect(ids('azure')).toEqual(expect.arrayContaining(['pat', 'entra']))
  })
  it.each(allKinds)('$provider/$kind.id: sources on the kind and on every nested fact', ({ kind }) => {
    expect(kind.source.length).toBeGreaterThan(5)
    expect(kind.lifetime.source.length).toBeGreaterThan(5)
    expect(kind.introspection.source.length).toBeGreaterThan(5)
    expect(kind.username.source.length).toBeGreaterThan(5)
    expect(kind.creation.source.length).toBeGreaterThan(5)
    for (const use of TokenUseSchema.options) expect(kind.scopes[use].source.length).toBeGreaterThan(5)
    expect(kind.label.length).toBeGreaterThan(3)
    expect(kind.deployments.length).toBeGreaterThan(0)
  })
  it('every host rule and dated fact has a source; fact ids are unique and dates are real days', () => {
    const facts = providerIds.flatMap((p) => providers[p].datedFacts)
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length)
    for (const f of facts) {
      expect(f.source.length).toBeGreaterThan(5)
      expect(f.date === null || !Number.isNaN(Date.parse(f.date))).toBe(true)
      expect(
        f.date !== null || f.version !== null || f.effect === 'policy' || f.effect === 'format_change',
      ).toBe(true)
    }
    for (const p of providerIds)
      for (const h of providers[p].hosts) expect(h.source.length).toBeGreaterThan(5)
  })
  it('default kinds exist and fit their deployment', () => {
    for (const p of providerIds) {
      for (const d of ['cloud', 'self_hosted'] as const) {
        const k = defaultTokenKind(p, d)
        expect(tokenKind(p, k.id)).toBe(k)
      }
    }
    expect(tokenKindsFor('bitbucket', 'self_hosted').map((k) => k.id)).toEqual([
      'http_personal',
      'http_project',
      'http_repository',
    ])
    expect(tokenKind('github', 'nope')).toBeNull()
  })
})

describe("each kind's shapes agree with analyzeToken", () => {
  const next = rng(99)
  const samples: readonly [string, string, string][] = [
    ['github', 'classic_pat', VECTORS.githubWorked],
    ['github', 'oauth', githubToken(next, 'o')],
    ['github', 'app_user', githubToken(next, 'u')],
    ['github', 'app_installation', githubToken(next, 's')],
    ['github', 'fine_grained_pat', fineGrainedPat(next)],
    ['github', 'legacy', 'abcdef0123456789abcdef0123456789abcdef01'],
    ['gitlab', 'personal', gitlabRoutable(next)],
    ['gitlab', 'project', gitlabLegacy(next)],
    ['gitlab', 'deploy', gitlabLegacy(next, 'gldt-')],
    ['gitlab', 'job', `glcbt-1_${'a'.repeat(20)}`],
    ['gitlab', 'oauth', 'ab'.repeat(32)],
    ['bitbucket', 'api_token', atlassianToken(next, 'ATATT')],
    ['bitbucket', 'access_token', atlassianToken(next, 'ATCTT')],
    ['bitbucket', 'app_password', VECTORS.atbb],
    ['bitbucket', 'http_project', bbdcToken(next)],
    ['gitea', 'pat', 'abcdef0123456789abcdef0123456789abcdef01'],
    ['gitea', 'oauth', jwt({ exp: 1 })],
    ['azure', 'pat', VECTORS.azureFabricatedBase64],
    ['azure', 'pat', azureLegacyPat(next)],
    ['azure', 'entra', jwt({ exp: 1 })],
  ]
  it.each(samples)('%s/%s', (provider, kind, token) => {
    const spec = tokenKind(provider as 'github', kind)
    expect(spec?.shapes.some((re) => re.test(token))).toBe(true)
    const a = analyzeToken(token, { provider: provider as 'github', tokenKind: kind })
    expect([a.provider, a.kind]).toEqual([provider, kind])
  })
})

describe('guessProvider and deploymentForHost', () => {
  it.each([
    ['github.com', [], 'github', 'cloud', 'known_host'],
    ['ssh.github.com', [], 'github', 'cloud', 'known_host'],
    ['gitlab.com', [], 'gitlab', 'cloud', 'known_host'],
    ['bitbucket.org', [], 'bitbucket', 'cloud', 'known_host'],
    ['dev.azure.com', [], 'azure', 'cloud', 'known_host'],
    ['acme.visualstudio.com', [], 'azure', 'cloud', 'known_host'],
    ['ssh.dev.azure.com', [], 'azure', 'cloud', 'known_host'],
    ['tfs.corp.example', ['Coll', 'P', '_git', 'r'], 'azure', 'self_hosted', 'path_shape'],
    ['code.corp.example', ['g', 'p', '-', 'tree'], 'gitlab', 'self_hosted', 'path_shape'],
    ['code.corp.example', ['scm', 'proj', 'r.git'], 'bitbucket', 'self_hosted', 'path_shape'],
    ['gitlab.corp.example', ['g', 'p'], 'gitlab', 'self_hosted', 'host_name'],
    ['github.corp.example', ['o', 'r'], 'github', 'self_hosted', 'host_name'],
    ['codeberg.org', ['o', 'r'], 'gitea', 'self_hosted', 'host_name'],
  ])('%s %j', (host, segs, provider, deployment, confidence) => {
    expect(guessProvider(host, segs)).toEqual({ provider, deployment, confidence })
  })
  it('does not guess from look-alikes of cloud hosts or unknown hosts', () => {
    expect(guessProvider('github.com.evil.example')?.confidence).not.toBe('known_host')
    expect(guessProvider('evilgithub.com')).toBeNull()
    expect(guessProvider('visualstudio.com')).toBeNull()
    expect(guessProvider('git.example.com', ['o', 'r'])).toBeNull()
  })
  it('deploymentForHost', () => {
    expect(deploymentForHost('github', 'github.com')).toBe('cloud')
    expect(deploymentForHost('github', 'ghe.corp')).toBe('self_hosted')
    expect(deploymentForHost('gitlab', 'github.com')).toBe('self_hosted')
  })
})
