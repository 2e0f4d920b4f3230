/** The provider a test server imitates: its auth rules, realms, status codes and wire texts. */
export type Flavor =
  'github' | 'gitlab' | 'bitbucket_cloud' | 'bitbucket_dc' | 'gitea' | 'azure_services' | 'azure_server'

/** Token kinds each flavor knows (providers.md §1 and §2); the server's username rules key on them. */
export type KindsOf = {
  github: 'classic_pat' | 'fine_grained_pat' | 'oauth' | 'app_user' | 'installation'
  gitlab: 'pat' | 'project_token' | 'group_token' | 'oauth' | 'deploy_token' | 'job_token'
  bitbucket_cloud: 'api_token' | 'access_token' | 'app_password' | 'oauth'
  bitbucket_dc: 'personal_token' | 'project_token' | 'repo_token'
  gitea: 'pat' | 'oauth'
  azure_services: 'pat' | 'entra'
  azure_server: 'pat'
}

/** Any token kind of any flavor. */
export type TokenKind = KindsOf[Flavor]

/**
 * One credential the server accepts. `username` is the account's login (GitHub login, Bitbucket
 * username, GitLab deploy-token username); `email` is the Atlassian email a Bitbucket API token pairs
 * with on the REST API. `readOnly` tokens are refused on git-receive-pack: `readOnlyBy: 'scope'` (the
 * token lacks a write scope) or `'role'` (the account lacks write permission); defaults per kind.
 * `repos` restricts which repositories the token sees (others answer as missing). `scopes`,
 * `expiresAt` (YYYY-MM-DD) and `credentialType` only feed the introspection API emulators.
 */
export type CredentialSpec<F extends Flavor = Flavor> = {
  readonly token: string
  readonly kind: KindsOf[F]
  readonly username?: string
  readonly email?: string
  readonly expired?: boolean
  readonly removed?: boolean
  readonly readOnly?: boolean
  readonly readOnlyBy?: 'scope' | 'role'
  readonly repos?: readonly string[]
  readonly scopes?: readonly string[]
  readonly expiresAt?: string
  readonly credentialType?: string
}

/**
 * A bare repository built at start. `name` is the path after `pathPrefix` without `.git`
 * (`acme/widgets`). `commits` go on the first branch (default `main`, also HEAD); every other branch
 * forks from its tip with one commit of its own. `hooks` are installed in the bare repository
 * (server side, e.g. a `pre-receive` that prints a provider's refusal); `gitmodules` and `files` land
 * in the last commit. `public` repos serve fetches without credentials.
 */
export type RepoSpec = {
  readonly name: string
  readonly branches?: readonly string[]
  readonly commits?: number
  readonly empty?: boolean
  readonly hooks?: Readonly<Record<string, string>>
  readonly gitmodules?: string
  readonly files?: Readonly<Record<string, string>>
  readonly public?: boolean
}

/** A misbehaviour the server can be told to show. */
export type Fault =
  /** Accept the connection, read the request, never answer. */
  | { readonly kind: 'hang' }
  /** Send the real response `bytes` at a time every `everyMs` ms. */
  | { readonly kind: 'slowDrip'; readonly bytes?: number; readonly everyMs?: number }
  /** Answer 500 with a short text body. */
  | { readonly kind: 'status500' }
  /** Send only the first part of the real response (default half), then end it cleanly. */
  | { readonly kind: 'truncate'; readonly afterBytes?: number }
  /** Send the first part of the real response (default half), then destroy the socket. */
  | { readonly kind: 'reset'; readonly afterBytes?: number }
  /** Answer `status` (default 403) with a text body of `lines` long lines, which git prints as `remote:`. */
  | { readonly kind: 'hugeStderr'; readonly lines?: number; readonly status?: number }
  /**
   * Answer `status` (default 301) pointing at the server's second origin, which records whether it
   * received an Authorization header and answers `respond` (default a 401 challenge, so git asks its
   * credential helper about that origin). `when: 'afterAuth'` (default) redirects only authenticated
   * requests (a moved repository); `'beforeAuth'` redirects the very first, anonymous request.
   */
  | {
      readonly kind: 'redirect'
      readonly status?: 301 | 302 | 307
      readonly respond?: 'challenge' | 'notFound'
      readonly when?: 'afterAuth' | 'beforeAuth'
    }

