import { expiryInstant } from '../../providers/dated-facts'
import type { Rule, RuleInput, TokenView } from './rule.types'
import { eachRule, replaceTokenFixes, tokens, type RuleSpec } from './rule-kit.logic'

/**
 * Expiry family: a token past its expiry instant, or within the warning window (configurable days).
 * Dates come from the account (entered or read from the provider), an online probe, or the token
 * itself (a JWT `exp`). GitLab tokens stop at 00:00 UTC on their date, others at the end of it
 * (providers.md §4, `expiryInstant`).
 */

const DAY = 86_400_000
const SOURCE = 'providers.md §4 (GitLab expiry at 00:00 UTC); users-and-anchors.md §4 idea 3'

type Expiry = { readonly instant: Date; readonly label: string; readonly from: string }

/** The earliest known expiry of a token, with where it was learned. */
function expiryOf(t: TokenView, input: RuleInput): Expiry | null {
  const found: Expiry[] = []
  const fromDate = (text: string, from: string): void => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(text)
    const instant =
      day && t.provider !== null ? expiryInstant(t.provider, t.kind ?? '', text) : new Date(text)
    if (!Number.isNaN(instant.getTime()))
      found.push({ instant, label: day ? text : instant.toISOString(), from })
  }
  if (t.account?.expiresAt) fromDate(t.account.expiresAt, 'the account')
  for (const p of input.probesBySubject.get(t.subject) ?? [])
    if (p.expiresAt) fromDate(p.expiresAt, 'the provider')
  const jwt = t.analysis?.facts.expiresAt
  if (jwt) fromDate(jwt, 'the token itself')
  found.sort((a, b) => a.instant.getTime() - b.instant.getTime())
  return found[0] ?? null
}

/** `1 day`, `3 days`. */
const dayCount = (n: number): string => `${n} day${n === 1 ? '' : 's'}`

/**
 * A rule over each token's earliest known expiry: `describe` gives the title and detail from the time
 * left (negative once expired), or null; the fix is replacing the token with one of the same kind.
 */
function expiryRule(
  spec: RuleSpec,
  describe: (e: Expiry, left: number, input: RuleInput) => { title: string; detail: string } | null,
): Rule {
  return eachRule(spec, tokens, (t, input) => {
    const e = expiryOf(t, input)
    const said = e && describe(e, e.instant.getTime() - input.now.getTime(), input)
    return said && { subject: t.subject, ...said, fixes: replaceTokenFixes(t, t.kind) }
  })
}

const expired = expiryRule(
  {
    id: 'token.expired',
    family: 'expiry',
    severity: 'error',
    checks: 'the token has not passed its expiry date (GitLab: 00:00 UTC on the date)',
    source: SOURCE,
  },
  (e, left) => {
    if (left > 0) return null
    const days = Math.floor(-left / DAY)
    return {
      title: 'The token has expired',
      detail: `It expired on ${e.label} (${days === 0 ? 'today' : `${dayCount(days)} ago`}, according to ${e.from}). Every git and API call now fails with 401; create a new token and replace it everywhere it is used.`,
    }
  },
)

const expiringSoon = expiryRule(
  {
    id: 'token.expiring_soon',
    family: 'expiry',
    severity: 'warning',
    checks: 'the token does not expire within the warning window (default 14 days)',
    source: SOURCE,
  },
  (e, left, input) =>
    left <= 0 || left > input.warnDays * DAY
      ? null
      : {
          title: `The token expires in ${dayCount(Math.ceil(left / DAY))}`,
          detail: `It expires on ${e.label} (according to ${e.from}). Replace it before then; GitKeys updates every credential that uses the account.`,
        },
)

/** The expiry family's rules. */
export const expiryRules: readonly Rule[] = [expired, expiringSoon]
