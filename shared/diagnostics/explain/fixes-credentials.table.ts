import type { FixSet } from './explain.types'
import { LINKS, adviceFix, openFix } from './provider-links.table'

/** Shared advice: make the credential helper forget what it stored for the host. */
export const clearHelper = adviceFix(
  'Clear the stale credential',
  'Remove the stored entry for this host from the credential helper (Windows Credential Manager, macOS Keychain, git credential reject) so the token GitKeys holds is used.',
)

/** Fixes when the credential itself is refused, expired or of a retired kind. */
export const CREDENTIAL_FIXES = {
  bad_credentials: {
    generic: [
      adviceFix(
        'Replace the token in GitKeys',
        'Paste the token again (a truncated copy is common), or create a new one if it was revoked.',
      ),
      clearHelper,
    ],
    byProvider: {
      github: [
        openFix(
          'Create a new GitHub token',
          'A classic PAT needs `repo` (add `workflow` to change .github/workflows); a fine-grained PAT needs Contents: Read and write on the repository.',
          LINKS.githubTokens,
        ),
        clearHelper,
      ],
      gitlab: [
        openFix(
          'Create a new GitLab token',
          'Use a personal, project or group access token with `read_repository` (clone) or `write_repository` (push) as the password; any username works.',
          LINKS.gitlabTokens,
        ),
        clearHelper,
      ],
      bitbucket: [
        openFix(
          'Create a Bitbucket API token',
          'Use an API token with read:repository:bitbucket (and write:repository:bitbucket to push) together with your Bitbucket username, not your email.',
          LINKS.bitbucketCreateApiToken,
        ),
        clearHelper,
      ],
      bitbucket_server: [
        openFix(
          'Create an HTTP access token',
          'Personal HTTP access tokens go with your Bitbucket username; project and repository tokens must be sent as a Bearer header.',
          LINKS.bitbucketServerTokens,
        ),
        clearHelper,
      ],
      azure: [
        openFix(
          'Create a new Azure DevOps PAT',
          'Scope it to the organisation with Code (Read) or Code (Read & write) = vso.code_write; the username can be anything.',
          LINKS.azureTokenPage,
        ),
        clearHelper,
      ],
      azure_devops_server: [
        openFix(
          'Create a new PAT on the server',
          'Create it on your Azure DevOps Server (user settings > Personal access tokens); NTLM sign-in from outside the domain often fails where a PAT works.',
          LINKS.azureServerPats,
        ),
        clearHelper,
      ],
      gitea: [
        openFix(
          'Create a new Gitea/Forgejo token',
          'Give it read:repository (clone) or write:repository (push) and use it as the password with your username.',
          LINKS.giteaTokens,
        ),
        clearHelper,
      ],
    },
  },
  expired_token: {
    generic: [
      adviceFix(
        'Renew the token and replace it everywhere',
        'Create a new token, update it in GitKeys and in every CI secret or helper that held the old one.',
      ),
      clearHelper,
    ],
    byProvider: {
      github: [
        openFix(
          'Regenerate the GitHub token',
          'On the token page choose Regenerate (keeps the scopes) or create a new one with an expiry you track.',
          LINKS.githubTokens,
        ),
        clearHelper,
      ],
      gitlab: [
        openFix(
          'Rotate the GitLab token',
          'GitLab tokens stop at 00:00 UTC on their expiry date and last at most 365 days; OAuth tokens must be refreshed.',
          LINKS.gitlabTokens,
        ),
        clearHelper,
      ],
      bitbucket: [
        openFix(
          'Create a new Bitbucket API token',
          'Expired OAuth/access tokens cannot be renewed; create a new API token (or access token) with the same scopes.',
          LINKS.bitbucketCreateApiToken,
        ),
        clearHelper,
      ],
      bitbucket_server: [
        openFix(
          'Create a new HTTP access token',
          'Data Center tokens can be created with an expiry; make a new one with the same permissions.',
          LINKS.bitbucketServerTokens,
        ),
        clearHelper,
      ],
      azure: [
        openFix(
          'Renew the Azure DevOps PAT',
          'Edit the PAT to extend it or create a new one; policies may cap the lifetime (e.g. 7 days).',
          LINKS.azureTokenPage,
        ),
        clearHelper,
      ],
      azure_devops_server: [
        openFix(
          'Renew the PAT on the server',
          'Regenerate it in the server’s user settings and update it in GitKeys.',
          LINKS.azureServerPats,
        ),
        clearHelper,
      ],
      gitea: [
        openFix(
          'Create a new Gitea/Forgejo token',
          'Gitea tokens do not carry an expiry of their own; an OAuth token may. Create a new token.',
          LINKS.giteaTokens,
        ),
        clearHelper,
      ],
    },
  },
  password_auth_removed: {
    generic: [
      adviceFix(
        'Use a token instead of the account password',
        'Create an access token on the provider and store it in GitKeys; git then sends it as the password.',
      ),
    ],
    byProvider: {
      github: [
        openFix(
          'Create a GitHub personal access token',
          'Since 2021-08-13 GitHub accepts only tokens (or SSH keys) for Git; use the token as the password.',
          LINKS.githubTokens,
        ),
        openFix(
          'Read GitHub’s HTTPS guidance',
          'How tokens replace passwords for Git over HTTPS.',
          LINKS.githubHttpsClone,
        ),
      ],
      bitbucket: [
        openFix(
          'Create a Bitbucket API token',
          'Account passwords (since 2022-03-01) and app passwords (since 2026-07-28) no longer work; use an API token with your Bitbucket username or x-bitbucket-api-token-auth.',
          LINKS.bitbucketCreateApiToken,
        ),
        openFix(
          'Read about API tokens',
          'Scopes and usernames for Git with API tokens.',
          LINKS.bitbucketApiTokens,
        ),
      ],
      azure: [
        openFix(
          'Create an organisation-scoped PAT',
          'Global (all organisations) PATs stopped working on 2026-12-01; create a PAT for one organisation.',
          LINKS.azurePats,
        ),
      ],
      gitlab: [
        openFix(
          'Create a GitLab personal access token',
          'When password sign-in for Git is disabled by the administrator, only tokens work.',
          LINKS.gitlabTokens,
        ),
      ],
    },
  },
} as const satisfies Readonly<Record<string, FixSet>>
