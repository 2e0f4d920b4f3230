import type { HostRule, ProviderModule, ScopeTable, TokenKindSpec } from './provider-types'
import { parseBitbucketRemote } from './bitbucket-remote'
import { bitbucketDatedFacts } from './bitbucket-facts'
import { lifetime, need, notCreatable, scopes } from './table-helpers'

/**
 * Bitbucket Cloud (bitbucket.org, Atlassian tokens) and Bitbucket Server / Data Center (BBDC- HTTP
 * access tokens, context path, /scm/ clone paths). Facts: providers.md §1.3, §2, §3, §4, §5, §6.
 */

const FMT = 'providers.md §1.3; Samsung/CredSweeper value_atlassian_token_check.py; gitleaks atlassian.go'
const USER = 'providers.md §2; support.atlassian.com bitbucket-cloud using-api-tokens / using-access-tokens'
const SCOPES = 'providers.md §3; developer.atlassian.com bitbucket-cloud-rest-api-scopes; flipt-v2.md §3.2'
const DC = 'providers.md §1.3, §2; confluence.atlassian.com/bitbucketserver "HTTP access tokens"'
const DC_LINKS = 'Bitbucket DC UI paths as seen in public setups (corroborated, not in Atlassian docs)'
const DC_INTRO = {
  possible: true,
  how: 'GET /rest/api/1.0/application-properties: the X-AUSERNAME header names the user [undocumented]; token metadata needs GET /rest/access-tokens/1.0/users/{slug}.',
  source: 'providers.md §5',
}

/** Hosts (providers.md §6). */
export const bitbucketHosts: readonly HostRule[] = [
  {
    id: 'bitbucket.org',
    label: 'Bitbucket Cloud',
    deployment: 'cloud',
    host: 'bitbucket.org',
    aliases: ['www.bitbucket.org'],
    pathPrefix: 'none',
    note: 'The web UI shows clone URLs as https://{user}@bitbucket.org/…; the username part is not needed.',
    source: 'providers.md §6',
  },
  {
    id: 'data_center',
    label: 'Bitbucket Server / Data Center',
    deployment: 'self_hosted',
    host: null,
    aliases: [],
    pathPrefix: 'context_path',
    note: 'Often on port 7990 and under a context path; clone URLs are /scm/{KEY}/{slug}.git, SSH on port 7999.',
    source: 'providers.md §5, §6',
  },
]

const ATLASSIAN_SCOPES: ScopeTable = scopes(
  need(
    ['read:repository:bitbucket', 'read:user:bitbucket'],
    SCOPES,
    'read:user:bitbucket lets GitKeys check whose token it is.',
    [['read:repository:bitbucket']],
  ),
  need(['read:repository:bitbucket', 'write:repository:bitbucket', 'read:user:bitbucket'], SCOPES, '', [
    ['read:repository:bitbucket', 'write:repository:bitbucket'],
  ]),
  need(
    [
      'read:repository:bitbucket',
      'write:repository:bitbucket',
      'write:pullrequest:bitbucket',
      'read:user:bitbucket',
    ],
    SCOPES,
    'Flipt also lists and creates pull requests.',
    [['read:repository:bitbucket', 'write:repository:bitbucket', 'write:pullrequest:bitbucket']],
  ),
)
const OAUTH_STYLE_SCOPES: ScopeTable = scopes(
  need(['repository'], SCOPES, '', [['repository'], ['repository:write']]),
  need(['repository:write'], SCOPES),
  need(['repository:write', 'pullrequest:write'], SCOPES, 'Flipt lists, creates and compares pull requests.'),
)
const DC_SCOPES: ScopeTable = scopes(
  need(['REPO_READ'], DC, "Project-level permissions also cover the project's repositories.", [
    ['REPO_READ'],
    ['REPO_WRITE'],
    ['REPO_ADMIN'],
    ['PROJECT_READ'],
    ['PROJECT_WRITE'],
    ['PROJECT_ADMIN'],
  ]),
  need(['REPO_WRITE'], DC, '', [['REPO_WRITE'], ['REPO_ADMIN'], ['PROJECT_WRITE'], ['PROJECT_ADMIN']]),
  need(
    ['REPO_WRITE'],
    DC,
    "Tokens cannot merge (a merge creates a commit). Flipt's Bitbucket SCM speaks only the Cloud 2.0 API.",
    [['REPO_WRITE'], ['REPO_ADMIN'], ['PROJECT_WRITE'], ['PROJECT_ADMIN']],
  ),
)
const BBDC_SHAPE = /^BBDC-[MNO][A-Za-z0-9+/]{43}$/

