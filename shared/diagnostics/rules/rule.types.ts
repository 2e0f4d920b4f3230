import type { Credential } from '../../domain/credential'
import type { Environment } from '../../domain/environment'
import type { Finding, Fix, Severity } from '../../domain/finding'
import type { Deployment, ProviderId, TokenUse } from '../../domain/provider'
import type { Repository } from '../../domain/repository'
import type { TokenAnalysis } from '../../domain/token-analysis'
import type { RemoteUrlCheck } from '../../logic/remote-url'
import type { ParsedRemote } from '../../providers/provider-types'
import type {
  AccountFacts,
  DiagnoseContext,
  FliptFacts,
  PathFacts,
  ProbeFacts,
  SecretFacts,
} from '../diagnose.types'

/**
 * The shape of an offline rule (ARCHITECTURE.md §6): a stable id, a family, the severity it usually
 * has, one line saying what it checks, where the knowledge comes from, and a body that reads the
 * indexed context and emits findings carrying the rule's id.
 */

/** The rule families, one file each under `rules/`. */
export type RuleFamily =
  | 'token'
  | 'expiry'
  | 'deprecations'
  | 'username'
  | 'scopes'
  | 'url'
  | 'api_url'
  | 'branch'
  | 'storage'
  | 'path'
  | 'environment'
  | 'scm'
  | 'secret_ref'
  | 'local'
  | 'probe'
  | 'flipt_config'
  | 'summary'

/** What a rule body passes to `emit`: the finding without its id. */
export type Emission = {
  readonly subject: string
  readonly title: string
  readonly detail: string
  readonly fixes?: readonly Fix[]
  /** Overrides the rule's usual severity (e.g. an info that becomes a warning with SCM). */
  readonly severity?: Severity
  readonly docs?: string
}

/** Adds one finding with the rule's id. */
export type Emit = (e: Emission) => void

/** A rule as the engine runs it. `prior` holds the findings of the rules that ran before (summaries read it). */
export type Rule = {
  readonly id: string
  readonly family: RuleFamily
  readonly severity: Severity
  readonly checks: string
  readonly source: string
  readonly run: (input: RuleInput, prior: readonly Finding[]) => readonly Finding[]
}

/** How a remote reads: the validation verdict, the provider reading, and what it implies. */
export type RemoteView = {
  readonly raw: string
  /** Null for an empty remote (a local-only Flipt storage). */
  readonly check: RemoteUrlCheck | null
  readonly parsed: ParsedRemote | null
  readonly transport: 'https' | 'http' | 'ssh' | null
  /** Lowercase host without port. */
  readonly host: string | null
  readonly provider: ProviderId | null
  readonly deployment: Deployment | null
}

/** The token a subject uses and what is known about it, from the vault (accounts) or a resolved reference. */
export type TokenView = {
  /** `accounts.<id>` or `credentials.<id>`. */
  readonly subject: string
  readonly account: AccountFacts | null
  readonly credential: Credential | null
  readonly secret: SecretFacts | null
  readonly analysis: TokenAnalysis | null
  readonly provider: ProviderId | null
  readonly deployment: Deployment | null
  readonly host: string | null
  readonly pathPrefix: string | null
  /** The kind read from the token, else the one declared on the account. */
  readonly kind: string | null
  /** The most demanding use: merge proposals > Flipt sync > read-only; null when unused. */
  readonly use: TokenUse | null
  /** Repository (owner/name) the token serves, for creation links of per-repository kinds. */
  readonly repo: { readonly owner: string; readonly name: string } | null
}

/** The context indexed once for all rules. */
export type RuleInput = {
  readonly ctx: DiagnoseContext
  readonly now: Date
  readonly warnDays: number
  /** The use requested by the caller; overrides derived uses. */
  readonly use: TokenUse | null
  readonly flipt: FliptFacts | null
  readonly accountById: ReadonlyMap<string, AccountFacts>
  readonly credentialById: ReadonlyMap<string, Credential>
  readonly repositoryById: ReadonlyMap<string, Repository>
  readonly environmentsByRepository: ReadonlyMap<string, readonly Environment[]>
  readonly secretsByCredential: ReadonlyMap<string, readonly SecretFacts[]>
  readonly probesBySubject: ReadonlyMap<string, readonly ProbeFacts[]>
  readonly pathsByRepository: ReadonlyMap<string, readonly PathFacts[]>
  /** The remote of every repository, read once. */
  readonly remoteOf: (repositoryId: string) => RemoteView
  /** The credential a repository's git transport uses (explicit, else null). */
  readonly storageCredential: (r: Repository) => Credential | null
  /** The account a repository's git transport uses: bound directly or through its credential. */
  readonly storageAccount: (r: Repository) => AccountFacts | null
  /** Every token in play: one per account, one per token-bearing credential. */
  readonly tokens: readonly TokenView[]
}
