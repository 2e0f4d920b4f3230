import type { Signal } from './explain.types'

/**
 * Signals about the credential itself: rejected, expired, a password where a token is needed, the
 * wrong username, no credential at all, 2FA and SSO. Weights: 3 decides, 2 is strong, 1 supports,
 * below 1 keeps an alternative in the ranking.
 */
export const AUTH_SIGNALS: readonly Signal[] = [
  {
    id: 'github.password_removed',
    pattern: /Support for password authentication was removed/i,
    weights: { password_auth_removed: 3, expired_token: 1.4, bad_credentials: 1.2 },
    providers: ['github'],
    source:
      'https://github.blog/2020-12-15-token-authentication-requirements-for-git-operations/ ; GitHub sends the same text for an expired or mistyped token: https://github.com/sublimehq/sublime_merge/issues/1273',
  },
  {
    id: 'github.password_not_available',
    pattern: /Password authentication is not (?:available|supported) for Git operations/i,
    weights: { password_auth_removed: 2.6, bad_credentials: 1.6, expired_token: 1.3 },
    providers: ['github'],
    source:
      'https://github.com/desktop/desktop/issues/14801 (GHES); https://github.com/Kilo-Org/cloud/issues/1861',
  },
  {
    id: 'generic.invalid_username_or_password',
    pattern: /Invalid username or (?:password|token)/i,
    weights: {
      bad_credentials: 2,
      expired_token: 1.3,
      two_factor_required: 0.8,
      password_auth_removed: 0.7,
      wrong_username: 0.6,
    },
    source:
      'GitHub and Bitbucket Cloud 401 text: https://confluence.atlassian.com/bbkb/authentication-error-remote-invalid-username-or-password-942864127.html',
  },
  {
    id: 'bitbucket.invalid_credentials',
    pattern: /(?:fatal|remote): Invalid credentials/i,
    weights: { bad_credentials: 1.8, wrong_username: 1.2, password_auth_removed: 0.8 },
    providers: ['bitbucket', 'bitbucket_server'],
    source:
      'https://confluence.atlassian.com/bbkb/authentication-error-remote-invalid-username-or-password-942864127.html',
  },
  {
    id: 'gitlab.http_basic_denied',
    pattern: /HTTP Basic: Access denied/i,
    weights: {
      bad_credentials: 2,
      expired_token: 1.2,
      two_factor_required: 0.9,
      insufficient_scope: 0.4,
      credentials_missing: 0.3,
    },
    providers: ['gitlab'],
    source: 'https://docs.gitlab.com/ee/user/profile/account/two_factor_authentication_troubleshooting',
  },
  {
    id: 'gitlab.token_incorrect_expired_or_scoped',
    pattern: /If a token was provided, it was either incorrect, expired, or improperly scoped/i,
    weights: { bad_credentials: 0.8, expired_token: 0.8, insufficient_scope: 0.5, two_factor_required: 0.5 },
    providers: ['gitlab'],
    source: 'https://docs.gitlab.com/ee/user/profile/account/two_factor_authentication_troubleshooting',
  },
  {
    id: 'gitlab.pat_required_for_2fa',
    pattern:
      /You must use a personal access token with '?(?:api|read_repository|write_repository)'? scope for Git over HTTP/i,
    weights: { two_factor_required: 3, password_auth_removed: 0.8 },
    providers: ['gitlab'],
    source:
      'https://stackoverflow.com/questions/51658549/how-to-use-git-commands-after-enable-gitlabs-second-factor-authentication',
  },
  {
    id: 'bitbucket.two_step_enabled',
    pattern: /Because you enabled two-step verification|two-step verification (?:is|was) enabled/i,
    weights: { two_factor_required: 3, password_auth_removed: 0.6 },
    source: 'https://github.com/maks/MGit/issues/569',
  },
  {
    id: 'bitbucket.two_step_conditional',
    pattern: /If your organization manages your account or you.ve enabled two-step verification/i,
    weights: { bad_credentials: 1, two_factor_required: 0.9, wrong_username: 0.9 },
    providers: ['bitbucket'],
    source:
      'https://confluence.atlassian.com/bbkb/authentication-error-remote-invalid-username-or-password-942864127.html',
  },
  {
    id: 'generic.2fa_wording',
    pattern: /two-factor authentication|\b2FA\b|one-time password|OTP code/i,
    weights: { two_factor_required: 0.7 },
    source: 'provider wording for second factors',
  },
  {
    id: 'bitbucket.account_password_removed',
    pattern:
      /stopped supporting account passwords|account passwords? (?:is|are) no longer (?:supported|accepted)/i,
    weights: { password_auth_removed: 3 },
    providers: ['bitbucket'],
    source:
      'https://bitbucket.org/blog/deprecating-atlassian-account-password-for-bitbucket-api-and-git-activity',
  },
  {
    id: 'bitbucket.app_password_retired',
    pattern:
      /App passwords? (?:are|is) deprecated|app passwords? (?:have|has) been (?:disabled|removed|retired)|must be replaced with API tokens/i,
    weights: { password_auth_removed: 3 },
    providers: ['bitbucket'],
    source:
      'https://atdev.blog/en/blog/bitbucket-app-password-deprecated-fix-git-pull-git-push-api-token-en ; providers.md §4 (2026-07-28)',
  },
  {
    id: 'generic.authentication_failed',
    pattern: /Authentication failed(?: for)?|authentication failure/i,
    weights: {
      bad_credentials: 1.2,
      expired_token: 0.9,
      wrong_username: 0.5,
      credentials_missing: 0.3,
      password_auth_removed: 0.3,
    },
    source: 'git http.c: "Authentication failed for <url>" after a 401',
  },
  {
    id: 'http.401',
    pattern: /\b401\b|\bUnauthorized\b|not authorized\b/i,
    weights: { bad_credentials: 0.8, expired_token: 0.6, credentials_missing: 0.3 },
    source: 'RFC 9110 §15.5.2',
  },
  {
    id: 'url.empty_password',
    pattern: /\bhttps?:\/\/[^\s/@:'"]+:@/i,
    weights: { credentials_missing: 3 },
    source: 'user:@host sends no secret: https://github.com/ovh/cds/issues/5845',
  },
  {
    id: 'git.terminal_prompts_disabled',
    pattern:
      /could not read (?:Username|Password) for '[^']*': (?:terminal prompts disabled|No such device or address|Device not configured)/i,
    weights: {
      credentials_missing: 2,
      repo_not_found_or_no_access: 1.4,
      expired_token: 0.8,
      bad_credentials: 0.5,
    },
    source:
      'git credential.c; a missing repository answers with an auth challenge too: https://github.com/jpbruinsslot/slack-term/issues/42',
  },
  {
    id: 'libgit2.auth_replays',
    pattern: /too many redirects or authentication replays/i,
    weights: { credentials_missing: 1.4, bad_credentials: 1.4, expired_token: 0.5 },
    source:
      'libgit2 gives up after the credential callback keeps failing: https://github.com/thebaselab/codeapp/issues/331',
  },
  {
    id: 'gcm.cannot_prompt',
    pattern: /Cannot prompt because user interactivity has been disabled/i,
    weights: { credentials_missing: 1.5 },
    source: 'Git Credential Manager (GCM_INTERACTIVE=never)',
  },
  {
    id: 'generic.no_anonymous_write',
    pattern: /No anonymous write access/i,
    weights: { credentials_missing: 3 },
    source: 'https://github.com/isomorphic-git/isomorphic-git/issues/1856',
  },
  {
    id: 'azure.anonymous_access',
    pattern: /Resource not available for anonymous access|Client authentication required/i,
    weights: { credentials_missing: 3 },
    providers: ['azure', 'azure_devops_server'],
    source: 'https://github.com/git-ecosystem/git-credential-manager/issues/744',
  },
  {
    id: 'gogit.authentication_required',
    pattern: /\bauthentication required\b/i,
    weights: {
      credentials_missing: 1.6,
      bad_credentials: 1.2,
      repo_not_found_or_no_access: 0.8,
      expired_token: 0.6,
      wrong_username: 0.5,
    },
    source:
      'go-git transport.ErrAuthenticationRequired (HTTP 401), used by Flipt and Flux: https://github.com/fluxcd/flux2/issues/529',
  },
  {
    id: 'gogit.authorization_failed',
    pattern: /\bauthorization failed\b/i,
    weights: { insufficient_scope: 1.3, repo_not_found_or_no_access: 1, bad_credentials: 0.8 },
    source: 'go-git transport.ErrAuthorizationFailed (HTTP 403)',
  },
  {
    id: 'azure.tf400813',
    pattern: /\bTF400813\b/,
    weights: { ip_or_policy_blocked: 1.4, bad_credentials: 1.3, expired_token: 0.8, insufficient_scope: 0.5 },
    providers: ['azure', 'azure_devops_server'],
    source: 'https://github.com/Azure/azure-cli/issues/24108 (Conditional Access on a pipeline agent)',
  },
  {
    id: 'tfs.not_authorized',
    pattern: /\bTF30063\b|You are not authorized to access/i,
    weights: { bad_credentials: 1.5, credentials_missing: 0.8, expired_token: 0.6 },
    source: 'TFS/Azure DevOps Server TF30063',
  },
  {
    id: 'generic.token_expired',
    pattern:
      /(?:Personal Access Token|access token|token|password) (?:used )?(?:has|is) expired|Token is expired|Access token expired|TokenExpired|expired (?:token|credentials?)|token has expired/i,
    weights: { expired_token: 3, bad_credentials: 0.4 },
    source: 'Azure DevOps AccessCheckException, GitLab invalid_token, Bitbucket "Access token expired."',
  },
  {
    id: 'bitbucket.token_invalid_expired_or_unsupported',
    pattern: /Token is invalid, expired, or not supported for this endpoint/i,
    weights: { bad_credentials: 1.3, wrong_username: 1.2, expired_token: 1.1, insufficient_scope: 0.4 },
    providers: ['bitbucket'],
    source:
      'providers.md §5 (Bitbucket 401 body); API tokens need the right username or scheme: https://github.com/AsyncFuncAI/deepwiki-open/issues/444',
  },
  {
    id: 'bitbucket.may_not_have_access',
    pattern: /You may not have access to this repository or it no longer exists in this workspace/i,
    weights: { repo_not_found_or_no_access: 1.5, wrong_username: 1.3, bad_credentials: 1 },
    providers: ['bitbucket'],
    source:
      'https://community.atlassian.com/forums/Bitbucket-questions/Having-trouble-switching-to-API-tokens/qaq-p/3213684',
  },
  {
    id: 'bitbucket_server.scm_auth_failed',
    pattern: /Authentication failed for '?https?:\/\/[^\s']+\/scm\//i,
    weights: { wrong_username: 1.1, bad_credentials: 0.3 },
    providers: ['bitbucket_server'],
    source:
      'providers.md §2: Data Center personal tokens need the account username; project/repo tokens need Bearer',
  },
  {
    id: 'username.is_email',
    pattern:
      /Username for '[^']*': \S+@\S+\.\w+|https?:\/\/[^\s/@]+(?:%40|@)[^\s/@]+\.[a-z]{2,}@(?:bitbucket|[^\s/]*\/scm\/)/i,
    weights: { wrong_username: 1.6 },
    providers: ['bitbucket', 'bitbucket_server'],
    source:
      'providers.md §2: Bitbucket app passwords and API tokens over git take the username, not the email',
  },
  {
    id: 'github.saml_sso',
    pattern:
      /enabled or enforced SAML SSO|SAML enforcement|re-authorize the OAuth Application|X-GitHub-SSO|authorize (?:it|your token|the token) for (?:SAML )?SSO/i,
    weights: { sso_required: 3.5 },
    providers: ['github'],
    source:
      'https://github.com/desktop/desktop/issues/9055 ; https://github.com/mapbox/github-release-tools/issues/28',
  },
  {
    id: 'generic.sso',
    pattern: /\bSAML\b|single sign-on|\bSSO\b/i,
    weights: { sso_required: 1.2 },
    source: 'SSO wording',
  },
  {
    id: 'flipt.credentials_config',
    pattern:
      /credential "[^"]*" not found|access token non-empty value is required|both username and password for basic auth non-empty value is required|basic auth configuration non-empty value is required/i,
    weights: { credentials_missing: 3 },
    source: 'flipt-v2.md §2 (internal/config/errors.go, credentials.go)',
  },
]