/** Token kinds (providers.md §0 rules 7–8). */
export const bitbucketTokenKinds: readonly TokenKindSpec[] = [
  {
    id: 'api_token',
    label: 'Atlassian API token with Bitbucket scopes (ATATT)',
    deployments: ['cloud'],
    shapes: [/^ATATT3xFfGF0[A-Za-z0-9_-]+=[0-9A-F]{8}$/, /^[A-Za-z0-9]{24}$/],
    checksum: 'atlassian_crc32_hex',
    lifetime: lifetime('Expiry is chosen when the token is created.', FMT),
    introspection: {
      possible: true,
      how: 'GET https://api.bitbucket.org/2.0/user with Basic email:token (needs read:user:bitbucket).',
      source: 'providers.md §5',
    },
    username: {
      kind: 'account_username',
      alternative: 'x-bitbucket-api-token-auth',
      rejectEmail: true,
      note: 'Git needs your Bitbucket username (not your Atlassian email) or the static username x-bitbucket-api-token-auth; the REST API instead takes the email.',
      source: USER,
    },
    scopes: ATLASSIAN_SCOPES,
    creation: {
      host: { kind: 'fixed', host: 'id.atlassian.com' },
      path: '/manage-profile/security/api-tokens',
      prefill: 'none',
      note: 'Choose "Create API token with scopes", pick Bitbucket, then the scopes.',
      source: 'support.atlassian.com using-api-tokens',
    },
    source: FMT,
  },
  {
    id: 'access_token',
    label: 'Repository, project or workspace access token (ATCTT)',
    deployments: ['cloud'],
    shapes: [/^ATCTT3xFfGN0[A-Za-z0-9_-]+=[0-9A-F]{8}$/],
    checksum: 'atlassian_crc32_hex',
    lifetime: lifetime('Expiry is chosen when the token is created.', FMT),
    introspection: {
      possible: true,
      how: 'Bearer on GET /2.0/repositories/{workspace}/{repo}: x-oauth-scopes and x-credential-type headers.',
      source: 'providers.md §5',
    },
    username: {
      kind: 'fixed',
      value: 'x-token-auth',
      note: 'Access tokens work over git only with the literal username x-token-auth.',
      source: USER,
    },
    scopes: OAUTH_STYLE_SCOPES,
    creation: {
      host: { kind: 'account' },
      path: '/{owner}/{repo}/admin/access-tokens',
      prefill: 'none',
      note: 'Repository settings › Access tokens (project and workspace tokens live in their own settings).',
      source: 'flipt-v2.md §3.2 (Flipt quickstart link)',
    },
    source: FMT,
  },
  {
    id: 'app_password',
    label: 'App password (ATBB, retired)',
    deployments: ['cloud'],
    shapes: [/^ATBB[A-Za-z0-9]{24}[0-9A-F]{8}$/],
    checksum: 'atlassian_crc32_hex',
    lifetime: lifetime(
      'No new app passwords since 2025-09-09; all stop working on 2026-07-28.',
      'providers.md §4',
    ),
    introspection: {
      possible: true,
      how: 'GET /2.0/user with Basic username:app_password.',
      source: 'providers.md §5',
    },
    username: {
      kind: 'account_username',
      alternative: null,
      rejectEmail: true,
      note: 'App passwords need the Bitbucket username; an email is not accepted.',
      source: 'providers.md §2 (Atlassian KB "Getting 401 … Basic authentication")',
    },
    scopes: scopes(
      need(['repository'], SCOPES, 'Repositories: Read.'),
      need(['repository:write'], SCOPES, 'Repositories: Write.'),
      need(['repository:write', 'pullrequest:write'], SCOPES, 'Pull requests: Write.'),
    ),
    creation: notCreatable(
      'Bitbucket stopped creating app passwords on 2025-09-09. Create an API token instead.',
      'providers.md §4',
    ),
    source: FMT,
  },
  {
    id: 'oauth',
    label: 'OAuth 2 access token',
    deployments: ['cloud'],
    shapes: [],
    checksum: 'none',
    lifetime: lifetime('Short-lived and refreshed by the OAuth consumer.', USER),
    introspection: {
      possible: true,
      how: 'Bearer on a workspace-qualified endpoint: x-oauth-scopes header.',
      source: 'providers.md §5',
    },
    username: {
      kind: 'fixed',
      value: 'x-token-auth',
      note: 'OAuth tokens go over git with the username x-token-auth.',
      source: USER,
    },
    scopes: OAUTH_STYLE_SCOPES,
    creation: notCreatable('Issued to an OAuth consumer when a user authorises it.', USER),
    source: USER,
  },
  {
    id: 'http_personal',
    label: 'Personal HTTP access token (BBDC-)',
    deployments: ['self_hosted'],
    shapes: [BBDC_SHAPE],
    checksum: 'bbdc_structure',
    lifetime: lifetime(
      'Expiry optional unless an administrator requires it; it cannot be changed later.',
      DC,
    ),
    introspection: DC_INTRO,
    username: {
      kind: 'account_username',
      alternative: null,
      rejectEmail: false,
      note: 'Send your Bitbucket username with the token (or the token alone as a Bearer header).',
      source: DC,
    },
    scopes: DC_SCOPES,
    creation: {
      host: { kind: 'account' },
      path: '{prefix}/plugins/servlet/access-tokens/manage',
      prefill: 'none',
      note: 'Profile picture › Manage account › HTTP access tokens.',
      source: DC_LINKS,
    },
    source: DC,
  },
  {
    id: 'http_project',
    label: 'Project HTTP access token (BBDC-)',
    deployments: ['self_hosted'],
    shapes: [BBDC_SHAPE],
    checksum: 'bbdc_structure',
    lifetime: lifetime('Expiry optional unless an administrator requires it.', DC),
    introspection: DC_INTRO,
    username: {
      kind: 'bearer_only',
      note: 'Project tokens work only as "Authorization: Bearer"; Atlassian says not to send them with a username.',
      source: DC,
    },
    scopes: DC_SCOPES,
    creation: {
      host: { kind: 'account' },
      path: '{prefix}/plugins/servlet/access-tokens/projects/{owner}/manage',
      prefill: 'none',
      note: 'Project settings › HTTP access tokens (Data Center licence, project admin).',
      source: DC_LINKS,
    },
    source: DC,
  },
  {
    id: 'http_repository',
    label: 'Repository HTTP access token (BBDC-)',
    deployments: ['self_hosted'],
    shapes: [BBDC_SHAPE],
    checksum: 'bbdc_structure',
    lifetime: lifetime('Expiry optional unless an administrator requires it.', DC),
    introspection: DC_INTRO,
    username: {
      kind: 'bearer_only',
      note: 'Repository tokens work only as "Authorization: Bearer"; Atlassian says not to send them with a username.',
      source: DC,
    },
    scopes: DC_SCOPES,
    creation: {
      host: { kind: 'account' },
      path: '{prefix}/plugins/servlet/access-tokens/projects/{owner}/repos/{repo}/manage',
      prefill: 'none',
      note: 'Repository settings › HTTP access tokens (Data Center licence, repository admin).',
      source: DC_LINKS,
    },
    source: DC,
  },
]

/** The Bitbucket provider module. */
export const bitbucket: ProviderModule = {
  id: 'bitbucket',
  label: 'Bitbucket',
  hosts: bitbucketHosts,
  tokenKinds: bitbucketTokenKinds,
  defaultKind: { cloud: 'api_token', self_hosted: 'http_personal' },
  datedFacts: bitbucketDatedFacts,
  api: {
    cloud: 'https://api.bitbucket.org/2.0',
    selfHosted: 'https://{host}{prefix}/rest/api/1.0',
    flipt: {
      cloud: null,
      selfHosted: null,
      note: "Flipt's Bitbucket SCM speaks only the Cloud 2.0 API; Data Center cannot be used for merge proposals.",
    },
    source: 'providers.md §5; flipt-v2.md §3.2',
  },
  parseRemote: parseBitbucketRemote,
}
