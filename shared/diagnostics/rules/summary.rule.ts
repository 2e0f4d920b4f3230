import type { Finding } from '../../domain/finding'
import type { Rule } from './rule.types'
import { defineRule } from './rule-kit.logic'

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

const storageOk = defineRule(
  {
    id: 'checks.storage_ok',
    family: 'summary',
    severity: 'ok',
    checks: 'a storage, its credential and its environments passed every offline check',
    source: SOURCE,
  },
  (input, emit, prior) => {
    const flagged = flaggedRoots(prior)
    for (const r of input.ctx.repositories) {
      const prefixes = [
        `storage.${r.id}`,
        `repositories.${r.id}`,
        ...(r.credentialId ? [`credentials.${r.credentialId}`] : []),
        ...(r.accountId ? [`accounts.${r.accountId}`] : []),
        ...(input.environmentsByRepository.get(r.id) ?? []).map((e) => `environments.${e.id}`),
      ]
      if (prefixes.some((p) => flagged.has(p))) continue
      emit({
        subject: `storage.${r.id}`,
        title: 'All offline checks passed',
        detail:
          'Remote, branch, credentials, scopes, expiry and environments look right without contacting the host. Test the connection to confirm online.',
      })
    }
  },
)

const accountOk = defineRule(
  {
    id: 'checks.account_ok',
    family: 'summary',
    severity: 'ok',
    checks: 'an account and its token passed every offline check',
    source: SOURCE,
  },
  (input, emit, prior) => {
    const flagged = flaggedRoots(prior)
    for (const a of input.ctx.accounts) {
      if (flagged.has(`accounts.${a.id}`)) continue
      emit({
        subject: `accounts.${a.id}`,
        title: 'All offline checks passed',
        detail: `Token format${a.analysis?.checksum === 'valid' ? ', checksum' : ''}, kind, username, scopes, expiry and retirement dates look right.`,
      })
    }
  },
)

/** The summary family's rules (run last). */
export const summaryRules: readonly Rule[] = [storageOk, accountOk]
