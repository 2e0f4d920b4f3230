import { tokenKind } from '../../providers/catalog'
import type { TokenAnalysis } from '../../domain/token-analysis'
import type { Emission, Rule, TokenView } from './rule.types'
import {
  article,
  eachRule,
  kindLabel,
  providerLabel,
  replaceTokenFixes,
  rotateToken,
  setField,
  tokens,
  type RuleSpec,
} from './rule-kit.logic'

/**
 * Token family: what the token itself says about its format, checksum, kind and provider
 * (providers.md §0–§1, §6 item 7), read from the secret-free analysis computed in main (accounts) or
 * by the Flipt doctor (resolved `${env:…}` references).
 */

type AnalysisFinding = TokenAnalysis['findings'][number]

const SOURCE = 'providers.md §0, §1 and §6 item 7; shared/providers/token-analysis.ts'

const whose = (t: TokenView): string =>
  t.secret?.source === 'env' && t.secret.envName
    ? `The token in \${env:${t.secret.envName}}`
    : t.account
      ? `The token of account "${t.account.label}"`
      : 'The token'

/** Analysis finding ids that mean the value was damaged on its way in (copy/paste, quoting, encoding). */
const PASTE_DAMAGE = new Set([
  'token.control_chars',
  'token.inner_space',
  'token.non_ascii',
  'token.whitespace',
  'token.quoted',
  'token.bearer_prefix',
  'token.escaped_equals',
  'token.url_pasted',
])

const checksumInvalid = eachRule(
  {
    id: 'token.checksum_invalid',
    family: 'token',
    severity: 'error',
    checks:
      "the token's built-in checksum (GitHub CRC32/base62, GitLab CRC32/base36, Atlassian CRC32 hex, BBDC structure)",
    source: SOURCE,
  },
  tokens,
  (t) => {
    const invalid = t.analysis ? t.analysis.checksum === 'invalid' : t.account?.secret.checksum === 'invalid'
    // A token of the wrong length is reported once, by token.malformed.
    if (!invalid || t.analysis?.findings.some((f) => f.id === 'token.malformed')) return null
    return {
      subject: t.subject,
      title: "The token's checksum does not match",
      detail: `${whose(t)} (${t.analysis?.hint ?? t.account?.secret.hint ?? '…'}) carries a checksum of its own characters, and it does not match: a character was lost, added or changed while copying, or it is a placeholder. The provider will answer 401.`,
      fixes: replaceTokenFixes(t),
    }
  },
)

/**
 * A rule that passes on the token analysis's own finding with the rule's id, saying whose token it is;
 * `extra` adds the fixes or the severity for that finding.
 */
function analysisRule(
  spec: RuleSpec,
  extra: (t: TokenView, f: AnalysisFinding) => Pick<Emission, 'fixes' | 'severity'>,
): Rule {
  return eachRule(spec, tokens, (t) => {
    const f = t.analysis?.findings.find((x) => x.id === spec.id)
    return f
      ? { subject: t.subject, title: f.title, detail: `${whose(t)}: ${f.detail}`, ...extra(t, f) }
      : null
  })
}

const malformed = analysisRule(
  {
    id: 'token.malformed',
    family: 'token',
    severity: 'error',
    checks: 'the token has the length and alphabet of its kind (cut-off or padded tokens)',
    source: SOURCE,
  },
  (t) => ({ fixes: replaceTokenFixes(t) }),
)

const pasteDamage = eachRule(
  {
    id: 'token.paste_damage',
    family: 'token',
    severity: 'error',
    checks: 'no spaces, line breaks, quotes, control characters, "Bearer " or %3D around or inside the token',
    source:
      'providers.md §1.3 (escaped "="); security.md (control characters); flipt-v2.md §4 (values are used as written)',
  },
  tokens,
  (t) => {
    const hits = (t.analysis?.findings ?? []).filter((f) => PASTE_DAMAGE.has(f.id))
    if (hits.length === 0) return null
    const raw = t.secret !== null && t.secret.source !== 'vault'
    return {
      subject: t.subject,
      severity: raw ? 'error' : 'warning',
      title: 'The token value carries extra characters',
      detail: `${whose(t)}: ${hits.map((h) => h.title.replace(/\.$/, '')).join('; ')}. ${
        raw
          ? 'Flipt sends the value exactly as it is written or exported, so the provider sees a wrong token.'
          : 'GitKeys cleaned it when it was stored; check the copy you use elsewhere.'
      }`,
      fixes: raw
        ? [
            {
              label: 'Set the variable to the bare token',
              detail: 'No quotes, no "Bearer ", no trailing newline (printf instead of echo).',
            },
          ]
        : [],
    }
  },
)

