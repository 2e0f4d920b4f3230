import type { AccountFacts } from '@shared/diagnostics/diagnose.types'
import type { RuleCase } from './rule-fixtures'
import { TOKENS, account, ctx, healthy } from './rule-fixtures'

/** Expiry cases: expired (account date, GitLab 00:00 UTC, probe), expiring within the window. */

const gh = (over: Partial<AccountFacts>) =>
  account({ id: 'gh', provider: 'github', host: 'github.com', scopes: ['repo'], ...over }, TOKENS.github)
const gl = (expiresAt: string) =>
  account(
    { id: 'gl', provider: 'gitlab', host: 'gitlab.com', tokenKind: 'personal', scopes: ['api'], expiresAt },
    TOKENS.gitlab,
  )
const probe = (expiresAt: string) => ({
  subject: 'accounts.gh',
  ok: true,
  category: null,
  login: 'octo',
  scopes: null,
  expiresAt,
  ms: 120,
})

/** The expiry family's cases. */
export const expiryCases: readonly RuleCase[] = [
  {
    rule: 'token.expired',
    name: 'an account date a month ago',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: ctx({ ...healthy(), accounts: [gh({ expiresAt: '2026-08-01' })] }),
  },
  {
    rule: 'token.expired',
    name: 'a GitLab token dated today (00:00 UTC has passed)',
    expect: 'fail',
    subject: 'accounts.gl',
    ctx: ctx({ accounts: [gl('2026-09-01')] }),
  },
  {
    rule: 'token.expired',
    name: 'a date the provider reported online',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: ctx({ ...healthy(), accounts: [gh({ expiresAt: null })], probes: [probe('2026-08-30')] }),
  },
  {
    rule: 'token.expired',
    name: 'a GitHub token dated today (end of the day)',
    expect: 'pass',
    ctx: ctx({ ...healthy(), accounts: [gh({ expiresAt: '2026-09-01' })] }),
  },
  { rule: 'token.expired', name: 'a date next year', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'token.expiring_soon',
    name: 'nine days left, 14-day window',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: ctx({ ...healthy(), accounts: [gh({ expiresAt: '2026-09-10' })] }),
  },
  {
    rule: 'token.expiring_soon',
    name: 'nine days left, 30-day window from the options',
    expect: 'fail',
    opts: { expiryWarningDays: 30 },
    ctx: ctx({ ...healthy(), accounts: [gh({ expiresAt: '2026-09-25' })] }),
  },
  {
    rule: 'token.expiring_soon',
    name: 'nine days left, 5-day window',
    expect: 'pass',
    opts: { expiryWarningDays: 5 },
    ctx: ctx({ ...healthy(), accounts: [gh({ expiresAt: '2026-09-10' })] }),
  },
  {
    rule: 'token.expiring_soon',
    name: 'no expiry date',
    expect: 'pass',
    ctx: ctx({ ...healthy(), accounts: [gh({ expiresAt: null })] }),
  },
]
