import { idOf, json, lookup, secretOf, type ApiAnswer, type ApiRequest, type ApiSetup } from './api-common'

const DOCS = 'https://docs.github.com/rest'

/** Headers every GitHub REST answer carries (rate limit values are fixed fixtures). */
const BASE_HEADERS = {
  'x-github-media-type': 'github.v3; format=json',
  'x-ratelimit-limit': '5000',
  'x-ratelimit-remaining': '4999',
  'x-ratelimit-reset': '1900000000',
  'x-ratelimit-used': '1',
  'x-ratelimit-resource': 'core',
}

/** `GitHub-Authentication-Token-Expiration` format: `YYYY-MM-DD HH:MM:SS UTC` (providers.md §5). */
const expiration = (date: string) => `${date} 00:00:00 UTC`

/**
 * GitHub REST emulator (providers.md §5): `GET /user`, `GET /installation/repositories`,
 * `GET /repos/{owner}/{repo}`, at the root (api.github.com) and under `/api/v3` (GHES).
 * Classic PATs and OAuth tokens get `X-OAuth-Scopes`; fine-grained and App tokens do not.
 * Bodies of 401/403/404 follow GitHub's `{message, documentation_url, status}` shape.
 */
export function githubApi(req: ApiRequest, setup: ApiSetup): ApiAnswer | null {
  const path = req.path.replace(/^\/api\/v3(?=\/)/, '')
  const repoMatch = /^\/repos\/([^/]+)\/([^/]+)$/.exec(path)
  if (req.method !== 'GET' || !(path === '/user' || path === '/installation/repositories' || repoMatch))
    return null

  const secret = secretOf(req.presented)
  const found = lookup(setup.credentials, secret)
  if (secret === undefined)
    return json(
      401,
      {
        message: 'Requires authentication',
        documentation_url: `${DOCS}/users/users#get-the-authenticated-user`,
        status: '401',
      },
      'challenge',
      null,
      BASE_HEADERS,
    )
  if (!found || found.cred.expired || found.cred.removed)
    return json(
      401,
      { message: 'Bad credentials', documentation_url: DOCS, status: '401' },
      'bad_credentials',
      found?.index ?? null,
      BASE_HEADERS,
    )

  const { cred, index } = found
  const classic = cred.kind === 'classic_pat' || cred.kind === 'oauth'
  const headers: Record<string, string> = { ...BASE_HEADERS }
  if (classic) headers['x-oauth-scopes'] = (cred.scopes ?? []).join(', ')
  if (cred.expiresAt) headers['github-authentication-token-expiration'] = expiration(cred.expiresAt)

  if (path === '/user') {
    headers['x-accepted-oauth-scopes'] = ''
    if (cred.kind === 'installation')
      return json(
        403,
        {
          message: 'Resource not accessible by integration',
          documentation_url: `${DOCS}/users/users#get-the-authenticated-user`,
          status: '403',
        },
        'forbidden',
        index,
        headers,
      )
    const login = cred.username ?? 'fixture-user'
    return json(
      200,
      { login, id: idOf(login), type: 'User', name: login, site_admin: false },
      'ok',
      index,
      headers,
    )
  }

  const visible = setup.repos.filter((r) => !cred.repos || cred.repos.includes(r))
  if (path === '/installation/repositories') {
    if (cred.kind !== 'installation')
      // [?] wording as reported by Octokit users; the 403 itself is documented.
      return json(
        403,
        {
          message:
            'You must authenticate with an installation access token in order to list repositories for an installation.',
          documentation_url: `${DOCS}/apps/installations#list-repositories-accessible-to-the-app-installation`,
          status: '403',
        },
        'forbidden',
        index,
        headers,
      )
    const repositories = visible.map((full) => ({
      id: idOf(full),
      name: full.split('/').pop(),
      full_name: full,
      private: true,
    }))
    return json(
      200,
      { total_count: repositories.length, repository_selection: 'selected', repositories },
      'ok',
      index,
      headers,
    )
  }

  const full = `${repoMatch?.[1] ?? ''}/${repoMatch?.[2] ?? ''}`
  headers['x-accepted-oauth-scopes'] = 'repo'
  if (!classic) headers['x-accepted-github-permissions'] = 'metadata=read'
  if (!visible.includes(full))
    return json(
      404,
      { message: 'Not Found', documentation_url: `${DOCS}/repos/repos#get-a-repository`, status: '404' },
      'not_found',
      index,
      headers,
    )
  const push = !cred.readOnly
  return json(
    200,
    {
      id: idOf(full),
      name: repoMatch?.[2],
      full_name: full,
      private: true,
      permissions: { admin: false, push, pull: true },
    },
    'ok',
    index,
    headers,
  )
}
