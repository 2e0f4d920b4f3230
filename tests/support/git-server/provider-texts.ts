import type { Refusal } from './auth-rules'
import type { AzureBadCredentials, Flavor, GitService } from './types'

/** A full HTTP answer: status, headers, body. */
export type WireReply = {
  readonly status: number
  readonly headers: Readonly<Record<string, string | readonly string[]>>
  readonly body: string
}

/** Everything a refusal text may quote. */
export type ReplyContext = {
  readonly origin: string
  readonly repoName: string
  readonly service: GitService | null
  readonly login: string
  readonly azureBadCredentials: AzureBadCredentials
  readonly githubTexts: 'current' | 'legacy'
  readonly readOnlyBy: 'scope' | 'role'
}

/** Every refusal the git server can send. */
export type GitRefusal = Refusal | 'read_only' | 'not_found'

const TEXT = { 'content-type': 'text/plain; charset=utf-8' }
const AZURE_TENANT = '00000000-0000-0000-0000-000000000000'

/**
 * WWW-Authenticate per flavor. GitHub `GitHub`, GitLab `GitLab`
 * (gitlabhq app/controllers/repositories/git_http_client_controller.rb `send_challenges`), Gitea
 * `Gitea` (go-gitea routers/web/repo/githttp.go, OAuth2 enabled), Bitbucket Cloud
 * `Bitbucket.org HTTP` and DC `Atlassian Bitbucket` (the realms GitHub Desktop's trampoline keys on,
 * desktop/desktop find-account; [C]), Azure Services `https://tfsprod…visualstudio.com/` with
 * `Bearer` (response headers quoted in public ADO notes, and git-credential-manager's
 * X-VSS-ResourceTenant probing). Azure Server: NTLM/Negotiate are left out on purpose, since curl
 * would prefer them over Basic and the fixture has no Windows auth.
 */
export function challengeHeaders(flavor: Flavor, origin: string): Record<string, string | string[]> {
  switch (flavor) {
    case 'github':
      return { 'www-authenticate': 'Basic realm="GitHub"' }
    case 'gitlab':
      return { 'www-authenticate': 'Basic realm="GitLab"' }
    case 'gitea':
      return { 'www-authenticate': 'Basic realm="Gitea"' }
    case 'bitbucket_cloud':
      return { 'www-authenticate': 'Basic realm="Bitbucket.org HTTP"' }
    case 'bitbucket_dc':
      return { 'www-authenticate': 'Basic realm="Atlassian Bitbucket"' }
    case 'azure_services':
      return {
        'www-authenticate': ['Basic realm="https://tfsprodweu5.visualstudio.com/"', 'TFS-Federated'],
        'x-vss-resourcetenant': AZURE_TENANT,
      }
    case 'azure_server':
      return { 'www-authenticate': `Basic realm="${new URL(origin).host}"` }
  }
}

const text = (status: number, body: string, extra: Record<string, string | string[]> = {}): WireReply => ({
  status,
  headers: { ...TEXT, ...extra },
  body: body === '' ? '' : `${body}\n`,
})

/** A pkt-line. */
export const pkt = (s: string) => `${(Buffer.byteLength(s) + 4).toString(16).padStart(4, '0')}${s}`

/**
 * Azure's sign-in page, as a 203 answer (providers.md §5: "401 or 203 with an HTML sign-in page").
 * Git 2.39.5 on it: tab-indented → "info/refs not valid: could not determine hash algorithm; is this
 * a git repository?"; space-indented → "info/refs not valid: is this a git repository?"; one line
 * without a newline → no refs, exit 0 ("You appear to have cloned an empty repository").
 */
function azureSignIn(variant: Exclude<AzureBadCredentials, '401'>): WireReply {
  const title = '<title>Azure DevOps Services | Sign In</title>'
  const div = '<div id="signin">Sign in to your account</div>'
  const page =
    variant === '203-minified'
      ? `<!DOCTYPE html><html><head>${title}</head><body>${div}</body></html>`
      : [
          '<!DOCTYPE html>',
          '<html>',
          '<head>',
          `\t${title}`,
          '</head>',
          '<body>',
          `\t${div}`,
          '</body>',
          '</html>',
          '',
        ]
          .join('\n')
          .replace(/\t/g, variant === '203' ? '\t' : '  ')
  return { status: 203, headers: { 'content-type': 'text/html; charset=utf-8' }, body: page }
}

