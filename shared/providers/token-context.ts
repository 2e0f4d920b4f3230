import type { Finding, Fix } from '../domain/finding'
import type { Deployment, ProviderId } from '../domain/provider'
import { providers, tokenKind } from './catalog'
import { kindStatus } from './dated-facts'
import type { ResolvedContext } from './token-analysis'
import type { Candidate, Detection } from './token-detection'
import { tokenFinding } from './token-findings'
import { tokenCreationLink } from './token-links'

/**
 * Findings that come from reading a detected token against its account: format and checksum, a
 * token of another provider or deployment, a declared kind that does not match, dated removals and
 * brownouts, an expired JWT, and what to say when the format is unknown (providers.md §0, §4, §6.7–8).
 */

const deploymentName = (provider: ProviderId, d: Deployment): string =>
  provider === 'bitbucket'
    ? d === 'cloud'
      ? 'Bitbucket Cloud'
      : 'Bitbucket Data Center'
    : `${providers[provider].label} ${d === 'cloud' ? 'cloud' : 'self-hosted'}`

/** A fix that opens the page where the right token is created, when the account locates one. */
function createFix(ctx: ResolvedContext, provider: ProviderId): Fix[] {
  if (!ctx.host || !ctx.deployment) return []
  const kind = providers[provider].defaultKind[ctx.deployment]
  const link = tokenCreationLink({
    provider,
    deployment: ctx.deployment,
    host: ctx.host,
    pathPrefix: ctx.pathPrefix,
    kind,
  })
  return link.ok
    ? [
        {
          label: `Create a ${tokenKind(provider, kind)?.label ?? 'token'}`,
          action: { kind: 'open_url', url: link.value.url },
        },
      ]
    : []
}

function formatFindings(d: Detection, label: string): Finding[] {
  if (d.malformed)
    return [
      tokenFinding(
        'token.malformed',
        'error',
        'The token is incomplete or mistyped',
        `${label}: ${d.malformed}. It was probably cut off or changed while copying.`,
      ),
    ]
  if (d.checksum === 'invalid') {
    const bbdc = d.rule === 8
    return [
      tokenFinding(
        'token.checksum_invalid',
        'error',
        bbdc
          ? "The token does not have a Bitbucket token's structure"
          : "The token's built-in checksum does not match",
        bbdc
          ? 'Its body does not decode to the ID and secret every BBDC- token holds, so a character was changed, lost or added while copying.'
          : 'Tokens of this kind end with a checksum of the rest. This one does not match, so a character was changed, lost or added while copying, or it is a placeholder.',
      ),
    ]
  }
  if (d.checksum === 'unknown') {
    return [
      tokenFinding(
        'token.checksum_unconfirmed',
        'info',
        'Checksum not confirmed',
        'The 84-character Azure DevOps format defines a checksum, but it has not been confirmed on real PATs, so a mismatch is not treated as an error.',
      ),
    ]
  }
  return [
    tokenFinding(
      'token.format_ok',
      'ok',
      `Recognised as ${label}`,
      d.checksum === 'valid'
        ? 'The format and its checksum are correct.'
        : 'The format is correct; this kind carries no checksum.',
    ),
  ]
}

function datedFindings(
  provider: ProviderId,
  kind: string,
  deployment: Deployment,
  ctx: ResolvedContext,
): Finding[] {
  const now = ctx.now
  const status = kindStatus(provider, kind, deployment, now)
  const replace = providers[provider].defaultKind[deployment] === kind ? [] : createFix(ctx, provider)
  const out: Finding[] = []
  const label = tokenKind(provider, kind)?.label ?? kind
  if (status.state === 'removed' && status.fact) {
    out.push(
      tokenFinding(
        'token.kind_removed',
        'error',
        `${label}: no longer accepted since ${status.fact.date ?? ''}`,
        `${status.fact.title}. ${status.fact.detail}`,
        replace,
      ),
    )
  } else if (status.state === 'brownout' && status.fact) {
    out.push(
      tokenFinding(
        'token.kind_brownout',
        'warning',
        `${label}: brownouts until ${status.fact.until ?? ''}`,
        `${status.fact.detail} ${status.upcoming ? `${status.upcoming.title} on ${status.upcoming.date ?? ''}.` : ''}`.trim(),
        replace,
      ),
    )
  } else if (status.state === 'creation_disabled' && status.fact) {
    const next = status.upcoming ? ` ${status.upcoming.title} from ${status.upcoming.date ?? ''}.` : ''
    out.push(
      tokenFinding(
        'token.kind_deprecated',
        'warning',
        `${label}: being retired`,
        `${status.fact.title} (${status.fact.date ?? ''}).${next} Replace it before then.`,
        replace,
      ),
    )
  }
  for (const f of status.conditional) {
    const past = f.date !== null && now.toISOString().slice(0, 10) >= f.date
    out.push(
      tokenFinding(
        'token.kind_deprecated',
        'info',
        f.title,
        `If ${f.condition ?? ''}: ${past ? 'since' : 'from'} ${f.date ?? ''}. ${f.detail}`,
      ),
    )
  }
  return out
}

