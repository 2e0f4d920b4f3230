import type { ErrorCategory } from '../../domain/provider'
import type { AccountFacts, ExplainProvider, SignalHit, Weights } from './explain.types'
import { addWeights, type RawScores } from './scoring.logic'
import { USERNAME_RULES, WRITE_SCOPES } from './token-rules.table'

/** What a fact rule sees: the evidence so far, the provider, the clock and the normalised lines. */
export type FactContext = {
  readonly raw: RawScores
  readonly hits: readonly SignalHit[]
  readonly lines: readonly string[]
  readonly provider: ExplainProvider | null
  readonly now: Date
}

/** A known account fact that re-ranks causes: additive boosts, multipliers, and a sentence for the user. */
export type FactRule = {
  readonly id: string
  readonly when: (facts: AccountFacts, ctx: FactContext) => boolean
  readonly add?: Weights
  readonly multiply?: Weights
  /** The category this fact argues for, and the sentence shown when that category wins. */
  readonly supports?: ErrorCategory
  readonly note: (facts: AccountFacts) => string
  readonly source: string
}

const AUTH: readonly ErrorCategory[] = [
  'bad_credentials',
  'expired_token',
  'password_auth_removed',
  'credentials_missing',
  'wrong_username',
  'two_factor_required',
]

/** How strongly the text says "the credential was refused". */
export function authEvidence(raw: RawScores): number {
  return Math.max(...AUTH.map((c) => raw[c]))
}

/** The first UTC instant at which a YYYY-MM-DD expiry is past (GitLab: 00:00 UTC that day). */
export function expiryInstant(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return null
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
}

function isExpired(facts: AccountFacts, now: Date): boolean {
  const at = facts.expiresAt ? expiryInstant(facts.expiresAt) : null
  return at !== null && now.getTime() >= at
}

const day = (s: string): number => expiryInstant(s) ?? 0
const kind = (facts: AccountFacts, re: RegExp): boolean => re.test(facts.tokenKind ?? '')
const PASSWORD_KIND = /^(?:password|account[_ -]?password|basic[_ -]?password)$/i
const APP_PASSWORD = /app[_ -]?password/i

function usernameMismatch(facts: AccountFacts, provider: ExplainProvider | null): string | null {
  if (facts.username === undefined || provider === null) return null
  const rule = USERNAME_RULES.find(
    (r) => r.providers.includes(provider) && r.kind.test(facts.tokenKind ?? ''),
  )
  if (!rule) return null
  return rule.ok(facts.username) ? null : rule.expected
}

const PUSH = /git-receive-pack|remote rejected|failed to push|\bpush\b|Writing objects|pushing/i

function pushDenied(ctx: FactContext): boolean {
  return (
    ctx.lines.some((l) => PUSH.test(l)) &&
    ctx.raw.insufficient_scope + ctx.raw.repo_not_found_or_no_access >= 0.7
  )
}

function lacksWrite(facts: AccountFacts, provider: ExplainProvider | null): boolean {
  const scopes = facts.scopes ?? []
  if (scopes.length === 0) return false
  const re = WRITE_SCOPES[provider ?? 'generic']
  return !scopes.some((s) => re.test(s.trim()))
}

const passwordTextHit = (ctx: FactContext): boolean =>
  ctx.hits.some(
    (h) => h.signal.id === 'github.password_removed' || h.signal.id === 'github.password_not_available',
  )

