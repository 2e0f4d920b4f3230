import type { Deployment, ProviderId } from '../domain/provider'

/**
 * Token kinds are free text on an account (`tokenKind`); tables match them after normalising to
 * lowercase snake case, so `Fine-grained PAT`, `fine_grained_pat` and `fine-grained-pat` agree.
 */
export function normalizeTokenKind(kind: string): string {
  return kind
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

/** The part of an account a per-kind table looks at. */
export type KindKey = {
  readonly provider: ProviderId
  readonly deployment: Deployment
  readonly tokenKind: string
}

/** A table row selector: provider, deployment (or any) and token kinds (or any, as a fallback row). */
export type KindSelector = {
  readonly provider: ProviderId
  readonly deployment: Deployment | 'any'
  readonly kinds: readonly string[] | 'any'
}

/**
 * The first row whose provider and deployment match and that lists the kind; failing that, the
 * first matching `any` row. Rows are data, so a new kind is a one-line change with a test.
 */
export function pickRow<R extends KindSelector>(rows: readonly R[], key: KindKey): R | null {
  const kind = normalizeTokenKind(key.tokenKind)
  const here = rows.filter(
    (r) => r.provider === key.provider && (r.deployment === 'any' || r.deployment === key.deployment),
  )
  return (
    here.find((r) => r.kinds !== 'any' && r.kinds.includes(kind)) ??
    here.find((r) => r.kinds === 'any') ??
    null
  )
}

/** Where a username comes from: the account, the account unless it is an email, or a fixed value. */
export type UsernameSpec =
  | { readonly from: 'account'; readonly ifEmpty: string }
  | { readonly from: 'account_unless_email'; readonly instead: string }
  | { readonly from: 'literal'; readonly value: string }

/** Resolves a {@link UsernameSpec} against an account's username. */
export function resolveUsername(spec: UsernameSpec, accountUsername: string): string {
  const name = accountUsername.trim()
  switch (spec.from) {
    case 'account':
      return name === '' ? spec.ifEmpty : name
    case 'account_unless_email':
      return name === '' || name.includes('@') ? spec.instead : name
    case 'literal':
      return spec.value
  }
}
