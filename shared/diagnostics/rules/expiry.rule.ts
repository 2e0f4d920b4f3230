import { expiryInstant } from '../../providers/dated-facts'
import type { Rule, RuleInput, TokenView } from './rule.types'
import { createTokenFix, defineRule, rotateToken } from './rule-kit.logic'

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

const fixesFor = (t: TokenView) => [
  ...(t.account ? [rotateToken(t.account.id)] : []),
  ...createTokenFix(
    { provider: t.provider, deployment: t.deployment, host: t.host, pathPrefix: t.pathPrefix, repo: t.repo },
    t.use,
    t.kind,
  ),
]

const expired = defineRule(
  {
    id: 'token.expired',
    family: 'expiry',
    severity: 'error',
    checks: 'the token has not passed its expiry date (GitLab: 00:00 UTC on the date)',
    source: SOURCE,
  },
  (input, emit) => {
    for (const t of input.tokens) {
      const e = expiryOf(t, input)
      if (!e || e.instant.getTime() > input.now.getTime()) continue
      const days = Math.floor((input.now.getTime() - e.instant.getTime()) / DAY)
      emit({
        subject: t.subject,
        title: 'The token has expired',
        detail: `It expired on ${e.label} (${days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`}, according to ${e.from}). Every git and API call now fails with 401; create a new token and replace it everywhere it is used.`,
        fixes: fixesFor(t),
      })
    }
  },
)

const expiringSoon = defineRule(
  {
    id: 'token.expiring_soon',
    family: 'expiry',
    severity: 'warning',
    checks: 'the token does not expire within the warning window (default 14 days)',
    source: SOURCE,
  },
  (input, emit) => {
    for (const t of input.tokens) {
      const e = expiryOf(t, input)
      if (!e) continue
      const left = e.instant.getTime() - input.now.getTime()
      if (left <= 0 || left > input.warnDays * DAY) continue
      const days = Math.ceil(left / DAY)
      emit({
        subject: t.subject,
        title: `The token expires in ${days} day${days === 1 ? '' : 's'}`,
        detail: `It expires on ${e.label} (according to ${e.from}). Replace it before then; GitKeys updates every credential that uses the account.`,
        fixes: fixesFor(t),
      })
    }
  },
)

/** The expiry family's rules. */
export const expiryRules: readonly Rule[] = [expired, expiringSoon]