function unknownFinding(ctx: ResolvedContext): Finding {
  const p = ctx.provider
  const lenient = p === 'gitea' || (p === 'gitlab' && ctx.deployment === 'self_hosted')
  const password = p
    ? providers[p].datedFacts.find(
        (f) => f.id.endsWith('git_password_removed') || f.id.endsWith('account_password_removed'),
      )
    : undefined
  const detail = lenient
    ? 'Self-managed instances can use their own token prefixes, so this may still be right; testing the connection will tell.'
    : password
      ? `It matches no ${providers[password.provider].label} token format. If it is your account password: ${password.title.toLowerCase()} (${password.date ?? ''}); create a token instead.`
      : 'It matches no token format GitKeys knows. Check that you copied the whole token.'
  return tokenFinding(
    'token.format_unknown',
    lenient ? 'info' : 'warning',
    'Unrecognised token format',
    detail,
  )
}

/** All findings that depend on the detection and the account context. */
export function contextFindings(
  d: Detection,
  chosen: Candidate | null,
  kind: string | null,
  ctx: ResolvedContext,
): Finding[] {
  const out: Finding[] = []
  const detected = chosen ?? (d.candidates.length === 1 ? (d.candidates[0] ?? null) : null)
  if (d.candidates.length === 0) return [unknownFinding(ctx)]
  const label =
    (detected && kind ? (tokenKind(detected.provider, kind)?.label ?? d.notForGit?.label) : null) ??
    'This token'
  if (detected) out.push(...formatFindings(d, label))
  if (d.notForGit) {
    out.push(
      tokenFinding(
        'token.not_git_credential',
        'error',
        `This is a ${d.notForGit.label}`,
        `${d.notForGit.why} Create a personal or access token for git instead.`,
        detected ? createFix(ctx, detected.provider) : [],
      ),
    )
  }
  const ctxProvider = ctx.provider
  if (ctxProvider && !d.candidates.some((c) => c.provider === ctxProvider)) {
    const what =
      d.candidates.length > 1
        ? d.candidates.map((c) => providers[c.provider].label).join(' or ')
        : providers[d.candidates[0]?.provider ?? ctxProvider].label
    const extra =
      d.rule === 11
        ? ' (40 hex characters: a Gitea/Forgejo token, an old GitHub token, or a git commit SHA)'
        : ''
    out.push(
      tokenFinding(
        'token.wrong_provider',
        'error',
        `This looks like a ${what} token, not a ${providers[ctxProvider].label} one`,
        `The account is on ${providers[ctxProvider].label}, but the token's format belongs to ${what}${extra}. Each provider only accepts its own tokens.`,
        createFix(ctx, ctxProvider),
      ),
    )
    return out
  }
  if (!detected) {
    out.push(
      tokenFinding(
        'token.ambiguous',
        'info',
        'The provider cannot be told from the token alone',
        `It could be a ${d.candidates.map((c) => providers[c.provider].label).join(' or ')} token${d.rule === 11 ? ' or a git commit SHA' : ''}; choose the provider and host of the account.`,
      ),
    )
    return out
  }
  const specs = detected.kinds.map((k) => tokenKind(detected.provider, k)).filter((s) => s !== null)
  if (
    ctx.deployment &&
    specs.length > 0 &&
    !specs.some((s) => s.deployments.includes(ctx.deployment ?? 'cloud'))
  ) {
    const other: Deployment = ctx.deployment === 'cloud' ? 'self_hosted' : 'cloud'
    out.push(
      tokenFinding(
        'token.wrong_provider',
        'error',
        `This token works only on ${deploymentName(detected.provider, other)}`,
        `The account is on ${deploymentName(detected.provider, ctx.deployment)}, which does not accept ${label} tokens.`,
        createFix(ctx, detected.provider),
      ),
    )
  }
  if (ctx.tokenKind && detected.provider === ctxProvider && kind && !detected.kinds.includes(ctx.tokenKind)) {
    const declared = tokenKind(detected.provider, ctx.tokenKind)?.label ?? `"${ctx.tokenKind.slice(0, 40)}"`
    out.push(
      tokenFinding(
        'token.kind_mismatch',
        'warning',
        'The token is not of the kind chosen for the account',
        `The account says ${declared}, but this is a ${label}. The username and scopes GitKeys uses depend on the kind.`,
        [
          {
            label: `Set the kind to ${label}`,
            action: { kind: 'set_field', subject: 'account.tokenKind', value: kind },
          },
        ],
      ),
    )
  }
  if (kind) {
    const deployment = ctx.deployment ?? specs[0]?.deployments[0] ?? 'cloud'
    out.push(...datedFindings(detected.provider, kind, deployment, ctx))
    if (detected.provider === 'github' && kind === 'legacy') {
      out.push(
        tokenFinding(
          'token.legacy_format',
          'info',
          'Old GitHub token format',
          'Tokens made before April 2021 are 40 hex characters. It still works if it was never revoked; new tokens start with ghp_ or github_pat_.',
        ),
      )
    }
  }
  const exp = d.facts.expiresAt
  if (exp && Date.parse(exp) <= ctx.now.getTime()) {
    out.push(
      tokenFinding(
        'token.expired',
        'error',
        'The token has expired',
        `Its expiry time (${exp}) has passed; get a fresh token.`,
      ),
    )
  }
  return out
}
