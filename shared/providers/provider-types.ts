import type { Deployment, ProviderId, TokenUse } from '../domain/provider'
import type { RemoteParts } from './url-parts'

/**
 * The shape of provider knowledge (STYLE.md §11 "knowledge is data"): every fact is a table row with
 * the `source` it was taken from, so updating one is a one-line change with a test.
 */

/** Where a fact comes from (providers.md section, doc URL, repository path). */
export type Sourced = { readonly source: string }

/** How a self-hosted deployment places itself under a path (Account.pathPrefix). */
export type PathPrefixRule = 'none' | 'relative_root' | 'context_path' | 'organization' | 'collection'

/** A host a provider runs on: an exact cloud host, a `*.` wildcard, or null for "the host you configure". */
export type HostRule = Sourced & {
  readonly id: string
  readonly label: string
  readonly deployment: Deployment
  readonly host: string | null
  /** Other names of the same service (SSH endpoints, www) that map to `host`. */
  readonly aliases: readonly string[]
  readonly pathPrefix: PathPrefixRule
  readonly note: string
}

/** The integrity check a token format carries (providers.md §0, §1). */
export type ChecksumMethod =
  | 'github_crc32_base62'
  | 'gitlab_crc32_base36'
  | 'atlassian_crc32_hex'
  | 'bbdc_structure'
  | 'azure_marvin32'
  | 'none'

/** Which username git must send with a token over HTTPS (providers.md §2). */
export type UsernameRule = Sourced &
  (
    | { readonly kind: 'any'; readonly fallback: string; readonly note: string }
    | { readonly kind: 'fixed'; readonly value: string; readonly note: string }
    | {
        readonly kind: 'account_username'
        readonly note: string
        /** A static username the provider also accepts, used when the account has none. */
        readonly alternative: string | null
        readonly rejectEmail: boolean
      }
    | { readonly kind: 'bearer_only'; readonly note: string }
  )

/** What a token needs for one use. `satisfiedBy` lists alternative scope sets; `[[]]` means nothing is needed. */
export type ScopeNeed = Sourced & {
  readonly supported: boolean
  /** What to tick when creating the token; creation links pre-fill this where the page allows it. */
  readonly recommended: readonly string[]
  readonly satisfiedBy: readonly (readonly string[])[]
  readonly note: string
}

/** Scope needs per use (read_only, flipt_sync = push, merge_proposals = push + open PRs/MRs). */
export type ScopeTable = Readonly<Record<TokenUse, ScopeNeed>>

/** Lifetime facts. `null` means the sources do not say. */
export type Lifetime = Sourced & {
  readonly maxDays: number | null
  readonly canBeNonExpiring: boolean | null
  /** A fixed lifetime the provider imposes (`1 hour`), or null. */
  readonly fixed: string | null
  /** The token stops working at 00:00 UTC on its expiry date (GitLab). */
  readonly expiresAtStartOfDayUtc: boolean
  readonly note: string
}

/** Whether the token can describe itself online (owner, scopes, expiry) and how (providers.md §5). */
export type Introspection = Sourced & { readonly possible: boolean; readonly how: string }

/** Where a token of a kind is created, as a URL template on the account host or a fixed provider host. */
export type CreationSpec = Sourced & {
  readonly host: { readonly kind: 'account' } | { readonly kind: 'fixed'; readonly host: string }
  /** Path template; `{prefix}` `{user}` `{owner}` `{repo}` `{org}` become encoded path segments. */
  readonly path: string
  /** How the page takes a name and scopes in its query string. */
  readonly prefill: 'github_classic' | 'gitlab' | 'none'
  readonly note: string
}

