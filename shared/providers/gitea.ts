import type {
  DatedFact,
  HostRule,
  ParseContext,
  ParsedRemote,
  ProviderModule,
  RemoteProblem,
  TokenKindSpec,
} from './provider-types'
import {
  cloneUrl,
  hostKey,
  isSsh,
  parsed,
  prefixSegments,
  problem,
  startsWithSegments,
  stripDotGit,
} from './remote-helpers'
import { lifetime, need, notCreatable, scopes } from './table-helpers'
import type { RemoteParts } from './url-parts'

/**
 * Gitea and Forgejo (Codeberg included): always on a host the user names, possibly under a sub-path
 * (ROOT_URL). Facts: providers.md §1.5, §2, §3, §5, §6; flipt-v2.md §3.2.
 */

const FMT = 'providers.md §1.5; go-gitea/gitea models/auth/access_token.go'
const USER = 'providers.md §2; go-gitea/gitea services/auth/basic.go'
const SCOPES = 'providers.md §3; go-gitea/gitea models/auth/access_token_scope.go, routers/api/v1/api.go'
const INTRO = {
  possible: true,
  how: 'GET /api/v1/user identifies the owner; a 403 names the missing scope; the token cannot read its own scopes or expiry.',
  source: 'providers.md §5',
}

/** Hosts: none is fixed; Codeberg is a public Forgejo instance. */
export const giteaHosts: readonly HostRule[] = [
  {
    id: 'gitea',
    label: 'Gitea / Forgejo',
    deployment: 'self_hosted',
    host: null,
    aliases: [],
    pathPrefix: 'context_path',
    note: 'Any host, optionally under a sub-path; the API is /api/v1 below it.',
    source: 'providers.md §5, §6',
  },
]

const GITEA_SCOPES = scopes(
  need(['read:repository'], SCOPES, 'Gitea before 1.19 used GitHub-style scopes (repo).', [
    ['read:repository'],
    ['write:repository'],
    ['repo'],
  ]),
  need(['write:repository'], SCOPES, '', [['write:repository'], ['repo']]),
  need(
    ['write:repository'],
    SCOPES,
    'Pull requests are under the repository scope; comments and labels also need write:issue.',
    [['write:repository'], ['repo']],
  ),
)

/** Token kinds (providers.md §0 rules 11–12). */
export const giteaTokenKinds: readonly TokenKindSpec[] = [
  {
    id: 'pat',
    label: 'Access token (40 hex)',
    deployments: ['self_hosted'],
    shapes: [/^[0-9a-f]{40}$/],
    checksum: 'none',
    lifetime: lifetime(
      'Shown once at creation; the server keeps only a salted hash and the last 8 characters.',
      FMT,
    ),
    introspection: INTRO,
    username: {
      kind: 'any',
      fallback: 'x-access-token',
      note: 'Gitea does not compare the username with the token owner; any name works.',
      source: USER,
    },
    scopes: GITEA_SCOPES,
    creation: {
      host: { kind: 'account' },
      path: '{prefix}/user/settings/applications',
      prefill: 'none',
      note: 'Settings › Applications › Generate new token; choose repository read/write.',
      source: 'providers.md §1.5',
    },
    source: FMT,
  },
  {
    id: 'oauth',
    label: 'OAuth2 access token (JWT)',
    deployments: ['self_hosted'],
    shapes: [/^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/],
    checksum: 'none',
    lifetime: lifetime(
      'Short-lived; the exp claim says until when.',
      'providers.md §0 rule 12 [format not checked]',
    ),
    introspection: INTRO,
    username: {
      kind: 'any',
      fallback: 'x-access-token',
      note: 'Accepted as the Basic password with any username.',
      source: USER,
    },
    scopes: GITEA_SCOPES,
    creation: notCreatable('Issued to an OAuth2 application when a user authorises it.', USER),
    source: 'providers.md §0 rule 12, §1.5',
  },
]

/** Versioned facts. */
export const giteaDatedFacts: readonly DatedFact[] = [
  {
    id: 'gitea.scoped_tokens',
    provider: 'gitea',
    date: null,
    until: null,
    version: '1.19',
    effect: 'policy',
    deployments: ['self_hosted'],
    tokenKinds: ['pat'],
    condition: null,
    title: 'Scoped access tokens',
    detail:
      'From Gitea 1.19 tokens carry scopes such as read:repository / write:repository; older ones used repo / public_repo.',
    source: 'providers.md §3',
  },
]

const WEB_PAGES = [
  'src',
  'pulls',
  'issues',
  'commit',
  'commits',
  'releases',
  'wiki',
  'branches',
  'tags',
  'actions',
  'settings',
  'compare',
  'activity',
  'raw',
  'blame',
  'projects',
  'packages',
] as const

/** Reads a Gitea/Forgejo remote: `[/sub-path]/{owner}/{repo}[.git]`; `/src/…`, `/pulls/N` … are web pages. */
export function parseGiteaRemote(parts: RemoteParts, ctx: ParseContext): ParsedRemote | null {
  const host = hostKey(parts)
  const ctxPrefix = prefixSegments(ctx.pathPrefix)
  const own: RemoteProblem[] = []
  let segs = parts.segments
  if (ctxPrefix.length > 0 && !isSsh(parts)) {
    if (startsWithSegments(segs, ctxPrefix)) segs = segs.slice(ctxPrefix.length)
    else
      own.push(
        problem(
          'url.path_prefix_mismatch',
          'warning',
          `The account's server lives under /${ctxPrefix.join('/')}, but this URL does not start with it.`,
        ),
      )
  }
  const webAt = segs.findIndex((s, i) => i >= 2 && (WEB_PAGES as readonly string[]).includes(s))
  const repoPath = webAt >= 0 ? segs.slice(0, webAt) : segs
  if (repoPath.length < 2) return null
  const extraPrefix = repoPath.slice(0, -2)
  const owner = repoPath[repoPath.length - 2] ?? ''
  const repo = stripDotGit(repoPath[repoPath.length - 1] ?? '').name
  const prefix = [...ctxPrefix, ...extraPrefix]
  const url = cloneUrl(parts, host, [...prefix, owner, `${repo}.git`])
  if (webAt >= 0)
    own.unshift(
      problem(
        'url.web_ui',
        'error',
        `This is the address of a "${segs[webAt] ?? ''}" web page, not a clone URL.`,
        url,
      ),
    )
  return parsed(
    {
      provider: 'gitea',
      deployment: 'self_hosted',
      host,
      pathPrefix: prefix.length > 0 ? prefix.join('/') : null,
      organization: null,
      owner,
      repo,
      cloneUrl: url,
    },
    parts,
    own,
    webAt >= 0,
  )
}

/** The Gitea/Forgejo provider module. */
export const gitea: ProviderModule = {
  id: 'gitea',
  label: 'Gitea / Forgejo',
  hosts: giteaHosts,
  tokenKinds: giteaTokenKinds,
  defaultKind: { cloud: 'pat', self_hosted: 'pat' },
  datedFacts: giteaDatedFacts,
  api: {
    cloud: 'https://{host}{prefix}/api/v1',
    selfHosted: 'https://{host}{prefix}/api/v1',
    flipt: {
      cloud: 'https://{host}{prefix}',
      selfHosted: 'https://{host}{prefix}',
      note: 'Flipt needs the server root (required for Gitea); the SDK adds /api/v1 itself.',
    },
    source: 'providers.md §5; flipt-v2.md §3.2',
  },
  parseRemote: parseGiteaRemote,
}