function github(r: GitRefusal, c: ReplyContext, challenge: Record<string, string | string[]>): WireReply {
  if (r === 'not_found') {
    // mislav/hub#1402, actions/checkout#542: "remote: Repository not found." + 404.
    return text(404, 'Repository not found.')
  }
  if (r === 'read_only') {
    // fixture gh-019 (fine-grained / App without Contents write); gh-027 (account without push).
    return c.readOnlyBy === 'scope'
      ? text(403, 'Write access to repository not granted.')
      : text(403, `Permission to ${c.repoName}.git denied to ${c.login}.`)
  }
  if (r === 'challenge') {
    return text(401, '', challenge)
  }
  if (c.githubTexts === 'current')
    // suzuki-shunsuke/ghtkn#165 (expired ghu_, 2025-11), gitextensions/gitextensions#12876 (2026-03).
    return text(
      401,
      'Invalid username or token. Password authentication is not supported for Git operations.',
      challenge,
    )
  if (r === 'password')
    // theshteves/commit-bot#16, Shpota/github-activity-generator#75 (2024-2025 wording).
    return text(
      401,
      'Support for password authentication was removed on August 13, 2021.\nPlease see https://docs.github.com/get-started/getting-started-with-git/about-remote-repositories#cloning-with-https-urls for information on currently recommended modes of authentication.',
      challenge,
    )
  // fixture gh-032; desktop/desktop#12530.
  return text(401, 'Invalid username or password.', challenge)
}

function gitlab(r: GitRefusal, c: ReplyContext, challenge: Record<string, string | string[]>): WireReply {
  if (r === 'not_found') {
    // fixture gl-017; 404 from git_http_controller.rb render_404_with_exception.
    return text(
      404,
      "The project you were looking for could not be found or you don't have permission to view it.",
    )
  }
  if (r === 'read_only') {
    // role: lib/gitlab/checks (spec "returns a 403 … You are not allowed to push code to this project.");
    // scope: lib/gitlab/git_access.rb ERROR_MESSAGES[:auth_upload]. Both 403 (render_403_with_exception).
    return c.readOnlyBy === 'role'
      ? text(403, 'You are not allowed to push code to this project.')
      : text(403, 'You are not allowed to upload code.')
  }
  // git_http_client_controller.rb render_access_denied (401, challenges sent alongside).
  const help = `${c.origin}/help/topics/git/troubleshooting_git.md#error-on-git-fetch-http-basic-access-denied`
  return text(
    401,
    r === 'challenge'
      ? ''
      : `HTTP Basic: Access denied. If a password was provided for Git authentication, the password was incorrect or you're required to use a token instead of a password. If a token was provided, it was either incorrect, expired, or improperly scoped. See ${help}`,
    challenge,
  )
}

/** The Bitbucket Cloud text for a workspace it cannot show you (fixture bb-002). */
const BB_NO_ACCESS =
  'You may not have access to this repository or it no longer exists in this workspace. If you think this repository exists and you have access, make sure you are authenticated.'

function bitbucketCloud(r: GitRefusal, challenge: Record<string, string | string[]>): WireReply {
  if (r === 'not_found') {
    // [?] fixture bb-002 wording, answered as 404 for a repository that does not exist.
    return text(404, BB_NO_ACCESS)
  }
  if (r === 'read_only') {
    // microsoft/vscode#115830: git shows only "The requested URL returned error: 403", no remote text.
    return { status: 403, headers: {}, body: '' }
  }
  if (r === 'wrong_username') {
    // fixture bb-002: a valid API token paired with the account email.
    return text(401, BB_NO_ACCESS, challenge)
  }
  if (r === 'password') {
    // fixture bb-005 (the lines as posted).
    return text(
      401,
      'Bitbucket Cloud recently stopped supporting account passwords for Git authentication.\nSee our community post for more details: https://atlassian.community/t5/x/x/ba-p/1948231\nApp passwords are recommended for most use cases and can be created in your Personal settings:',
      challenge,
    )
  }
  if (r === 'challenge') {
    return text(401, '', challenge)
  }
  // desktop/desktop#15688: "remote: Invalid credentials" + Authentication failed.
  return text(401, 'Invalid credentials', challenge)
}

