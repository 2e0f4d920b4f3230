import type { Lifetime, ScopeNeed, ScopeTable, Sourced } from './provider-types'

/** Helpers that keep the provider tables short and uniform. */

/** A scope need for a supported use. `satisfiedBy` defaults to the recommended set alone. */
export function need(
  recommended: readonly string[],
  source: string,
  note = '',
  satisfiedBy: readonly (readonly string[])[] = [recommended],
): ScopeNeed {
  return { supported: true, recommended, satisfiedBy, note, source }
}

/** A use the kind cannot serve at all (no scope makes it work). */
export function unsupported(note: string, source: string): ScopeNeed {
  return { supported: false, recommended: [], satisfiedBy: [], note, source }
}

/** A scope table from three needs. */
export function scopes(readOnly: ScopeNeed, fliptSync: ScopeNeed, mergeProposals: ScopeNeed): ScopeTable {
  return { read_only: readOnly, flipt_sync: fliptSync, merge_proposals: mergeProposals }
}

/** A lifetime row; unspecified facts stay unknown (null). */
export function lifetime(
  note: string,
  source: string,
  facts: Partial<Omit<Lifetime, 'note' | 'source'>> = {},
): Lifetime {
  return {
    maxDays: facts.maxDays ?? null,
    canBeNonExpiring: facts.canBeNonExpiring ?? null,
    fixed: facts.fixed ?? null,
    expiresAtStartOfDayUtc: facts.expiresAtStartOfDayUtc ?? false,
    note,
    source,
  }
}

/** A creation entry for kinds nobody creates by hand. */
export function notCreatable(
  unavailable: string,
  source: string,
): Sourced & { readonly unavailable: string } {
  return { unavailable, source }
}