/** A credential kind of a provider, with everything GitKeys knows about it. */
export type TokenKindSpec = Sourced & {
  readonly id: string
  readonly label: string
  readonly deployments: readonly Deployment[]
  /** Anchored shapes of a well-formed token; empty when the format is not public. */
  readonly shapes: readonly RegExp[]
  readonly checksum: ChecksumMethod
  readonly lifetime: Lifetime
  readonly introspection: Introspection
  readonly username: UsernameRule
  readonly scopes: ScopeTable
  readonly creation: CreationSpec | (Sourced & { readonly unavailable: string })
}

/** What a dated fact does to a kind or provider. */
export type FactEffect = 'removed' | 'creation_disabled' | 'brownout' | 'format_change' | 'policy'

/** A dated event: a removal, a brownout window, a policy change. Dates are UTC calendar days. */
export type DatedFact = Sourced & {
  readonly id: string
  readonly provider: ProviderId
  /** First day the event is in effect (YYYY-MM-DD), or null when only a version is known. */
  readonly date: string | null
  /** Last day of a window (brownouts), inclusive. */
  readonly until: string | null
  /** The product version that brought it (GitLab), or null. */
  readonly version: string | null
  readonly effect: FactEffect
  readonly deployments: readonly Deployment[]
  /** Token kinds it applies to; empty = the provider as a whole. */
  readonly tokenKinds: readonly string[]
  /** When it applies only to some tokens of those kinds (Azure "global" PATs), the condition in words; else null. */
  readonly condition: string | null
  readonly title: string
  readonly detail: string
}

/** API base URL templates; `{host}` and `{prefix}` (`''` or `/a/b`) are filled in. */
export type ApiSpec = Sourced & {
  readonly cloud: string
  readonly selfHosted: string
  /** What Flipt's `scm.api_url` should be (flipt-v2.md §3.2); null = leave unset / not supported. */
  readonly flipt: { readonly cloud: string | null; readonly selfHosted: string | null; readonly note: string }
}

/** Stable ids of remote-URL findings a provider parser reports. */
export type RemoteProblemId =
  | 'url.web_ui'
  | 'url.ssh'
  | 'url.azure_dot_git'
  | 'url.unencoded_space'
  | 'url.username_in_url'
  | 'url.incomplete'
  | 'url.azure_legacy_host'
  | 'url.path_prefix_mismatch'
  | 'url.query_or_fragment'

/** A finding about a remote, with the clone URL to use instead when there is one. */
export type RemoteProblem = {
  readonly id: RemoteProblemId
  readonly severity: 'error' | 'warning' | 'info'
  readonly message: string
  readonly suggestedUrl: string | null
}

/** A remote understood by its provider. `owner` is the namespace: GitLab `group/sub`, Azure project, DC project key. */
export type ParsedRemote = {
  readonly provider: ProviderId
  readonly deployment: Deployment
  /** `host[:port]` as accounts store it. */
  readonly host: string
  readonly pathPrefix: string | null
  /** Azure DevOps organisation or Server collection; null elsewhere. */
  readonly organization: string | null
  readonly owner: string
  readonly repo: string
  /** The canonical HTTPS clone URL. */
  readonly cloneUrl: string
  readonly problems: readonly RemoteProblem[]
}

/** What a parser may know beforehand from the bound account. */
export type ParseContext = { readonly deployment?: Deployment; readonly pathPrefix?: string | null }

/** The account fields that locate a provider instance. */
export type AccountTarget = {
  readonly provider: ProviderId
  readonly deployment: Deployment
  readonly host: string
  readonly pathPrefix: string | null
}

/** One provider: its data tables and the few functions that read URLs for it. */
export type ProviderModule = {
  readonly id: ProviderId
  readonly label: string
  readonly hosts: readonly HostRule[]
  readonly tokenKinds: readonly TokenKindSpec[]
  readonly defaultKind: Readonly<Record<Deployment, string>>
  readonly datedFacts: readonly DatedFact[]
  readonly api: ApiSpec
  /** Reads a lexed remote as this provider's; null when the path cannot be one of its repositories. */
  readonly parseRemote: (parts: RemoteParts, ctx: ParseContext) => ParsedRemote | null
}
