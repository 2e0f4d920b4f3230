import type { HostRule, ProviderModule, ScopeTable, TokenKindSpec } from './provider-types'
import { parseGitlabRemote } from './gitlab-remote'
import { gitlabDatedFacts } from './gitlab-facts'
import { lifetime, need, notCreatable, scopes, unsupported } from './table-helpers'

/**
 * GitLab (gitlab.com) and GitLab self-managed, optionally under a relative root. Facts: providers.md
 * §1.2 (formats, routable tokens), §2, §3, §4, §5, §6; flipt-v2.md §3.
 */

const FMT =
  'providers.md §1.2; gitlabhq doc/security/tokens/_index.md, lib/authn/token_field/generator/routable_token.rb'
const USER = 'providers.md §2; gitlabhq lib/gitlab/auth.rb, doc/user/profile/personal_access_tokens.md'
const SCOPES = 'providers.md §3; gitlabhq doc/user/profile/personal_access_tokens.md; flipt-v2.md §3.2'
const LIFE = 'providers.md §4; doc/user/profile/personal_access_tokens.md'
const INTRO = 'providers.md §5 (GET /personal_access_tokens/self, GitLab 15.5+)'

/** Hosts (providers.md §6). */
export const gitlabHosts: readonly HostRule[] = [
  {
    id: 'gitlab.com',
    label: 'GitLab.com',
    deployment: 'cloud',
    host: 'gitlab.com',
    aliases: ['www.gitlab.com'],
    pathPrefix: 'none',
    note: '',
    source: 'providers.md §6',
  },
  {
    id: 'self_managed',
    label: 'GitLab self-managed',
    deployment: 'self_hosted',
    host: null,
    aliases: [],
    pathPrefix: 'relative_root',
    note: 'May live under a relative root, e.g. https://host/gitlab; the API is then https://host/gitlab/api/v4.',
    source: 'providers.md §5, §6',
  },
]

/** Optional instance prefix before the type prefix (`mycompany-glpat-…`, MR !211171). */
const INSTANCE = '(?:[A-Za-z0-9_-]+-)?'
/** Shapes of a token type prefix: legacy 20-char body, routable unversioned and v1 layouts (providers.md §7). */
const prefixedShapes = (type: string): readonly RegExp[] => [
  new RegExp(`^${INSTANCE}${type}-[A-Za-z0-9_-]{20}$`),
  new RegExp(`^${INSTANCE}${type}-[A-Za-z0-9_-]{27,300}\\.[0-9a-z]{2}[0-9a-z]{7}$`),
  new RegExp(`^${INSTANCE}${type}-[A-Za-z0-9_-]{27,300}\\.01\\.[0-9a-z]{2}[0-9a-z]{7}$`),
]

/** PAT, project and group token needs (they are all PATs, of a bot user for project/group tokens). */
const PAT_SCOPES: ScopeTable = scopes(
  need(['read_repository'], SCOPES, 'Needs at least the Reporter role on private projects.', [
    ['read_repository'],
    ['write_repository'],
    ['api'],
  ]),
  need(
    ['read_repository', 'write_repository'],
    SCOPES,
    'Needs the Developer role; protected branches may need Maintainer.',
    [['write_repository'], ['api']],
  ),
  need(
    ['api', 'read_repository', 'write_repository'],
    SCOPES,
    '"api" is required to open merge requests; read_api plus write_repository is not enough.',
    [['api']],
  ),
)

const PAT_LIFETIME = lifetime(
  'At most 365 days (400 behind the buffered_token_expiration_limit flag, 17.6+); no non-expiring tokens since 16.0; the token stops working at 00:00 UTC on its expiry date.',
  LIFE,
  { maxDays: 365, canBeNonExpiring: false, expiresAtStartOfDayUtc: true },
)
const PAT_INTRO = {
  possible: true,
  how: 'GET /personal_access_tokens/self: scopes, expires_at, revoked, active.',
  source: INTRO,
}
const PAT_USER = {
  kind: 'any',
  fallback: 'oauth2',
  note: 'GitLab ignores the username with a personal, project or group access token.',
  source: USER,
} as const

