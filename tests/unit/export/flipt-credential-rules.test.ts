import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import type { Deployment, ProviderId } from '@shared/domain/provider'
import { FLIPT_CREDENTIAL_RULES, fliptRuleFor } from '@shared/export/flipt-credential-rules'
import { exportFlipt } from '@shared/export/flipt.writer'
import { normalizeTokenKind } from '@shared/export/token-kind'
import { fliptSchemaErrors } from './flipt-schema'
import { account, environment, repository, workspace } from './workspace-builders'

type Creds = Record<string, { type: string; basic?: { username: string }; access_token?: string }>

/** Exports one account bound to one repository (and its SCM) and returns the written credentials. */
function exportOne(
  provider: ProviderId,
  deployment: Deployment,
  tokenKind: string,
  username: string,
  host: string,
) {
  const remote = provider === 'azure' ? `https://${host}/acme/p/_git/r` : `https://${host}/acme/r.git`
  const ws = workspace({
    accounts: [account({ id: 'acc', provider, deployment, tokenKind, username, host })],
    repositories: [repository({ id: 'r', remote, accountId: 'acc' })],
    environments: [
      environment({
        id: 'e',
        repositoryId: 'r',
        default: true,
        scm: { type: provider, apiUrl: null, accountId: 'acc', credentialId: null },
      }),
    ],
  })
  const out = exportFlipt(ws, { secrets: 'env' })
  const doc = parse(out.yaml) as {
    credentials: Creds
    storage: { r: { credentials: string } }
    environments: { e: { scm: { credentials: string } } }
  }
  return { out, doc, ids: { git: doc.storage.r.credentials, scm: doc.environments.e.scm.credentials } }
}

describe('Flipt credential type and username per provider and token kind', () => {
  it.each([
    ['github', 'cloud', 'classic_pat', 'alice', 'github.com', 'access_token', null],
    ['github', 'self_hosted', 'Fine-grained PAT', 'alice', 'ghe.acme.example', 'access_token', null],
    ['github', 'cloud', 'installation_token', 'bot', 'github.com', 'basic', 'x-access-token'],
    ['gitlab', 'cloud', 'pat', 'alice', 'gitlab.com', 'access_token', null],
    ['gitlab', 'self_hosted', 'project_access_token', 'bot', 'gitlab.acme.example', 'access_token', null],
    ['gitlab', 'cloud', 'oauth', 'alice', 'gitlab.com', 'basic', 'oauth2'],
    [
      'gitlab',
      'cloud',
      'deploy_token',
      'gitlab+deploy-token-7',
      'gitlab.com',
      'basic',
      'gitlab+deploy-token-7',
    ],
    ['gitlab', 'cloud', 'job', 'x', 'gitlab.com', 'basic', 'gitlab-ci-token'],
    ['gitlab', 'cloud', 'deploy', 'gitlab+deploy-token-9', 'gitlab.com', 'basic', 'gitlab+deploy-token-9'],
    ['bitbucket', 'self_hosted', 'http_project', 'alice', 'bitbucket.acme.example', 'basic', 'alice'],
    ['bitbucket', 'cloud', 'workspace_access_token', '', 'bitbucket.org', 'access_token', null],
    ['bitbucket', 'cloud', 'api_token', 'alice', 'bitbucket.org', 'basic', 'alice'],
    ['bitbucket', 'cloud', 'app_password', 'alice', 'bitbucket.org', 'basic', 'alice'],
    [
      'bitbucket',
      'self_hosted',
      'personal_access_token',
      'alice',
      'bitbucket.acme.example',
      'basic',
      'alice',
    ],
    [
      'bitbucket',
      'self_hosted',
      'repository_access_token',
      'alice',
      'bitbucket.acme.example',
      'basic',
      'alice',
    ],
    ['azure', 'cloud', 'pat', 'flipt-bot', 'dev.azure.com', 'basic', 'flipt-bot'],
    ['azure', 'cloud', 'pat', '', 'dev.azure.com', 'basic', 'pat'],
    ['gitea', 'self_hosted', 'pat', 'alice', 'gitea.acme.example', 'access_token', null],
  ] as const)('%s %s %s (%s) → %s %s', (provider, deployment, kind, username, host, type, user) => {
    const { doc, ids } = exportOne(provider, deployment, kind, username, host)
    const cred = doc.credentials[ids.git]
    expect(cred?.type).toBe(type)
    expect(cred?.basic?.username ?? null).toBe(user)
  })

  it('Bitbucket API token with an email: git gets x-bitbucket-api-token-auth, the SCM a second credential with the email', () => {
    const { doc, ids, out } = exportOne(
      'bitbucket',
      'cloud',
      'api_token',
      'dev@acme.example',
      'bitbucket.org',
    )
    expect(ids).toEqual({ git: 'acc', scm: 'acc-api' })
    expect(doc.credentials.acc?.basic?.username).toBe('x-bitbucket-api-token-auth')
    expect(doc.credentials['acc-api']?.basic?.username).toBe('dev@acme.example')
    expect(fliptSchemaErrors(out.yaml)).toEqual([])
  })
  it('Bitbucket API token with a username: one credential, and a warning that the API wants the email', () => {
    const { ids, out } = exportOne('bitbucket', 'cloud', 'api_token', 'alice', 'bitbucket.org')
    expect(ids).toEqual({ git: 'acc', scm: 'acc' })
    expect(out.warnings.map((w) => w.id)).toContain('flipt.bitbucket_api_email')
  })
  it('Bitbucket DC project/repository tokens are exported with a Bearer-only warning', () => {
    const { out } = exportOne(
      'bitbucket',
      'self_hosted',
      'project_access_token',
      'alice',
      'bitbucket.acme.example',
    )
    const ids = out.warnings.map((w) => w.id)
    expect(ids).toContain('flipt.bitbucket_dc_bearer_only')
    expect(ids).toContain('flipt.bitbucket_dc_scm')
  })
  it('GitLab OAuth tokens warn that merge requests need a token credential', () => {
    expect(exportOne('gitlab', 'cloud', 'oauth', 'a', 'gitlab.com').out.warnings.map((w) => w.id)).toContain(
      'flipt.gitlab_basic_scm',
    )
  })
  it('an unknown token kind falls back to the provider row', () => {
    expect(fliptRuleFor({ provider: 'github', deployment: 'cloud', tokenKind: 'something-new' }).id).toBe(
      'github.token',
    )
    expect(fliptRuleFor({ provider: 'bitbucket', deployment: 'self_hosted', tokenKind: '?' }).id).toBe(
      'bitbucket.dc',
    )
  })
  it('every provider and deployment has a fallback row, and every row names its source', () => {
    for (const provider of ['github', 'gitlab', 'bitbucket', 'azure', 'gitea'] as const)
      for (const deployment of ['cloud', 'self_hosted'] as const)
        expect(() => fliptRuleFor({ provider, deployment, tokenKind: 'zzz' })).not.toThrow()
    for (const row of FLIPT_CREDENTIAL_RULES) expect(row.source.length).toBeGreaterThan(10)
  })
  it('normalises token kinds written in any case and separator', () => {
    expect(normalizeTokenKind(' Fine-grained PAT ')).toBe('fine_grained_pat')
    expect(normalizeTokenKind('repository/access token')).toBe('repository_access_token')
  })
})
