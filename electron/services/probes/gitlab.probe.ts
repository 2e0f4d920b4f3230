import type { HttpResponse } from '../net/http-client'
import type { ProbeContext, ProbeReading } from './api-probe.types'
import {
  commonAnswer,
  EMPTY,
  isPast,
  jsonObject,
  refused,
  skipped,
  str,
  unexpectedAnswer,
  unreachable,
  utcDate,
} from './probe-common'

/**
 * GitLab (providers.md §5): `GET /personal_access_tokens/self` (15.5+) with `PRIVATE-TOKEN` gives
 * `scopes`, `expires_at`, `active`, `revoked` for personal, project and group tokens; 401 when
 * expired, revoked or unknown (the `error_description` says which). `GET /user` names the owner
 * (and `bot` marks project/group tokens) when the scopes allow it. OAuth tokens use Bearer on
 * /user; deploy and job tokens cannot introspect.
 */

const CANNOT_INTROSPECT = new Set(['deploy', 'job'])
const READS_USER = new Set(['api', 'read_api', 'read_user'])

/** Reads a GitLab 401 (`invalid_token` descriptions name expired and revoked tokens). */
function unauthorized(res: HttpResponse, kind: string): ProbeReading {
  const o = jsonObject(res)
  const text = `${str(o, 'error_description') ?? ''} ${str(o, 'message') ?? ''} ${res.headers['www-authenticate'] ?? ''}`
  if (/expired/i.test(text))
    return refused('expired_token', 'GitLab says the token has expired (401). Create a new one.', kind)
  if (/revoked/i.test(text))
    return refused('bad_credentials', 'GitLab says the token was revoked (401).', kind)
  return refused('bad_credentials', 'GitLab rejected the token (401): it is wrong, expired or revoked.', kind)
}

/** Reads `GET /personal_access_tokens/self`. */
export function readGitlabSelf(res: HttpResponse, kind: string, now: Date): ProbeReading | 'not_found' {
  const common = commonAnswer(res)
  if (common) return { ...common, tokenType: kind }
  if (res.status === 401) return unauthorized(res, kind)
  if (res.status === 404) return 'not_found'
  if (res.status !== 200) return unexpectedAnswer(res, 'GitLab’s /personal_access_tokens/self')
  const o = jsonObject(res)
  const scopes = Array.isArray(o?.scopes) ? o.scopes.filter((s): s is string => typeof s === 'string') : null
  const expiresAt = utcDate(str(o, 'expires_at'))
  const name = str(o, 'name')
  const base = { ...EMPTY, scopes, expiresAt, tokenType: kind }
  if (o?.revoked === true)
    return {
      ...base,
      authenticated: false,
      category: 'bad_credentials',
      detail: 'GitLab says the token was revoked.',
    }
  if (o?.active === false)
    return {
      ...base,
      authenticated: false,
      category: isPast(expiresAt, now) ? 'expired_token' : 'bad_credentials',
      detail: isPast(expiresAt, now)
        ? `The token expired on ${expiresAt ?? ''}.`
        : 'GitLab says the token is not active.',
    }
  return {
    ...base,
    authenticated: true,
    detail: `Token${name ? ` “${name}”` : ''} is active; scopes: ${scopes?.join(', ') || '(none)'}; ${expiresAt ? `expires ${expiresAt} (00:00 UTC)` : 'no expiry'}.`,
  }
}

/** Reads `GET /user`: the owner's username, and `bot` for project/group tokens. */
export function readGitlabUser(res: HttpResponse, kind: string): ProbeReading {
  const common = commonAnswer(res)
  if (common) return { ...common, tokenType: kind }
  if (res.status === 401) return unauthorized(res, kind)
  if (res.status === 403)
    return {
      ...EMPTY,
      authenticated: true,
      category: 'insufficient_scope',
      tokenType: kind,
      detail: 'The token is valid but may not read the user (it needs api, read_api or read_user).',
    }
  if (res.status !== 200) return unexpectedAnswer(res, 'GitLab’s /user')
  const o = jsonObject(res)
  const login = str(o, 'username')
  return {
    ...EMPTY,
    authenticated: true,
    login,
    tokenType: o?.bot === true ? 'project_or_group_token' : kind,
    detail: `Authenticated as ${login ?? 'an unnamed user'}${o?.bot === true ? ' (a project or group access token bot)' : ''}.`,
  }
}

/** The GitLab probe. */
export async function probeGitlab(ctx: ProbeContext): Promise<ProbeReading> {
  const kind = ctx.account.tokenKind || 'personal'
  if (CANNOT_INTROSPECT.has(kind))
    return skipped(
      `GitLab ${kind} tokens cannot describe themselves through the API; the git connection test shows whether it works.`,
      kind,
    )
  if (kind === 'oauth') {
    const r = await ctx.get('/user', { authorization: `Bearer ${ctx.token}` })
    return r.ok ? readGitlabUser(r.value, kind) : unreachable(r.error)
  }
  const headers = { 'private-token': ctx.token }
  const self = await ctx.get('/personal_access_tokens/self', headers)
  if (!self.ok) return unreachable(self.error)
  const reading = readGitlabSelf(self.value, kind, ctx.now)
  if (
    reading !== 'not_found' &&
    (reading.authenticated !== true || !reading.scopes?.some((s) => READS_USER.has(s)))
  )
    return reading
  const user = await ctx.get('/user', headers)
  if (!user.ok) return reading === 'not_found' ? unreachable(user.error) : reading
  const who = readGitlabUser(user.value, kind)
  if (reading === 'not_found') return who
  return who.authenticated
    ? { ...reading, login: who.login, tokenType: who.tokenType, detail: `${who.detail} ${reading.detail}` }
    : reading
}
