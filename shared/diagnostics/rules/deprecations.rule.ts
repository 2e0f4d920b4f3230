import { tokenKind } from '../../providers/catalog'
import { datedFactsOf, factInEffect, kindStatus } from '../../providers/dated-facts'
import type { Rule, TokenView } from './rule.types'
import { createTokenFix, defineRule, kindLabel, providerLabel, rotateToken } from './rule-kit.logic'

/**
 * Deprecations family: dated retirements judged against the date passed in, from the providers'
 * dated-fact tables (providers.md §4): Bitbucket app passwords (creation off 2025-09-09, brownouts,
 * removed 2026-07-28), Azure DevOps global PATs (2026-12-01), account passwords on GitHub and Bitbucket.
 */

const SOURCE = 'providers.md §4 (dated facts tables in shared/providers/*-facts.ts)'

/** The replacement: the provider's usual kind, created on the same host. */
const replacement = (t: TokenView) => [
  ...(t.account ? [rotateToken(t.account.id)] : []),
  ...createTokenFix(
    { provider: t.provider, deployment: t.deployment, host: t.host, pathPrefix: t.pathPrefix, repo: t.repo },
    t.use,
  ),
]

/** Token views whose provider, kind and deployment are all known. */
function known(tokens: readonly TokenView[]) {
  return tokens.flatMap((t) =>
    t.provider !== null && t.kind !== null && t.deployment !== null && tokenKind(t.provider, t.kind)
      ? [{ t, provider: t.provider, kind: t.kind, deployment: t.deployment }]
      : [],
  )
}

const kindRemoved = defineRule(
  {
    id: 'deprecations.kind_removed',
    family: 'deprecations',
    severity: 'error',
    checks: 'the token kind has not been retired by its provider on the date of the check',
    source: SOURCE,
  },
  (input, emit) => {
    for (const { t, provider, kind, deployment } of known(input.tokens)) {
      const s = kindStatus(provider, kind, deployment, input.now)
      if (s.state !== 'removed' || !s.fact) continue
      emit({
        subject: t.subject,
        title: `${kindLabel(provider, kind)}: no longer accepted since ${s.fact.date ?? ''}`,
        detail: `${s.fact.title}. ${s.fact.detail}`,
        fixes: replacement(t),
      })
    }
  },
)

const kindBrownout = defineRule(
  {
    id: 'deprecations.kind_brownout',
    family: 'deprecations',
    severity: 'warning',
    checks: 'the token kind is not inside a scheduled brownout window (it fails with 401 during windows)',
    source: SOURCE,
  },
  (input, emit) => {
    for (const { t, provider, kind, deployment } of known(input.tokens)) {
      const s = kindStatus(provider, kind, deployment, input.now)
      if (s.state !== 'brownout' || !s.fact) continue
      const next = s.upcoming ? ` ${s.upcoming.title} on ${s.upcoming.date ?? ''}.` : ''
      emit({
        subject: t.subject,
        title: `${kindLabel(provider, kind)}: brownouts until ${s.fact.until ?? ''}`,
        detail: `${s.fact.detail}${next}`,
        fixes: replacement(t),
      })
    }
  },
)

const kindRetiring = defineRule(
  {
    id: 'deprecations.kind_retiring',
    family: 'deprecations',
    severity: 'warning',
    checks: 'the token kind is not being retired (creation disabled, removal scheduled)',
    source: SOURCE,
  },
  (input, emit) => {
    for (const { t, provider, kind, deployment } of known(input.tokens)) {
      const s = kindStatus(provider, kind, deployment, input.now)
      if (s.state !== 'creation_disabled' && !(s.state === 'active' && s.upcoming?.effect === 'removed'))
        continue
      const since = s.fact ? `${s.fact.title} (${s.fact.date ?? ''}).` : ''
      const next = s.upcoming ? ` ${s.upcoming.title} on ${s.upcoming.date ?? ''}.` : ''
      emit({
        subject: t.subject,
        title: `${kindLabel(provider, kind)} is being retired`,
        detail: `${since}${next} Replace it before then.`.trim(),
        fixes: replacement(t),
      })
    }
  },
)

const conditionalRetirement = defineRule(
  {
    id: 'deprecations.conditional_retirement',
    family: 'deprecations',
    severity: 'info',
    checks: 'retirements that apply to some tokens of a kind only (Azure DevOps global PATs, 2026-12-01)',
    source: SOURCE,
  },
  (input, emit) => {
    for (const { t, provider, kind, deployment } of known(input.tokens)) {
      const s = kindStatus(provider, kind, deployment, input.now)
      const removal = s.conditional.filter((f) => f.effect === 'removed')
      for (const f of removal.length > 0 ? removal : s.conditional) {
        const past = factInEffect(f, input.now)
        emit({
          subject: t.subject,
          severity: past ? 'warning' : 'info',
          title: f.title,
          detail: `If ${f.condition ?? 'it applies'}: ${past ? 'since' : 'from'} ${f.date ?? ''}. ${f.detail}`,
          fixes: past ? replacement(t) : [],
        })
      }
    }
  },
)

const passwordAuthRemoved = defineRule(
  {
    id: 'deprecations.password_auth_removed',
    family: 'deprecations',
    severity: 'error',
    checks:
      'the secret is not an account password on a provider that removed password auth (GitHub 2021-08-13, Bitbucket 2022-03-01)',
    source: SOURCE,
  },
  (input, emit) => {
    for (const t of input.tokens) {
      if (t.provider === null || t.deployment !== 'cloud') continue
      const a = t.analysis
      if (!a || a.provider !== null || !a.findings.some((f) => f.id === 'token.format_unknown')) continue
      const fact = datedFactsOf(t.provider).find(
        (f) =>
          (f.id.endsWith('git_password_removed') || f.id.endsWith('account_password_removed')) &&
          factInEffect(f, input.now),
      )
      if (!fact) continue
      emit({
        subject: t.subject,
        title: `This looks like a password: ${providerLabel(t.provider)} no longer accepts passwords`,
        detail: `The secret matches no ${providerLabel(t.provider)} token format. ${fact.title} on ${fact.date ?? ''}. ${fact.detail}`,
        fixes: replacement(t),
      })
    }
  },
)

/** The deprecations family's rules. */
export const deprecationRules: readonly Rule[] = [
  kindRemoved,
  kindBrownout,
  kindRetiring,
  conditionalRetirement,
  passwordAuthRemoved,
]
