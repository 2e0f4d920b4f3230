/** Where a token stands against its expiry date, judged on whole days (UTC, as GitLab and GitHub count). */
export type ExpiryState =
  | { readonly state: 'none' }
  | { readonly state: 'ok'; readonly days: number }
  | { readonly state: 'soon'; readonly days: number }
  | { readonly state: 'expired'; readonly days: number }

const DAY = 86_400_000

/** Days from `now` to the start (00:00 UTC) of `isoDate`; negative once past. */
export function daysUntil(isoDate: string, now: Date): number {
  const [y, m, d] = isoDate.split('-').map(Number)
  const target = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
  return Math.round((target - today) / DAY)
}

/**
 * Classifies an expiry date. A token whose date is today is already expired: GitLab tokens expire at
 * 00:00 UTC on their date (providers.md §4).
 */
export function expiryState(expiresAt: string | null, now: Date, warnDays: number): ExpiryState {
  if (!expiresAt) return { state: 'none' }
  const days = daysUntil(expiresAt, now)
  if (days <= 0) return { state: 'expired', days }
  if (days <= warnDays) return { state: 'soon', days }
  return { state: 'ok', days }
}

/** A short label for an expiry state: "expires in 3 days", "expired 2 days ago", "expires today". */
export function expiryLabel(e: ExpiryState): string {
  switch (e.state) {
    case 'none':
      return 'no expiry date'
    case 'expired':
      return e.days === 0 ? 'expired today' : `expired ${-e.days} day${e.days === -1 ? '' : 's'} ago`
    case 'soon':
    case 'ok':
      return `expires in ${e.days} day${e.days === 1 ? '' : 's'}`
  }
}

/** Rebuilds an {@link ExpiryState} from its wire form (`{ state, days? }`). */
export function toExpiryState(x: {
  readonly state: ExpiryState['state']
  readonly days?: number | undefined
}): ExpiryState {
  return x.state === 'none' ? { state: 'none' } : { state: x.state, days: x.days ?? 0 }
}
