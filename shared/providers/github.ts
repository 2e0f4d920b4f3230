import type { HostRule, ProviderModule, ScopeTable, TokenKindSpec } from './provider-types'
import { parseGithubRemote } from './github-remote'
import { githubDatedFacts } from './github-facts'
import { lifetime, need, notCreatable, scopes } from './table-helpers'

/**
 * GitHub (github.com) and GitHub Enterprise Server. Facts: providers.md §1.1 (formats), §2
 * (usernames), §3 (scopes), §4 (dates), §5 (introspection), §6 (URLs); flipt-v2.md §3 (Flipt's needs).
 */

const FMT = 'providers.md §1.1; github.blog 2021-04-05 "Behind GitHub\'s new authentication token formats"'
const USER = 'providers.md §2 (github/docs#38056, abapGit#7487, google/go-github#3116)'
const SCOPES =
  'providers.md §3; docs.github.com "Permissions required for fine-grained personal access tokens"; flipt-v2.md §3.2'
const INTRO = 'providers.md §5 (GET /user, X-OAuth-Scopes, GitHub-Authentication-Token-Expiration)'

/** Hosts (providers.md §6). GHES has no relative root: it always owns its host. */
export const githubHosts: readonly HostRule[] = [
  {
    id: 'github.com',
    label: 'GitHub.com',
    deployment: 'cloud',
    host: 'github.com',
    aliases: ['www.github.com', 'ssh.github.com'],
    pathPrefix: 'none',
    note: 'ssh.github.com:443 is the SSH-over-HTTPS endpoint.',
    source: 'providers.md §6',
  },
  {
    id: 'ghes',
    label: 'GitHub Enterprise Server',
    deployment: 'self_hosted',
    host: null,
    aliases: [],
    pathPrefix: 'none',
    note: 'Your own host; the REST API is under /api/v3.',
    source: 'providers.md §5, §6',
  },
]

/** OAuth-scope needs shared by classic PATs, OAuth tokens and legacy tokens. */
const OAUTH_SCOPES: ScopeTable = scopes(
  need(['repo'], SCOPES, 'Public repositories can be read without any scope.', [['repo'], []]),
  need(
    ['repo'],
    SCOPES,
    '"public_repo" is enough for public repositories only; pushing .github/workflows files also needs "workflow".',
    [['repo'], ['public_repo']],
  ),
  need(['repo'], SCOPES, 'Flipt\'s quickstart also asks for "read:org".', [['repo'], ['public_repo']]),
)

/** Fine-grained / App permission needs (Metadata: Read is always included). */
const PERMISSION_SCOPES: ScopeTable = scopes(
  need(['contents:read'], SCOPES, 'Repository permission "Contents: Read".', [
    ['contents:read'],
    ['contents:write'],
  ]),
  need(
    ['contents:write'],
    SCOPES,
    '"Contents: Read and write"; workflow files also need "Workflows: Read and write".',
  ),
  need(
    ['contents:write', 'pull_requests:write'],
    SCOPES,
    '"Contents: Read and write" and "Pull requests: Read and write" (Flipt docs).',
  ),
)

const CLASSIC_LINK = {
  host: { kind: 'account' },
  path: '/settings/tokens/new',
  prefill: 'github_classic',
  note: 'Description and scopes are pre-filled.',
  source: 'flipt-v2.md §3.2 (Flipt quickstart link)',
} as const

