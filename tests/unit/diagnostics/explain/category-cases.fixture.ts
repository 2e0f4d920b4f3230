import type { ErrorCategory } from '@shared/domain/provider'
import type { ExplainProvider } from '@shared/diagnostics/explain/explain'

/** One expectation: a text as a client prints it, the cause it must get, and what it must not get. */
export type Case = {
  readonly name: string
  readonly text: string
  readonly want: ErrorCategory
  readonly provider?: ExplainProvider
  /** The provider the explainer should name from the text alone (undefined: not checked). */
  readonly detects?: ExplainProvider | null
  /** Categories that must not win (the failing side of the case). */
  readonly not?: readonly ErrorCategory[]
}

/** Cases per category and provider; texts follow provider wording with placeholder names and hosts. */
export const CASES: readonly Case[] = [
  // bad_credentials
  {
    name: 'GitHub 401 after a mistyped token',
    text: "remote: Invalid username or password.\nfatal: Authentication failed for 'https://github.com/acme/app.git/'",
    want: 'bad_credentials',
    detects: 'github',
    not: ['password_auth_removed'],
  },
  {
    name: 'GitLab HTTP Basic denied (current wording)',
    text: "remote: HTTP Basic: Access denied. If a password was provided for Git authentication, the password was incorrect or you're required to use a token instead of a password. If a token was provided, it was either incorrect, expired, or improperly scoped.\nfatal: Authentication failed for 'https://gitlab.com/acme/app.git/'",
    want: 'bad_credentials',
    detects: 'gitlab',
  },
  {
    name: 'Bitbucket Data Center JSON 401',
    text: '{"errors":[{"context":null,"message":"Authentication failed. Please check your credentials and try again.","exceptionName":"com.atlassian.bitbucket.auth.IncorrectPasswordAuthenticationException"}]}',
    want: 'bad_credentials',
    detects: 'bitbucket_server',
  },
  {
    name: 'Azure DevOps Server TF30063',
    text: 'TF30063: You are not authorized to access https://tfs.example.com/tfs/DefaultCollection.',
    want: 'bad_credentials',
    detects: 'azure_devops_server',
  },
  // expired_token
  {
    name: 'Azure DevOps expired PAT',
    text: '"message": "Access Denied: The Personal Access Token used has expired."',
    want: 'expired_token',
    provider: 'azure',
  },
  {
    name: 'GitLab OAuth token expired',
    text: 'GET https://gitlab.example.com/api/v4/user: 401 {error: invalid_token}, {error_description: Token is expired. You can either do re-authorization or token refresh.}',
    want: 'expired_token',
    detects: 'gitlab',
  },
  // insufficient_scope
  {
    name: 'GitHub workflow scope',
    text: ' ! [remote rejected] main -> main (refusing to allow a Personal Access Token to create or update workflow `.github/workflows/ci.yml` without `workflow` scope)',
    want: 'insufficient_scope',
    detects: 'github',
  },
  {
    name: 'Gitea missing token scope',
    text: 'token does not have at least one of required scope(s): [write:repository]',
    want: 'insufficient_scope',
    provider: 'gitea',
  },
  {
    name: 'Azure DevOps TF401027',
    text: "remote: TF401027: You need the Git 'GenericContribute' permission to perform this action.\nfatal: unable to access 'https://dev.azure.com/acme/web/_git/app/': The requested URL returned error: 403",
    want: 'insufficient_scope',
    detects: 'azure',
  },
  {
    name: 'GitHub owner denied to itself',
    text: "remote: Permission to alice/site.git denied to alice.\nfatal: unable to access 'https://github.com/alice/site.git/': The requested URL returned error: 403",
    want: 'insufficient_scope',
    not: ['repo_not_found_or_no_access'],
  },
  // password_auth_removed
  {
    name: 'GitHub password removed',
    text: 'remote: Support for password authentication was removed on August 13, 2021.',
    want: 'password_auth_removed',
    detects: 'github',
  },
  {
    name: 'Bitbucket account password removed',
    text: 'remote: Bitbucket Cloud recently stopped supporting account passwords for Git authentication.',
    want: 'password_auth_removed',
    detects: 'bitbucket',
  },
  {
    name: 'Bitbucket app password retired (410)',
    text: "remote: App passwords are deprecated and must be replaced with API tokens.\nfatal: unable to access 'https://bitbucket.org/acme/app.git/': The requested URL returned error: 410",
    want: 'password_auth_removed',
  },
  // wrong_username
  {
    name: 'Bitbucket email as username',
    text: "Username for 'https://bitbucket.org': jane@example.com\nPassword for 'https://jane%40example.com@bitbucket.org':\nremote: Invalid credentials\nfatal: Authentication failed for 'https://bitbucket.org/acme/app.git/'",
    want: 'wrong_username',
    detects: 'bitbucket',
  },
  // repo_not_found_or_no_access
  {
    name: 'GitHub repository not found',
    text: "remote: Repository not found.\nfatal: repository 'https://github.com/acme/app.git/' not found",
    want: 'repo_not_found_or_no_access',
    detects: 'github',
  },
  {
    name: 'GitLab project not found',
    text: "remote: The project you were looking for could not be found or you don't have permission to view it.\nfatal: repository 'https://gitlab.com/acme/app.git/' not found",
    want: 'repo_not_found_or_no_access',
    detects: 'gitlab',
  },
  {
    name: 'Azure DevOps TF401019',
    text: 'remote: TF401019: The Git repository with name or identifier app does not exist or you do not have permissions for the operation you are attempting.',
    want: 'repo_not_found_or_no_access',
    provider: 'azure',
  },
  {
    name: 'GitHub other account denied',
    text: "remote: Permission to acme/app.git denied to bob.\nfatal: unable to access 'https://github.com/acme/app.git/': The requested URL returned error: 403",
    want: 'repo_not_found_or_no_access',
    not: ['insufficient_scope'],
  },
  // sso_required
  {
    name: 'GitHub SAML SSO',
    text: "remote: The 'acme' organization has enabled or enforced SAML SSO.\nremote: To access this repository, you must re-authorize the OAuth Application 'GitHub CLI'.\nfatal: unable to access 'https://github.com/acme/app.git/': The requested URL returned error: 403",
    want: 'sso_required',
    not: ['insufficient_scope'],
  },
  // two_factor_required
  {
    name: 'GitLab 2FA token required',
    text: "remote: HTTP Basic: Access denied\nremote: You must use a personal access token with 'api' scope for Git over HTTP.",
    want: 'two_factor_required',
  },
  {
    name: 'Bitbucket two-step verification',
    text: "remote: Because you enabled two-step verification for your Atlassian account, you'll need to authenticate with an app password.",
    want: 'two_factor_required',
  },
  // tls_certificate
  {
    name: 'curl local issuer',
    text: "fatal: unable to access 'https://gitlab.example.com/a/b.git/': SSL certificate problem: unable to get local issuer certificate",
    want: 'tls_certificate',
    detects: 'gitlab',
  },
  {
    name: 'self-signed chain',
    text: "fatal: unable to access 'https://git.example.com/a/b.git/': SSL certificate problem: self signed certificate in certificate chain",
    want: 'tls_certificate',
  },
  {
    name: 'Go x509 in a Flipt log',
    text: '{"level":"error","msg":"fetching","error":"Get \\"https://gitea.example.com/a/b.git/info/refs?service=git-upload-pack\\": tls: failed to verify certificate: x509: certificate signed by unknown authority"}',
    want: 'tls_certificate',
    detects: 'gitea',
  },
  {
    name: 'schannel revocation',
    text: 'schannel: next InitializeSecurityContext failed: Unknown error (0x80092012) - The revocation function was unable to check revocation for the certificate.',
    want: 'tls_certificate',
  },
  // network_dns
  {
    name: 'curl resolve',
    text: "fatal: unable to access 'https://dev.azure.com/acme/web/_git/app/': Could not resolve host: dev.azure.com",
    want: 'network_dns',
    detects: 'azure',
  },
  {
    name: 'Go DNS error',
    text: 'Error: Get "https://gitlab.example.com/a/b.git/info/refs?service=git-upload-pack": dial tcp: lookup gitlab.example.com: no such host',
    want: 'network_dns',
  },
  {
    name: 'connection timeout',
    text: "fatal: unable to access 'https://github.com/a/b.git/': Failed to connect to github.com port 443 after 21045 ms: Timed out",
    want: 'network_dns',
    not: ['bad_credentials'],
  },
  {
    name: 'a transfer stalled below the low-speed limit',
    text: 'error: RPC failed; curl 28 Operation too slow. Less than 1000 bytes/sec transferred the last 30 seconds\nerror: 5450 bytes of body are still expected\nfetch-pack: unexpected disconnect while reading sideband packet\nfatal: early EOF\nfatal: fetch-pack: invalid index-pack output',
    want: 'network_dns',
    not: ['other'],
  },
  // proxy
  {
    name: 'curl 407 after CONNECT',
    text: "fatal: unable to access 'https://bitbucket.org/a/b.git/': Received HTTP code 407 from proxy after CONNECT",
    want: 'proxy',
    detects: 'bitbucket',
  },
  {
    name: 'Go proxyconnect',
    text: 'Get "https://github.com/a/b.git/info/refs": proxyconnect tcp: dial tcp 10.0.0.1:3128: connect: connection refused',
    want: 'proxy',
    not: ['network_dns'],
  },
  // branch_not_found
  {
    name: 'clone of a missing branch',
    text: "Cloning into 'app'...\nfatal: Remote branch release/9 not found in upstream origin",
    want: 'branch_not_found',
  },
  {
    name: 'go-git reference not found (Flipt)',
    text: 'Error: initializing environment store: environment "prod": performing initial fetch: reference not found',
    want: 'branch_not_found',
  },
  // credentials_missing
  {
    name: 'prompts disabled',
    text: "fatal: could not read Username for 'https://gitlab.com': terminal prompts disabled",
    want: 'credentials_missing',
    detects: 'gitlab',
  },
  {
    name: 'go-git authentication required',
    text: 'Error: initializing environment store: environment "default": performing initial fetch: authentication required',
    want: 'credentials_missing',
  },
  {
    name: 'Flipt empty access token',
    text: 'credentials: github credentials: access token non-empty value is required',
    want: 'credentials_missing',
  },
  // ssh_instead_of_https
  {
    name: 'publickey denied',
    text: 'git@gitlab.com: Permission denied (publickey).\nfatal: Could not read from remote repository.',
    want: 'ssh_instead_of_https',
  },
  {
    name: 'Flipt ssh credentials on https remote',
    text: 'Error: initializing environment store: environment "civitai-app": performing initial fetch: invalid auth method',
    want: 'ssh_instead_of_https',
  },
  // rate_limited
  {
    name: 'GitHub API rate limit',
    text: '{"message":"API rate limit exceeded for 203.0.113.7.","documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}',
    want: 'rate_limited',
    detects: 'github',
  },
  {
    name: 'Bitbucket 429',
    text: '"statusCode": 429,\n"body": "Rate limit for this resource has been exceeded",',
    want: 'rate_limited',
  },
  // ip_or_policy_blocked
  {
    name: 'Azure Conditional Access',
    text: 'VS403463: The conditional access policy defined by your Azure Active Directory administrator has failed.',
    want: 'ip_or_policy_blocked',
    detects: 'azure',
  },
  {
    name: 'GitLab banned user',
    text: 'remote: Your account has been banned.\nfatal: unable to access',
    want: 'ip_or_policy_blocked',
  },
  // other
  {
    name: 'non-fast-forward',
    text: ' ! [rejected]        main -> main (non-fast-forward)\nhint: Updates were rejected because the tip of your current branch is behind',
    want: 'other',
  },
  {
    name: 'GitHub large file',
    text: 'remote: error: GH001: Large files detected. You may want to try Git Large File Storage - https://git-lfs.github.com.',
    want: 'other',
  },
  { name: 'unknown text', text: 'Everything up-to-date', want: 'other', detects: null },
  { name: 'empty text', text: '', want: 'other', detects: null },
]