/**
 * Where a fault applies: every request unless narrowed by `path` (substring or RegExp of the URL
 * path), `service`, `method`; `times` limits how many matching requests get it. `truncate` and
 * `reset` default to `POST …/git-upload-pack` (the pack stream).
 */
export type FaultRule = Fault & {
  readonly path?: string | RegExp
  readonly service?: GitService
  readonly method?: 'GET' | 'POST'
  readonly times?: number
}

/** The two smart-HTTP services. */
export type GitService = 'git-upload-pack' | 'git-receive-pack'

/**
 * How Azure answers bad credentials: 401, or 203 with an HTML sign-in page. Git reads a 203 as a
 * dumb-protocol info/refs, so the page's layout decides what git says: tab-indented ('203'), indented
 * with spaces ('203-no-tabs'), or one minified line ('203-minified', which git takes for an empty
 * repository and exits 0).
 */
export type AzureBadCredentials = '401' | '203' | '203-no-tabs' | '203-minified'

/** Options of {@link GitServer}; `F` is inferred from `flavor` so credential kinds type-check. */
export type GitServerOptions<F extends Flavor = Flavor> = {
  readonly flavor: F
  readonly credentials: readonly CredentialSpec<F>[]
  readonly repos: readonly RepoSpec[]
  /** URL path before the repository name: '/acme/project/_git', '/scm/KEY', '/gitlab/group/sub'. */
  readonly pathPrefix?: string
  readonly faults?: readonly FaultRule[]
  readonly azureBadCredentials?: AzureBadCredentials
  /** GitHub texts: 'current' (2025+) or 'legacy' (2021-2024 wording). */
  readonly githubTexts?: 'current' | 'legacy'
  /** Also serve this flavor's introspection API on the same origin (see provider-api). */
  readonly api?: boolean
  /**
   * Answer every request on this origin (not the redirect target) this many ms late: a simulated
   * round trip to a real host, for benchmarks. Default 0. Connection set-up (TCP, TLS) is not
   * simulated, so a real host at that distance costs a client more.
   */
  readonly latencyMs?: number
  /** Close after this long without a request (default 5 min). */
  readonly idleTimeoutMs?: number
  /** Close after this long in any case (default 15 min). */
  readonly maxLifetimeMs?: number
}

/** What the server saw of one request. Secrets are never stored: only whether one matched. */
export type RequestRecord = {
  readonly seq: number
  readonly origin: string
  readonly method: string
  readonly path: string
  readonly query: string
  readonly service: GitService | null
  readonly authScheme: 'none' | 'basic' | 'bearer' | 'other'
  readonly authorizationPresent: boolean
  /** Basic username as presented; '<token>' when the token itself sat in the username slot. */
  readonly username: string | null
  readonly passwordMatched: boolean
  readonly credentialIndex: number | null
  readonly headerNames: readonly string[]
  status: number
  outcome: string
}

/** A running provider-like git server on 127.0.0.1. */
export type GitServer = {
  readonly flavor: Flavor
  /** `http://127.0.0.1:PORT`. */
  readonly origin: string
  /** The clone URL of a repository name (with `.git` except for Azure). */
  url(repo: string): string
  /** Path of a bare repository on disk, for assertions. */
  repoDir(repo: string): string
  readonly requests: readonly RequestRecord[]
  /** The second origin redirects point at, and what it saw. */
  readonly redirectTarget: { readonly origin: string; readonly requests: readonly RequestRecord[] }
  /** Per origin (this one and the redirect target): requests seen, and how many carried Authorization. */
  authorizationByOrigin(): Record<string, { requests: number; withAuthorization: number }>
  /** Replace the fault rules. */
  setFaults(rules: readonly FaultRule[]): void
  /** Replace {@link GitServerOptions.latencyMs} for the requests that arrive from now on. */
  setLatency(ms: number): void
  /** Resolves when the server has closed (by `close()` or its timers). */
  readonly closed: Promise<void>
  /** Kills children, drops sockets, removes the temp directory. Idempotent. */
  close(): Promise<void>
}
