import type { Finding } from '../domain/finding'
import type { TokenUse } from '../domain/provider'
import type { DiagnoseContext } from './diagnose.types'
import { ALL_RULES } from './rules/rule-catalog.table'
import { buildRuleInput } from './rules/rule-input.logic'
import { SEVERITY_RANK } from './rules/rule-kit.logic'
import type { Rule } from './rules/rule.types'

/**
 * `diagnose(context, now)` (ARCHITECTURE.md §6): runs every rule family over a secret-free context,
 * offline and deterministically (the clock is a parameter), and returns findings deduplicated by
 * id and subject, errors first, then warnings, infos and oks.
 */

/** Options: the expiry warning window in days (default 14) and a use that overrides the derived ones. */
export type DiagnoseRunOptions = { readonly expiryWarningDays?: number; readonly use?: TokenUse }

/** Runs `rules` (default: all) over the context; exported for tests that exercise one rule. */
export function runRules(
  rules: readonly Rule[],
  ctx: DiagnoseContext,
  now: Date,
  opts: DiagnoseRunOptions = {},
): Finding[] {
  const input = buildRuleInput(ctx, now, opts)
  const out: Finding[] = []
  const seen = new Map<string, number>()
  for (const rule of rules) {
    for (const f of rule.run(input, out)) {
      const key = `${f.id}\u0000${f.subject}`
      const at = seen.get(key)
      if (at === undefined) {
        seen.set(key, out.length)
        out.push(f)
      } else {
        const kept = out[at]
        if (kept && SEVERITY_RANK[f.severity] < SEVERITY_RANK[kept.severity]) out[at] = f
      }
    }
  }
  return out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_RANK[a.f.severity] - SEVERITY_RANK[b.f.severity] || a.i - b.i)
    .map((x) => x.f)
}

/** Diagnoses a context offline. Pure: never reads the clock, the network or the disk. */
export function diagnose(ctx: DiagnoseContext, now: Date, opts: DiagnoseRunOptions = {}): Finding[] {
  return runRules(ALL_RULES, ctx, now, opts)
}

/** Every rule id with its family, usual severity and what it checks (for docs, the CLI and tests). */
export function ruleCatalog(): ReadonlyArray<Pick<Rule, 'id' | 'family' | 'severity' | 'checks' | 'source'>> {
  return ALL_RULES.map(({ id, family, severity, checks, source }) => ({
    id,
    family,
    severity,
    checks,
    source,
  }))
}
