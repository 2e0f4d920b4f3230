import type { Deployment, ProviderId } from '../../domain/provider'

/**
 * Environment variables that hold Git host tokens and the tools that read them. Git itself reads
 * none of them; they reach git only through a credential helper that is such a tool (`gh auth
 * git-credential`, `glab auth git-credential`). The collector in main reads exactly these names.
 */

/** One token variable: which provider it is for, who reads it, and the helper that hands it to git. */
export type EnvTokenVariable = {
  readonly name: string
  readonly provider: ProviderId
  /** null: any deployment. */
  readonly deployment: Deployment | null
  readonly readBy: string
  /** A credential.helper value that passes this variable to git, or null when none does. */
  readonly helper: RegExp | null
  readonly source: string
}

const GH = /\bgh(\.exe)?\s+auth\s+git-credential\b/
const GLAB = /\bglab(\.exe)?\s+auth\s+git-credential\b/
const GH_SRC = 'cli/cli "gh help environment" (GH_TOKEN, GITHUB_TOKEN, GH_ENTERPRISE_TOKEN)'
const GLAB_SRC =
  'gitlab-org/cli docs "Environment variables" (GITLAB_TOKEN, GITLAB_ACCESS_TOKEN, OAUTH_TOKEN)'

/** The variables GitKeys looks for (users-and-anchors.md §4 idea 5). */
export const ENV_TOKEN_VARIABLES: readonly EnvTokenVariable[] = [
  {
    name: 'GH_TOKEN',
    provider: 'github',
    deployment: 'cloud',
    readBy: 'gh (GitHub CLI)',
    helper: GH,
    source: GH_SRC,
  },
  {
    name: 'GITHUB_TOKEN',
    provider: 'github',
    deployment: 'cloud',
    readBy: 'gh, GitHub Actions tooling',
    helper: GH,
    source: GH_SRC,
  },
  {
    name: 'GH_ENTERPRISE_TOKEN',
    provider: 'github',
    deployment: 'self_hosted',
    readBy: 'gh for GitHub Enterprise hosts',
    helper: GH,
    source: GH_SRC,
  },
  {
    name: 'GITHUB_ENTERPRISE_TOKEN',
    provider: 'github',
    deployment: 'self_hosted',
    readBy: 'gh for GitHub Enterprise hosts',
    helper: GH,
    source: GH_SRC,
  },
  {
    name: 'GITLAB_TOKEN',
    provider: 'gitlab',
    deployment: null,
    readBy: 'glab (GitLab CLI)',
    helper: GLAB,
    source: GLAB_SRC,
  },
  {
    name: 'GITLAB_ACCESS_TOKEN',
    provider: 'gitlab',
    deployment: null,
    readBy: 'glab',
    helper: GLAB,
    source: GLAB_SRC,
  },
  {
    name: 'GL_TOKEN',
    provider: 'gitlab',
    deployment: null,
    readBy: 'semantic-release and other CI tools',
    helper: null,
    source: 'semantic-release/gitlab README',
  },
  {
    name: 'CI_JOB_TOKEN',
    provider: 'gitlab',
    deployment: null,
    readBy: 'GitLab CI jobs',
    helper: null,
    source: 'GitLab CI predefined variables',
  },
  {
    name: 'BITBUCKET_TOKEN',
    provider: 'bitbucket',
    deployment: null,
    readBy: 'CI tools and scripts',
    helper: null,
    source: 'convention (no official reader)',
  },
  {
    name: 'BITBUCKET_ACCESS_TOKEN',
    provider: 'bitbucket',
    deployment: 'cloud',
    readBy: 'Bitbucket Pipelines scripts, Flipt examples',
    helper: null,
    source: 'flipt-v2.md §6.3',
  },
  {
    name: 'AZURE_DEVOPS_EXT_PAT',
    provider: 'azure',
    deployment: null,
    readBy: 'az devops (Azure CLI extension)',
    helper: null,
    source: 'learn.microsoft.com azure/devops/cli/log-in-via-pat',
  },
  {
    name: 'SYSTEM_ACCESSTOKEN',
    provider: 'azure',
    deployment: null,
    readBy: 'Azure Pipelines jobs',
    helper: null,
    source: 'learn.microsoft.com azure/devops/pipelines/build/variables',
  },
  {
    name: 'GITEA_TOKEN',
    provider: 'gitea',
    deployment: null,
    readBy: 'tea (Gitea CLI) and CI tools',
    helper: null,
    source: 'gitea.com/gitea/tea README',
  },
  {
    name: 'FORGEJO_TOKEN',
    provider: 'gitea',
    deployment: null,
    readBy: 'Forgejo Actions and CI tools',
    helper: null,
    source: 'forgejo.org docs (Actions)',
  },
]
