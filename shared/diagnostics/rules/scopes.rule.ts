import type { TokenUse } from '../../domain/provider'
import { checkScopes, scopesFor } from '../../providers/scopes'
import type { Rule, RuleInput, TokenView } from './rule.types'
import { article, createTokenFix, defineRule, kindLabel, replaceTokenFixes } from './rule-kit.logic'

const capital = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`

/**
 * Scopes family: what a token needs for its use (read-only deploy, Flipt sync = push, merge
 * proposals = push + PR/MR API; providers.md §3, flipt-v2.md §3.2) against the scopes declared on
 * the account or observed online. The use is derived from how the token is referenced (storage →
 * Flipt sync, scm → merge proposals) unless the caller names one.
 */

const SOURCE = 'providers.md §3; flipt-v2.md §3.2 (token scopes); users-and-anchors.md §4 idea 4'
const LEVELS: readonly TokenUse[] = ['read_only', 'flipt_sync', 'merge_proposals']
const USE_WORDS: Readonly<Record<TokenUse, string>> = {
  read_only: 'read (clone and fetch)',
  flipt_sync: 'push (Flipt commits flag changes)',
  merge_proposals: 'open pull/merge requests (Flipt SCM)',
}

/** The scopes to judge: observed by a probe when there are any, else declared on the account. */
function grantedOf(t: TokenView, input: RuleInput): { scopes: readonly string[]; from: string } | null {
  const observed = (input.probesBySubject.get(t.subject) ?? []).find((p) => p.scopes !== null)?.scopes
  if (observed) return { scopes: observed, from: 'observed online' }
  const declared = t.account?.scopes ?? []
  return declared.length > 0 ? { scopes: declared, from: 'declared on the account' } : null
}

/** The first use level (up to the token's use) the granted scopes do not cover. */
function firstGap(t: TokenView, input: RuleInput) {
  if (t.provider === null || t.kind === null || t.use === null) return null
  const granted = grantedOf(t, input)
  if (!granted) return null
  for (const level of LEVELS.slice(0, LEVELS.indexOf(t.use) + 1)) {
    const verdict = checkScopes(t.provider, t.kind, level, granted.scopes)
    if (verdict.status === 'missing') return { level, missing: verdict.missing, granted }
    if (verdict.status !== 'enough') return null
  }
  return null
}

const fixes = (t: TokenView) =>
  replaceTokenFixes(t, t.kind, 'Replace the token with one that has these scopes')

function missingRule(id: string, level: TokenUse) {
  return defineRule(
    {
      id,
      family: 'scopes',
      severity: 'error',
      checks: `the token's scopes allow it to ${USE_WORDS[level]} when its use needs that`,
      source: SOURCE,
    },
    (input, emit) => {
      for (const t of input.tokens) {
        const gap = firstGap(t, input)
        if (!gap || gap.level !== level || t.use === null) continue
        const need = t.provider && t.kind ? scopesFor(t.provider, t.kind, level) : null
        emit({
          subject: t.subject,
          title: `The token cannot ${USE_WORDS[level].replace(/ \(.*\)$/, '')}: missing ${gap.missing.join(', ')}`,
          detail: `To ${USE_WORDS[level]} ${article(kindLabel(t.provider, t.kind))} needs ${gap.missing.join(' + ')}; the scopes ${gap.granted.from} are ${gap.granted.scopes.join(', ') || 'none'}.${need?.note ? ` ${need.note}` : ''}`,
          fixes: fixes(t),
        })
      }
    },
  )
}

const useUnsupported = defineRule(
  {
    id: 'scopes.use_unsupported',
    family: 'scopes',
    severity: 'error',
    checks: 'the token kind can serve its use at all (deploy tokens have no API, job tokens cannot push …)',
    source: SOURCE,
  },
  (input, emit) => {
    for (const t of input.tokens) {
      if (t.provider === null || t.kind === null || t.use === null) continue
      for (const level of LEVELS.slice(0, LEVELS.indexOf(t.use) + 1)) {
        const verdict = checkScopes(t.provider, t.kind, level, [])
        if (verdict.status !== 'unsupported') continue
        emit({
          subject: t.subject,
          title: `${capital(article(kindLabel(t.provider, t.kind)))} cannot ${USE_WORDS[level].replace(/ \(.*\)$/, '')}`,
          detail: `${verdict.reason} No scope changes that; use another kind of token.`,
          fixes: fixes(t)
            .filter((f) => f.action?.kind !== 'open_url')
            .concat(
              createTokenFix(
                { provider: t.provider, deployment: t.deployment, host: t.host, pathPrefix: t.pathPrefix },
                t.use,
              ),
            ),
        })
        break
      }
    }
  },
)

const declaredUnconfirmed = defineRule(
  {
    id: 'scopes.declared_unconfirmed',
    family: 'scopes',
    severity: 'warning',
    checks: 'the scopes declared on the account are the ones the provider reports online',
    source: 'providers.md §5 (X-OAuth-Scopes, personal_access_tokens/self)',
  },
  (input, emit) => {
    for (const t of input.tokens) {
      const observed = (input.probesBySubject.get(t.subject) ?? []).find((p) => p.scopes !== null)?.scopes
      const declared = t.account?.scopes ?? []
      if (!observed || declared.length === 0) continue
      const have = new Set(observed.map((s) => s.toLowerCase()))
      const absent = declared.filter((s) => !have.has(s.toLowerCase()))
      if (absent.length === 0) continue
      emit({
        subject: t.subject,
        title: 'The provider does not report some declared scopes',
        detail: `Declared but not granted: ${absent.join(', ')}. Online the token has ${observed.join(', ') || 'no scopes'}; the account's list is out of date.`,
      })
    }
  },
)

/** The scopes family's rules. */
export const scopeRules: readonly Rule[] = [
  missingRule('scopes.missing_read', 'read_only'),
  missingRule('scopes.missing_write', 'flipt_sync'),
  missingRule('scopes.missing_pr', 'merge_proposals'),
  useUnsupported,
  declaredUnconfirmed,
]
