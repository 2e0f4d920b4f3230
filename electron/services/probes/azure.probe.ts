import type { HttpResponse } from '../net/http-client'
import type { ProbeContext, ProbeReading } from './api-probe.types'
import {
  basic,
  commonAnswer,
  EMPTY,
  jsonObject,
  refused,
  str,
  unexpectedAnswer,
  unreachable,
} from './probe-common'

/**
 * Azure DevOps (providers.md §5): `GET {org or collection}/_apis/connectionData` with Basic `:PAT`
 * (Entra tokens: Bearer) answers `authenticatedUser`. Invalid credentials give 401, or 203 with an
 * HTML sign-in page, which is an authentication failure too. Scopes and expiry cannot be read with
 * the PAT itself.
 */

const NO_METADATA = 'Azure DevOps does not let a PAT read its own scopes or expiry.'

/** Reads a connectionData answer. */
export function readAzure(res: HttpResponse, kind: string): ProbeReading {
  const html = /text\/html/i.test(res.headers['content-type'] ?? '')
  if (res.status === 203 || (res.status === 200 && html))
    return refused(
      'bad_credentials',
      `Azure DevOps answered with its sign-in page (${res.status} text/html) instead of data: the PAT was not accepted (wrong, expired, revoked, or for another organization).`,
      kind,
    )
  const common = commonAnswer(res)
  if (common) return { ...common, tokenType: kind }
  if (res.status === 401) {
    const o = jsonObject(res)
    const text = `${str(o, 'message') ?? ''} ${decodeURIComponent(res.headers['x-tfs-serviceerror'] ?? '')}`
    return /expired/i.test(text)
      ? refused('expired_token', 'Azure DevOps says the Personal Access Token has expired (401).', kind)
      : refused('bad_credentials', 'Azure DevOps rejected the credentials (401).', kind)
  }
  if (res.status === 403)
    return {
      ...EMPTY,
      authenticated: true,
      category: 'ip_or_policy_blocked',
      tokenType: kind,
      detail:
        'Azure DevOps refused access (403): an organization policy (conditional access, IP) may block it.',
    }
  if (res.status !== 200) return unexpectedAnswer(res, 'Azure DevOps connectionData')
  const user = jsonObject(res)?.authenticatedUser
  const u = typeof user === 'object' && user !== null ? (user as Record<string, unknown>) : null
  const login = str(u, 'providerDisplayName')
  const email = (res.headers['x-vss-userdata'] ?? '').split(':').slice(1).join(':') || null
  if (!u || !login)
    return {
      ...EMPTY,
      tokenType: kind,
      category: 'other',
      detail: 'connectionData named no authenticated user.',
    }
  return {
    ...EMPTY,
    authenticated: true,
    login,
    tokenType: kind,
    detail: `Authenticated as ${login}${email ? ` <${email}>` : ''}. ${NO_METADATA}`,
  }
}

/** The Azure DevOps probe. */
export async function probeAzure(ctx: ProbeContext): Promise<ProbeReading> {
  const kind = ctx.account.tokenKind || 'pat'
  const jwt = /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/.test(ctx.token)
  const r = await ctx.get('/_apis/connectionData', {
    authorization: jwt ? `Bearer ${ctx.token}` : basic('', ctx.token),
  })
  return r.ok ? readAzure(r.value, jwt ? 'entra' : kind) : unreachable(r.error)
}
