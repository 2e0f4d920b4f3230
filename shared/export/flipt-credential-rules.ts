import type { ProviderId, TokenUse } from '../domain/provider'
import type { TokenKindSpec } from '../providers/provider-types'
import { accountGitUsername, kindRemovals, resolveTokenKind, type KindKey } from './token-kind'

/**
 * Which Flipt credential type GitKeys exports for an account, per provider and catalog token kind.
 * Flipt-specific: Flipt's `access_token` always sends git user `x-token-auth` and `Bearer` to the API
 * (flipt@v2 internal/credentials/credentials.go `GitAuthentication()`, flipt-v2.md §3.1), so it is
 * used only where `x-token-auth` works; elsewhere `basic` with the username the catalog says git
 * needs (providers/git-username.ts). Provider facts quoted in caveats come from the catalog.
 */

/** What Flipt sends: `access_token` (x-token-auth + Bearer), or `basic` with the git username or the account's own. */
export type FliptAuth =
  { readonly type: 'access_token' } | { readonly type: 'basic'; readonly username: 'git' | 'account' }

/** A caveat shown as an export warning. */
export type RuleNote = { readonly id: string; readonly title: string; readonly detail: string }

/** A Flipt caveat for a kind: its detail is the catalog fact named by `fact`, then Flipt's advice. */
export type FliptCaveat = {
  readonly id: string
  readonly title: string
  readonly fact: 'lifetime' | 'username' | TokenUse | null
  readonly advice: string
}

/** One row of {@link FLIPT_CREDENTIAL_RULES}. */
export type FliptCredentialRule = {
  readonly id: string
  readonly provider: ProviderId
  /** Catalog token kind ids (providers/<provider>.ts) this row serves. */
  readonly kinds: readonly string[]
  /** For git transport (`storage.<id>.credentials`). */
  readonly git: FliptAuth
  /** For the SCM API (`scm.credentials`) when it needs something else than git; null = same. */
  readonly scm: FliptAuth | null
  /** The SCM API wants the account's email as username (Bitbucket Cloud API tokens). */
  readonly scmUsernameIsEmail: boolean
  /** A YAML comment for the credential's `type` line; null = the kind's label and username note. */
  readonly comment: string | null
  /** Emitted whenever a credential from this row is exported. */
  readonly warning: FliptCaveat | null
  /** Emitted when the credential serves an environment's `scm`. */
  readonly scmWarning: FliptCaveat | null
  readonly source: string
}

const TOKEN: FliptAuth = { type: 'access_token' }
const BASIC: FliptAuth = { type: 'basic', username: 'git' }
const base = {
  git: BASIC,
  scm: null,
  scmUsernameIsEmail: false,
  comment: null,
  warning: null,
  scmWarning: null,
} as const

