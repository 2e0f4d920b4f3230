import type { Finding } from '../../domain/finding'
import type { Rule, RuleInput } from './rule.types'
import { defineRule, type RuleSpec } from './rule-kit.logic'

/**
 * Summary family: one `ok` finding per repository and per account whose offline checks raised no
 * error or warning, so a checklist can show green rows. Runs after every other family.
 */

const SOURCE = 'ARCHITECTURE.md §6 (ok findings for a checklist)'
const bad = (f: Finding): boolean => f.severity === 'error' || f.severity === 'warning'
/** `storage.x.remote` → `storage.x`: ids never contain dots, so two segments name the item. */
const rootOf = (subject: string): string => subject.split('.', 2).join('.')
const flaggedRoots = (prior: readonly Finding[]): ReadonlySet<string> =>
  new Set(prior.filter(bad).map((f) => rootOf(f.subject)))

/** One item a summary vouches for: its subject, the roots whose findings concern it, and what passed. */
type Vouch = { readonly subject: string; readonly roots: readonly string[]; readonly detail: string }

/** An `ok` rule: one finding for each item none of whose roots an earlier rule flagged. */
function okRule<T>(
  spec: RuleSpec,
  items: (input: RuleInput) => Iterable<T>,
  vouch: (item: T, input: RuleInput) => Vouch,
): Rule {
  return defineRule(spec, (input, emit, prior) => {
    const flagged = flaggedRoots(prior)
    for (const item of items(input)) {
      const { subject, roots, detail } = vouch(item, input)
      if (!roots.some((p) => flagged.has(p))) emit({ subject, title: 'All offline checks passed', detail })
    }
  })
}

const storageOk = okRule(
  {
    id: 'checks.storage_ok',
    family: 'summary',
    severity: 'ok',
    checks: 'a storage, its credential and its environments passed every offline check',
    source: SOURCE,
  },
  (input) => input.ctx.repositories,
  (r, input) => ({
    subject: `storage.${r.id}`,
    roots: [
      `storage.${r.id}`,
      `repositories.${r.id}`,
      ...(r.credentialId ? [`credentials.${r.credentialId}`] : []),
      ...(r.accountId ? [`accounts.${r.accountId}`] : []),
      ...(input.environmentsByRepository.get(r.id) ?? []).map((e) => `environments.${e.id}`),
    ],
    detail:
      'Remote, branch, credentials, scopes, expiry and environments look right without contacting the host. Test the connection to confirm online.',
  }),
)

const accountOk = okRule(
  {
    id: 'checks.account_ok',
    family: 'summary',
    severity: 'ok',
    checks: 'an account and its token passed every offline check',
    source: SOURCE,
  },
  (input) => input.ctx.accounts,
  (a) => ({
    subject: `accounts.${a.id}`,
    roots: [`accounts.${a.id}`],
    detail: `Token format${a.analysis?.checksum === 'valid' ? ', checksum' : ''}, kind, username, scopes, expiry and retirement dates look right.`,
  }),
)

/** The summary family's rules (run last). */
export const summaryRules: readonly Rule[] = [storageOk, accountOk]
