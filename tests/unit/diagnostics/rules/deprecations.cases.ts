import type { RuleCase } from './rule-fixtures'
import { TOKENS, account, azureAccount, ctx, healthy } from './rule-fixtures'

/** Deprecation cases, judged against the date of the case: Bitbucket app passwords, Azure global PATs, passwords. */

const appPassword = ctx({
  accounts: [
    account(
      { id: 'bb', provider: 'bitbucket', host: 'bitbucket.org', tokenKind: 'app_password', username: 'john' },
      TOKENS.atbb,
    ),
  ],
})
const azure = ctx({ accounts: [azureAccount()] })
const day = (d: string): Date => new Date(`${d}T12:00:00.000Z`)

/** The deprecations family's cases. */
export const deprecationCases: readonly RuleCase[] = [
  {
    rule: 'deprecations.kind_removed',
    name: 'an app password after 2026-07-28',
    expect: 'fail',
    subject: 'accounts.bb',
    ctx: appPassword,
    now: day('2026-07-28'),
  },
  {
    rule: 'deprecations.kind_removed',
    name: 'an app password in January 2026',
    expect: 'pass',
    ctx: appPassword,
    now: day('2026-01-10'),
  },
  {
    rule: 'deprecations.kind_brownout',
    name: 'an app password during the brownout weeks',
    expect: 'fail',
    subject: 'accounts.bb',
    ctx: appPassword,
    now: day('2026-06-15'),
  },
  {
    rule: 'deprecations.kind_brownout',
    name: 'an app password after removal',
    expect: 'pass',
    ctx: appPassword,
    now: day('2026-09-01'),
  },
  {
    rule: 'deprecations.kind_retiring',
    name: 'an app password after creation was disabled',
    expect: 'fail',
    subject: 'accounts.bb',
    ctx: appPassword,
    now: day('2026-01-10'),
  },
  { rule: 'deprecations.kind_retiring', name: 'a classic GitHub PAT', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'deprecations.conditional_retirement',
    name: 'an Azure PAT (global PATs stop on 2026-12-01)',
    expect: 'fail',
    subject: 'accounts.az',
    ctx: azure,
  },
  { rule: 'deprecations.conditional_retirement', name: 'a GitHub PAT', expect: 'pass', ctx: ctx(healthy()) },
  {
    rule: 'deprecations.password_auth_removed',
    name: 'a password on a github.com account',
    expect: 'fail',
    subject: 'accounts.gh',
    ctx: ctx({
      accounts: [account({ id: 'gh', provider: 'github', host: 'github.com' }, 'hunter2password')],
    }),
  },
  {
    rule: 'deprecations.password_auth_removed',
    name: 'an unknown secret on Gitea (no such removal)',
    expect: 'pass',
    ctx: ctx({
      accounts: [
        account(
          {
            id: 'gt',
            provider: 'gitea',
            host: 'gitea.acme.com',
            deployment: 'self_hosted',
            tokenKind: 'pat',
          },
          'somethingcustom-xyz',
        ),
      ],
    }),
  },
]
