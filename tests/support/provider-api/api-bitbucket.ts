import type { CredentialSpec } from '../git-server/types'
import {
  idOf,
  json,
  lookup,
  secretOf,
  uuidOf,
  type ApiAnswer,
  type ApiRequest,
  type ApiSetup,
} from './api-common'

/** avivsinai/bitbucket-cli#30: the 401 body of api.bitbucket.org for a bad or unsupported token. */
const INVALID = {
  type: 'error',
  error: { message: 'Token is invalid, expired, or not supported for this endpoint.' },
}

/** `x-credential-type` per kind (support.atlassian.com KB "How to fetch the scope of a token via command line"). */
function credentialType(cred: CredentialSpec): string {
  if (cred.credentialType) return cred.credentialType
  if (cred.kind === 'access_token') return 'repo_access_token'
  return cred.kind === 'oauth' ? 'oauth2' : cred.kind
}

function scopeHeaders(cred: CredentialSpec, accepted: string) {
  return {
    'x-oauth-scopes': (cred.scopes ?? []).join(', '),
    'x-accepted-oauth-scopes': accepted,
    'x-credential-type': credentialType(cred),
  }
}

/** Basic on `/2.0/user` pairs an API token with the Atlassian email, an app password with the username. */
function basicIdentityMatches(req: ApiRequest, cred: CredentialSpec): boolean {
  if (req.presented.scheme === 'bearer') return cred.kind === 'access_token' || cred.kind === 'oauth'
  if (req.presented.scheme !== 'basic') return false
  const user = req.presented.username
  if (cred.kind === 'api_token') return user === cred.email
  if (cred.kind === 'app_password') return user === cred.username
  return user === 'x-token-auth'
}

/**
 * Bitbucket Cloud emulator (providers.md §5): `GET /2.0/user` (Basic email:API token, or
 * username:app password) and `GET /2.0/repositories/{workspace}/{repo}` (Bearer or Basic), with
 * `x-oauth-scopes`, `x-accepted-oauth-scopes`, `x-credential-type`.
 */
export function bitbucketCloudApi(req: ApiRequest, setup: ApiSetup): ApiAnswer | null {
  const repoMatch = /^\/2\.0\/repositories\/([^/]+)\/([^/]+)$/.exec(req.path)
  if (req.method !== 'GET' || !(req.path === '/2.0/user' || repoMatch)) return null
  const found = lookup(setup.credentials, secretOf(req.presented))
  if (!found || found.cred.expired || found.cred.removed || !basicIdentityMatches(req, found.cred))
    return json(401, INVALID, found ? 'refused' : 'bad_credentials', found?.index ?? null, {
      'www-authenticate': 'Basic realm="Bitbucket.org HTTP"',
    })
  const { cred, index } = found

  if (!repoMatch) {
    if (cred.kind === 'access_token') return json(401, INVALID, 'not_supported', index)
    const required = cred.kind === 'api_token' ? 'read:user:bitbucket' : 'account'
    const headers = scopeHeaders(cred, required)
    if (cred.scopes && !cred.scopes.includes(required))
      // gildas/bitbucket-cli#56: 403 naming the missing scope.
      return json(
        403,
        {
          type: 'error',
          error: {
            message: 'Your credentials lack one or more required privilege scopes.',
            detail: { granted: cred.scopes, required: [required] },
          },
        },
        'insufficient_scope',
        index,
        headers,
      )
    const username = cred.username ?? 'fixture-user'
    return json(
      200,
      {
        type: 'user',
        username,
        display_name: username,
        uuid: `{${uuidOf(username)}}`,
        account_id: `557058:${uuidOf(username)}`,
      },
      'ok',
      index,
      headers,
    )
  }

  const full = `${repoMatch[1] ?? ''}/${repoMatch[2] ?? ''}`
  const headers = scopeHeaders(cred, cred.kind === 'api_token' ? 'read:repository:bitbucket' : 'repository')
  if (!setup.repos.includes(full) || (cred.repos && !cred.repos.includes(full)))
    return json(
      404,
      { type: 'error', error: { message: `Repository ${full} not found` } },
      'not_found',
      index,
      headers,
    )
  return json(
    200,
    {
      type: 'repository',
      full_name: full,
      name: repoMatch[2],
      slug: repoMatch[2],
      is_private: true,
      uuid: `{${uuidOf(full)}}`,
    },
    'ok',
    index,
    headers,
  )
}

/**
 * Bitbucket Data Center emulator (providers.md §5): `GET {context}/rest/api/1.0|latest/application-properties`
 * answers anonymously, and adds `X-AUSERNAME` (and `X-AUSERID`) when a token authenticates: Bearer
 * for every token kind, Basic only for personal tokens with their username. Bad tokens get 401 [?].
 */
export function bitbucketDcApi(req: ApiRequest, setup: ApiSetup): ApiAnswer | null {
  if (req.method !== 'GET' || !/^\/rest\/api\/(1\.0|latest)\/application-properties$/.test(req.path))
    return null
  const version = setup.version ?? '8.19.1'
  const body = {
    version,
    buildNumber: version.replace(/\D/g, '').padEnd(7, '0'),
    buildDate: '1718765000000',
    displayName: 'Bitbucket',
  }
  if (req.presented.scheme === 'none') return json(200, body, 'anonymous', null)
  const found = lookup(setup.credentials, secretOf(req.presented))
  const basicOk =
    req.presented.scheme === 'bearer' ||
    (req.presented.scheme === 'basic' &&
      found?.cred.kind === 'personal_token' &&
      req.presented.username === found.cred.username)
  if (!found || found.cred.expired || found.cred.removed || !basicOk)
    return json(
      401,
      {
        errors: [
          {
            context: null,
            message: 'Authentication failed. Please check your credentials and try again.',
            exceptionName: 'com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException',
          },
        ],
      },
      'bad_credentials',
      found?.index ?? null,
      { 'www-authenticate': 'Basic realm="Atlassian Bitbucket"' },
    )
  const username = found.cred.username ?? `${found.cred.kind}-bot`
  return json(200, body, 'ok', found.index, { 'x-ausername': username, 'x-auserid': String(idOf(username)) })
}
