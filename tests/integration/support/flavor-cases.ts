import { startGitServer } from '../../support/git-server'
import type { CredentialSpec, Flavor, GitServer, GitServerOptions } from '../../support/git-server'
import { basicHeader, type GitAuth } from './git-harness'

/** Fabricated, token-shaped secrets (none is real; shapes from providers.md §7). */
export const T = {
  ghClassic: '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',
  ghFine: `github_pat_11AAAAAAA0abcdefghijkl_${'F'.repeat(59)}`,
  ghFineRo: `github_pat_11AAAAAAA0abcdefghijkl_${'R'.repeat(59)}`,
  ghApp: `ghs_${'A'.repeat(36)}`,
  ghOld: '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',
  glPat: 'glpat-AbCdEfGhIjKlMnOpQrSt',
  glRo: 'glpat-ReadOnlyReadOnlyRead',
  glOauth: 'a'.repeat(64),
  glDeploy: 'gldt-DeployDeployDeployDe',
  glOld: 'glpat-ExpiredExpiredExpir',
  bbAccess: `ATCTT3xFfGN0${'a'.repeat(60)}=0A1B2C3D`,
  bbApi: `ATATT3xFfGF0${'b'.repeat(60)}=0A1B2C3D`,
  bbApp: 'ATBBTestOnlyNotARealSecret01A7644473',
  bbRo: `ATCTT3xFfGN0${'r'.repeat(60)}=0A1B2C3D`,
  dcPersonal: `BBDC-M${'p'.repeat(43)}`,
  dcProject: `BBDC-N${'q'.repeat(43)}`,
  dcRo: `BBDC-O${'r'.repeat(43)}`,
  dcOld: `BBDC-M${'o'.repeat(43)}`,
  gitea: 'f'.repeat(40),
  giteaRo: 'e'.repeat(40),
  giteaOld: 'd'.repeat(40),
  ado: 'a1'.repeat(26),
  adoRo: 'b2'.repeat(26),
  adoOld: 'c3'.repeat(26),
} as const

/** One flavor's expectations, in terms of what real git prints. */
export type FlavorCase = {
  readonly flavor: Flavor
  readonly repo: string
  /** The WWW-Authenticate challenge(s) the provider sends. */
  readonly realm: RegExp
  start(): Promise<GitServer>
  readonly good: Exclude<GitAuth, null>
  /** A username the provider refuses for that token, or null where any username works. */
  readonly wrongUser: { readonly auth: Exclude<GitAuth, null>; readonly stderr: readonly RegExp[] } | null
  /** A username that "silently works" (providers.md §2), where the provider ignores usernames. */
  readonly anyUser: Exclude<GitAuth, null> | null
  readonly readOnly: { readonly auth: Exclude<GitAuth, null>; readonly stderr: readonly RegExp[] }
  readonly missing: readonly RegExp[]
  readonly expired: { readonly auth: Exclude<GitAuth, null>; readonly stderr: readonly RegExp[] }
}

const AUTH_FAILED = /^fatal: Authentication failed for 'http:\/\/127\.0\.0\.1:\d+\//m
const HTTP_403 = /^fatal: unable to access '.+': The requested URL returned error: 403$/m
const NOT_FOUND = /^fatal: repository 'http:\/\/127\.0\.0\.1:\d+\/.+' not found$/m

function serve<F extends Flavor>(opts: Omit<GitServerOptions<F>, 'repos'>, repo: string) {
  const repos = [{ name: repo, commits: 3, branches: ['main', 'dev'] }]
  return () => startGitServer({ ...opts, repos })
}

const creds = <F extends Flavor>(list: CredentialSpec<F>[]) => list

