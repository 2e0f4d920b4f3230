import type { CredentialSpec } from '../git-server/types'
import { idOf, json, lookup, secretOf, type ApiAnswer, type ApiRequest, type ApiSetup } from './api-common'

/**
 * The 401 answers of gitlabhq lib/api/api_guard.rb `oauth2_bearer_token_error_handler` (rack-oauth2
 * Bearer::Unauthorized with realm "The API"); an unknown PRIVATE-TOKEN gets the plain
 * `{"message":"401 Unauthorized"}` of the API's `unauthorized!`.
 */
function invalidToken(description: string, outcome: string, index: number | null): ApiAnswer {
  return json(401, { error: 'invalid_token', error_description: description }, outcome, index, {
    'www-authenticate': `Bearer realm="The API", error="invalid_token", error_description="${description}"`,
  })
}

/** Token kinds `GET /personal_access_tokens/self` describes (providers.md §5: PAT, project, group). */
const SELF_KINDS = new Set<string>(['pat', 'project_token', 'group_token'])

function tokenSecret(req: ApiRequest): string | undefined {
  const header = req.headers['private-token'] ?? req.headers['job-token']
  if (typeof header === 'string') return header
  return req.presented.scheme === 'bearer' ? req.presented.secret : secretOf(req.presented)
}

function self(cred: CredentialSpec, index: number) {
  return {
    id: index + 1,
    name: `${cred.kind}-${index + 1}`,
    description: '',
    revoked: false,
    active: true,
    scopes: cred.scopes ?? ['read_repository'],
    user_id: idOf(cred.username ?? 'fixture-user'),
    created_at: '2026-01-01T00:00:00.000Z',
    last_used_at: '2026-11-20T09:30:00.000Z',
    expires_at: cred.expiresAt ?? null,
  }
}

/**
 * GitLab REST emulator under `{relative root}/api/v4` (providers.md §5):
 * `GET /personal_access_tokens/self` and `GET /user`, with `PRIVATE-TOKEN` or `Authorization: Bearer`.
 * Expired and revoked tokens answer 401; deploy and job tokens cannot introspect.
 */
export function gitlabApi(req: ApiRequest, setup: ApiSetup): ApiAnswer | null {
  const path = req.path.replace(/^\/api\/v4(?=\/)/, '')
  if (req.method !== 'GET' || !req.path.startsWith('/api/v4/')) return null
  if (path !== '/personal_access_tokens/self' && path !== '/user') return null

  const secret = tokenSecret(req)
  const found = lookup(setup.credentials, secret)
  if (secret === undefined) return json(401, { message: '401 Unauthorized' }, 'challenge', null)
  if (!found) return json(401, { message: '401 Unauthorized' }, 'bad_credentials', null)
  const { cred, index } = found
  if (cred.removed)
    return invalidToken('Token was revoked. You have to re-authorize from the user.', 'removed', index)
  if (cred.expired)
    return invalidToken(
      'Token is expired. You can either do re-authorization or token refresh.',
      'expired',
      index,
    )
  if (cred.kind === 'deploy_token' || cred.kind === 'job_token')
    return json(401, { message: '401 Unauthorized' }, 'not_introspectable', index)

  if (path === '/personal_access_tokens/self') {
    if (!SELF_KINDS.has(cred.kind)) return json(404, { message: '404 Not Found' }, 'not_found', index)
    return json(200, self(cred, index), 'ok', index)
  }
  const scopes = cred.scopes
  if (scopes && !scopes.some((s) => s === 'api' || s === 'read_api' || s === 'read_user'))
    return json(
      403,
      {
        error: 'insufficient_scope',
        error_description: 'The request requires higher privileges than provided by the access token.',
        scope: 'api read_api read_user',
      },
      'insufficient_scope',
      index,
    )
  const username = cred.username ?? 'fixture-user'
  const bot = cred.kind === 'project_token' || cred.kind === 'group_token'
  return json(200, { id: idOf(username), username, name: username, state: 'active', bot }, 'ok', index)
}
