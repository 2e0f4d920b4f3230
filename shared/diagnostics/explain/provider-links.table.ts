import type { Fix } from '../../domain/finding'

/**
 * Provider docs and settings pages the fixes open. Only https pages of the providers (and of git
 * itself); self-hosted instances get the vendor's docs, never a guessed host.
 */
export const LINKS = {
  githubTokens: 'https://github.com/settings/tokens',
  githubFineGrained: 'https://github.com/settings/personal-access-tokens',
  githubPatDocs:
    'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens',
  githubFineGrainedPermissions:
    'https://docs.github.com/en/rest/authentication/permissions-required-for-fine-grained-personal-access-tokens',
  githubHttpsClone:
    'https://docs.github.com/en/get-started/getting-started-with-git/about-remote-repositories#cloning-with-https-urls',
  githubSso:
    'https://docs.github.com/en/enterprise-cloud@latest/authentication/authenticating-with-saml-single-sign-on/authorizing-a-personal-access-token-for-use-with-saml-single-sign-on',
  githubIpAllowList:
    'https://docs.github.com/en/enterprise-cloud@latest/organizations/keeping-your-organization-secure/managing-allowed-ip-addresses-for-your-organization',
  githubRateLimits: 'https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api',
  githubRepoNotFound:
    'https://docs.github.com/en/repositories/creating-and-managing-repositories/troubleshooting-cloning-errors',
  githubTwoFactor:
    'https://docs.github.com/en/authentication/securing-your-account-with-two-factor-authentication-2fa/accessing-github-using-two-factor-authentication',
  githubSshTroubleshooting: 'https://docs.github.com/en/authentication/troubleshooting-ssh',
  gitlabTokens: 'https://gitlab.com/-/user_settings/personal_access_tokens',
  gitlabPatDocs: 'https://docs.gitlab.com/user/profile/personal_access_tokens/',
  gitlabTwoFactor:
    'https://docs.gitlab.com/ee/user/profile/account/two_factor_authentication_troubleshooting',
  gitlabDeployTokens: 'https://docs.gitlab.com/user/project/deploy_tokens/',
  gitlabOauth: 'https://docs.gitlab.com/api/oauth2/',
  gitlabRateLimits: 'https://docs.gitlab.com/user/gitlab_com/#rate-limits-on-gitlabcom',
  gitlabUnlock: 'https://docs.gitlab.com/security/unlock_user/',
  gitlabGitTroubleshooting: 'https://docs.gitlab.com/topics/git/troubleshooting_git/',
  gitlabPermissions: 'https://docs.gitlab.com/user/permissions/',
  bitbucketApiTokens: 'https://support.atlassian.com/bitbucket-cloud/docs/using-api-tokens/',
  bitbucketApiTokenPermissions: 'https://support.atlassian.com/bitbucket-cloud/docs/api-token-permissions/',
  bitbucketCreateApiToken: 'https://id.atlassian.com/manage-profile/security/api-tokens',
  bitbucketAccessTokens: 'https://support.atlassian.com/bitbucket-cloud/docs/using-access-tokens/',
  bitbucketAppPasswords: 'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/',
  bitbucketRateLimits: 'https://support.atlassian.com/bitbucket-cloud/docs/api-request-limits/',
  bitbucketTwoStep: 'https://support.atlassian.com/bitbucket-cloud/docs/enable-two-step-verification/',
  bitbucketIpAllowlist:
    'https://support.atlassian.com/bitbucket-cloud/docs/control-access-to-your-private-content/',
  bitbucketServerTokens: 'https://confluence.atlassian.com/bitbucketserver/http-access-tokens-939515499.html',
  azurePats:
    'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate',
  azureTokenPage: 'https://dev.azure.com/_usersSettings/tokens',
  azureScopes:
    'https://learn.microsoft.com/en-us/azure/devops/integrate/get-started/authentication/oauth#scopes',
  azureGitPermissions:
    'https://learn.microsoft.com/en-us/azure/devops/repos/git/set-git-repository-permissions',
  azureConditionalAccess:
    'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/change-application-access-policies',
  azureRateLimits: 'https://learn.microsoft.com/en-us/azure/devops/integrate/concepts/rate-limits',
  azureServerPats:
    'https://learn.microsoft.com/en-us/azure/devops/organizations/accounts/use-personal-access-tokens-to-authenticate?view=azure-devops-2022',
  giteaTokens: 'https://docs.gitea.com/development/api-usage#generating-and-listing-api-tokens',
  forgejoTokenScopes: 'https://forgejo.org/docs/latest/user/token-scope/',
  gitCredentials: 'https://git-scm.com/docs/gitcredentials',
  gitProxy: 'https://git-scm.com/docs/git-config#Documentation/git-config.txt-httpproxy',
  gitSslCaInfo: 'https://git-scm.com/docs/git-config#Documentation/git-config.txt-httpsslCAInfo',
  gitSchannelRevoke:
    'https://git-scm.com/docs/git-config#Documentation/git-config.txt-httpschannelCheckRevoke',
  gitPostBuffer: 'https://git-scm.com/docs/git-config#Documentation/git-config.txt-httppostBuffer',
} as const

/** A fix that opens a provider page. */
export function openFix(label: string, detail: string, url: string): Fix {
  return { label, detail, action: { kind: 'open_url', url } }
}

/** A fix that is only advice. */
export function adviceFix(label: string, detail: string): Fix {
  return { label, detail }
}
