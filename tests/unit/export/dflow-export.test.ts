import { describe, expect, it } from 'vitest'
import type { Environment } from '@shared/domain/environment'
import { exportDflow } from '@shared/export/dflow.writer'
import { account, credential, environment, repository, workspace } from './workspace-builders'

const labels = (service: string): Environment['dflow'] => ({
  application: 'shop',
  environment: 'prod',
  service,
})

const ws = workspace({
  accounts: [
    account({
      id: 'gh',
      provider: 'github',
      host: 'github.com',
      username: 'alice',
      tokenKind: 'fine_grained_pat',
      label: 'Alice GitHub',
    }),
    account({
      id: 'gl',
      provider: 'gitlab',
      deployment: 'self_hosted',
      host: 'gitlab.acme.example',
      username: 'deployer',
      label: 'GitLab | ops',
      secret: { ref: 'vault', hint: 'glpat-…wxyz', fingerprint: 'f' },
    }),
    account({
      id: 'bb',
      provider: 'bitbucket',
      host: 'bitbucket.org',
      username: 'x-token-auth',
      tokenKind: 'repository_access_token',
    }),
    account({
      id: 'bbdc',
      provider: 'bitbucket',
      deployment: 'self_hosted',
      host: 'bitbucket.acme.example',
      username: 'alice',
    }),
    account({
      id: 'az',
      provider: 'azure',
      host: 'dev.azure.com',
      pathPrefix: 'acme',
      username: '',
      tokenKind: 'pat',
    }),
    account({
      id: 'azs',
      provider: 'azure',
      deployment: 'self_hosted',
      host: 'tfs.acme.example',
      username: 'svc',
    }),
    account({
      id: 'gt',
      provider: 'gitea',
      deployment: 'self_hosted',
      host: 'gitea.acme.example',
      username: 'ops',
    }),
  ],
  credentials: [
    credential({
      id: 'glc',
      type: 'access_token',
      accountId: 'gl',
      secret: { kind: 'vault', accountId: 'gl' },
    }),
  ],
  repositories: [
    repository({ id: 'gh', remote: 'git@github.com:acme/shop.git', accountId: 'gh', branch: 'main' }),
    repository({
      id: 'gl',
      remote: 'https://gitlab.acme.example/acme/shop.git',
      credentialId: 'glc',
      branch: 'release|1',
    }),
    repository({ id: 'bb', remote: 'https://bitbucket.org/acme/shop.git', accountId: 'bb' }),
    repository({ id: 'bbdc', remote: 'https://bitbucket.acme.example/scm/SHOP/shop.git', accountId: 'bbdc' }),
    repository({ id: 'az', remote: 'https://dev.azure.com/acme/shop/_git/shop', accountId: 'az' }),
    repository({
      id: 'azs',
      remote: 'https://tfs.acme.example/tfs/DefaultCollection/shop/_git/shop',
      accountId: 'azs',
    }),
    repository({ id: 'gt', remote: 'https://gitea.acme.example/ops/shop.git', accountId: 'gt' }),
    repository({ id: 'public', remote: 'https://github.com/acme/public.git' }),
  ],
  environments: ['gh', 'gl', 'bb', 'bbdc', 'az', 'azs', 'gt']
    .map((id) => environment({ id, repositoryId: id, dflow: labels(id) }))
    .concat([
      environment({
        id: 'public',
        repositoryId: 'public',
        scm: { type: 'github', apiUrl: null, accountId: null, credentialId: null },
        dflow: labels('public'),
      }),
      environment({ id: 'flipt-only', repositoryId: 'gh' }),
    ]),
})

describe('dFlow source sheets', () => {
  const out = exportDflow(ws)
  const sheet = (id: string) => out.sheets.find((s) => s.sheet.environmentId === id)?.sheet

  it('writes one sheet per labelled environment, in JSON and Markdown', () => {
    expect(out.sheets.map((s) => s.sheet.environmentId)).toEqual([
      'gh',
      'gl',
      'bb',
      'bbdc',
      'az',
      'azs',
      'gt',
      'public',
    ])
    for (const s of out.sheets) {
      expect(JSON.parse(s.json)).toEqual(s.sheet)
      expect(out.markdown).toContain(s.markdown)
    }
  })
  it.each([
    ['gh', 'github', null, ['contents:read']],
    ['gl', 'gitlab', 'deployer', ['read_repository']],
    ['bb', 'bitbucket', 'x-token-auth', ['repository']],
    ['az', 'azureDevOps', 'pat', ['vso.code']],
    ['gt', 'gitea', 'ops', ['read:repository']],
  ] as const)('%s: tab %s, username %s, least scopes', (id, tab, username, scopes) => {
    expect(sheet(id)).toMatchObject({ providerTab: tab, supported: true, username, leastScopes: scopes })
  })
  it('names the token by account label and hint, never its value; Azure requires one', () => {
    expect(sheet('gl')?.token).toEqual({
      accountId: 'gl',
      accountLabel: 'GitLab | ops',
      hint: 'glpat-…wxyz',
      required: false,
    })
    expect(sheet('az')?.token?.required).toBe(true)
    expect(JSON.stringify(out)).not.toMatch(/glpat-[A-Za-z0-9_-]{8,}|ghp_[A-Za-z0-9]{8,}/)
  })
  it('gives dFlow an HTTPS URL for an SSH remote', () => {
    expect(sheet('gh')?.repositoryUrl).toBe('https://github.com/acme/shop.git')
  })
  it('says Bitbucket Data Center and Azure DevOps Server are not supported (dFlow fixes the host)', () => {
    expect(sheet('bbdc')).toMatchObject({
      supported: false,
      unsupportedReason: expect.stringContaining('bitbucket.org') as unknown,
    })
    expect(sheet('azs')).toMatchObject({
      supported: false,
      unsupportedReason: expect.stringContaining('dev.azure.com') as unknown,
    })
    expect(out.warnings.filter((w) => w.id === 'dflow.unsupported_host').map((w) => w.subject)).toEqual([
      'environments.bbdc',
      'environments.azs',
    ])
  })
  it('writes a public repository without a token', () => {
    expect(sheet('public')).toMatchObject({ providerTab: 'github', token: null })
  })
  it('escapes table-breaking characters in Markdown', () => {
    const md = out.sheets.find((s) => s.sheet.environmentId === 'gl')?.markdown ?? ''
    expect(md).toContain('| Branch | `release\\|1` |')
    expect(md).toContain('`GitLab \\| ops`')
  })
  it('warns about requested environments without dFlow labels', () => {
    const only = exportDflow(ws, ['flipt-only'])
    expect(only.sheets).toEqual([])
    expect(only.warnings.map((w) => w.id)).toEqual(['dflow.not_labelled'])
  })
})
