import type { Deployment, ProviderId } from '../domain/provider'
import { defaultTokenKind, tokenKindsFor } from '../providers/catalog'
import { datedFactsOf } from '../providers/dated-facts'
import { gitUsernameFor, type GitUsername } from '../providers/git-username'
import type { DatedFact, TokenKindSpec } from '../providers/provider-types'

/**
 * Reads an account's `tokenKind` as a catalog kind (providers/<provider>.ts): the catalog id, else a
 * legacy spelling from {@link LEGACY_KIND_ALIASES}, else the provider's default kind for the
 * deployment. Every exporter table is keyed by catalog ids; nothing here knows provider facts.
 */

/** Lowercase snake case, so `Fine-grained PAT`, `fine_grained_pat` and `fine-grained-pat` agree. */
export function normalizeTokenKind(kind: string): string {
  return kind
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

/** The part of an account its token kind depends on. */
export type KindKey = {
  readonly provider: ProviderId
  readonly deployment: Deployment
  readonly tokenKind: string
}

/**
 * Spellings the exporter's free-text tables accepted before accounts carried catalog ids, per
 * provider: each maps to candidate catalog ids, and the first the deployment issues wins (Bitbucket
 * "project access token" is `access_token` on Cloud, `http_project` on Data Center).
 */
export const LEGACY_KIND_ALIASES: Readonly<Record<ProviderId, ReadonlyMap<string, readonly string[]>>> = {
  github: new Map([
    ['installation_token', ['app_installation']],
    ['app_installation_token', ['app_installation']],
    ['ghs', ['app_installation']],
    ['classic', ['classic_pat']],
    ['fine_grained', ['fine_grained_pat']],
  ]),
  gitlab: new Map([
    ['oauth_token', ['oauth']],
    ['oauth_access_token', ['oauth']],
    ['job_token', ['job']],
    ['ci_job_token', ['job']],
    ['deploy_token', ['deploy']],
  ]),
  bitbucket: new Map([
    ['atlassian_api_token', ['api_token']],
    ['user_api_token', ['api_token']],
    ['oauth_token', ['oauth']],
    ['workspace_access_token', ['access_token']],
    ['project_access_token', ['access_token', 'http_project']],
    ['repository_access_token', ['access_token', 'http_repository']],
    ['repo_access_token', ['access_token', 'http_repository']],
    ['project_http_access_token', ['http_project']],
    ['project_token', ['http_project']],
    ['repository_http_access_token', ['http_repository']],
    ['repository_token', ['http_repository']],
  ]),
  gitea: new Map(),
  azure: new Map([
    ['entra_token', ['entra']],
    ['entra_id_token', ['entra']],
    ['aad_token', ['entra']],
    ['jwt', ['entra']],
  ]),
}

/** A catalog kind and how the account's text led to it. */
export type ResolvedKind = { readonly spec: TokenKindSpec; readonly via: 'id' | 'alias' | 'default' }

/** The catalog kind of an account; unknown text gets the provider's default kind for the deployment. */
export function resolveTokenKind(key: KindKey): ResolvedKind {
  const issued = tokenKindsFor(key.provider, key.deployment)
  const text = normalizeTokenKind(key.tokenKind)
  const byId = issued.find((k) => k.id === key.tokenKind) ?? issued.find((k) => k.id === text)
  if (byId) return { spec: byId, via: 'id' }
  const candidates = LEGACY_KIND_ALIASES[key.provider].get(text) ?? []
  const alias = candidates.flatMap((id) => issued.filter((k) => k.id === id))[0]
  if (alias) return { spec: alias, via: 'alias' }
  return { spec: defaultTokenKind(key.provider, key.deployment), via: 'default' }
}

/** The catalog's git username decision (providers/git-username.ts) for an account's resolved kind. */
export function accountGitUsername(account: KindKey & { readonly username: string }): GitUsername {
  return gitUsernameFor({
    provider: account.provider,
    tokenKind: resolveTokenKind(account).spec.id,
    username: account.username,
  })
}

/** The catalog's unconditional removal facts for an account's kind (app passwords …), whatever today's date. */
export function kindRemovals(key: KindKey): readonly DatedFact[] {
  const kind = resolveTokenKind(key).spec.id
  return datedFactsOf(key.provider).filter(
    (f) =>
      f.effect === 'removed' &&
      f.condition === null &&
      f.tokenKinds.includes(kind) &&
      f.deployments.includes(key.deployment),
  )
}
