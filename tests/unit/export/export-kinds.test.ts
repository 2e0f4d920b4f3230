import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { ProviderId } from '@shared/domain/provider'
import { exportDflow } from '@shared/export/dflow.writer'
import { FLIPT_CREDENTIAL_RULES, fliptAdviceFor, fliptRuleFor } from '@shared/export/flipt-credential-rules'
import { deriveScmApiUrl } from '@shared/export/flipt-scm-api'
import { exportFlipt } from '@shared/export/flipt.writer'
import { exportGitConfig } from '@shared/export/git-config.writer'
import { LEGACY_KIND_ALIASES, resolveTokenKind } from '@shared/export/token-kind'
import { apiBaseFor } from '@shared/providers/api-base'
import { providerIds, providers, tokenKind } from '@shared/providers/catalog'
import { account, environment, repository, workspace } from './workspace-builders'

/** The exporter reads provider facts from the catalog, keyed by the catalog's token kind ids. */

describe('token kinds: catalog ids, an explicit alias table, then the default kind', () => {
  it('every catalog kind has exactly one Flipt rule, and rows name only catalog kinds', () => {
    for (const provider of providerIds)
      for (const kind of providers[provider].tokenKinds) {
        const rows = FLIPT_CREDENTIAL_RULES.filter(
          (r) => r.provider === provider && r.kinds.includes(kind.id),
        )
        expect(
          rows.map((r) => r.id),
          `${provider} ${kind.id}`,
        ).toHaveLength(1)
      }
    for (const row of FLIPT_CREDENTIAL_RULES)
      for (const k of row.kinds) expect(tokenKind(row.provider, k), `${row.id} ${k}`).not.toBeNull()
  })
  it('every alias points at a catalog kind of its provider', () => {
    for (const provider of providerIds)
      for (const [spelling, ids] of LEGACY_KIND_ALIASES[provider])
        for (const id of ids) expect(tokenKind(provider, id), `${provider} ${spelling}`).not.toBeNull()
  })
  it.each([
    ['github', 'cloud', 'fine_grained_pat', 'fine_grained_pat', 'id'],
    ['github', 'cloud', 'Fine-grained PAT', 'fine_grained_pat', 'id'],
    ['github', 'self_hosted', 'installation_token', 'app_installation', 'alias'],
    ['gitlab', 'cloud', 'deploy_token', 'deploy', 'alias'],
    ['bitbucket', 'cloud', 'project_access_token', 'access_token', 'alias'],
    ['bitbucket', 'self_hosted', 'project_access_token', 'http_project', 'alias'],
    ['bitbucket', 'self_hosted', 'oauth', 'http_personal', 'default'],
    ['github', 'cloud', 'constructor', 'classic_pat', 'default'],
    ['azure', 'cloud', '__proto__', 'pat', 'default'],
  ] as const)('%s %s "%s" → %s (%s)', (provider, deployment, text, id, via) => {
    const r = resolveTokenKind({ provider, deployment, tokenKind: text })
    expect({ id: r.spec.id, via: r.via }).toEqual({ id, via })
  })
})

describe('Flipt caveats quote the catalog', () => {
  const subject = (provider: ProviderId, tokenKind: string, username = 'alice') => ({
    provider,
    deployment: 'cloud' as const,
    tokenKind,
    username,
    label: 'a',
  })
  it('an installation token warning carries the catalog lifetime note', () => {
    const [w] = fliptAdviceFor(subject('github', 'app_installation')).warnings
    expect(w?.detail).toContain(tokenKind('github', 'app_installation')?.lifetime.note ?? '?')
  })
  it('a removed kind (Bitbucket app passwords) is flagged from the dated facts', () => {
    const w = fliptAdviceFor(subject('bitbucket', 'app_password')).warnings
    expect(w.map((x) => x.id)).toEqual(['flipt.token_kind_removed'])
    expect(w[0]?.title).toContain('2026-07-28')
  })
  it('basic credentials without a Flipt comment get the kind label and username rule', () => {
    const advice = fliptAdviceFor(subject('gitlab', 'oauth'))
    expect(advice.comment).toBe(
      `${tokenKind('gitlab', 'oauth')?.label ?? '?'}: ${tokenKind('gitlab', 'oauth')?.username.note ?? '?'}`,
    )
    expect(fliptRuleFor(subject('gitlab', 'oauth')).id).toBe('gitlab.oauth')
  })
})

