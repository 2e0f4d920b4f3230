import type { ExplainProvider } from './explain.types'

/** A token kind's username rule over HTTPS: which kinds it covers, and what it accepts. */
export type UsernameRule = {
  readonly id: string
  readonly providers: readonly ExplainProvider[]
  readonly kind: RegExp
  readonly ok: (username: string) => boolean
  readonly expected: string
  readonly source: string
}

/** Username each token kind must be sent with over HTTPS (providers.md §2). */
export const USERNAME_RULES: readonly UsernameRule[] = [
  {
    id: 'gitlab.oauth',
    providers: ['gitlab'],
    kind: /oauth/i,
    ok: (u) => u === 'oauth2',
    expected: 'oauth2',
    source: 'providers.md §2 (lib/gitlab/auth.rb oauth_access_token_check)',
  },
  {
    id: 'gitlab.job_token',
    providers: ['gitlab'],
    kind: /job|ci[_-]?token/i,
    ok: (u) => u === 'gitlab-ci-token',
    expected: 'gitlab-ci-token',
    source: 'providers.md §2 (build_access_token_check)',
  },
  {
    id: 'gitlab.deploy_token',
    providers: ['gitlab'],
    kind: /deploy/i,
    ok: (u) => u !== '' && !/^(?:oauth2|git|gitlab-ci-token|x-token-auth)$/i.test(u) && !u.includes('@'),
    expected: "the deploy token's own username (gitlab+deploy-token-<id> by default)",
    source: 'providers.md §2 (deploy_token_check); https://github.com/kimdre/doco-cd/pull/1564',
  },
  {
    id: 'bitbucket.access_token',
    providers: ['bitbucket'],
    kind: /(?:repo(?:sitory)?|project|workspace)?[_ -]?access[_ -]?token/i,
    ok: (u) => u === 'x-token-auth',
    expected: 'x-token-auth',
    source: 'providers.md §2 (support.atlassian.com using-access-tokens)',
  },
  {
    id: 'bitbucket.api_token',
    providers: ['bitbucket'],
    kind: /api[_ -]?token/i,
    ok: (u) => u !== '' && u !== 'x-token-auth' && !u.includes('@'),
    expected: 'your Bitbucket username or x-bitbucket-api-token-auth',
    source: 'providers.md §2 (support.atlassian.com using-api-tokens)',
  },
  {
    id: 'bitbucket.app_password',
    providers: ['bitbucket'],
    kind: /app[_ -]?password/i,
    ok: (u) => u !== '' && u !== 'x-token-auth' && !u.includes('@'),
    expected: 'your Bitbucket username (not the email)',
    source: 'providers.md §2 (Atlassian KB 401 Basic authentication)',
  },
  {
    id: 'bitbucket_server.project_token',
    providers: ['bitbucket_server'],
    kind: /(?:project|repo(?:sitory)?)[_ -]?(?:http[_ -]?)?(?:access[_ -]?)?token/i,
    ok: (u) => u === '',
    expected: 'no username: send it as "Authorization: Bearer <token>"',
    source: 'providers.md §2 (confluence.atlassian.com/bitbucketserver/http-access-tokens)',
  },
]

/** Scopes that allow pushing, per provider (providers.md §3). */
export const WRITE_SCOPES: Readonly<Record<ExplainProvider, RegExp>> = {
  github: /^(?:repo|public_repo|contents:\s*(?:write|read[_ -]?(?:and[_ -]?)?write))$/i,
  gitlab: /^(?:write_repository|api)$/i,
  bitbucket:
    /^(?:write:repository:bitbucket|admin:repository:bitbucket|repository:write|repository:admin|repositories:write)$/i,
  bitbucket_server: /^(?:repo_write|repo_admin|project_write|project_admin|repository[_ :]?write|write)$/i,
  azure: /^vso\.code_(?:write|manage|full)$/i,
  azure_devops_server: /^vso\.code_(?:write|manage|full)$/i,
  gitea: /^(?:write:repository|write:repo|repo)$/i,
  generic: /write|^repo$|^api$/i,
}
