import { pickRow, resolveUsername, type KindKey, type KindSelector, type UsernameSpec } from './token-kind'

/**
 * Which Flipt credential type and username GitKeys exports for an account, per provider and token
 * kind. Flipt-specific: Flipt's `access_token` always sends git user `x-token-auth` and `Bearer` to
 * the API (flipt@v2 internal/credentials/credentials.go `GitAuthentication()`, flipt-v2.md §3.1), so
 * it is used only where `x-token-auth` works; elsewhere `basic` with the username the host needs.
 */

/** What Flipt sends: `access_token` (x-token-auth + Bearer) or `basic` with a username. */
export type FliptAuth =
  { readonly type: 'access_token' } | { readonly type: 'basic'; readonly username: UsernameSpec }

/** A caveat shown as an export warning. */
export type RuleNote = { readonly id: string; readonly title: string; readonly detail: string }

/** One row of {@link FLIPT_CREDENTIAL_RULES}. */
export type FliptCredentialRule = KindSelector & {
  readonly id: string
  /** For git transport (`storage.<id>.credentials`). */
  readonly git: FliptAuth
  /** For the SCM API (`scm.credentials`) when it needs something else than git; null = same. */
  readonly scm: FliptAuth | null
  /** The SCM API wants the account's email as username (Bitbucket Cloud API tokens). */
  readonly scmUsernameIsEmail: boolean
  /** A YAML comment for the credential's `type` line. */
  readonly comment: string
  /** Emitted whenever a credential from this row is exported. */
  readonly warning: RuleNote | null
  /** Emitted when the credential serves an environment's `scm`. */
  readonly scmWarning: RuleNote | null
  readonly source: string
}

const TOKEN: FliptAuth = { type: 'access_token' }
const basicAccount = (ifEmpty: string): FliptAuth => ({
  type: 'basic',
  username: { from: 'account', ifEmpty },
})
const basicLiteral = (value: string): FliptAuth => ({ type: 'basic', username: { from: 'literal', value } })

const BITBUCKET_DC_SCM: RuleNote = {
  id: 'flipt.bitbucket_dc_scm',
  title: 'Flipt cannot open pull requests on Bitbucket Data Center',
  detail:
    "Flipt's bitbucket SCM speaks the Bitbucket Cloud 2.0 API only; Data Center's REST API is /rest/api/1.0. Git sync works, merge proposals will not.",
}

const base = { scm: null, scmUsernameIsEmail: false, warning: null, scmWarning: null } as const

