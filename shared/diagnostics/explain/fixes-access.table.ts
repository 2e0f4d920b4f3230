import type { FixSet } from './explain.types'
import { LINKS, adviceFix, openFix } from './provider-links.table'

/** Fixes when the account is known but cannot reach the repository, branch or API. */
export const ACCESS_FIXES = {
  insufficient_scope: {
    generic: [
      adviceFix(
        'Give the token write access',
        'Create or edit the token so it may push to this repository, and check your role on it.',
      ),
    ],
    byProvider: {
      github: [
        openFix(
          'Add the missing GitHub permission',
          'Classic PAT: `repo` (or `public_repo`), plus `workflow` to change .github/workflows. Fine-grained PAT: Contents: Read and write (and Workflows: Read and write) on this repository.',
          LINKS.githubTokens,
        ),
        openFix(
          'Fine-grained permissions reference',
          'Which permission each operation needs.',
          LINKS.githubFineGrainedPermissions,
        ),
      ],
      gitlab: [
        openFix(
          'Create a token with write_repository',
          'Pushing needs `write_repository` (or `api`) and at least the Developer role; protected branches may need Maintainer.',
          LINKS.gitlabTokens,
        ),
        openFix('GitLab roles and permissions', 'What each role may push.', LINKS.gitlabPermissions),
      ],
      bitbucket: [
        openFix(
          'Add write:repository:bitbucket',
          'API tokens need read:repository:bitbucket and write:repository:bitbucket to push; access tokens need repository:write (with username x-token-auth).',
          LINKS.bitbucketApiTokenPermissions,
        ),
      ],
      bitbucket_server: [
        openFix(
          'Give the HTTP access token Repository write',
          'Data Center tokens need Repository write to push; they can never merge.',
          LINKS.bitbucketServerTokens,
        ),
      ],
      azure: [
        openFix(
          'Create a PAT with Code (Read & write)',
          'The scope is vso.code_write. For pipelines, grant Contribute on the repository to the build service identity named in the message.',
          LINKS.azureTokenPage,
        ),
        openFix(
          'Set Git repository permissions',
          'Contribute / GenericContribute for users and build identities.',
          LINKS.azureGitPermissions,
        ),
      ],
      azure_devops_server: [
        openFix(
          'Grant Contribute on the repository',
          'TF401027 names the identity (often the project build service) that needs the Contribute permission.',
          LINKS.azureGitPermissions,
        ),
      ],
      gitea: [
        openFix(
          'Give the token write:repository',
          'Scoped Gitea/Forgejo tokens need write:repository to push.',
          LINKS.forgejoTokenScopes,
        ),
      ],
    },
  },
  repo_not_found_or_no_access: {
    generic: [
      adviceFix(
        'Check the repository URL',
        'Compare owner, repository name and path with the provider page; copy the HTTPS clone URL, not the browser URL.',
      ),
      adviceFix(
        'Check the account has access',
        'Private repositories look "not found" to accounts without access; ask for access or use the account that has it.',
      ),
    ],
    byProvider: {
      github: [
        adviceFix(
          'Check the URL and the account',
          'GitHub answers 404 for private repositories the token cannot see. "denied to <name>" names the account the stored credential belongs to.',
        ),
        openFix('GitHub cloning errors', 'Repository not found and access errors.', LINKS.githubRepoNotFound),
      ],
      gitlab: [
        adviceFix(
          'Check the project path and your role',
          'Include every subgroup in the path; private projects need at least Reporter to clone and Developer to push.',
        ),
        openFix('GitLab roles and permissions', 'What each role may read and push.', LINKS.gitlabPermissions),
      ],
      bitbucket: [
        adviceFix(
          'Check workspace, repository and token access',
          'Access tokens only reach their own repository/project/workspace; API tokens need read:repository:bitbucket.',
        ),
      ],
      azure: [
        adviceFix(
          'Check organisation, project and repository',
          'URLs are https://dev.azure.com/{org}/{project}/_git/{repo}, without a trailing .git; TF401019 also means no Read permission.',
        ),
        openFix(
          'Set Git repository permissions',
          'Read permission for users and build identities.',
          LINKS.azureGitPermissions,
        ),
      ],
      azure_devops_server: [
        adviceFix(
          'Check collection, project and repository',
          'Server URLs are https://host/tfs/{collection}/{project}/_git/{repo} (or without /tfs on newer installs); the collection URL must not include the project.',
        ),
      ],
    },
  },
  sso_required: {
    generic: [
      adviceFix(
        'Authorise the token for single sign-on',
        'Open the organization’s SSO page, sign in with the identity provider and authorise the token or app.',
      ),
    ],
    byProvider: {
      github: [
        openFix(
          'Authorize the token for SAML SSO',
          'On the token page choose "Configure SSO" > Authorize next to the organization; OAuth apps (GitHub Desktop, gh) must be re-authorised.',
          LINKS.githubSso,
        ),
        openFix('Open your tokens', 'Find the token GitKeys uses and authorise it.', LINKS.githubTokens),
      ],
    },
  },
  ip_or_policy_blocked: {
    generic: [
      adviceFix(
        'Connect from an allowed network or ask an administrator',
        'Use the company network or VPN, or have the administrator allow this IP or lift the account block.',
      ),
    ],
    byProvider: {
      github: [
        openFix(
          'GitHub IP allow lists',
          'An organization owner can add this IP (or the CI runner range) to the allow list.',
          LINKS.githubIpAllowList,
        ),
      ],
      gitlab: [
        openFix(
          'Unlock the GitLab account',
          'Accounts are blocked or locked after failed sign-ins or by an administrator; an admin or the unlock e-mail reopens them.',
          LINKS.gitlabUnlock,
        ),
      ],
      bitbucket: [
        openFix(
          'Bitbucket IP allowlisting',
          'Workspace admins control the allowed IP ranges.',
          LINKS.bitbucketIpAllowlist,
        ),
      ],
      azure: [
        openFix(
          'Conditional Access and Azure DevOps',
          'Entra ID Conditional Access (allowed locations) also applies to PATs used by git; ask the tenant admin to allow this IP.',
          LINKS.azureConditionalAccess,
        ),
      ],
    },
  },
  rate_limited: {
    generic: [
      adviceFix(
        'Wait and retry with fewer requests',
        'Slow down parallel clones and API calls; authenticated requests get higher limits.',
      ),
    ],
    byProvider: {
      github: [
        openFix(
          'GitHub rate limits',
          'Authenticate requests (5,000/h instead of 60/h per IP) and honour Retry-After.',
          LINKS.githubRateLimits,
        ),
      ],
      gitlab: [
        openFix(
          'GitLab.com rate limits',
          'Limits per endpoint and per user; back off on 429 and honour Retry-After.',
          LINKS.gitlabRateLimits,
        ),
      ],
      bitbucket: [
        openFix(
          'Bitbucket API request limits',
          'Hourly limits per resource; authenticated requests get more.',
          LINKS.bitbucketRateLimits,
        ),
      ],
      azure: [
        openFix(
          'Azure DevOps rate limits',
          'TSTU-based throttling; back off when responses carry Retry-After.',
          LINKS.azureRateLimits,
        ),
      ],
    },
  },
  branch_not_found: {
    generic: [
      adviceFix(
        'Check the branch name on the remote',
        'List remote branches with `git ls-remote --heads <url>`; the branch may live only in a fork or upstream, or have been deleted.',
      ),
      adviceFix(
        'Push an existing ref',
        'For "src refspec … does not match any", commit first or push `HEAD:<branch>` from a detached checkout (CI).',
      ),
    ],
    byProvider: {},
  },
} as const satisfies Readonly<Record<string, FixSet>>
