import type { ErrorCategory } from '../../domain/provider'
import type { Fix } from '../../domain/finding'
import { redact } from '../../logic/redact'
import { CATEGORY_TEXT } from './category-text.table'
import type {
  AccountFacts,
  ExplainOptions,
  ExplainProvider,
  Explanation,
  FixSet,
  SignalHit,
} from './explain.types'
import { applyFacts, type FactRule } from './facts.logic'
import { ACCESS_FIXES } from './fixes-access.table'
import { CREDENTIAL_FIXES } from './fixes-credentials.table'
import { IDENTITY_FIXES } from './fixes-identity.table'
import { TRANSPORT_FIXES } from './fixes-transport.table'
import { normalizeLines } from './normalize.logic'
import { detectProvider, providerFromHost } from './provider-detect.logic'
import { openFix } from './provider-links.table'
import { rank, scoreLines } from './scoring.logic'

export type { AccountFacts, Candidate, ExplainOptions, ExplainProvider, Explanation } from './explain.types'

/** Fixes per cause and provider, assembled from the three family tables. */
export const FIXES: Readonly<Record<ErrorCategory, FixSet>> = {
  ...CREDENTIAL_FIXES,
  ...IDENTITY_FIXES,
  ...ACCESS_FIXES,
  ...TRANSPORT_FIXES,
}

const EVIDENCE_LINES = 3
const EVIDENCE_WIDTH = 300
// Long opaque runs (tokens without a known prefix, 40-hex Gitea/legacy tokens, 52-char Azure PATs).
const OPAQUE = /\b(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{32,}\b/g
const AUTH_CATEGORIES: readonly ErrorCategory[] = [
  'bad_credentials',
  'expired_token',
  'wrong_username',
  'credentials_missing',
]

/** Scrubs secrets from a line meant for display. */
function scrub(line: string): string {
  const clipped = line.length > EVIDENCE_WIDTH ? `${line.slice(0, EVIDENCE_WIDTH)}…` : line
  return redact(clipped).replace(OPAQUE, '…')
}

/** The lines whose signals argued most for `category`, in their original order. */
function evidenceFor(category: ErrorCategory, hits: readonly SignalHit[], lines: readonly string[]): string {
  const strongest = hits
    .filter((h) => (h.weights[category] ?? 0) > 0)
    .sort((a, b) => (b.weights[category] ?? 0) - (a.weights[category] ?? 0))
  const picked: number[] = []
  for (const h of strongest) {
    // every line the signal matches, not only its latest: "remote: …" and "fatal: …" belong together
    for (let i = 0; i < lines.length && picked.length < EVIDENCE_LINES; i++) {
      if (!picked.includes(i) && h.signal.pattern.test(lines[i] ?? '')) picked.push(i)
    }
    if (picked.length === EVIDENCE_LINES) break
  }
  if (picked.length === 0) picked.push(...lines.map((_, i) => i).slice(-2))
  return picked
    .sort((a, b) => a - b)
    .map((i) => scrub(lines[i] ?? ''))
    .join('\n')
}

/** The GitHub SSO authorisation link the server printed, if any (only https://github.com/orgs/<org>/sso). */
function ssoLink(lines: readonly string[]): string | null {
  for (const line of lines) {
    const m =
      /https:\/\/github\.com\/orgs\/[A-Za-z0-9_.-]+\/sso(?:\?authorization_request=[A-Za-z0-9_-]+)?/.exec(
        line,
      )
    if (m) return m[0]
  }
  return null
}

function fixesFor(
  category: ErrorCategory,
  provider: ExplainProvider | null,
  lines: readonly string[],
): Fix[] {
  const set = FIXES[category]
  // copies, so that a caller can never edit the shared tables
  const fixes = ((provider ? set.byProvider[provider] : undefined) ?? set.generic).map((f) =>
    f.action ? { ...f, action: { ...f.action } } : { ...f },
  )
  const link = category === 'sso_required' ? ssoLink(lines) : null
  if (link)
    fixes.unshift(
      openFix(
        'Open the SSO authorization page',
        'The link GitHub printed: sign in and authorise, then retry.',
        link,
      ),
    )
  return fixes
}

function notesFor(
  category: ErrorCategory,
  applied: readonly FactRule[],
  facts: AccountFacts | undefined,
): string {
  if (!facts) return ''
  const notes = applied
    .filter(
      (r) => r.supports === category || (r.supports === undefined && AUTH_CATEGORIES.includes(category)),
    )
    .map((r) => r.note(facts))
  return notes.length > 0 ? ` ${notes.join(' ')}` : ''
}

/**
 * Explains a pasted git/curl/Flipt error offline: normalises the noise, matches the signal tables,
 * re-ranks with what is known about the account, and answers with a ranked cause, the deciding
 * lines (redacted) and fixes written for the provider at hand. Never throws; cost is capped.
 */
export function explain(text: string, opts: ExplainOptions = {}): Explanation {
  const now = opts.now ?? new Date()
  const lines = normalizeLines(typeof text === 'string' ? text : '')
  const fromHost = opts.facts?.host ? providerFromHost(opts.facts.host) : null
  const provider = opts.provider ?? fromHost ?? detectProvider(lines)
  const { raw, hits } = scoreLines(lines, provider)
  const applied = applyFacts(opts.facts, { raw, hits, lines, provider, now })
  const candidates = rank(raw)
  const category = candidates[0]?.category ?? 'other'
  const words = CATEGORY_TEXT[category]
  return {
    category,
    candidates,
    title: words.title,
    detail: words.detail + notesFor(category, applied, opts.facts),
    evidence: evidenceFor(category, hits, lines),
    fixes: fixesFor(category, provider, lines),
    provider,
  }
}
