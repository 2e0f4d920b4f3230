import { tokenKind } from '../../providers/catalog'
import { datedFactsOf, factInEffect, kindStatus, type KindStatus } from '../../providers/dated-facts'
import type { Rule, TokenView } from './rule.types'
import {
  defineRule,
  eachRule,
  kindLabel,
  providerLabel,
  replaceTokenFixes,
  tokens,
  type RuleSpec,
} from './rule-kit.logic'

/**
 * Deprecations family: dated retirements judged against the date passed in, from the providers'
 * dated-fact tables (providers.md §4): Bitbucket app passwords (creation off 2025-09-09, brownouts,
 * removed 2026-07-28), Azure DevOps global PATs (2026-12-01), account passwords on GitHub and Bitbucket.
 */

const SOURCE = 'providers.md §4 (dated facts tables in shared/providers/*-facts.ts)'

/** Token views whose provider, kind and deployment are all known. */
function known(tokens: readonly TokenView[]) {
  return tokens.flatMap((t) =>
    t.provider !== null && t.kind !== null && t.deployment !== null && tokenKind(t.provider, t.kind)
      ? [{ t, provider: t.provider, kind: t.kind, deployment: t.deployment }]
      : [],
  )
}

/** ` <next fact> on <date>.`, or nothing when no retirement step is ahead. */
const upcomingText = (s: KindStatus): string =>
  s.upcoming ? ` ${s.upcoming.title} on ${s.upcoming.date ?? ''}.` : ''

/**
 * A rule over the dated status of each known token kind: `describe` gives the title and detail when
 * the status concerns the rule, else null; the fix is always a replacement of the provider's usual kind.
 */
function kindStatusRule(
  spec: RuleSpec,
  describe: (s: KindStatus, label: string) => { title: string; detail: string } | null,
): Rule {
  return eachRule(
    spec,
    (input) => known(input.tokens),
    ({ t, provider, kind, deployment }, input) => {
      const said = describe(kindStatus(provider, kind, deployment, input.now), kindLabel(provider, kind))
      return said && { subject: t.subject, ...said, fixes: replaceTokenFixes(t) }
    },
  )
}

const kindRemoved = kindStatusRule(
  {
    id: 'deprecations.kind_removed',
    family: 'deprecations',
    severity: 'error',
    checks: 'the token kind has not been retired by its provider on the date of the check',
    source: SOURCE,
  },
  (s, label) =>
    s.state === 'removed' && s.fact
      ? {
          title: `${label}: no longer accepted since ${s.fact.date ?? ''}`,
          detail: `${s.fact.title}. ${s.fact.detail}`,
        }
      : null,
)

const kindBrownout = kindStatusRule(
  {
    id: 'deprecations.kind_brownout',
    family: 'deprecations',
    severity: 'warning',
    checks: 'the token kind is not inside a scheduled brownout window (it fails with 401 during windows)',
    source: SOURCE,
  },
  (s, label) =>
    s.state === 'brownout' && s.fact
      ? {
          title: `${label}: brownouts until ${s.fact.until ?? ''}`,
          detail: `${s.fact.detail}${upcomingText(s)}`,
        }
      : null,
)

const kindRetiring = kindStatusRule(
  {
    id: 'deprecations.kind_retiring',
    family: 'deprecations',
    severity: 'warning',
    checks: 'the token kind is not being retired (creation disabled, removal scheduled)',
    source: SOURCE,
  },
  (s, label) => {
    if (s.state !== 'creation_disabled' && !(s.state === 'active' && s.upcoming?.effect === 'removed'))
      return null
    const since = s.fact ? `${s.fact.title} (${s.fact.date ?? ''}).` : ''
    return {
      title: `${label} is being retired`,
      detail: `${since}${upcomingText(s)} Replace it before then.`.trim(),
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
          fixes: past ? replaceTokenFixes(t) : [],
        })
      }
    }
  },
)

const passwordAuthRemoved = eachRule(
  {
    id: 'deprecations.password_auth_removed',
    family: 'deprecations',
    severity: 'error',
    checks:
      'the secret is not an account password on a provider that removed password auth (GitHub 2021-08-13, Bitbucket 2022-03-01)',
    source: SOURCE,
  },
  tokens,
  (t, input) => {
    if (t.provider === null || t.deployment !== 'cloud') return null
    const a = t.analysis
    if (!a || a.provider !== null || !a.findings.some((f) => f.id === 'token.format_unknown')) return null
    const fact = datedFactsOf(t.provider).find(
      (f) =>
        (f.id.endsWith('git_password_removed') || f.id.endsWith('account_password_removed')) &&
        factInEffect(f, input.now),
    )
    if (!fact) return null
    return {
      subject: t.subject,
      title: `This looks like a password: ${providerLabel(t.provider)} no longer accepts passwords`,
      detail: `The secret matches no ${providerLabel(t.provider)} token format. ${fact.title} on ${fact.date ?? ''}. ${fact.detail}`,
      fixes: replaceTokenFixes(t),
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