/** Token kinds that work with git (providers.md §1.2, §2). */
export const gitlabTokenKinds: readonly TokenKindSpec[] = [
  {
    id: 'personal',
    label: 'Personal access token (glpat-)',
    deployments: ['cloud', 'self_hosted'],
    shapes: [...prefixedShapes('glpat'), /^[A-Za-z0-9_-]{20}$/],
    checksum: 'gitlab_crc32_base36',
    lifetime: PAT_LIFETIME,
    introspection: PAT_INTRO,
    username: PAT_USER,
    scopes: PAT_SCOPES,
    creation: {
      host: { kind: 'account' },
      path: '{prefix}/-/user_settings/personal_access_tokens',
      prefill: 'gitlab',
      note: 'Name and scopes are pre-filled; pick an expiry date.',
      source:
        'doc/user/profile/personal_access_tokens.md ("Prefill personal access token name and scopes"); flipt-v2.md §3.2',
    },
    source: FMT,
  },
  {
    id: 'project',
    label: 'Project access token (glpat-)',
    deployments: ['cloud', 'self_hosted'],
    shapes: prefixedShapes('glpat'),
    checksum: 'gitlab_crc32_base36',
    lifetime: PAT_LIFETIME,
    introspection: PAT_INTRO,
    username: PAT_USER,
    scopes: PAT_SCOPES,
    creation: {
      host: { kind: 'account' },
      path: '{prefix}/{owner}/{repo}/-/settings/access_tokens',
      prefill: 'none',
      note: 'Project settings › Access tokens; choose the role (Developer to push) and scopes.',
      source: 'doc/user/project/settings/project_access_tokens.md',
    },
    source: FMT,
  },
  {
    id: 'group',
    label: 'Group access token (glpat-)',
    deployments: ['cloud', 'self_hosted'],
    shapes: prefixedShapes('glpat'),
    checksum: 'gitlab_crc32_base36',
    lifetime: PAT_LIFETIME,
    introspection: PAT_INTRO,
    username: PAT_USER,
    scopes: PAT_SCOPES,
    creation: {
      host: { kind: 'account' },
      path: '{prefix}/groups/{owner}/-/settings/access_tokens',
      prefill: 'none',
      note: 'Group settings › Access tokens.',
      source: 'doc/user/group/settings/group_access_tokens.md',
    },
    source: FMT,
  },
  {
    id: 'deploy',
    label: 'Deploy token (gldt-)',
    deployments: ['cloud', 'self_hosted'],
    shapes: [...prefixedShapes('gldt'), /^[A-Za-z0-9_-]{20}$/],
    checksum: 'gitlab_crc32_base36',
    lifetime: lifetime('Optional expiry date.', FMT),
    introspection: { possible: false, how: 'Deploy tokens have no API access.', source: INTRO },
    username: {
      kind: 'account_username',
      alternative: null,
      rejectEmail: false,
      note: "Git must get the deploy token's own username (default gitlab+deploy-token-<id>); any other name fails.",
      source: USER,
    },
    scopes: scopes(
      need(['read_repository'], SCOPES),
      need(['write_repository'], SCOPES),
      unsupported('Deploy tokens cannot call the API, so they cannot open merge requests.', SCOPES),
    ),
    creation: {
      host: { kind: 'account' },
      path: '{prefix}/{owner}/{repo}/-/settings/repository',
      prefill: 'none',
      note: 'Project settings › Repository › Deploy tokens.',
      source: 'doc/user/project/deploy_tokens/_index.md',
    },
    source: FMT,
  },
  {
    id: 'oauth',
    label: 'OAuth access token',
    deployments: ['cloud', 'self_hosted'],
    shapes: [/^[0-9a-f]{64}$/],
    checksum: 'none',
    lifetime: lifetime('Short-lived (Doorkeeper) and refreshed by the app that obtained it.', FMT),
    introspection: {
      possible: true,
      how: 'GET /oauth/token/info (scopes, expires_in) [unverified].',
      source: INTRO,
    },
    username: {
      kind: 'fixed',
      value: 'oauth2',
      note: 'GitLab accepts an OAuth token over git only with the username "oauth2".',
      source: USER,
    },
    scopes: PAT_SCOPES,
    creation: notCreatable('Obtained by an OAuth application when you sign in through it.', FMT),
    source: FMT,
  },
  {
    id: 'job',
    label: 'CI/CD job token (glcbt-)',
    deployments: ['cloud', 'self_hosted'],
    shapes: [/^glcbt-[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20}$/, /^glcbt-[A-Za-z0-9_.-]{20,}$/],
    checksum: 'none',
    lifetime: lifetime('Valid only while its job runs.', FMT),
    introspection: { possible: false, how: 'Job tokens cannot introspect.', source: INTRO },
    username: {
      kind: 'fixed',
      value: 'gitlab-ci-token',
      note: 'Git accepts a job token only with the username "gitlab-ci-token".',
      source: USER,
    },
    scopes: scopes(
      need(
        [],
        SCOPES,
        'Reads the project the job runs in and projects that allow it in their job token allowlist.',
        [[]],
      ),
      unsupported('A job token lives only as long as its job; it cannot serve a long-running sync.', SCOPES),
      unsupported('A job token lives only as long as its job.', SCOPES),
    ),
    creation: notCreatable('GitLab gives it to each CI job as $CI_JOB_TOKEN.', FMT),
    source: FMT,
  },
]

/** The GitLab provider module. */
export const gitlab: ProviderModule = {
  id: 'gitlab',
  label: 'GitLab',
  hosts: gitlabHosts,
  tokenKinds: gitlabTokenKinds,
  defaultKind: { cloud: 'personal', self_hosted: 'personal' },
  datedFacts: gitlabDatedFacts,
  api: {
    cloud: 'https://{host}{prefix}/api/v4',
    selfHosted: 'https://{host}{prefix}/api/v4',
    flipt: {
      cloud: null,
      selfHosted: 'https://{host}{prefix}',
      note: 'The GitLab client appends api/v4 when it is missing.',
    },
    source: 'providers.md §5; flipt-v2.md §3.2',
  },
  parseRemote: parseGitlabRemote,
}
