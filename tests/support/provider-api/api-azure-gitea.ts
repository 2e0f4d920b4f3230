import { challengeHeaders, refusalReply } from '../git-server/provider-texts'
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

/** fixture ado-003: the JSON Azure DevOps answers for an expired PAT. */
const EXPIRED_BODY = {
  $id: '1',
  innerException: null,
  message: 'Access Denied: The Personal Access Token used has expired.',
  typeName:
    'Microsoft.VisualStudio.Services.Security.AccessCheckException, Microsoft.VisualStudio.Services.WebApi',
  typeKey: 'AccessCheckException',
  errorCode: 0,
  eventId: 3000,
}

function azureIdentity(login: string, email: string) {
  const id = uuidOf(login)
  return {
    id,
    descriptor: `Microsoft.IdentityModel.Claims.ClaimsIdentity;${email}`,
    subjectDescriptor: `aad.${Buffer.from(id).toString('base64url')}`,
    providerDisplayName: login,
    isActive: true,
    properties: { Account: { $type: 'System.String', $value: email } },
    resourceVersion: 2,
    metaTypeId: 0,
  }
}

/**
 * Azure DevOps emulator (providers.md §5): `GET {org or collection}/_apis/connectionData` with Basic
 * `:PAT` (any username) or Bearer (Entra) → 200 with `authenticatedUser` and `x-vss-userdata:
 * <id>:<email>`. Bad credentials → 401, or 203 + HTML sign-in page when configured; an expired PAT
 * → 401 with the ado-003 JSON and `X-TFS-ServiceError`.
 */
export function azureApi(req: ApiRequest, setup: ApiSetup): ApiAnswer | null {
  if (req.method !== 'GET' || !/^\/_apis\/connectionData$/.test(req.path)) return null
  const found = lookup(setup.credentials, secretOf(req.presented))
  const challenge = challengeHeaders(setup.flavor, req.origin)
  if (found?.cred.expired)
    return json(401, EXPIRED_BODY, 'expired', found.index, {
      ...challenge,
      'x-tfs-serviceerror': encodeURIComponent(EXPIRED_BODY.message),
    })
  if (!found || found.cred.removed || req.presented.scheme === 'other') {
    const reply = refusalReply(setup.flavor, 'bad_credentials', {
      origin: req.origin,
      repoName: '',
      service: null,
      login: '',
      azureBadCredentials: setup.azureBadCredentials,
      githubTexts: 'current',
      readOnlyBy: 'scope',
    })
    return { ...reply, outcome: 'bad_credentials', credentialIndex: found?.index ?? null }
  }
  const login = found.cred.username ?? 'Fixture User'
  const email = found.cred.email ?? 'fixture@gitkeys.test'
  const user = azureIdentity(login, email)
  return json(
    200,
    {
      authenticatedUser: user,
      authorizedUser: user,
      instanceId: uuidOf(`instance:${req.origin}`),
      deploymentId: uuidOf(`deployment:${req.origin}`),
      deploymentType: setup.flavor === 'azure_server' ? 'onPremises' : 'hosted',
      locationServiceData: {
        serviceOwner: '00025394-6065-48ca-87d9-7f5672854ef7',
        defaultAccessMappingMoniker: 'PublicAccessMapping',
      },
    },
    'ok',
    found.index,
    { 'x-vss-userdata': `${user.id}:${email}` },
  )
}

/** The `url` Gitea puts in its API error bodies. */
const swagger = (origin: string) => `${origin}/api/swagger`

/**
 * Gitea/Forgejo emulator under `/api/v1` (providers.md §5): `GET /version` (no auth) and `GET /user`
 * with `token`, Bearer or Basic. 401 `token is required` / `invalid username, password or token`
 * (go-gitea routers/api/v1/api.go), 403 naming the missing scope when `scopes` lack `read:user`.
 */
export function giteaApi(req: ApiRequest, setup: ApiSetup): ApiAnswer | null {
  if (req.method !== 'GET') return null
  if (req.path === '/api/v1/version') return json(200, { version: setup.version ?? '1.22.3' }, 'ok', null)
  if (req.path !== '/api/v1/user') return null
  const secret = secretOf(req.presented)
  if (secret === undefined)
    return json(401, { message: 'token is required', url: swagger(req.origin) }, 'challenge', null)
  const found = lookup(setup.credentials, secret)
  if (!found || found.cred.expired || found.cred.removed)
    return json(
      401,
      { message: 'invalid username, password or token', url: swagger(req.origin) },
      'bad_credentials',
      found?.index ?? null,
    )
  const { cred, index } = found
  const scopes = cred.scopes
  if (scopes && !scopes.some((s) => s === 'all' || s === 'read:user' || s === 'write:user'))
    return json(
      403,
      {
        message: 'token does not have at least one of required scope(s): [read:user]',
        url: swagger(req.origin),
      },
      'insufficient_scope',
      index,
    )
  const login = cred.username ?? 'fixture-user'
  return json(
    200,
    {
      id: idOf(login),
      login,
      full_name: login,
      email: cred.email ?? `${login}@gitkeys.test`,
      is_admin: false,
    },
    'ok',
    index,
  )
}