/** The table: every catalog kind has exactly one row (tests/unit/export/export-kinds.test.ts). */
export const FLIPT_CREDENTIAL_RULES: readonly FliptCredentialRule[] = [
  {
    ...base,
    id: 'github.installation_token',
    provider: 'github',
    kinds: ['app_installation'],
    warning: {
      id: 'flipt.github_installation_token',
      title: 'Flipt cannot renew an installation token',
      fact: 'lifetime',
      advice: 'Use a github_app credential (client id, installation id, private key) so Flipt mints its own.',
    },
    source: 'flipt-v2.md §1.2 (github_app credential)',
  },
  {
    ...base,
    id: 'github.token',
    provider: 'github',
    kinds: ['classic_pat', 'fine_grained_pat', 'oauth', 'app_user', 'legacy'],
    git: TOKEN,
    comment: 'git: x-token-auth:<token> (GitHub ignores the username); API: Bearer <token>',
    source: 'flipt@v2 internal/credentials/credentials.go; providers.md §2 (github/docs#38056)',
  },
  {
    ...base,
    id: 'gitlab.oauth',
    provider: 'gitlab',
    kinds: ['oauth'],
    scmWarning: {
      id: 'flipt.gitlab_basic_scm',
      title: 'GitLab merge requests need a token credential',
      fact: null,
      advice:
        "Flipt's GitLab SCM turns a basic credential into an OAuth password grant; use a personal, project or group access token for merge requests.",
    },
    source: 'flipt-v2.md §3.2 (gitlab: basic = NewBasicAuthClient, an OAuth password grant)',
  },
  {
    ...base,
    id: 'gitlab.deploy_token',
    provider: 'gitlab',
    kinds: ['deploy'],
    scmWarning: {
      id: 'flipt.gitlab_deploy_token_scm',
      title: 'This token cannot open merge requests',
      fact: 'merge_proposals',
      advice: 'Bind a personal, project or group access token with the api scope to the SCM.',
    },
    source: 'flipt-v2.md §3.2 (merge requests go through the API)',
  },
  {
    ...base,
    id: 'gitlab.job_token',
    provider: 'gitlab',
    kinds: ['job'],
    warning: {
      id: 'flipt.gitlab_job_token',
      title: 'Flipt cannot keep using a CI job token',
      fact: 'flipt_sync',
      advice: 'Flipt keeps running after the job ends; use a project or group access token.',
    },
    source: 'flipt-v2.md §3.1 (the credential is read once at start)',
  },
  {
    ...base,
    id: 'gitlab.token',
    provider: 'gitlab',
    kinds: ['personal', 'project', 'group'],
    git: TOKEN,
    comment: 'git: x-token-auth:<token> (GitLab ignores the username); API: PRIVATE-TOKEN',
    source: 'flipt-v2.md §3.2 (basic = OAuth password grant); providers.md §2 (personal_access_tokens.md)',
  },
  {
    ...base,
    id: 'bitbucket.api_token',
    provider: 'bitbucket',
    kinds: ['api_token'],
    scm: { type: 'basic', username: 'account' },
    scmUsernameIsEmail: true,
    comment: 'Bitbucket API token: git takes the Bitbucket username, the REST API the Atlassian email',
    source: 'providers.md §2 and §5 (support.atlassian.com using-api-tokens); flipt-v2.md §3 note',
  },
  {
    ...base,
    id: 'bitbucket.app_password',
    provider: 'bitbucket',
    kinds: ['app_password'],
    source: 'providers.md §2 (app passwords take the username); removal dates: bitbucket-facts.ts',
  },
  {
    ...base,
    id: 'bitbucket.access_token',
    provider: 'bitbucket',
    kinds: ['access_token', 'oauth'],
    git: TOKEN,
    comment: 'Bitbucket access token: git user x-token-auth (required); API: Bearer',
    source: 'flipt@v2 internal/credentials/credentials.go comment; support.atlassian.com using-access-tokens',
  },
  {
    ...base,
    id: 'bitbucket.dc_project_token',
    provider: 'bitbucket',
    kinds: ['http_project', 'http_repository'],
    git: { type: 'basic', username: 'account' },
    comment: 'Bitbucket Data Center project/repository token (Bearer only)',
    warning: {
      id: 'flipt.bitbucket_dc_bearer_only',
      title: 'This token only works as a Bearer token',
      fact: 'username',
      advice: "Flipt's git transport (go-git) sends HTTP Basic; use a personal HTTP access token for Flipt.",
    },
    source: 'flipt-v2.md §3.1 (go-git sends Basic); providers.md §2 (http-access-tokens)',
  },
  {
    ...base,
    id: 'bitbucket.dc',
    provider: 'bitbucket',
    kinds: ['http_personal'],
    source: 'providers.md §2; flipt-v2.md §8 (Bitbucket Server api_url)',
  },
  {
    ...base,
    id: 'azure.entra',
    provider: 'azure',
    kinds: ['entra'],
    warning: {
      id: 'flipt.azure_entra_token',
      title: 'Flipt cannot renew an Entra ID token',
      fact: 'lifetime',
      advice: 'Flipt keeps the token it was started with; use a PAT scoped to the organisation.',
    },
    source: 'flipt-v2.md §3.2 (azure: the password is the PAT); providers.md §1.4',
  },
  {
    ...base,
    id: 'azure.pat',
    provider: 'azure',
    kinds: ['pat'],
    comment: 'Azure DevOps: the username is ignored; the password is the PAT for git and the API',
    source: 'flipt@v2 coss azure (NewPatConnection uses the password); providers.md §2 (REST spec)',
  },
  {
    ...base,
    id: 'gitea.token',
    provider: 'gitea',
    kinds: ['pat', 'oauth'],
    git: TOKEN,
    comment: 'git: x-token-auth:<token> (Gitea does not compare the username); API: token <token>',
    source: 'go-gitea services/auth/basic.go (providers.md §2); flipt-v2.md §3.2 gitea',
  },
]

