import type { FixSet } from './explain.types'
import { LINKS, adviceFix, openFix } from './provider-links.table'

/** Fixes when the secret may be fine but is paired wrongly, missing, or blocked by a second factor. */
export const IDENTITY_FIXES = {
  wrong_username: {
    generic: [
      adviceFix(
        'Check the username paired with the token',
        'Some tokens need a fixed username; a username in the remote URL overrides the one GitKeys sends.',
      ),
    ],
    byProvider: {
      gitlab: [
        openFix(
          'Use the username the token kind needs',
          'OAuth tokens need `oauth2`, deploy tokens their own username (gitlab+deploy-token-<id>), job tokens `gitlab-ci-token`; personal tokens accept any username.',
          LINKS.gitlabDeployTokens,
        ),
      ],
      bitbucket: [
        openFix(
          'Use the username the token kind needs',
          'Repository/project/workspace access tokens need `x-token-auth`; API tokens and app passwords need your Bitbucket username (or x-bitbucket-api-token-auth for API tokens), never the email.',
          LINKS.bitbucketAccessTokens,
        ),
        openFix(
          'Read about API tokens',
          'Git with API tokens: username or x-bitbucket-api-token-auth.',
          LINKS.bitbucketApiTokens,
        ),
      ],
      bitbucket_server: [
        openFix(
          'Send the token the way its kind needs',
          'Personal HTTP access tokens go with your Bitbucket username (not the token name); project/repository tokens only as "Authorization: Bearer <token>".',
          LINKS.bitbucketServerTokens,
        ),
      ],
      github: [
        adviceFix(
          'Check which account the credential belongs to',
          'GitHub ignores the username for tokens but names the account the token belongs to; a stored token of another account gives "denied to <other account>".',
        ),
      ],
    },
  },
  credentials_missing: {
    generic: [
      adviceFix(
        'Let GitKeys supply the credential',
        'Run the command through GitKeys (or its credential helper) so a token is sent when git cannot prompt, e.g. in CI, editors or go get.',
      ),
      openFix(
        'How git finds credentials',
        'Credential helpers and how git asks for a username and password.',
        LINKS.gitCredentials,
      ),
    ],
    byProvider: {
      github: [
        adviceFix(
          'Let GitKeys supply the GitHub token',
          'With prompts disabled git cannot ask for the token; configure the GitKeys credential helper for github.com. Check the URL too: a misspelled repository also asks for credentials.',
        ),
        openFix(
          'How git finds credentials',
          'Credential helpers and how git asks for a username and password.',
          LINKS.gitCredentials,
        ),
      ],
      gitlab: [
        adviceFix(
          'Supply the token (and check it is not empty)',
          'In CI a variable such as $TOKEN may be empty, leaving "user:@host" in the URL; deploy tokens need their username and the token.',
        ),
        openFix(
          'GitLab deploy tokens',
          'Username and token pairs for clones from automation.',
          LINKS.gitlabDeployTokens,
        ),
      ],
      azure: [
        adviceFix(
          'Supply a PAT',
          'Azure DevOps refuses anonymous access; store a PAT (any username) or use the Git Credential Manager.',
        ),
      ],
      azure_devops_server: [
        adviceFix(
          'Supply credentials for the server',
          'The server refused anonymous access: store a PAT for it, or enable Windows authentication in the credential helper.',
        ),
      ],
    },
  },
  two_factor_required: {
    generic: [
      adviceFix(
        'Use a token instead of the password',
        'With two-factor authentication on, Git over HTTPS needs an access token (or app password) as the password.',
      ),
    ],
    byProvider: {
      github: [
        openFix(
          'Create a GitHub personal access token',
          'With 2FA enabled, use a token as the password for Git over HTTPS.',
          LINKS.githubTwoFactor,
        ),
      ],
      gitlab: [
        openFix(
          'Create a GitLab personal access token',
          'With 2FA enabled use a token with read_repository/write_repository as the password.',
          LINKS.gitlabTokens,
        ),
        openFix(
          'GitLab 2FA troubleshooting',
          'Why "HTTP Basic: Access denied" appears with 2FA.',
          LINKS.gitlabTwoFactor,
        ),
      ],
      bitbucket: [
        openFix(
          'Create a Bitbucket API token',
          'With two-step verification use an API token with your Bitbucket username (app passwords are retired).',
          LINKS.bitbucketCreateApiToken,
        ),
      ],
    },
  },
} as const satisfies Readonly<Record<string, FixSet>>
