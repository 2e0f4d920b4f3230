import { z } from 'zod'
import { ProviderIdSchema, type ErrorCategory } from '../../domain/provider'
import type { Fix } from '../../domain/finding'

/**
 * The provider an error text belongs to. The five families of `ProviderId`, plus the two
 * self-hosted deployments whose fixes differ (Bitbucket Data Center, Azure DevOps Server), plus
 * `generic` for plain git/curl/network output that names no host we know.
 */
export const ExplainProviderSchema = z.union([
  ProviderIdSchema,
  z.enum(['bitbucket_server', 'azure_devops_server', 'generic']),
])
/** See {@link ExplainProviderSchema}. */
export type ExplainProvider = z.infer<typeof ExplainProviderSchema>

/**
 * What GitKeys already knows about the account the failing command used. Every field is optional;
 * each known fact re-ranks causes (facts.logic.ts). `tokenKind` is matched loosely
 * (`github_classic_pat`, `gitlab_oauth`, `bitbucket_app_password`, `password`, …).
 */
export const AccountFactsSchema = z.object({
  tokenKind: z.string().max(64).optional(),
  expiresAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .optional(),
  scopes: z.array(z.string().max(100)).max(100).readonly().optional(),
  username: z.string().max(200).optional(),
  host: z.string().max(253).optional(),
  checksum: z.enum(['valid', 'invalid', 'none', 'unknown']).optional(),
})
/** See {@link AccountFactsSchema}. */
export type AccountFacts = z.infer<typeof AccountFactsSchema>

/** Options of `explain`: a provider when the caller knows it, account facts, and the clock. */
export type ExplainOptions = {
  readonly provider?: ExplainProvider
  readonly facts?: AccountFacts
  readonly now?: Date
}

/** One ranked cause with a score between 0 and 1. */
export type Candidate = { readonly category: ErrorCategory; readonly score: number }

/** The explainer's answer: the best cause, the ranking, the deciding lines and provider-specific fixes. */
export type Explanation = {
  readonly category: ErrorCategory
  /** Best first; scores 0..1 that sum to at most 1. */
  readonly candidates: readonly Candidate[]
  readonly title: string
  readonly detail: string
  /** The line(s) that decided it, redacted. */
  readonly evidence: string
  readonly fixes: readonly Fix[]
  readonly provider: ExplainProvider | null
}

/** Score contributions per category. */
export type Weights = Partial<Readonly<Record<ErrorCategory, number>>>

/**
 * A signal: a pattern over one normalised line, what it says about each category, and where that
 * knowledge comes from. `providers` is an affinity: on a known other provider the weights shrink.
 * `weigh` refines the weights from the match (e.g. compare the two accounts of "Permission to …").
 */
export type Signal = {
  readonly id: string
  readonly pattern: RegExp
  readonly weights: Weights
  readonly providers?: readonly ExplainProvider[]
  readonly weigh?: (match: RegExpExecArray) => Weights
  readonly source: string
}

/** A signal that fired: on which line, with which effective weights. */
export type SignalHit = {
  readonly signal: Signal
  readonly line: number
  readonly text: string
  readonly weights: Weights
}

/** Fixes for one cause: a generic list and provider-specific lists that replace it. */
export type FixSet = {
  readonly generic: readonly Fix[]
  readonly byProvider: Partial<Readonly<Record<ExplainProvider, readonly Fix[]>>>
}
