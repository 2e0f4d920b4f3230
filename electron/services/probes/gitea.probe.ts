import type { HttpResponse } from '../net/http-client'
import type { ProbeContext, ProbeReading } from './api-probe.types'
import { commonAnswer, EMPTY, jsonObject, refused, str, unexpectedAnswer, unreachable } from './probe-common'

/**
 * Gitea / Forgejo (providers.md §5): `GET /api/v1/user` with `Authorization: token <t>`; 401 is an
 * invalid token, and 403 `token does not have at least one of required scope(s): [X]` names the
 * missing scope. A token cannot read its own scopes or expiry.
 */

/** Reads `GET /user`. */
export function readGitea(res: HttpResponse, kind: string): ProbeReading {
  const common = commonAnswer(res)
  if (common) return { ...common, tokenType: kind }
  const o = jsonObject(res)
  const message = str(o, 'message') ?? ''
  if (res.status === 401)
    return refused('bad_credentials', `Gitea rejected the token (401${message ? `: ${message}` : ''}).`, kind)
  if (res.status === 403) {
    const scope = /required scope\(s\):\s*\[([^\]]*)\]/i.exec(message)?.[1]
    if (scope !== undefined)
      return {
        ...EMPTY,
        authenticated: true,
        category: 'insufficient_scope',
        tokenType: kind,
        detail: `The token is valid but lacks the ${scope} scope, so its owner cannot be read; git needs read:repository (and write:repository to push).`,
      }
    return unexpectedAnswer(res, 'Gitea’s /user')
  }
  if (res.status !== 200) return unexpectedAnswer(res, 'Gitea’s /user')
  const login = str(o, 'login')
  return {
    ...EMPTY,
    authenticated: true,
    login,
    tokenType: kind,
    detail: `Authenticated as ${login ?? 'an unnamed user'}. Gitea does not let a token read its own scopes or expiry.`,
  }
}

/** The Gitea probe. */
export async function probeGitea(ctx: ProbeContext): Promise<ProbeReading> {
  const r = await ctx.get('/user', { authorization: `token ${ctx.token}` })
  return r.ok ? readGitea(r.value, ctx.account.tokenKind || 'pat') : unreachable(r.error)
}