/** Token kinds, in classification order (providers.md §0 rules 1–4, 11). */
export const githubTokenKinds: readonly TokenKindSpec[] = [
  {
    id: 'fine_grained_pat',
    label: 'Fine-grained personal access token',
    deployments: ['cloud', 'self_hosted'],
    shapes: [/^github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}$/],
    checksum: 'none',
    lifetime: lifetime('Expiry chosen at creation; organisations may cap it.', FMT),
    introspection: {
      possible: true,
      how: 'GET /user works; no X-OAuth-Scopes header; repository coverage: GET /repos/{owner}/{repo} answers 404 when not granted.',
      source: INTRO,
    },
    username: {
      kind: 'any',
      fallback: 'x-access-token',
      note: 'GitHub ignores the username, but go-git failed with an empty one for fine-grained PATs, so one is always sent.',
      source: USER,
    },
    scopes: PERMISSION_SCOPES,
    creation: {
      host: { kind: 'account' },
      path: '/settings/personal-access-tokens/new',
      prefill: 'none',
      note: 'Choose the repository and the permissions on the page.',
      source: 'providers.md §1.1; docs.github.com fine-grained PATs',
    },
    source: FMT,
  },
  {
    id: 'classic_pat',
    label: 'Classic personal access token (ghp_)',
    deployments: ['cloud', 'self_hosted'],
    shapes: [/^ghp_[A-Za-z0-9]{36}$/],
    checksum: 'github_crc32_base62',
    lifetime: lifetime('May be created with "No expiration".', FMT, { canBeNonExpiring: true }),
    introspection: {
      possible: true,
      how: 'GET /user: X-OAuth-Scopes lists the scopes, GitHub-Authentication-Token-Expiration the expiry.',
      source: INTRO,
    },
    username: {
      kind: 'any',
      fallback: 'x-access-token',
      note: 'Any non-empty username works; GitHub ignores it.',
      source: USER,
    },
    scopes: OAUTH_SCOPES,
    creation: CLASSIC_LINK,
    source: FMT,
  },
  {
    id: 'oauth',
    label: 'OAuth app token (gho_: gh CLI, Git Credential Manager, GitHub Desktop)',
    deployments: ['cloud', 'self_hosted'],
    shapes: [/^gho_[A-Za-z0-9]{36}$/],
    checksum: 'github_crc32_base62',
    lifetime: lifetime('Lives until the app or the user revokes it.', FMT),
    introspection: { possible: true, how: 'GET /user: X-OAuth-Scopes.', source: INTRO },
    username: {
      kind: 'any',
      fallback: 'x-access-token',
      note: 'Any non-empty username works.',
      source: USER,
    },
    scopes: OAUTH_SCOPES,
    creation: notCreatable('Issued by an OAuth app when you sign in with it; not created by hand.', FMT),
    source: FMT,
  },
  {
    id: 'app_user',
    label: 'GitHub App user token (ghu_)',
    deployments: ['cloud', 'self_hosted'],
    shapes: [/^ghu_[A-Za-z0-9]{36}$/],
    checksum: 'github_crc32_base62',
    lifetime: lifetime('Expires after 8 hours when the app enables token expiry.', FMT, { fixed: '8 hours' }),
    introspection: {
      possible: true,
      how: 'GET /user; permissions come from the app, not X-OAuth-Scopes.',
      source: INTRO,
    },
    username: {
      kind: 'any',
      fallback: 'x-access-token',
      note: 'Any non-empty username works.',
      source: USER,
    },
    scopes: PERMISSION_SCOPES,
    creation: notCreatable('Issued by a GitHub App to a signed-in user.', FMT),
    source: FMT,
  },
  {
    id: 'app_installation',
    label: 'GitHub App installation token (ghs_)',
    deployments: ['cloud', 'self_hosted'],
    shapes: [/^ghs_[A-Za-z0-9]{36}$/, /^ghs_[0-9]+_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/],
    checksum: 'github_crc32_base62',
    lifetime: lifetime(
      'Lives one hour; from 2026-04-27 a long stateless ghs_<appid>_<JWT> form is rolled out.',
      FMT,
      { fixed: '1 hour' },
    ),
    introspection: {
      possible: true,
      how: 'GET /installation/repositories (GET /user answers 403).',
      source: INTRO,
    },
    username: {
      kind: 'fixed',
      value: 'x-access-token',
      note: 'Installation tokens are documented with the username "x-access-token".',
      source: 'providers.md §2 ("Authenticating as a GitHub App installation")',
    },
    scopes: PERMISSION_SCOPES,
    creation: notCreatable(
      'Minted by a GitHub App from its private key and valid for one hour; store the app, not the token.',
      FMT,
    ),
    source: FMT,
  },
  {
    id: 'legacy',
    label: 'Legacy token (40 hex, before 2021)',
    deployments: ['cloud', 'self_hosted'],
    shapes: [/^[0-9a-f]{40}$/],
    checksum: 'none',
    lifetime: lifetime('Still valid if never revoked; new tokens use the prefixed formats.', FMT),
    introspection: { possible: true, how: 'GET /user: X-OAuth-Scopes.', source: INTRO },
    username: {
      kind: 'any',
      fallback: 'x-access-token',
      note: 'Any non-empty username works.',
      source: USER,
    },
    scopes: OAUTH_SCOPES,
    creation: CLASSIC_LINK,
    source: FMT,
  },
]

/** The GitHub provider module. */
export const github: ProviderModule = {
  id: 'github',
  label: 'GitHub',
  hosts: githubHosts,
  tokenKinds: githubTokenKinds,
  defaultKind: { cloud: 'classic_pat', self_hosted: 'classic_pat' },
  datedFacts: githubDatedFacts,
  api: {
    cloud: 'https://api.github.com',
    selfHosted: 'https://{host}/api/v3',
    flipt: {
      cloud: null,
      selfHosted: 'https://{host}',
      note: 'Flipt appends /api/v3 to a GHES api_url unless it is already there.',
    },
    source: 'providers.md §5; flipt-v2.md §3.2',
  },
  parseRemote: parseGithubRemote,
}