function bitbucketDc(
  r: GitRefusal,
  c: ReplyContext,
  challenge: Record<string, string | string[]>,
): WireReply {
  if (r === 'not_found') {
    // HTTP 200 with an ERR pkt-line: isomorphic-git test fixture "0072ERR Repository not found…",
    // and a go-git workaround "bitbucket-server returns http 200 when repo not found".
    const service = c.service ?? 'git-upload-pack'
    const err =
      'ERR Repository not found\nThe requested repository does not exist, or you do not have permission to\naccess it.\n'
    return {
      status: 200,
      headers: { 'content-type': `application/x-${service}-advertisement` },
      body: pkt(`# service=${service}\n`) + pkt(err),
    }
  }
  if (r === 'read_only') {
    // Atlassian KB "Git push returns error code 403 in Bitbucket Server / Data Center": bare 403.
    return { status: 403, headers: {}, body: '' }
  }
  // [?] no public text: git shows only "Authentication failed".
  return { status: 401, headers: challenge, body: '' }
}

function gitea(r: GitRefusal, challenge: Record<string, string | string[]>): WireReply {
  if (r === 'not_found') {
    return text(404, 'Repository not found') // routers/web/repo/githttp.go
  }
  if (r === 'read_only') {
    // services/context/permission.go CheckRepoScopedToken: ctx.HTTPError(403) → "Forbidden".
    return text(403, 'Forbidden')
  }
  // githttp.go ctx.HTTPError(401) → "Unauthorized"; go-gitea/gitea#31929 "remote Unauthorized".
  return text(401, 'Unauthorized', challenge)
}

function azure(r: GitRefusal, c: ReplyContext, challenge: Record<string, string | string[]>): WireReply {
  if (r === 'not_found') {
    // Azure/sap-automation#1084 (404), Kong/insomnia#6484 (name includes a trailing ".git").
    return text(
      404,
      `TF401019: The Git repository with name or identifier ${c.repoName} does not exist or you do not have permissions for the operation you are attempting.`,
    )
  }
  if (r === 'read_only') {
    // fixture ado-001, byte for byte: a text/plain 403 whose body starts with pkt-lines.
    const msg = `TF401027: You need the Git 'GenericContribute' permission to perform this action. Details: identity '${c.login}', scope 'repository'.`
    return text(403, `${pkt('# service=git-receive-pack\n')}00000000${pkt(`${msg}\n`)}${msg}`)
  }
  if (r === 'expired') {
    // microsoft/azure-pipelines-agent#1559: the reason rides in X-TFS-ServiceError; git shows none of it.
    return {
      status: 401,
      headers: {
        ...challenge,
        'x-tfs-serviceerror': encodeURIComponent(
          'Access Denied: The Personal Access Token used has expired.',
        ),
      },
      body: '',
    }
  }
  if (r !== 'challenge' && c.azureBadCredentials !== '401') return azureSignIn(c.azureBadCredentials)
  return { status: 401, headers: challenge, body: '' }
}

/** The flavor's answer to a refusal, as the provider sends it (sources beside each text). */
export function refusalReply(flavor: Flavor, refusal: GitRefusal, ctx: ReplyContext): WireReply {
  const challenge = challengeHeaders(flavor, ctx.origin)
  switch (flavor) {
    case 'github':
      return github(refusal, ctx, challenge)
    case 'gitlab':
      return gitlab(refusal, ctx, challenge)
    case 'bitbucket_cloud':
      return bitbucketCloud(refusal, challenge)
    case 'bitbucket_dc':
      return bitbucketDc(refusal, ctx, challenge)
    case 'gitea':
      return gitea(refusal, challenge)
    case 'azure_services':
    case 'azure_server':
      return azure(refusal, ctx, challenge)
  }
}
