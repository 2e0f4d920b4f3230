import type { CredentialSpec, Flavor } from './types'

/** The Authorization header, parsed. The secret stays in memory only for the comparison. */
export type Presented =
  | { readonly scheme: 'none' }
  | { readonly scheme: 'other' }
  | { readonly scheme: 'basic'; readonly username: string; readonly secret: string }
  | { readonly scheme: 'bearer'; readonly secret: string }

/** Parses `Basic`, `Bearer` and GitHub/Gitea `token` schemes; anything else is 'other'. */
export function parseAuthorization(header: string | undefined): Presented {
  if (!header) return { scheme: 'none' }
  const m = /^(\w+)\s+(.+)$/.exec(header.trim())
  if (!m?.[1] || !m[2]) return { scheme: 'other' }
  const scheme = m[1].toLowerCase()
  if (scheme === 'bearer' || scheme === 'token') return { scheme: 'bearer', secret: m[2] }
  if (scheme !== 'basic') return { scheme: 'other' }
  const decoded = Buffer.from(m[2], 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return { scheme: 'basic', username: decoded, secret: '' }
  return { scheme: 'basic', username: decoded.slice(0, colon), secret: decoded.slice(colon + 1) }
}

/** Why a request was refused; each maps to one provider reply in provider-texts. */
export type Refusal =
  'challenge' | 'bad_credentials' | 'password' | 'wrong_username' | 'expired' | 'removed' | 'basic_refused'

/** The outcome of authentication: which credential, under which login, or why not. */
export type Verdict =
  | { readonly ok: true; readonly index: number; readonly login: string; readonly tokenInUsername: boolean }
  | {
      readonly ok: false
      readonly refusal: Refusal
      readonly index: number | null
      readonly tokenInUsername: boolean
    }

/** Token shapes per flavor (providers.md §7): a secret that matches none of them is a password. */
const TOKEN_SHAPES: Record<Flavor, RegExp> = {
  github: /^(gh[pousr]_[A-Za-z0-9_.-]{20,}|github_pat_\w{20,}|[0-9a-f]{40})$/,
  gitlab: /^((?:[A-Za-z0-9_-]+-)?gl[a-z]+-[\w.-]{20,}|[0-9a-f]{64}|[A-Za-z0-9_-]{20})$/,
  bitbucket_cloud: /^(ATATT|ATCTT|ATBB)[\w=-]{20,}$/,
  bitbucket_dc: /^BBDC-[A-Za-z0-9+/]{20,}$/,
  gitea: /^[0-9a-f]{40}$/,
  azure_services: /^([a-z0-9]{52}|[A-Za-z0-9]{84}|eyJ[\w-]+\.[\w-]+\.[\w-]+)$/,
  azure_server: /^([a-z0-9]{52}|[A-Za-z0-9]{84})$/,
}

/** Whether a secret has the shape of one of the flavor's tokens. */
export const looksLikeToken = (flavor: Flavor, secret: string) => TOKEN_SHAPES[flavor].test(secret)

/** Passwords that mean "the token is in the username slot" (providers.md §2: GitHub OAuth, Gitea). */
const TOKEN_AS_USERNAME_PASSWORDS = new Set(['', 'x-oauth-basic'])

function findCredential(creds: readonly CredentialSpec[], p: Presented) {
  if (p.scheme === 'bearer') {
    const index = creds.findIndex((c) => c.token === p.secret)
    return { index, tokenInUsername: false }
  }
  if (p.scheme !== 'basic') return { index: -1, tokenInUsername: false }
  const index = creds.findIndex((c) => c.token === p.secret)
  if (index >= 0) return { index, tokenInUsername: false }
  if (!TOKEN_AS_USERNAME_PASSWORDS.has(p.secret)) return { index: -1, tokenInUsername: false }
  return { index: creds.findIndex((c) => c.token === p.username), tokenInUsername: true }
}

/**
 * Whether the provider accepts this username (or Bearer) for this token kind. Sources: providers.md
 * §2. Choices where the sources are thin, marked [?] there: GitHub installation tokens require
 * `x-access-token`; fine-grained PATs refuse an empty username and the token-in-username form
 * (google/go-github#3116); GitLab refuses an empty username for PATs.
 */
function usernameAccepted(flavor: Flavor, cred: CredentialSpec, p: Presented, tokenInUsername: boolean) {
  const user = p.scheme === 'basic' ? p.username : null
  const own = cred.username
  switch (flavor) {
    case 'github':
      if (user === null) return false
      if (cred.kind === 'installation') return user === 'x-access-token'
      if (cred.kind === 'fine_grained_pat') return user !== '' && !tokenInUsername
      return true
    case 'gitlab':
      if (user === null || tokenInUsername) return false
      if (cred.kind === 'oauth') return user === 'oauth2'
      if (cred.kind === 'job_token') return user === 'gitlab-ci-token'
      if (cred.kind === 'deploy_token') return user === own
      return user !== ''
    case 'bitbucket_cloud':
      if (user === null || tokenInUsername) return false
      if (cred.kind === 'access_token' || cred.kind === 'oauth') return user === 'x-token-auth'
      if (cred.kind === 'api_token') return user === own || user === 'x-bitbucket-api-token-auth'
      return user === own
    case 'bitbucket_dc':
      if (p.scheme === 'bearer') return true
      return cred.kind === 'personal_token' && user === own && !tokenInUsername
    case 'gitea':
      return true
    case 'azure_services':
    case 'azure_server':
      return user !== null || cred.kind === 'entra'
  }
}

/** Bearer is only how Bitbucket DC, Gitea and Azure (Entra) take a token over git HTTP here. */
const BEARER_FLAVORS = new Set<Flavor>(['bitbucket_dc', 'gitea', 'azure_services'])

/** Decides a request's authentication the way the flavor's provider does. */
export function judge(flavor: Flavor, creds: readonly CredentialSpec[], p: Presented): Verdict {
  if (p.scheme === 'none' || p.scheme === 'other')
    return { ok: false, refusal: 'challenge', index: null, tokenInUsername: false }
  const { index, tokenInUsername } = findCredential(creds, p)
  const cred = creds[index]
  const refuse = (refusal: Refusal): Verdict => ({
    ok: false,
    refusal,
    index: cred ? index : null,
    tokenInUsername,
  })
  if (!cred) return refuse(looksLikeToken(flavor, p.secret) ? 'bad_credentials' : 'password')
  if (cred.removed) return refuse('removed')
  if (cred.expired) return refuse('expired')
  if (p.scheme === 'bearer' && !BEARER_FLAVORS.has(flavor)) return refuse('bad_credentials')
  if (flavor === 'bitbucket_dc' && p.scheme === 'basic' && cred.kind !== 'personal_token')
    return refuse('basic_refused')
  if (!usernameAccepted(flavor, cred, p, tokenInUsername)) return refuse('wrong_username')
  return { ok: true, index, login: cred.username ?? 'fixture-user', tokenInUsername }
}

/**
 * Why a read-only credential cannot push, unless the spec says: on GitHub classic/OAuth tokens carry
 * `repo` so a refusal is the account's role, other GitHub tokens lack the Contents write permission;
 * on GitLab deploy and job tokens lack `write_repository`, people's tokens meet a Reporter role.
 */
export function readOnlyReason(flavor: Flavor, cred: CredentialSpec): 'scope' | 'role' {
  if (cred.readOnlyBy) return cred.readOnlyBy
  if (flavor === 'github') return cred.kind === 'classic_pat' || cred.kind === 'oauth' ? 'role' : 'scope'
  if (flavor === 'gitlab') return cred.kind === 'deploy_token' || cred.kind === 'job_token' ? 'scope' : 'role'
  return 'scope'
}
