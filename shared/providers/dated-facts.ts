import type { Deployment, ProviderId } from '../domain/provider'
import { providers } from './catalog'
import type { DatedFact } from './provider-types'

/** Reading dated facts against a clock that callers pass in, so results are deterministic. */

/** Today's UTC calendar date of an instant (YYYY-MM-DD). */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10)
}

/** Every dated fact of a provider. */
export function datedFactsOf(provider: ProviderId): readonly DatedFact[] {
  return providers[provider].datedFacts
}

/** True when the fact's date has come (and, for a window, not yet passed) on `now`'s UTC day. */
export function factInEffect(fact: DatedFact, now: Date): boolean {
  if (fact.date === null) return false
  const day = utcDay(now)
  return day >= fact.date && (fact.until === null || day <= fact.until)
}

/** Where a token kind stands on a date. `conditional` lists facts that apply only to some tokens of the kind. */
export type KindStatus = {
  readonly state: 'active' | 'creation_disabled' | 'brownout' | 'removed'
  /** The unconditional fact that decided `state`, if any. */
  readonly fact: DatedFact | null
  /** The next unconditional fact still ahead (to warn before it happens). */
  readonly upcoming: DatedFact | null
  readonly conditional: readonly DatedFact[]
}

const RANK: Readonly<Record<KindStatus['state'], number>> = {
  active: 0,
  creation_disabled: 1,
  brownout: 2,
  removed: 3,
}

/** The status of a token kind of a provider deployment on `now`. */
export function kindStatus(
  provider: ProviderId,
  kindId: string,
  deployment: Deployment,
  now: Date,
): KindStatus {
  const facts = datedFactsOf(provider).filter(
    (f) => f.tokenKinds.includes(kindId) && f.deployments.includes(deployment) && f.date !== null,
  )
  const day = utcDay(now)
  let state: KindStatus['state'] = 'active'
  let fact: DatedFact | null = null
  let upcoming: DatedFact | null = null
  for (const f of facts) {
    if (f.condition !== null) continue
    const s: KindStatus['state'] | null =
      f.effect === 'removed'
        ? 'removed'
        : f.effect === 'brownout'
          ? 'brownout'
          : f.effect === 'creation_disabled'
            ? 'creation_disabled'
            : null
    if (s === null) continue
    if (factInEffect(f, now) && RANK[s] > RANK[state]) {
      state = s
      fact = f
    } else if (
      f.date !== null &&
      f.date > day &&
      (upcoming === null || (upcoming.date !== null && f.date < upcoming.date))
    ) {
      upcoming = f
    }
  }
  return { state, fact, upcoming, conditional: facts.filter((f) => f.condition !== null) }
}

/** The instant a token with expiry date `isoDate` stops working: 00:00 UTC that day for GitLab, else end of that UTC day. */
export function expiryInstant(provider: ProviderId, kindId: string, isoDate: string): Date {
  const kind = providers[provider].tokenKinds.find((k) => k.id === kindId)
  const startOfDay = kind?.lifetime.expiresAtStartOfDayUtc ?? false
  return new Date(`${isoDate}T${startOfDay ? '00:00:00.000' : '23:59:59.999'}Z`)
}
