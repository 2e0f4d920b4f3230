import { pickRow, resolveUsername, type KindKey, type KindSelector, type UsernameSpec } from './token-kind'

/**
 * The HTTPS username git must send with each provider's token kinds (providers.md §2), for tools
 * that take a username and a token: git's own credential config and dFlow's `dokku git:auth`.
 */

/** One row of {@link GIT_USERNAME_RULES}. */
export type GitUsernameRule = KindSelector & {
  readonly username: UsernameSpec
  /** The token cannot be sent as HTTP Basic at all (Bitbucket DC project/repository tokens). */
  readonly bearerOnly: boolean
  readonly note: string | null
  readonly source: string
}

const row = (
  provider: GitUsernameRule['provider'],
  deployment: GitUsernameRule['deployment'],
  kinds: GitUsernameRule['kinds'],
  username: UsernameSpec,
  source: string,
  note: string | null = null,
  bearerOnly = false,
): GitUsernameRule => ({ provider, deployment, kinds, username, bearerOnly, note, source })

const account = (ifEmpty: string): UsernameSpec => ({ from: 'account', ifEmpty })
const literal = (value: string): UsernameSpec => ({ from: 'literal', value })

/** The table; the first row listing the kind wins, then the provider's `any` row. */
export const GIT_USERNAME_RULES: readonly GitUsernameRule[] = [
  row(
    'github',
    'any',
    ['installation_token', 'app_installation', 'app_installation_token', 'ghs'],
    literal('x-access-token'),
    'GitHub docs "Authenticating as a GitHub App installation"',
  ),
  row(
    'github',
    'any',
    'any',
    account('x-access-token'),
    'providers.md §2: GitHub ignores the username (github/docs#38056); the login is conventional',
  ),
  row(
    'gitlab',
    'any',
    ['oauth', 'oauth_token', 'oauth_access_token'],
    literal('oauth2'),
    'gitlab lib/gitlab/auth.rb oauth_access_token_check',
  ),
  row(
    'gitlab',
    'any',
    ['job', 'job_token', 'ci_job_token'],
    literal('gitlab-ci-token'),
    'gitlab build_access_token_check',
  ),
  row(
    'gitlab',
    'any',
    ['deploy', 'deploy_token'],
    account('gitlab+deploy-token'),
    'gitlab deploy_token_check: the deploy token username must match',
  ),
  row(
    'gitlab',
    'any',
    'any',
    account('oauth2'),
    'GitLab personal_access_tokens.md: usernames are ignored with a PAT',
  ),
  row(
    'bitbucket',
    'cloud',
    [
      'access_token',
      'repository_access_token',
      'project_access_token',
      'workspace_access_token',
      'repo_access_token',
      'oauth',
      'oauth_token',
    ],
    literal('x-token-auth'),
    'support.atlassian.com using-access-tokens',
  ),
  row(
    'bitbucket',
    'cloud',
    ['api_token', 'atlassian_api_token', 'user_api_token'],
    { from: 'account_unless_email', instead: 'x-bitbucket-api-token-auth' },
    'support.atlassian.com using-api-tokens: Bitbucket username, not email',
    'Git wants the Bitbucket username (not the email) or x-bitbucket-api-token-auth.',
  ),
  row(
    'bitbucket',
    'cloud',
    ['app_password'],
    account(''),
    'Atlassian KB: app passwords need the Bitbucket username',
    'Bitbucket removed app passwords on 2026-07-28.',
  ),
  row('bitbucket', 'cloud', 'any', account('x-token-auth'), 'providers.md §2'),
  row(
    'bitbucket',
    'self_hosted',
    [
      'http_project',
      'http_repository',
      'project_access_token',
      'repository_access_token',
      'repo_access_token',
      'project_http_access_token',
      'repository_http_access_token',
      'project_token',
      'repository_token',
    ],
    account('x-token-auth'),
    'confluence.atlassian.com/bitbucketserver/http-access-tokens',
    'Project and repository tokens only work as "Authorization: Bearer"; use a personal HTTP access token with git.',
    true,
  ),
  row(
    'bitbucket',
    'self_hosted',
    'any',
    account(''),
    'providers.md §2: Bitbucket DC personal tokens take the username',
  ),
  row('azure', 'any', 'any', account('pat'), 'Azure DevOps REST docs: "Use any value for the user name"'),
  row(
    'gitea',
    'any',
    'any',
    account('git'),
    'go-gitea services/auth/basic.go: the username is not compared with the token owner',
  ),
]

/** The git username and rule for an account. */
export function gitUsernameFor(a: KindKey & { readonly username: string }): {
  username: string
  rule: GitUsernameRule | null
} {
  const rule = pickRow(GIT_USERNAME_RULES, a)
  return { username: rule ? resolveUsername(rule.username, a.username) : a.username, rule }
}
