import type { ProviderId } from '../domain/provider'

/**
 * dFlow App Service source facts (flipt-v2.md §7, dflow-sh/dflow at 3cf90484): the provider tab
 * per provider (`providerType` in src/payload/collections/Services/index.ts), which hosts dFlow can
 * authenticate against (`dokku git:auth <host> <owner> <token>` with the host fixed for Azure and
 * Bitbucket), and dFlow's own token advice. Token scopes and usernames come from the provider
 * catalog (providers/scopes.ts, providers/git-username.ts).
 */

/** dFlow's `providerType`. */
export type DflowProviderTab = 'github' | 'gitlab' | 'bitbucket' | 'azureDevOps' | 'gitea'

/** Per provider: the tab, the one host dFlow supports (null = any), why others fail, and dFlow's token advice. */
export const DFLOW_PROVIDERS: Readonly<
  Record<
    ProviderId,
    {
      readonly tab: DflowProviderTab
      readonly onlyHost: string | null
      readonly why: string | null
      readonly advice: string | null
    }
  >
> = {
  github: {
    tab: 'github',
    onlyHost: 'github.com',
    why: "dFlow's GitHub form only accepts https://github.com/<owner>/<repo> (GithubForm.tsx githubURLRegex), so GitHub Enterprise Server is not supported.",
    advice: null,
  },
  gitlab: { tab: 'gitlab', onlyHost: null, why: null, advice: null },
  bitbucket: {
    tab: 'bitbucket',
    onlyHost: 'bitbucket.org',
    why: 'dFlow runs dokku git:auth with the host fixed to bitbucket.org, so Bitbucket Data Center is not supported.',
    advice: "dFlow's docs suggest a workspace or repository access token.",
  },
  azure: {
    tab: 'azureDevOps',
    onlyHost: 'dev.azure.com',
    why: 'dFlow runs dokku git:auth with the host fixed to dev.azure.com, so Azure DevOps Server and *.visualstudio.com remotes are not supported.',
    advice: 'dFlow requires a token for Azure DevOps; scope it to the one organisation.',
  },
  gitea: { tab: 'gitea', onlyHost: null, why: null, advice: null },
}
