import type { HttpResponse } from '../net/http-client'
import type { ProbeContext, ProbeReading } from './api-probe.types'
import {
  commonAnswer,
  EMPTY,
  isPast,
  jsonObject,
  refused,
  scopeList,
  str,
  unexpectedAnswer,
  unreachable,
  utcDate,
} from './probe-common'

/**
 * GitHub (providers.md §5): `GET /user` with `Authorization: Bearer`; `X-OAuth-Scopes` lists a
 * classic PAT's or OAuth token's scopes (absent for fine-grained and App tokens),
 * `GitHub-Authentication-Token-Expiration` its expiry; 401 is bad, expired or revoked. Installation
 * tokens (`ghs_`) get 403 on /user, so they are checked on `GET /installation/repositories`.
 */

const PREFIX_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['github_pat_', 'fine_grained_pat'],
  ['ghp_', 'classic_pat'],
  ['gho_', 'oauth'],
  ['ghu_', 'app_user'],
  ['ghs_', 'app_installation'],
]

/** The token kind its prefix names, or null for legacy 40-hex tokens. */
export function githubKindOf(token: string): string | null {
  return PREFIX_KINDS.find(([p]) => token.startsWith(p))?.[1] ?? null
}

/** Reads a 401/403 of the GitHub API. */
function refusal(
  res: HttpResponse,
  kind: string | null,
  ctx: Pick<ProbeContext, 'account' | 'now'>,
): ProbeReading {
  const message = str(jsonObject(res), 'message') ?? ''
  if (res.status === 401) {
    const expired = isPast(ctx.account.expiresAt, ctx.now)
    return refused(
      expired ? 'expired_token' : 'bad_credentials',
      expired
        ? `GitHub rejected the token (401) and its recorded expiry ${ctx.account.expiresAt ?? ''} has passed: it expired.`
        : `GitHub rejected the token (401 ${message || 'Bad credentials'}): it is wrong, expired or revoked.`,
      kind,
    )
  }
  const sso = res.headers['x-github-sso']
  if (sso)
    return {
      ...EMPTY,
      authenticated: true,
      category: 'sso_required',
      tokenType: kind,
      detail:
        'The token is valid but not authorized for the organization’s SAML single sign-on; authorize it on the token page.',
    }
  if (res.headers['x-ratelimit-remaining'] === '0')
    return {
      ...EMPTY,
      category: 'rate_limited',
      tokenType: kind,
      detail: 'The GitHub API rate limit is exhausted.',
    }
  if (/IP allow list/i.test(message))
    return {
      ...EMPTY,
      authenticated: true,
      category: 'ip_or_policy_blocked',
      tokenType: kind,
      detail: 'The organization’s IP allow list blocks this address.',
    }
  return unexpectedAnswer(res, 'The GitHub API')
}

/** Reads `GET /user`. */
export function readGithubUser(
  res: HttpResponse,
  kind: string | null,
  ctx: Pick<ProbeContext, 'account' | 'now'>,
): ProbeReading {
  const common = commonAnswer(res)
  if (common) return { ...common, tokenType: kind }
  if (res.status === 401 || res.status === 403) return refusal(res, kind, ctx)
  if (res.status !== 200) return unexpectedAnswer(res, 'GitHub’s /user')
  const body = jsonObject(res)
  const login = str(body, 'login')
  const scopes = scopeList(res.headers['x-oauth-scopes'])
  const rawExpiry = res.headers['github-authentication-token-expiration']
  const expiresAt = utcDate(rawExpiry)
  return {
    authenticated: true,
    category: null,
    login,
    scopes,
    expiresAt,
    tokenType: kind,
    detail: `Authenticated as ${login ?? 'an unnamed user'}${scopes ? `; scopes: ${scopes.join(', ') || '(none)'}` : '; no OAuth scopes header (fine-grained or App token: permissions are per repository)'}${rawExpiry ? `; expires ${rawExpiry}` : '; no expiry'}.`,
  }
}

/** Reads `GET /installation/repositories`. */
export function readGithubInstallation(
  res: HttpResponse,
  ctx: Pick<ProbeContext, 'account' | 'now'>,
): ProbeReading {
  const kind = 'app_installation'
  const common = commonAnswer(res)
  if (common) return { ...common, tokenType: kind }
  if (res.status === 401 || res.status === 403) return refusal(res, kind, ctx)
  if (res.status !== 200) return unexpectedAnswer(res, 'GitHub’s /installation/repositories')
  const count = jsonObject(res)?.total_count
  return {
    ...EMPTY,
    authenticated: true,
    tokenType: kind,
    expiresAt: utcDate(res.headers['github-authentication-token-expiration']),
    detail: `A GitHub App installation token that can see ${typeof count === 'number' ? count : 'some'} repositories.`,
  }
}

/** The GitHub probe. */
export async function probeGithub(ctx: ProbeContext): Promise<ProbeReading> {
  const kind = githubKindOf(ctx.token) ?? (ctx.account.tokenKind || null)
  const installation = kind === 'app_installation'
  const headers = {
    authorization: `Bearer ${ctx.token}`,
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
  }
  const r = await ctx.get(installation ? '/installation/repositories?per_page=1' : '/user', headers)
  if (!r.ok) return unreachable(r.error)
  return installation ? readGithubInstallation(r.value, ctx) : readGithubUser(r.value, kind, ctx)
}
