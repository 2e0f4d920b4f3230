import type { ErrorCategory } from '../../domain/provider'

/** A person-facing title and explanation for a cause: what happened and why. */
export type CategoryText = { readonly title: string; readonly detail: string }

/** Title and detail per category (STYLE.md §3: say what happened, why, and what to do next). */
export const CATEGORY_TEXT: Readonly<Record<ErrorCategory, CategoryText>> = {
  bad_credentials: {
    title: 'The server rejected the credential',
    detail:
      'Git sent a username and token, and the server refused them. The token was mistyped, revoked or replaced, or a credential helper sent an old one.',
  },
  expired_token: {
    title: 'The token has expired',
    detail:
      'The token was valid once but its lifetime is over, so the server answers as if it were wrong. A new token is needed wherever the old one was stored.',
  },
  insufficient_scope: {
    title: 'The token lacks a permission this operation needs',
    detail:
      'The server knows who you are but the token, app or role does not allow this operation (typically pushing, or changing CI workflow files).',
  },
  password_auth_removed: {
    title: 'This kind of credential is no longer accepted',
    detail:
      'The provider stopped accepting account passwords (or this credential kind) for Git over HTTPS. Create a token of a supported kind and use it instead.',
  },
  wrong_username: {
    title: 'The token was sent with the wrong username',
    detail:
      'Some token kinds only work with a specific username (an account username, or a fixed one such as oauth2 or x-token-auth). The secret may be fine.',
  },
  repo_not_found_or_no_access: {
    title: 'The repository does not exist or this account cannot see it',
    detail:
      'Providers answer "not found" both for a wrong URL and for a private repository the account has no access to. Check the URL, then the account and its access.',
  },
  sso_required: {
    title: 'The organization requires SSO authorization',
    detail:
      'The organization enforces single sign-on. The token (or the app that issued it) must be authorised for the organization before Git can use it.',
  },
  two_factor_required: {
    title: 'Two-factor authentication blocks password sign-in',
    detail:
      'The account has two-factor (two-step) verification enabled, so its password cannot be used for Git over HTTPS. Use a token (or app password) instead.',
  },
  tls_certificate: {
    title: 'The server certificate could not be verified',
    detail:
      "The TLS connection was made but the certificate chain is not trusted by git's certificate store: a private CA, a company TLS-inspecting proxy, or a failed revocation check.",
  },
  network_dns: {
    title: 'The server could not be reached',
    detail:
      'The host name did not resolve or the connection failed or timed out before any credential was checked: DNS, VPN, firewall or an outage.',
  },
  proxy: {
    title: 'The proxy refused or broke the connection',
    detail:
      'Git goes through an HTTP proxy that rejected the tunnel (often 407, proxy authentication required) or is configured wrongly.',
  },
  branch_not_found: {
    title: 'The branch or reference does not exist',
    detail:
      'The credential worked, but the branch, tag or ref that was asked for is not on that remote (or not checked out locally for a push).',
  },
  credentials_missing: {
    title: 'No credential was sent',
    detail:
      'Git needed a username and token but had none: no credential helper answered, prompts are disabled (CI, editors, go get), or the configured secret is empty.',
  },
  ssh_instead_of_https: {
    title: 'The remote uses SSH, not the HTTPS token',
    detail:
      'The remote URL (or a submodule) is an SSH URL, so git uses SSH keys and known_hosts, and the HTTPS token is never used.',
  },
  rate_limited: {
    title: 'The provider rate-limited the requests',
    detail:
      'Too many requests were made in a short time (HTTP 429 or a rate-limit message). Wait for the window to reset or authenticate to get a higher limit.',
  },
  ip_or_policy_blocked: {
    title: 'A network or account policy blocked the access',
    detail:
      'The credential may be valid, but an IP allow list, a Conditional Access policy or an account block stops it from this place or account.',
  },
  other: {
    title: 'Not an authentication problem GitKeys recognises',
    detail:
      'The text does not match a known credential or connection failure. The lines below are what the command reported.',
  },
}
