import type { ProviderId, TokenUse } from '../domain/provider'
import { tokenKind } from './catalog'
import type { ScopeNeed } from './provider-types'

/** Scope needs per use and the check "does this token hold enough" (providers.md §3, flipt-v2.md §3). */

/** The scope need of a kind for a use, or null when the kind is unknown. */
export function scopesFor(provider: ProviderId, kindId: string, use: TokenUse): ScopeNeed | null {
  return tokenKind(provider, kindId)?.scopes[use] ?? null
}

/** The verdict of a scope check. `missing` is the cheapest set of scopes to add (from the first closest alternative). */
export type ScopeCheck =
  | { readonly status: 'enough' }
  | { readonly status: 'missing'; readonly missing: readonly string[] }
  | { readonly status: 'unsupported'; readonly reason: string }
  | { readonly status: 'unknown_kind' }

/** Checks granted scopes (case-insensitive) against what a use needs. */
export function checkScopes(
  provider: ProviderId,
  kindId: string,
  use: TokenUse,
  granted: readonly string[],
): ScopeCheck {
  const need = scopesFor(provider, kindId, use)
  if (!need) return { status: 'unknown_kind' }
  if (!need.supported) return { status: 'unsupported', reason: need.note }
  const have = new Set(granted.map((g) => g.trim().toLowerCase()))
  let best: readonly string[] | null = null
  for (const set of need.satisfiedBy) {
    const lacking = set.filter((s) => !have.has(s.toLowerCase()))
    if (lacking.length === 0) return { status: 'enough' }
    if (best === null || lacking.length < best.length) best = lacking
  }
  return { status: 'missing', missing: best ?? need.recommended }
}
