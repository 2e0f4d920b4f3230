import type { Account } from '../domain/account'
import type { ProviderId } from '../domain/provider'
import { providerIds, providers } from '../providers/catalog'
import { expiryState, type ExpiryState } from './expiry'

/** Display order of providers (the catalog's). */
export const PROVIDER_ORDER: readonly ProviderId[] = providerIds
/** Provider display names: each catalog module's label. */
export const PROVIDER_NAMES = Object.fromEntries(
  providerIds.map((id) => [id, providers[id].label]),
) as Readonly<Record<ProviderId, string>>

/** An account row with its computed expiry. */
export type AccountRow = { readonly account: Account; readonly expiry: ExpiryState }
/** Accounts of one provider. */
export type AccountGroup = { readonly provider: ProviderId; readonly rows: readonly AccountRow[] }

/** True when every word of `query` appears in the account's label, host, username, labels, kind or provider. */
export function matchesQuery(a: Account, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const hay = [a.label, a.host, a.username, a.tokenKind, a.provider, PROVIDER_NAMES[a.provider], ...a.labels]
    .join(' ')
    .toLowerCase()
  return words.every((w) => hay.includes(w))
}

/** Labels in the order people count: "Bot 2" before "Bot 10", case aside. */
const byLabel = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Groups accounts by provider for the Accounts screen: filtered, then sorted by label. */
export function groupAccounts(
  accounts: readonly Account[],
  query: string,
  now: Date,
  warnDays: number,
): AccountGroup[] {
  const groups: AccountGroup[] = []
  for (const provider of PROVIDER_ORDER) {
    const rows = accounts
      .filter((a) => a.provider === provider && matchesQuery(a, query))
      .sort((x, y) => byLabel.compare(x.label, y.label) || x.host.localeCompare(y.host))
      .map((account) => ({ account, expiry: expiryState(account.expiresAt, now, warnDays) }))
    if (rows.length > 0) groups.push({ provider, rows })
  }
  return groups
}