/** The table. The first row listing the kind wins, then the provider's `any` row. */
export const FLIPT_CREDENTIAL_RULES: readonly FliptCredentialRule[] = [
  {
    ...base,
    id: 'github.installation_token',
    provider: 'github',
    deployment: 'any',
    kinds: ['installation_token', 'app_installation', 'app_installation_token', 'ghs'],
    git: basicLiteral('x-access-token'),
    comment: 'GitHub App installation token: git user x-access-token',
    warning: {
      id: 'flipt.github_installation_token',
      title: 'Installation tokens expire after one hour',
      detail: 'Use a github_app credential (client id, installation id, private key) so Flipt mints its own.',
    },
    source: 'providers.md §2 (GitHub docs "Authenticating as a GitHub App installation")',
  },
  {
    ...base,
    id: 'github.token',
    provider: 'github',
    deployment: 'any',
    kinds: 'any',
    git: TOKEN,
    comment: 'git: x-token-auth:<token> (GitHub ignores the username); API: Bearer <token>',
    source: 'flipt@v2 internal/credentials/credentials.go; providers.md §2 (github/docs#38056)',
  },
  {
    ...base,
    id: 'gitlab.oauth',
    provider: 'gitlab',
    deployment: 'any',
    kinds: ['oauth', 'oauth_token', 'oauth_access_token'],
    git: basicLiteral('oauth2'),
    comment: 'GitLab OAuth token: git user oauth2',
    scmWarning: {
      id: 'flipt.gitlab_basic_scm',
      title: 'GitLab merge requests need a token credential',
      detail:
        "Flipt's GitLab SCM turns a basic credential into an OAuth password grant; use a personal, project or group access token for merge requests.",
    },
    source: 'providers.md §2 (gitlab lib/gitlab/auth.rb oauth_access_token_check); flipt-v2.md §3.2',
  },
  {
    ...base,
    id: 'gitlab.deploy_token',
    provider: 'gitlab',
    deployment: 'any',
    kinds: ['deploy', 'deploy_token'],
    git: basicAccount('gitlab+deploy-token'),
    comment: "GitLab deploy token: git user is the deploy token's username",
    scmWarning: {
      id: 'flipt.gitlab_deploy_token_scm',
      title: 'Deploy tokens have no API access',
      detail: 'Merge requests need a personal, project or group access token with the api scope.',
    },
    source: 'providers.md §2 (gitlab deploy_token_check) and §3',
  },
  {
    ...base,
    id: 'gitlab.job_token',
    provider: 'gitlab',
    deployment: 'any',
    kinds: ['job', 'job_token', 'ci_job_token'],
    git: basicLiteral('gitlab-ci-token'),
    comment: 'GitLab CI job token: git user gitlab-ci-token',
    warning: {
      id: 'flipt.gitlab_job_token',
      title: 'Job tokens only live while their CI job runs',
      detail: 'Flipt keeps running after the job ends; use a project or group access token.',
    },
    source: 'providers.md §2 (gitlab build_access_token_check)',
  },
  {
    ...base,
    id: 'gitlab.token',
    provider: 'gitlab',
    deployment: 'any',
    kinds: 'any',
    git: TOKEN,
    comment: 'git: x-token-auth:<token> (GitLab ignores the username); API: PRIVATE-TOKEN',
    source: 'flipt-v2.md §3.2 (basic = OAuth password grant); providers.md §2 (personal_access_tokens.md)',
  },
  {
    ...base,
    id: 'bitbucket.api_token',
    provider: 'bitbucket',
    deployment: 'cloud',
    kinds: ['api_token', 'atlassian_api_token', 'user_api_token'],
    git: { type: 'basic', username: { from: 'account_unless_email', instead: 'x-bitbucket-api-token-auth' } },
    scm: basicAccount(''),
    scmUsernameIsEmail: true,
    comment: 'Bitbucket API token: git takes the Bitbucket username, the REST API the Atlassian email',
    source: 'providers.md §2 and §5 (support.atlassian.com using-api-tokens); flipt-v2.md §3 note',
  },
  {
    ...base,
    id: 'bitbucket.app_password',
    provider: 'bitbucket',
    deployment: 'cloud',
    kinds: ['app_password'],
    git: basicAccount(''),
    comment: 'Bitbucket app password: Bitbucket username (not email)',
    warning: {
      id: 'flipt.bitbucket_app_password',
      title: 'Bitbucket removed app passwords on 2026-07-28',
      detail: 'Replace it with an API token or a repository/workspace access token.',
    },
    source: 'providers.md §2 and §4 (Atlassian app password deprecation notice)',
  },
  {
    ...base,
    id: 'bitbucket.access_token',
    provider: 'bitbucket',
    deployment: 'cloud',
    kinds: [
      'access_token',
      'repository_access_token',
      'project_access_token',
      'workspace_access_token',
      'repo_access_token',
      'oauth',
      'oauth_token',
    ],
    git: TOKEN,
    comment: 'Bitbucket access token: git user x-token-auth (required); API: Bearer',
    source: 'flipt@v2 internal/credentials/credentials.go comment; support.atlassian.com using-access-tokens',
  },
  {
    ...base,
    id: 'bitbucket.cloud',
    provider: 'bitbucket',
    deployment: 'cloud',
    kinds: 'any',
    git: basicAccount('x-token-auth'),
    comment: 'Bitbucket: basic with the Bitbucket username',
    source: 'providers.md §2',
  },
  {
    ...base,
    id: 'bitbucket.dc_project_token',
    provider: 'bitbucket',
    deployment: 'self_hosted',
    kinds: [
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
    git: basicAccount('x-token-auth'),
    comment: 'Bitbucket Data Center project/repository token (Bearer only)',
    warning: {
      id: 'flipt.bitbucket_dc_bearer_only',
      title: 'This token only works as a Bearer token',
      detail:
        'Bitbucket Data Center project and repository HTTP access tokens are refused over HTTP Basic, and go-git sends Basic. Use a personal HTTP access token for Flipt.',
    },
    scmWarning: BITBUCKET_DC_SCM,
    source: 'providers.md §2 (confluence.atlassian.com/bitbucketserver/http-access-tokens)',
  },
  {
    ...base,
    id: 'bitbucket.dc',
    provider: 'bitbucket',
    deployment: 'self_hosted',
    kinds: 'any',
    git: basicAccount('x-token-auth'),
    comment: 'Bitbucket Data Center personal token: Bitbucket username',
    scmWarning: BITBUCKET_DC_SCM,
    source: 'providers.md §2; flipt-v2.md §8 (Bitbucket Server api_url)',
  },
  {
    ...base,
    id: 'azure.entra',
    provider: 'azure',
    deployment: 'any',
    kinds: ['entra', 'entra_token', 'entra_id_token', 'aad_token', 'jwt'],
    git: basicAccount('pat'),
    comment: 'Azure DevOps: the password is the token for git and the API',
    warning: {
      id: 'flipt.azure_entra_token',
      title: 'Entra ID tokens expire within hours',
      detail: 'Flipt keeps the token it was started with; use a PAT scoped to the organisation.',
    },
    source: 'providers.md §1.4 and §2',
  },
  {
    ...base,
    id: 'azure.pat',
    provider: 'azure',
    deployment: 'any',
    kinds: 'any',
    git: basicAccount('pat'),
    comment: 'Azure DevOps: the username is ignored; the password is the PAT for git and the API',
    source: 'flipt@v2 coss azure (NewPatConnection uses the password); providers.md §2 (REST spec)',
  },
  {
    ...base,
    id: 'gitea.token',
    provider: 'gitea',
    deployment: 'any',
    kinds: 'any',
    git: TOKEN,
    comment: 'git: x-token-auth:<token> (Gitea does not compare the username); API: token <token>',
    source: 'go-gitea services/auth/basic.go (providers.md §2); flipt-v2.md §3.2 gitea',
  },
]

/** The rule for an account; every provider has an `any` row, so there always is one. */
export function fliptRuleFor(account: KindKey): FliptCredentialRule {
  const row = pickRow(FLIPT_CREDENTIAL_RULES, account)
  if (!row) throw new Error(`no Flipt credential rule for provider ${account.provider}`)
  return row
}

/** The type and username a credential gets from `auth` for an account with `username`. */
export function resolveFliptAuth(
  auth: FliptAuth,
  username: string,
): { readonly type: 'basic' | 'access_token'; readonly username: string | null } {
  return auth.type === 'access_token'
    ? { type: 'access_token', username: null }
    : { type: 'basic', username: resolveUsername(auth.username, username) }
}

/** True when the SCM API needs a credential different from the git one for this rule and account. */
export function scmDiffers(rule: FliptCredentialRule, username: string): boolean {
  if (rule.scm === null) return false
  const git = resolveFliptAuth(rule.git, username)
  const scm = resolveFliptAuth(rule.scm, username)
  return git.type !== scm.type || git.username !== scm.username
}
