import type { ExplainProvider } from './explain.types'

/** A text marker that points at a provider, with a weight: hosts weigh most, message wording less. */
export type ProviderMarker = {
  readonly provider: ExplainProvider
  readonly pattern: RegExp
  readonly weight: number
  readonly source: string
}

/**
 * Markers that tell which provider produced a text (hosts, token prefixes, error codes, wording).
 * Sources: providers.md §0 (token prefixes), §6 (URL shapes), and the messages cited in the signal tables.
 */
export const PROVIDER_MARKERS: readonly ProviderMarker[] = [
  // GitHub
  { provider: 'github', pattern: /\b(?:api\.)?github\.com\b/i, weight: 5, source: 'providers.md §6' },
  {
    provider: 'github',
    pattern: /\bgithubusercontent\.com\b|\bdocs\.github\.com\b|\bgithub\.blog\b/i,
    weight: 3,
    source: 'providers.md §6',
  },
  {
    provider: 'github',
    pattern: /\b(?:gh[pousr]_|github_pat_)[A-Za-z0-9_]/,
    weight: 4,
    source: 'providers.md §0',
  },
  {
    provider: 'github',
    pattern:
      /Support for password authentication was removed|Password authentication is not (?:available|supported) for Git operations/i,
    weight: 3,
    source: 'github.blog 2020-12-15 token authentication requirements',
  },
  {
    provider: 'github',
    pattern:
      /organization has enabled or enforced SAML SSO|SAML enforcement|refusing to allow an? (?:Personal Access Token|OAuth App|GitHub App)|Permission to \S+ denied to|GH00\d:|X-GitHub-/i,
    weight: 3,
    source: 'GitHub git server messages',
  },
  { provider: 'github', pattern: /\bGitHub\b/, weight: 1, source: 'wording' },
  // GitLab
  { provider: 'gitlab', pattern: /\bgitlab\.com\b/i, weight: 5, source: 'providers.md §6' },
  {
    provider: 'gitlab',
    pattern: /\bgitlab[\w-]*\.\S/i,
    weight: 3,
    source: 'self-managed hosts usually carry the name (kubescape/go-git-url rule, flipt-v2.md §3.2)',
  },
  {
    provider: 'gitlab',
    pattern:
      /HTTP Basic: Access denied|You are not allowed to (?:push|download) code|The project you were looking for could not be found|gitlab-ci-token|gitlab\+deploy-token|\/api\/v4\/|\/-\/(?:tree|blob|merge_requests)\b/i,
    weight: 4,
    source: 'GitLab messages (lib/gitlab/auth.rb, docs troubleshooting_git)',
  },
  {
    provider: 'gitlab',
    pattern: /\bgl(?:pat|dt|rt|cbt|ptt|ft|oas)-/,
    weight: 4,
    source: 'providers.md §1.2',
  },
  { provider: 'gitlab', pattern: /\bGitLab\b/, weight: 2, source: 'wording' },
  // Bitbucket Cloud
  { provider: 'bitbucket', pattern: /\b(?:api\.)?bitbucket\.org\b/i, weight: 5, source: 'providers.md §6' },
  {
    provider: 'bitbucket',
    pattern:
      /x-token-auth|x-bitbucket-api-token-auth|atlassian\.community|id\.atlassian\.com|\bATBB[A-Za-z0-9]|\bAT[AC]TT3|Bitbucket Cloud|app passwords?\b/i,
    weight: 3,
    source: 'providers.md §1.3, §2',
  },
  { provider: 'bitbucket', pattern: /\bBitbucket\b/, weight: 2, source: 'wording' },
  // Bitbucket Data Center / Server
  {
    provider: 'bitbucket_server',
    pattern: /https?:\/\/[^\s'"/]+(?::\d+)?\/(?:[^\s'"/]+\/)?scm\/~?[^\s'"/]+\/[^\s'"/]+/i,
    weight: 4,
    source: 'providers.md §6 (/scm/{KEY}/{repo}.git)',
  },
  {
    provider: 'bitbucket_server',
    pattern:
      /:799[09]\b|port 799[09]\b|\bBBDC-|com\.atlassian\.bitbucket|Bitbucket (?:Server|Data Center)|\/rest\/api\/(?:1\.0|latest)\//i,
    weight: 4,
    source: 'providers.md §1.3, §5, §6',
  },
  {
    provider: 'bitbucket_server',
    pattern: /\bbitbucket\.(?!org\b)[\w-]+\.[a-z]/i,
    weight: 2,
    source: 'self-hosted hostnames',
  },
  // Azure DevOps Services
  {
    provider: 'azure',
    pattern: /\bdev\.azure\.com\b|\b[\w-]+\.visualstudio\.com\b|ssh\.dev\.azure\.com/i,
    weight: 5,
    source: 'providers.md §6',
  },
  {
    provider: 'azure',
    pattern:
      /\bTF4\d{5}\b|\bVS40\d{4}\b|\bAADSTS\d+|Microsoft\.(?:TeamFoundation|VisualStudio)\.|GenericContribute|Azure DevOps\b(?! Server)/i,
    weight: 2,
    source: 'Azure DevOps error codes',
  },
  // Azure DevOps Server (TFS)
  {
    provider: 'azure_devops_server',
    pattern:
      /https?:\/\/[^\s'"/]+\/tfs\/|\/DefaultCollection\/|Team Foundation Server|Azure DevOps Server|\bTF3\d{4}\b/i,
    weight: 4,
    source: 'providers.md §6 (/tfs/{collection}/…)',
  },
  {
    provider: 'azure_devops_server',
    pattern:
      /https?:\/\/(?![\w.-]*(?:dev\.azure\.com|visualstudio\.com))[^\s'"/]+\/[^\s'"/]+\/[^\s'"/]+\/_git\//i,
    weight: 3,
    source: 'providers.md §6 ({collection}/{project}/_git/{repo} on your own host)',
  },
  // Gitea / Forgejo (Gogs)
  {
    provider: 'gitea',
    pattern: /\bGitea\b|\bForgejo\b|\bGogs\b|codeberg\.org|\bgitea\.[a-z]|\bforgejo\.[a-z]/i,
    weight: 4,
    source: 'Gitea/Forgejo hooks prefix messages with the product name',
  },
]