const wrongProvider = eachRule(
  {
    id: 'token.wrong_provider',
    family: 'token',
    severity: 'error',
    checks: "the token's format belongs to the provider of the host it is used for",
    source: SOURCE,
  },
  tokens,
  (t) => {
    const a = t.analysis
    if (!a || a.provider === null || t.provider === null || a.provider === t.provider) return null
    return {
      subject: t.subject,
      title: `${article(providerLabel(a.provider)).replace(/^a/, 'A')} token is used for ${providerLabel(t.provider)}`,
      detail: `${whose(t)} (${a.hint}) is ${article(a.kindLabel ?? `${providerLabel(a.provider)} token`)}, but it is used for ${t.host ?? providerLabel(t.provider)}. Each provider accepts only its own tokens.`,
      fixes: replaceTokenFixes(t),
    }
  },
)

const wrongDeployment = eachRule(
  {
    id: 'token.wrong_deployment',
    family: 'token',
    severity: 'error',
    checks:
      'the token kind exists on the deployment it is used for (ATBB/ATATT on Data Center, BBDC- on Cloud)',
    source: 'providers.md §6 item 7; provider tables (TokenKindSpec.deployments)',
  },
  tokens,
  (t) => {
    const a = t.analysis
    if (!a || a.provider === null || a.provider !== t.provider || a.kind === null || t.deployment === null)
      return null
    const spec = tokenKind(a.provider, a.kind)
    if (!spec || spec.deployments.includes(t.deployment)) return null
    return {
      subject: t.subject,
      title: `${spec.label} does not work on ${t.deployment === 'cloud' ? 'the cloud service' : 'a self-hosted server'}`,
      detail: `${whose(t)} is ${article(spec.label)}, which only ${spec.deployments.includes('cloud') ? 'the cloud service' : 'self-hosted servers'} issue${spec.deployments.length === 1 ? 's' : ''}; ${t.host ?? 'this host'} will refuse it.`,
      fixes: replaceTokenFixes(t),
    }
  },
)

const kindMismatch = eachRule(
  {
    id: 'token.kind_mismatch',
    family: 'token',
    severity: 'warning',
    checks: "the kind declared on the account is the kind the token's format shows",
    source: SOURCE,
  },
  tokens,
  (t) => {
    const a = t.analysis
    if (!t.account || !a || a.provider !== t.account.provider || a.kind === null) return null
    if (a.kind === t.account.tokenKind) return null
    const subject = `${t.subject}.tokenKind`
    return {
      subject,
      title: 'The account declares another kind of token',
      detail: `The account says ${kindLabel(t.account.provider, t.account.tokenKind)}, but the token is ${article(a.kindLabel ?? a.kind)}. GitKeys picks the git username, the scopes to check and the Flipt credential type from the kind.`,
      fixes: [setField(`Set the kind to ${a.kindLabel ?? a.kind}`, subject, a.kind)],
    }
  },
)

const notGitCredential = analysisRule(
  {
    id: 'token.not_git_credential',
    family: 'token',
    severity: 'error',
    checks: 'the secret is a credential git can use (not an OAuth client secret, runner or feed token …)',
    source: 'providers.md §1.2 (GitLab prefixes that are not git credentials)',
  },
  (t) => ({ fixes: replaceTokenFixes(t) }),
)

const formatUnknown = analysisRule(
  {
    id: 'token.format_unknown',
    family: 'token',
    severity: 'warning',
    checks:
      'the token matches a known format of its provider (else: a password, a truncated token, a custom prefix)',
    source: SOURCE,
  },
  (_t, f) => ({ severity: f.severity === 'info' ? 'info' : 'warning' }),
)

const secretMissing = eachRule(
  {
    id: 'token.secret_missing',
    family: 'token',
    severity: 'error',
    checks: "the account's token is in the vault and can be decrypted",
    source: 'ARCHITECTURE.md §4 (needs re-entry, session-only secrets)',
  },
  (input) => input.ctx.accounts,
  (a) => {
    const state = a.secret.state
    if (state === 'stored') return null
    const session = state === 'session_only'
    return {
      subject: `accounts.${a.id}`,
      severity: session ? 'info' : 'error',
      title: session
        ? 'The token is kept for this session only'
        : state === 'missing'
          ? 'The account has no token'
          : 'The token must be entered again',
      detail: session
        ? 'No secure store is available, so the token is forgotten when GitKeys quits.'
        : state === 'missing'
          ? 'Nothing can authenticate with this account until a token is added.'
          : 'The stored token could not be decrypted (OS keychain changed or the file was moved); GitKeys never guesses it.',
      fixes: session ? [] : [rotateToken(a.id, 'Enter the token')],
    }
  },
)

/** The token family's rules. */
export const tokenRules: readonly Rule[] = [
  checksumInvalid,
  malformed,
  pasteDamage,
  wrongProvider,
  wrongDeployment,
  kindMismatch,
  notGitCredential,
  formatUnknown,
  secretMissing,
]