/** Every flavor, each with its own URL shape, tokens and refusal texts. */
export const FLAVOR_CASES: readonly FlavorCase[] = [
  {
    flavor: 'github',
    realm: /^Basic realm="GitHub"$/,
    repo: 'acme/widgets',
    start: serve(
      {
        flavor: 'github',
        credentials: creds<'github'>([
          { token: T.ghClassic, kind: 'classic_pat', username: 'octo' },
          { token: T.ghFine, kind: 'fine_grained_pat', username: 'octo' },
          { token: T.ghFineRo, kind: 'fine_grained_pat', username: 'octo', readOnly: true },
          { token: T.ghApp, kind: 'installation' },
          { token: T.ghOld, kind: 'classic_pat', username: 'octo', expired: true },
        ]),
      },
      'acme/widgets',
    ),
    good: { user: 'octo', pass: T.ghClassic },
    wrongUser: {
      auth: { user: 'octo', pass: T.ghApp },
      stderr: [
        /^remote: Invalid username or token\. Password authentication is not supported for Git operations\.$/m,
        AUTH_FAILED,
      ],
    },
    anyUser: { user: 'anything-at-all', pass: T.ghFine },
    readOnly: {
      auth: { user: 'octo', pass: T.ghFineRo },
      stderr: [/^remote: Write access to repository not granted\.$/m, HTTP_403],
    },
    missing: [/^remote: Repository not found\.$/m, NOT_FOUND],
    expired: {
      auth: { user: 'octo', pass: T.ghOld },
      stderr: [/^remote: Invalid username or token\./m, AUTH_FAILED],
    },
  },
  {
    flavor: 'gitlab',
    realm: /^Basic realm="GitLab"$/,
    repo: 'group/sub/project',
    start: serve(
      {
        flavor: 'gitlab',
        pathPrefix: '/gitlab',
        credentials: creds<'gitlab'>([
          { token: T.glPat, kind: 'pat', username: 'alice' },
          { token: T.glRo, kind: 'pat', username: 'alice', readOnly: true },
          { token: T.glOauth, kind: 'oauth', username: 'alice' },
          { token: T.glDeploy, kind: 'deploy_token', username: 'gitlab+deploy-token-7' },
          { token: T.glOld, kind: 'pat', username: 'alice', expired: true },
        ]),
      },
      'group/sub/project',
    ),
    good: { user: 'oauth2', pass: T.glOauth },
    wrongUser: {
      auth: { user: 'alice', pass: T.glOauth },
      stderr: [
        /^remote: HTTP Basic: Access denied\. If a password was provided for Git authentication/m,
        AUTH_FAILED,
      ],
    },
    anyUser: { user: 'whoever', pass: T.glPat },
    readOnly: {
      auth: { user: 'alice', pass: T.glRo },
      stderr: [/^remote: You are not allowed to push code to this project\.$/m, HTTP_403],
    },
    missing: [
      /^remote: The project you were looking for could not be found or you don't have permission to view it\.$/m,
      NOT_FOUND,
    ],
    expired: {
      auth: { user: 'alice', pass: T.glOld },
      stderr: [/it was either incorrect, expired, or improperly scoped/, AUTH_FAILED],
    },
  },
  {
    flavor: 'bitbucket_cloud',
    realm: /^Basic realm="Bitbucket\.org HTTP"$/,
    repo: 'acme/widgets',
    start: serve(
      {
        flavor: 'bitbucket_cloud',
        credentials: creds<'bitbucket_cloud'>([
          { token: T.bbAccess, kind: 'access_token' },
          { token: T.bbApi, kind: 'api_token', username: 'jdoe', email: 'jdoe@example.com' },
          { token: T.bbRo, kind: 'access_token', readOnly: true },
          { token: T.bbApp, kind: 'app_password', username: 'jdoe', removed: true },
        ]),
      },
      'acme/widgets',
    ),
    good: { user: 'x-token-auth', pass: T.bbAccess },
    wrongUser: {
      auth: { user: 'jdoe@example.com', pass: T.bbApi },
      stderr: [
        /^remote: You may not have access to this repository or it no longer exists in this workspace\./m,
        AUTH_FAILED,
      ],
    },
    anyUser: null,
    readOnly: { auth: { user: 'x-token-auth', pass: T.bbRo }, stderr: [HTTP_403] },
    missing: [/^remote: You may not have access to this repository/m, NOT_FOUND],
    expired: {
      auth: { user: 'jdoe', pass: T.bbApp },
      stderr: [/^remote: Invalid credentials$/m, AUTH_FAILED],
    },
  },
  {
    flavor: 'bitbucket_dc',
    realm: /^Basic realm="Atlassian Bitbucket"$/,
    repo: 'widgets',
    start: serve(
      {
        flavor: 'bitbucket_dc',
        pathPrefix: '/scm/KEY',
        credentials: creds<'bitbucket_dc'>([
          { token: T.dcPersonal, kind: 'personal_token', username: 'jdoe' },
          { token: T.dcProject, kind: 'project_token' },
          { token: T.dcRo, kind: 'repo_token', readOnly: true },
          { token: T.dcOld, kind: 'personal_token', username: 'jdoe', expired: true },
        ]),
      },
      'widgets',
    ),
    good: { user: 'jdoe', pass: T.dcPersonal },
    wrongUser: { auth: { user: 'jdoe', pass: T.dcProject }, stderr: [AUTH_FAILED] },
    anyUser: null,
    readOnly: { auth: { header: `Authorization: Bearer ${T.dcRo}` }, stderr: [HTTP_403] },
    missing: [
      /^fatal: remote error: Repository not found\nThe requested repository does not exist, or you do not have permission to\naccess it\.$/m,
    ],
    expired: { auth: { user: 'jdoe', pass: T.dcOld }, stderr: [AUTH_FAILED] },
  },
  {
    flavor: 'gitea',
    realm: /^Basic realm="Gitea"$/,
    repo: 'owner/repo',
    start: serve(
      {
        flavor: 'gitea',
        credentials: creds<'gitea'>([
          { token: T.gitea, kind: 'pat', username: 'gopher' },
          { token: T.giteaRo, kind: 'pat', username: 'gopher', readOnly: true },
          { token: T.giteaOld, kind: 'pat', username: 'gopher', removed: true },
        ]),
      },
      'owner/repo',
    ),
    good: { user: 'gopher', pass: T.gitea },
    wrongUser: null,
    anyUser: { user: T.gitea, pass: '' },
    readOnly: { auth: { user: 'gopher', pass: T.giteaRo }, stderr: [/^remote: Forbidden$/m, HTTP_403] },
    missing: [/^remote: Repository not found$/m, NOT_FOUND],
    expired: { auth: { user: 'gopher', pass: T.giteaOld }, stderr: [/^remote: Unauthorized$/m, AUTH_FAILED] },
  },
  {
    flavor: 'azure_services',
    realm: /^Basic realm="https:\/\/tfsprodweu5\.visualstudio\.com\/", TFS-Federated$/,
    repo: 'widgets',
    start: serve(
      {
        flavor: 'azure_services',
        pathPrefix: '/acme/project/_git',
        credentials: creds<'azure_services'>([
          { token: T.ado, kind: 'pat', username: 'Jane Doe' },
          { token: T.adoRo, kind: 'pat', username: 'Jane Doe', readOnly: true },
          { token: T.adoOld, kind: 'pat', expired: true },
        ]),
      },
      'widgets',
    ),
    // Azure's documented `:PAT` (empty username) reaches the server only as a header: git drops
    // helper credentials whose username is empty (see git-behaviour.test.ts).
    good: { header: basicHeader('', T.ado) },
    wrongUser: null,
    anyUser: { user: 'anything', pass: T.ado },
    readOnly: {
      auth: { header: basicHeader('', T.adoRo) },
      stderr: [
        /^remote: TF401027: You need the Git 'GenericContribute' permission to perform this action\. Details: identity 'Jane Doe', scope 'repository'\.$/m,
        HTTP_403,
      ],
    },
    missing: [
      /^remote: TF401019: The Git repository with name or identifier nope does not exist or you do not have permissions/m,
      NOT_FOUND,
    ],
    // A 401 to a header-borne credential makes git look for a helper: the expiry surfaces as
    // "terminal prompts disabled" (the fixtures README's credentials_missing look-alike).
    expired: {
      auth: { header: basicHeader('', T.adoOld) },
      stderr: [
        /^fatal: could not read Username for 'http:\/\/127\.0\.0\.1:\d+': terminal prompts disabled$/m,
      ],
    },
  },
  {
    flavor: 'azure_server',
    realm: /^Basic realm="127\.0\.0\.1:\d+"$/,
    repo: 'widgets',
    start: serve(
      {
        flavor: 'azure_server',
        pathPrefix: '/tfs/DefaultCollection/project/_git',
        credentials: creds<'azure_server'>([
          { token: T.ado, kind: 'pat', username: 'CORP\\jdoe' },
          { token: T.adoRo, kind: 'pat', username: 'CORP\\jdoe', readOnly: true },
          { token: T.adoOld, kind: 'pat', expired: true },
        ]),
      },
      'widgets',
    ),
    good: { user: 'jdoe', pass: T.ado },
    wrongUser: null,
    anyUser: { user: 'anything', pass: T.ado },
    readOnly: {
      auth: { user: 'jdoe', pass: T.adoRo },
      stderr: [/^remote: TF401027: You need the Git 'GenericContribute' permission/m, HTTP_403],
    },
    missing: [/^remote: TF401019: /m, NOT_FOUND],
    expired: { auth: { user: 'jdoe', pass: T.adoOld }, stderr: [AUTH_FAILED] },
  },
]
