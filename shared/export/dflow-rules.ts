import type { ProviderId } from '../domain/provider'
import { pickRow, type KindKey, type KindSelector } from './token-kind'

/**
 * dFlow App Service source facts (flipt-v2.md §7, dflow-sh/dflow at 3cf90484): the provider tab
 * per provider (`providerType` in src/payload/collections/Services/index.ts), which hosts dFlow can
 * authenticate against (`dokku git:auth <host> <owner> <token>` with the host fixed for Azure and
 * Bitbucket), and the least token scopes for deploy-only use (clone/fetch; providers.md §3).
 */

/** dFlow's `providerType`. */
export type DflowProviderTab = 'github' | 'gitlab' | 'bitbucket' | 'azureDevOps' | 'gitea'

/** Per provider: the tab, the one host dFlow supports (null = any), and why others fail. */
export const DFLOW_PROVIDERS: Readonly<
  Record<
    ProviderId,
    { readonly tab: DflowProviderTab; readonly onlyHost: string | null; readonly why: string | null }
  >
> = {
  github: {
    tab: 'github',
    onlyHost: 'github.com',
    why: "dFlow's GitHub form only accepts https://github.com/<owner>/<repo> (GithubForm.tsx githubURLRegex), so GitHub Enterprise Server is not supported.",
  },
  gitlab: { tab: 'gitlab', onlyHost: null, why: null },
  bitbucket: {
    tab: 'bitbucket',
    onlyHost: 'bitbucket.org',
    why: 'dFlow runs dokku git:auth with the host fixed to bitbucket.org, so Bitbucket Data Center is not supported.',
  },
  azure: {
    tab: 'azureDevOps',
    onlyHost: 'dev.azure.com',
    why: 'dFlow runs dokku git:auth with the host fixed to dev.azure.com, so Azure DevOps Server and *.visualstudio.com remotes are not supported.',
  },
  gitea: { tab: 'gitea', onlyHost: null, why: null },
}

/** One row of {@link DFLOW_DEPLOY_SCOPES}. */
export type DflowScopeRule = KindSelector & {
  readonly scopes: readonly string[]
  readonly note: string | null
  readonly source: string
}

/** Least scopes for deploy-only (read) access, per provider and token kind. */
export const DFLOW_DEPLOY_SCOPES: readonly DflowScopeRule[] = [
  {
    provider: 'github',
    deployment: 'any',
    kinds: ['classic_pat', 'classic', 'oauth'],
    scopes: ['repo'],
    note: 'Only for private repositories; public ones need no token.',
    source: 'providers.md §3 (GitHub classic PAT)',
  },
  {
    provider: 'github',
    deployment: 'any',
    kinds: ['fine_grained_pat', 'fine_grained'],
    scopes: ['Contents: Read'],
    note: 'Metadata: Read is always included.',
    source: 'providers.md §3 (GitHub fine-grained permissions)',
  },
  {
    provider: 'github',
    deployment: 'any',
    kinds: 'any',
    scopes: ['repo (classic) or Contents: Read (fine-grained)'],
    note: null,
    source: 'providers.md §3',
  },
  {
    provider: 'gitlab',
    deployment: 'any',
    kinds: 'any',
    scopes: ['read_repository'],
    note: 'Reporter role on private projects.',
    source: 'providers.md §3; dFlow docs (Git source integrations)',
  },
  {
    provider: 'bitbucket',
    deployment: 'cloud',
    kinds: ['api_token', 'atlassian_api_token', 'user_api_token'],
    scopes: ['read:repository:bitbucket'],
    note: null,
    source: 'providers.md §3 (Bitbucket Cloud API token)',
  },
  {
    provider: 'bitbucket',
    deployment: 'cloud',
    kinds: ['app_password'],
    scopes: ['Repositories: Read'],
    note: 'App passwords were removed on 2026-07-28.',
    source: 'providers.md §3 and §4',
  },
  {
    provider: 'bitbucket',
    deployment: 'any',
    kinds: 'any',
    scopes: ['repository'],
    note: 'dFlow suggests a workspace or repository access token.',
    source: 'providers.md §3 (access tokens); dFlow docs',
  },
  {
    provider: 'azure',
    deployment: 'any',
    kinds: 'any',
    scopes: ['Code (Read) = vso.code'],
    note: 'Scope the PAT to the one organisation; dFlow requires a token for Azure DevOps.',
    source: 'providers.md §3; dFlow src/actions/service/validator.ts',
  },
  {
    provider: 'gitea',
    deployment: 'any',
    kinds: 'any',
    scopes: ['read:repository'],
    note: null,
    source: 'providers.md §3; dFlow docs (Gitea)',
  },
]

/** The deploy-only scope row for an account's provider and token kind. */
export function dflowScopesFor(key: KindKey): DflowScopeRule | null {
  return pickRow(DFLOW_DEPLOY_SCOPES, key)
}
