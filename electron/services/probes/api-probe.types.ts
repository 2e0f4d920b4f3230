import type { Account } from '@shared/domain/account'
import type { ErrorCategory, TokenUse } from '@shared/domain/provider'
import type { Result } from '@shared/result'
import type { HttpResponse, NetFailure, TlsSettings } from '../net/http-client'

/**
 * What an online API probe learned about a token (providers.md §5). Probes only add facts
 * (ARCHITECTURE.md §6): every offline answer stands without them. Never holds the token.
 * `ok`: the token authenticated and nothing the probe saw is wrong for the use asked about.
 * `authenticated`: true/false when the API said so, null when the probe could not tell (network
 * failure, a kind that cannot introspect). `category` is the problem found, null when none or unknown.
 * `expiresAt` is a UTC date (YYYY-MM-DD), as accounts store it.
 */
export type ApiProbeResult = {
  readonly ok: boolean
  readonly authenticated: boolean | null
  readonly category: ErrorCategory | null
  readonly login: string | null
  readonly scopes: readonly string[] | null
  readonly expiresAt: string | null
  readonly tokenType: string | null
  readonly detail: string
  readonly ms: number
  /** The last URL called, without its query. */
  readonly endpoint: string
}

/** The account fields a probe needs: where the API is and what kind of token it holds. */
export type ProbeAccount = Pick<
  Account,
  'provider' | 'deployment' | 'host' | 'pathPrefix' | 'apiUrl' | 'tokenKind' | 'username' | 'expiresAt'
>

/** One probe request. */
export type ApiProbeInput = {
  readonly account: ProbeAccount
  readonly token: string
  /** The repository the token is for: Bitbucket Cloud access tokens can only be checked on one. */
  readonly repository?: { readonly owner: string; readonly repo: string } | null
  /** The Atlassian account email: Bitbucket Cloud API tokens use it on the REST API. */
  readonly email?: string | null
  /** When set, scopes the API reports are checked against what this use needs (providers.md §3). */
  readonly use?: TokenUse | null
  /** TLS settings for the API host (the repository's CA bundle applies to its API too). */
  readonly tls?: TlsSettings
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
}

/** The outcome of one HTTP call. */
export type Exchange = Result<HttpResponse, NetFailure>

/** What a provider module reads from its exchanges (the prober adds timing and the endpoint). */
export type ProbeReading = Omit<ApiProbeResult, 'ok' | 'ms' | 'endpoint'>

/** What a provider module gets: the inputs and a GET relative to the API base. */
export type ProbeContext = {
  readonly account: ProbeAccount
  readonly token: string
  readonly repository: { readonly owner: string; readonly repo: string } | null
  readonly email: string | null
  readonly now: Date
  get(path: string, headers: Readonly<Record<string, string>>): Promise<Exchange>
}

/** One provider's probe: which calls to make and how to read them. */
export type ProviderProbe = (ctx: ProbeContext) => Promise<ProbeReading>