/** Account facts that re-rank causes, each with its source. */
export const FACT_RULES: readonly FactRule[] = [
  {
    id: 'expiry.past',
    when: (f, ctx) =>
      isExpired(f, ctx.now) && authEvidence(ctx.raw) + ctx.raw.repo_not_found_or_no_access >= 0.8,
    add: { expired_token: 4 },
    multiply: { password_auth_removed: 0.6 },
    supports: 'expired_token',
    note: (f) => `The stored expiry date (${f.expiresAt ?? ''}) is in the past.`,
    source:
      'users-and-anchors.md §2 row 6; GitLab tokens stop at 00:00 UTC on the expiry date (providers.md §4)',
  },
  {
    id: 'expiry.future',
    when: (f, ctx) => f.expiresAt !== undefined && !isExpired(f, ctx.now),
    multiply: { expired_token: 0.5 },
    note: (f) =>
      f.expiresAt
        ? `The stored expiry date (${f.expiresAt}) is still ahead.`
        : 'The token is stored as non-expiring.',
    source: 'stored account facts',
  },
  {
    id: 'bitbucket.app_password_removed',
    when: (f, ctx) =>
      (ctx.provider === 'bitbucket' || ctx.provider === null) &&
      kind(f, APP_PASSWORD) &&
      ctx.now.getTime() >= day('2026-07-28'),
    add: { password_auth_removed: 4 },
    supports: 'password_auth_removed',
    note: () => 'Bitbucket Cloud app passwords stopped working on 2026-07-28.',
    source: 'providers.md §4 (community.atlassian.com brownout schedule; bitrise-steplib#4945)',
  },
  {
    id: 'bitbucket.app_password_brownout',
    when: (f, ctx) =>
      (ctx.provider === 'bitbucket' || ctx.provider === null) &&
      kind(f, APP_PASSWORD) &&
      ctx.now.getTime() >= day('2026-06-09') &&
      ctx.now.getTime() < day('2026-07-28'),
    add: { password_auth_removed: 2 },
    supports: 'password_auth_removed',
    note: () =>
      'Bitbucket Cloud ran app-password brownouts from 2026-06-09 until their removal on 2026-07-28.',
    source: 'providers.md §4',
  },
  {
    id: 'password.github_bitbucket',
    when: (f, ctx) =>
      kind(f, PASSWORD_KIND) &&
      (ctx.provider === 'github' || (ctx.provider === 'bitbucket' && ctx.now.getTime() >= day('2022-03-01'))),
    add: { password_auth_removed: 3 },
    supports: 'password_auth_removed',
    note: () => 'The account is stored with a password, which this provider no longer accepts for Git.',
    source: 'providers.md §4 (GitHub 2021-08-13, Bitbucket Cloud 2022-03-01)',
  },
  {
    id: 'azure.global_pat_retired',
    when: (f, ctx) =>
      (ctx.provider === 'azure' || ctx.provider === null) &&
      kind(f, /global/i) &&
      ctx.now.getTime() >= day('2026-12-01'),
    add: { password_auth_removed: 3 },
    supports: 'password_auth_removed',
    note: () => 'Global Azure DevOps PATs stopped working on 2026-12-01; organisation-scoped PATs remain.',
    source: 'providers.md §4 (devblogs "Retirement of global personal access tokens")',
  },
  {
    id: 'github.token_with_password_text',
    when: (f, ctx) => f.tokenKind !== undefined && !kind(f, PASSWORD_KIND) && passwordTextHit(ctx),
    add: { bad_credentials: 1, expired_token: 1 },
    multiply: { password_auth_removed: 0.4 },
    note: () =>
      'A token (not a password) was sent: GitHub shows the password text for revoked, expired or mistyped tokens too.',
    source: 'https://github.com/sublimehq/sublime_merge/issues/1273',
  },
  {
    id: 'username.mismatch',
    when: (f, ctx) =>
      usernameMismatch(f, ctx.provider) !== null &&
      authEvidence(ctx.raw) + ctx.raw.repo_not_found_or_no_access >= 0.5,
    add: { wrong_username: 4 },
    supports: 'wrong_username',
    note: (f) =>
      `The username "${f.username ?? ''}" does not go with a ${f.tokenKind ?? 'token'} of this provider.`,
    source: 'providers.md §2',
  },
  {
    id: 'username.email_on_bitbucket',
    when: (f, ctx) =>
      (ctx.provider === 'bitbucket' || ctx.provider === 'bitbucket_server') &&
      (f.username ?? '').includes('@') &&
      authEvidence(ctx.raw) >= 0.5,
    add: { wrong_username: 2 },
    supports: 'wrong_username',
    note: () => 'Bitbucket takes the account username over Git, not the email address.',
    source: 'providers.md §2',
  },
  {
    id: 'scopes.no_write',
    when: (f, ctx) => lacksWrite(f, ctx.provider) && pushDenied(ctx),
    add: { insufficient_scope: 4 },
    supports: 'insufficient_scope',
    note: (f) => `The token's declared scopes (${(f.scopes ?? []).join(', ')}) do not allow pushing.`,
    source: 'providers.md §3',
  },
  {
    id: 'checksum.invalid',
    when: (f, ctx) =>
      f.checksum === 'invalid' && authEvidence(ctx.raw) + ctx.raw.repo_not_found_or_no_access >= 0.5,
    add: { bad_credentials: 4 },
    supports: 'bad_credentials',
    note: () =>
      'The stored token fails its built-in checksum: it was mistyped or truncated when it was saved.',
    source: 'providers.md §1 (GitHub CRC32/base62, GitLab CRC32/base36, Atlassian CRC32)',
  },
  {
    id: 'checksum.valid',
    when: (f) => f.checksum === 'valid',
    multiply: { bad_credentials: 0.8 },
    note: () => 'The stored token passes its checksum, so it was not mistyped.',
    source: 'providers.md §1',
  },
]

/** Applies every matching fact rule to `raw` (in place); returns the rules that applied. */
export function applyFacts(facts: AccountFacts | undefined, ctx: FactContext): readonly FactRule[] {
  if (!facts) return []
  const applied = FACT_RULES.filter((r) => r.when(facts, ctx))
  for (const rule of applied) {
    if (rule.add) addWeights(ctx.raw, rule.add, 1)
    if (rule.multiply) {
      for (const [c, m] of Object.entries(rule.multiply) as [ErrorCategory, number][]) ctx.raw[c] *= m
    }
  }
  return applied
}
