import type { Finding } from '../domain/finding'
import type { Deployment, ProviderId } from '../domain/provider'
import type { TokenAnalysis } from '../domain/token-analysis'
import { secretHint } from '../logic/redact'
import { describeUnsafe, findUnsafeChars } from '../logic/text-safety'
import { deploymentForHost, guessProvider, tokenKind } from './catalog'
import type { Candidate, Detection } from './token-detection'
import { classifyToken } from './token-classify'
import { contextFindings } from './token-context'
import { repairFinding, tokenFinding } from './token-findings'
import { normalizeTokenInput } from './token-input'
import { normalizeHostPort } from './url-parts'

/**
 * `analyzeToken`: everything GitKeys can learn from a token offline (providers.md §0–§2, §4): which
 * provider and kind, checksum state, facts carried by the token, and findings about the paste, the
 * format and the account it is entered for. The result never contains the token, only a hint.
 */

/** The longest token GitKeys accepts; real tokens stay far below (stateless ghs_ ≈ 520). */
export const MAX_TOKEN_LENGTH = 4096

/** What the caller knows about the account the token is for; `now` makes dated checks deterministic. */
export type AnalyzeContext = {
  readonly provider?: ProviderId
  readonly host?: string
  readonly deployment?: Deployment
  readonly tokenKind?: string
  /** The account's path prefix (GitLab relative root, Azure organisation), used in fix links. */
  readonly pathPrefix?: string | null
  readonly now?: Date
}

/** The account context after filling gaps from the host. */
export type ResolvedContext = {
  readonly provider: ProviderId | null
  readonly deployment: Deployment | null
  readonly host: string | null
  readonly tokenKind: string | null
  readonly pathPrefix: string | null
  readonly now: Date
}

function resolve(ctx: AnalyzeContext): ResolvedContext {
  const host = ctx.host ? normalizeHostPort(ctx.host) : null
  const guessed = host ? guessProvider(host.replace(/:\d+$/, '')) : null
  const provider = ctx.provider ?? guessed?.provider ?? null
  const deployment =
    ctx.deployment ?? (provider && host ? deploymentForHost(provider, host.replace(/:\d+$/, '')) : null)
  return {
    provider,
    deployment,
    host,
    tokenKind: ctx.tokenKind ?? null,
    pathPrefix: ctx.pathPrefix ?? null,
    now: ctx.now ?? new Date(),
  }
}

/** Picks the reading that fits the account: same provider first, then the only one, else none. */
function pick(candidates: readonly Candidate[], ctx: ResolvedContext): Candidate | null {
  if (ctx.provider) {
    const same = candidates.find((c) => c.provider === ctx.provider)
    if (same) return same
  }
  return candidates.length === 1 ? (candidates[0] ?? null) : null
}

function inputFindings(token: string): Finding[] {
  const out: Finding[] = []
  const unsafe = findUnsafeChars(token)
  if (unsafe.length > 0) {
    out.push(
      tokenFinding(
        'token.control_chars',
        'error',
        'The token contains invisible or control characters',
        `It contains ${describeUnsafe(unsafe)}. Tokens never do: copy it again from the provider's page.`,
      ),
    )
  }
  if (/[ \u00a0]/.test(token))
    out.push(
      tokenFinding(
        'token.inner_space',
        'error',
        'The token contains a space',
        'Tokens never contain spaces; part of the text around it was probably copied too.',
      ),
    )
  if (
    [...token].some((c) => (c.codePointAt(0) ?? 0) > 0x7e && !findUnsafeChars(c).length && c !== '\u00a0')
  ) {
    out.push(
      tokenFinding(
        'token.non_ascii',
        'error',
        'The token contains non-ASCII characters',
        'Tokens are plain ASCII; a look-alike letter or typographic character was pasted.',
      ),
    )
  }
  return out
}

function labelOf(provider: ProviderId | null, kind: string | null, detection: Detection): string | null {
  if (!provider || !kind) return null
  return tokenKind(provider, kind)?.label ?? detection.notForGit?.label ?? null
}

/**
 * Analyses a token as pasted: cleans it (see `normalizeTokenInput`), classifies it, checks its
 * checksum and reads it against the account context. Never throws; never returns the token.
 */
export function analyzeToken(raw: string, ctx: AnalyzeContext = {}): TokenAnalysis {
  if (raw.length > MAX_TOKEN_LENGTH) {
    return {
      provider: null,
      kind: null,
      kindLabel: null,
      checksum: 'none',
      length: raw.length,
      hint: '…',
      facts: {},
      findings: [
        tokenFinding(
          'token.too_long',
          'error',
          'This is far too long for a token',
          `${raw.length} characters were pasted; tokens are at most a few hundred. Paste only the token.`,
        ),
      ],
    }
  }
  const normalized = normalizeTokenInput(raw)
  const token = normalized.token
  const findings: Finding[] = normalized.repairs.map(repairFinding)
  if (normalized.urlWithoutToken) {
    findings.push(
      tokenFinding(
        'token.url_pasted',
        'error',
        'This is a URL, not a token',
        'The pasted text is an address with no token in it. Paste the token the provider showed when you created it.',
      ),
    )
  }
  if (token.length === 0) {
    findings.push(
      tokenFinding(
        'token.empty',
        'error',
        'No token was entered',
        'Paste the token the provider showed when you created it.',
      ),
    )
    return {
      provider: null,
      kind: null,
      kindLabel: null,
      checksum: 'none',
      length: 0,
      hint: '…',
      facts: {},
      findings,
    }
  }
  findings.push(...inputFindings(token))
  const context = resolve(ctx)
  const detection = classifyToken(token, {
    provider: context.provider ?? undefined,
    deployment: context.deployment ?? undefined,
  })
  const chosen = pick(detection.candidates, context)
  const provider = chosen?.provider ?? null
  const declared = context.tokenKind
  const kind = chosen
    ? declared && chosen.kinds.includes(declared)
      ? declared
      : (chosen.kinds[0] ?? null)
    : null
  findings.push(...contextFindings(detection, chosen, kind, context))
  return {
    provider,
    kind,
    kindLabel: labelOf(provider, kind, detection),
    checksum: detection.checksum,
    length: token.length,
    hint: secretHint(token),
    facts: { ...detection.facts },
    findings,
  }
}