describe('api_url from the catalog', () => {
  const acc = (provider: ProviderId, host: string, pathPrefix: string | null = null) =>
    account({ id: 'a', provider, host, deployment: 'self_hosted', pathPrefix })
  it.each([
    ['github', 'https://ghe.acme.example/o/r.git', acc('github', 'ghe.acme.example')],
    ['gitlab', 'https://code.acme.example/gitlab/g/r.git', acc('gitlab', 'code.acme.example', 'gitlab')],
  ] as const)('%s self-hosted writes the REST base of apiBaseFor', (type, remote, a) => {
    const want = apiBaseFor(a)
    expect(want.ok).toBe(true)
    expect(deriveScmApiUrl(type, remote, a)).toBe(want.ok ? want.url : '')
  })
  it('writes nothing where Flipt defaults right (cloud hosts, Azure) or cannot use it (Bitbucket DC)', () => {
    expect(deriveScmApiUrl('github', 'git@github.com:o/r.git', null)).toBeNull()
    expect(deriveScmApiUrl('azure', 'https://dev.azure.com/o/p/_git/r', null)).toBeNull()
    expect(deriveScmApiUrl('bitbucket', 'https://bb.acme.example/scm/p/r.git', null)).toBeNull()
  })
  it('keeps plain http for a loopback Gitea mirror', () => {
    expect(deriveScmApiUrl('gitea', 'http://127.0.0.1:3000/o/r.git', null)).toBe('http://127.0.0.1:3000')
  })
})

describe('mistakes of the old duplicate tables, fixed by reading the catalog', () => {
  it('a GitLab deploy token without its username is flagged instead of guessing "gitlab+deploy-token"', () => {
    const ws = workspace({
      accounts: [
        account({ id: 'd', provider: 'gitlab', host: 'gitlab.com', tokenKind: 'deploy', username: '' }),
      ],
      repositories: [repository({ id: 'r', remote: 'https://gitlab.com/g/r.git', accountId: 'd' })],
    })
    const git = exportGitConfig(ws)
    expect(git.text).not.toContain('gitlab+deploy-token')
    expect(git.warnings.map((w) => w.id)).toContain('gitconfig.no_username')
    const flipt = exportFlipt(ws, { secrets: 'env' })
    expect(flipt.warnings.map((w) => w.subject)).toContain('credentials.d.basic.username')
  })
  it('dFlow accepts an Azure SSH remote: it is given as https://dev.azure.com/…', () => {
    const ws = workspace({
      accounts: [account({ id: 'az', provider: 'azure', host: 'dev.azure.com', pathPrefix: 'acme' })],
      repositories: [
        repository({ id: 'r', remote: 'git@ssh.dev.azure.com:v3/acme/shop/shop', accountId: 'az' }),
      ],
      environments: [
        environment({
          id: 'e',
          repositoryId: 'r',
          dflow: { application: 'a', environment: 'e', service: 's' },
        }),
      ],
    })
    const sheet = exportDflow(ws).sheets[0]?.sheet
    expect(sheet).toMatchObject({
      supported: true,
      repositoryUrl: 'https://dev.azure.com/acme/shop/_git/shop',
    })
  })
  it('the Bitbucket Data Center SCM warning is given once, with the catalog note', () => {
    const ws = workspace({
      accounts: [
        account({
          id: 'dc',
          provider: 'bitbucket',
          deployment: 'self_hosted',
          host: 'bb.acme.example',
          username: 'alice',
          tokenKind: 'http_personal',
        }),
      ],
      repositories: [repository({ id: 'r', remote: 'https://bb.acme.example/scm/p/r.git', accountId: 'dc' })],
      environments: [
        environment({
          id: 'e',
          repositoryId: 'r',
          default: true,
          scm: { type: 'bitbucket', apiUrl: null, accountId: 'dc', credentialId: null },
        }),
      ],
    })
    const out = exportFlipt(ws, { secrets: 'env' })
    const dc = out.warnings.filter((w) => w.id === 'flipt.bitbucket_dc_scm')
    expect(dc.map((w) => w.detail)).toEqual([providers.bitbucket.api.flipt.note])
    const doc = parse(out.yaml) as { credentials: { dc: { basic: { username: string } } } }
    expect(doc.credentials.dc.basic.username).toBe('alice')
  })
})