/** The rule for an account: the row of its catalog kind (unknown kinds read as the provider's default). */
export function fliptRuleFor(account: KindKey): FliptCredentialRule {
  const kind = resolveTokenKind(account).spec.id
  const row = FLIPT_CREDENTIAL_RULES.find((r) => r.provider === account.provider && r.kinds.includes(kind))
  if (!row) throw new Error(`no Flipt credential rule for ${account.provider} kind ${kind}`)
  return row
}

/** The account fields a credential's username depends on. */
export type AuthSubject = KindKey & { readonly username: string }

/** The type and username a credential gets from `auth` for an account. */
export function resolveFliptAuth(
  auth: FliptAuth,
  account: AuthSubject,
): { readonly type: 'basic' | 'access_token'; readonly username: string | null } {
  if (auth.type === 'access_token') return { type: 'access_token', username: null }
  const given = account.username.trim()
  if (auth.username === 'account') return { type: 'basic', username: given }
  return { type: 'basic', username: accountGitUsername(account).username ?? given }
}

/** True when the SCM API needs a credential different from the git one for this rule and account. */
export function scmDiffers(rule: FliptCredentialRule, account: AuthSubject): boolean {
  if (rule.scm === null) return false
  const git = resolveFliptAuth(rule.git, account)
  const scm = resolveFliptAuth(rule.scm, account)
  return git.type !== scm.type || git.username !== scm.username
}

function factText(spec: TokenKindSpec, fact: FliptCaveat['fact']): string {
  if (fact === null) return ''
  if (fact === 'lifetime') return spec.lifetime.note
  if (fact === 'username') return spec.username.note
  return spec.scopes[fact].note
}

const note = (spec: TokenKindSpec, c: FliptCaveat): RuleNote => ({
  id: c.id,
  title: c.title,
  detail: [factText(spec, c.fact), c.advice].filter((s) => s !== '').join(' '),
})

/** What the export says about a credential GitKeys derives for an account. */
export type FliptAdvice = {
  readonly comment: string
  readonly warnings: readonly RuleNote[]
  readonly scmWarnings: readonly RuleNote[]
}

/** The comment and caveats of an account's derived credential; removal dates come from the catalog's dated facts. */
export function fliptAdviceFor(account: AuthSubject & { readonly label: string }): FliptAdvice {
  const spec = resolveTokenKind(account).spec
  const rule = fliptRuleFor(account)
  const warnings = [
    ...(rule.warning ? [note(spec, rule.warning)] : []),
    ...kindRemovals(account).map((f) => ({
      id: 'flipt.token_kind_removed',
      title: `${f.title} (${f.date ?? f.version ?? 'date unknown'})`,
      detail: `${f.detail} Flipt cannot authenticate with it.`,
    })),
  ]
  const scmWarnings: RuleNote[] = rule.scmWarning ? [note(spec, rule.scmWarning)] : []
  if (rule.scmUsernameIsEmail && !account.username.includes('@'))
    scmWarnings.push({
      id: 'flipt.bitbucket_api_email',
      title: 'The Bitbucket API wants your Atlassian email',
      detail: `With an API token, Bitbucket's REST API takes the account email as username; "${account.label}" has a username instead.`,
    })
  return { comment: rule.comment ?? `${spec.label}: ${spec.username.note}`, warnings, scmWarnings }
}
