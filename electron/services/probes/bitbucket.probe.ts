import type { HttpResponse } from '../net/http-client'
import type { ProbeContext, ProbeReading } from './api-probe.types'
import {
  basic,
  commonAnswer,
  EMPTY,
  jsonObject,
  refused,
  scopeList,
  skipped,
  str,
  unexpectedAnswer,
  unreachable,
} from './probe-common'

/**
 * Bitbucket (providers.md §5). Cloud: API tokens on `GET /2.0/user` with Basic `email:token`, app
 * passwords with Basic `username:password`; access and OAuth tokens with Bearer on a
 * workspace-qualified `GET /2.0/repositories/{workspace}/{repo}` (the cross-workspace listing is
 * gone). `x-oauth-scopes` is what the token holds, `x-credential-type` what it is. Data Center:
 * `GET /rest/api/1.0/application-properties` with Bearer; the undocumented `X-AUSERNAME` header
 * names the user [C].
 */

const PREFIX_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['ATATT', 'api_token'],
  ['ATCTT', 'access_token'],
  ['ATBB', 'app_password'],
]

const looksLikeEmail = (s: string): boolean => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s)

/** Reads a Bitbucket Cloud answer (either endpoint). */
export function readBitbucketCloud(res: HttpResponse, kind: string, repository: string | null): ProbeReading {
  const common = commonAnswer(res)
  if (common) return { ...common, tokenType: kind }
  const o = jsonObject(res)
  const error = o?.error
  const message =
    typeof error === 'object' && error !== null
      ? (str(error as Record<string, unknown>, 'message') ?? '')
      : ''
  const scopes = scopeList(res.headers['x-oauth-scopes'])
  const tokenType = res.headers['x-credential-type'] ?? kind
  if (res.status === 401)
    return refused(
      'bad_credentials',
      `Bitbucket rejected the credentials (401${message ? `: ${message}` : ''}). The token is wrong, expired, revoked, or paired with the wrong username or email.`,
      kind,
    )
  if (res.status === 403) {
    const detailObj = (error as { detail?: { required?: unknown } } | undefined)?.detail
    const required = Array.isArray(detailObj?.required) ? detailObj.required.join(', ') : null
    return {
      ...EMPTY,
      authenticated: true,
      category: 'insufficient_scope',
      scopes,
      tokenType,
      detail: `The token is valid but lacks a scope this call needs${required ? ` (${required})` : ''}.`,
    }
  }
  if (res.status === 404 && repository)
    return {
      ...EMPTY,
      authenticated: true,
      category: 'repo_not_found_or_no_access',
      scopes,
      tokenType,
      detail: `The token authenticated but cannot see ${repository} (404): wrong workspace or repository, or a token for another repository.`,
    }
  if (res.status !== 200) return unexpectedAnswer(res, 'The Bitbucket API')
  const login = repository ? null : (str(o, 'username') ?? str(o, 'display_name'))
  return {
    ...EMPTY,
    authenticated: true,
    login,
    scopes,
    tokenType,
    detail: `${repository ? `The token can read ${repository}` : `Authenticated as ${login ?? 'an unnamed user'}`}${scopes ? `; scopes: ${scopes.join(', ') || '(none)'}` : ''}.`,
  }
}

/** Reads Data Center's application-properties: `X-AUSERNAME` present means the token authenticated. */
export function readBitbucketDc(res: HttpResponse, kind: string): ProbeReading {
  const common = commonAnswer(res)
  if (common) return { ...common, tokenType: kind }
  if (res.status === 401)
    return refused(
      'bad_credentials',
      'Bitbucket Data Center rejected the token (401): wrong, expired or revoked.',
      kind,
    )
  if (res.status !== 200) return unexpectedAnswer(res, 'Bitbucket Data Center’s application-properties')
  const login = res.headers['x-ausername'] ?? null
  const version = str(jsonObject(res), 'version')
  if (!login)
    return skipped(
      `The server answered anonymously${version ? ` (Bitbucket ${version})` : ''} without naming a user, so the token could not be confirmed.`,
      kind,
    )
  return {
    ...EMPTY,
    authenticated: true,
    login,
    tokenType: kind,
    detail: `Authenticated as ${login}${version ? ` on Bitbucket ${version}` : ''}. Token permissions and expiry are not readable with the token itself.`,
  }
}

/** The Bitbucket probe (Cloud or Data Center by the account's deployment). */
export async function probeBitbucket(ctx: ProbeContext): Promise<ProbeReading> {
  const declared = ctx.account.tokenKind
  if (ctx.account.deployment === 'self_hosted') {
    const kind = declared || 'http_personal'
    const r = await ctx.get('/application-properties', { authorization: `Bearer ${ctx.token}` })
    return r.ok ? readBitbucketDc(r.value, kind) : unreachable(r.error)
  }
  const kind = PREFIX_KINDS.find(([p]) => ctx.token.startsWith(p))?.[1] ?? (declared || 'api_token')
  if (kind === 'access_token' || kind === 'oauth') {
    if (!ctx.repository)
      return skipped('Bitbucket access tokens can only be checked on their repository; none was given.', kind)
    const full = `${ctx.repository.owner}/${ctx.repository.repo}`
    const path = `/repositories/${encodeURIComponent(ctx.repository.owner)}/${encodeURIComponent(ctx.repository.repo)}`
    const r = await ctx.get(path, { authorization: `Bearer ${ctx.token}` })
    return r.ok ? readBitbucketCloud(r.value, kind, full) : unreachable(r.error)
  }
  const user =
    kind === 'api_token'
      ? (ctx.email ?? (looksLikeEmail(ctx.account.username) ? ctx.account.username : null))
      : ctx.account.username || null
  if (!user)
    return skipped(
      kind === 'api_token'
        ? 'A Bitbucket API token is checked with your Atlassian account email, which was not given.'
        : 'An app password is checked with your Bitbucket username, which the account lacks.',
      kind,
    )
  const r = await ctx.get('/user', { authorization: basic(user, ctx.token) })
  return r.ok ? readBitbucketCloud(r.value, kind, null) : unreachable(r.error)
}
