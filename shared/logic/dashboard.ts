import type { Account } from '../domain/account'
import type { ActivityEntry } from '../domain/activity'
import type { ProviderId } from '../domain/provider'
import type { Repository } from '../domain/repository'
import { kindStatus } from '../providers/dated-facts'
import { PROVIDER_ORDER } from './account-groups'
import { expiryState, type ExpiryState } from './expiry'

/** The Home dashboard's data, computed from accounts, repositories and the activity log. */
export type Dashboard = {
  readonly providers: ReadonlyArray<{
    readonly provider: ProviderId
    readonly count: number
    readonly attention: number
  }>
  /** Accounts expiring within `horizonDays`, or already expired, soonest first. */
  readonly expiries: ReadonlyArray<{
    readonly accountId: string
    readonly label: string
    readonly provider: ProviderId
    readonly expiresAt: string
    readonly expiry: ExpiryState
  }>
  /** Dated retirements that affect the user's accounts (past or ahead), with the accounts concerned. */
  readonly retirements: ReadonlyArray<{
    readonly id: string
    readonly title: string
    readonly detail: string
    readonly date: string
    readonly inEffect: boolean
    readonly conditional: string | null
    readonly accountIds: readonly string[]
  }>
  readonly repositories: ReadonlyArray<{ readonly id: string; readonly lastCheck: ActivityEntry | null }>
  readonly needsReentry: readonly string[]
  readonly horizonDays: number
}

const CHECK_OPS = new Set(['test', 'probe', 'clone', 'fetch', 'pull', 'push'])

/** Builds the dashboard; pure so the Home screen's numbers are unit-tested. */
export function dashboardOf(
  accounts: readonly Account[],
  repositories: readonly Repository[],
  activity: readonly ActivityEntry[],
  now: Date,
  warnDays: number,
  horizonDays = 90,
): Dashboard {
  const expiries = accounts
    .filter((a) => a.expiresAt !== null)
    .map((a) => ({
      accountId: a.id,
      label: a.label,
      provider: a.provider,
      expiresAt: a.expiresAt ?? '',
      expiry: expiryState(a.expiresAt, now, warnDays),
    }))
    .filter((e) => e.expiry.state === 'expired' || ('days' in e.expiry && e.expiry.days <= horizonDays))
    .sort((x, y) => x.expiresAt.localeCompare(y.expiresAt))
  const retirements = new Map<
    string,
    {
      id: string
      title: string
      detail: string
      date: string
      inEffect: boolean
      conditional: string | null
      accountIds: string[]
    }
  >()
  for (const a of accounts) {
    const s = kindStatus(a.provider, a.tokenKind, a.deployment, now)
    const facts = [s.fact, s.upcoming, ...s.conditional].filter(
      (f): f is NonNullable<typeof f> => f !== null && f.date !== null,
    )
    for (const f of facts) {
      const cur = retirements.get(f.id) ?? {
        id: f.id,
        title: f.title,
        detail: f.detail,
        date: f.date ?? '',
        inEffect: (f.date ?? '') <= now.toISOString().slice(0, 10),
        conditional: f.condition,
        accountIds: [],
      }
      if (!cur.accountIds.includes(a.id)) cur.accountIds.push(a.id)
      retirements.set(f.id, cur)
    }
  }
  const latest = new Map<string, ActivityEntry>()
  for (const e of activity) {
    if (!CHECK_OPS.has(e.op)) continue
    const cur = latest.get(e.subject)
    if (!cur || cur.at < e.at) latest.set(e.subject, e)
  }
  const attention = (a: Account): boolean => {
    const e = expiryState(a.expiresAt, now, warnDays).state
    return e === 'expired' || e === 'soon' || a.secret.state === 'needs_reentry'
  }
  return {
    providers: PROVIDER_ORDER.map((p) => {
      const mine = accounts.filter((a) => a.provider === p)
      return { provider: p, count: mine.length, attention: mine.filter(attention).length }
    }),
    expiries,
    retirements: [...retirements.values()].sort((x, y) => x.date.localeCompare(y.date)),
    repositories: repositories.map((r) => ({ id: r.id, lastCheck: latest.get(r.id) ?? null })),
    needsReentry: accounts.filter((a) => a.secret.state === 'needs_reentry').map((a) => a.id),
    horizonDays,
  }
}
