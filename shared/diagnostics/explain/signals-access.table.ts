import type { Signal, Weights } from './explain.types'

/** "Permission to OWNER/REPO denied to USER": the owner denying itself means the token lacks write. */
function weighPermissionDenied(m: RegExpExecArray): Weights {
  const owner = (m[1] ?? '').toLowerCase()
  const user = (m[2] ?? '').toLowerCase()
  if (user === '') return { repo_not_found_or_no_access: 2.4, insufficient_scope: 1 }
  if (owner === user)
    return { insufficient_scope: 2.6, repo_not_found_or_no_access: 1.2, bad_credentials: 0.3 }
  return { repo_not_found_or_no_access: 2.6, wrong_username: 0.9, insufficient_scope: 0.8 }
}

/**
 * Signals about what the credential may reach: missing repositories, scopes and permissions, IP
 * and policy blocks, rate limits and missing branches.
 */
export const ACCESS_SIGNALS: readonly Signal[] = [
  {
    id: 'git.repository_not_found',
    pattern: /Repository not found|repository '[^']*' not found|does not appear to be a git repository/i,
    weights: {
      repo_not_found_or_no_access: 3,
      insufficient_scope: 0.5,
      credentials_missing: 0.4,
      wrong_username: 0.4,
    },
    source:
      'GitHub hides private repositories as 404 "Repository not found" (docs: error-repository-not-found)',
  },
  {
    id: 'gitlab.project_not_found',
    pattern:
      /The project you were looking for could not be found|could not be found or you don't have permission to view it/i,
    weights: { repo_not_found_or_no_access: 3, insufficient_scope: 0.4 },
    providers: ['gitlab'],
    source: 'https://gitlab.com/gitlab-org/gitlab/-/issues/431258',
  },
  {
    id: 'azure.tf401019',
    pattern: /\bTF401019\b|GitRepositoryNotFoundException/i,
    weights: { repo_not_found_or_no_access: 3, insufficient_scope: 0.5 },
    providers: ['azure', 'azure_devops_server'],
    source: 'https://github.com/desktop/desktop/issues/5397',
  },
  {
    id: 'tfs.unable_to_connect',
    pattern: /\bTF31002\b|Unable to connect to this (?:Team Foundation|Azure DevOps) Server/i,
    weights: { repo_not_found_or_no_access: 1.3, network_dns: 1.1, bad_credentials: 0.8 },
    providers: ['azure_devops_server'],
    source: 'https://github.com/git-tfs/git-tfs/issues/1222',
  },
  {
    id: 'http.404',
    pattern: /\b404\b[^\n]*Not Found|returned error: 404|\(404\)|\b404 (?:Project|Repository) Not Found/i,
    weights: { repo_not_found_or_no_access: 1.5, branch_not_found: 0.3 },
    source: 'RFC 9110 §15.5.5',
  },
  {
    id: 'github.permission_denied_to',
    pattern:
      /Permission to ([\w.-]+|<[\w-]+>)\/\S+? denied(?: to ([\w-]+(?:\[bot\])?|<[\w-]+>))?(?=[\s."'`)\]},;]|$)/i,
    weights: { repo_not_found_or_no_access: 2 },
    weigh: weighPermissionDenied,
    providers: ['github'],
    source:
      'GitHub names the authenticated account: https://github.com/gitpod-io/gitpod/issues/1601 (own repo, token without write)',
  },
  {
    id: 'gitlab.not_allowed_to_push',
    pattern: /You are not allowed to push code to (?:this project|protected branches)/i,
    weights: { repo_not_found_or_no_access: 1.8, insufficient_scope: 1.4 },
    providers: ['gitlab'],
    source: 'GitLab lib/gitlab/git_access.rb (role below Developer, or protected branch)',
  },
  {
    id: 'gitlab.not_allowed_to_download',
    pattern: /You are not allowed to download code from this project/i,
    weights: { repo_not_found_or_no_access: 2.5, insufficient_scope: 1 },
    providers: ['gitlab'],
    source: 'GitLab lib/gitlab/git_access.rb',
  },
  {
    id: 'gitea.permission_denied_writing',
    pattern: /User permission denied for writing|user does not have (?:level )?write access/i,
    weights: { repo_not_found_or_no_access: 1.8, insufficient_scope: 1.6 },
    providers: ['gitea'],
    source: 'Gitea routers/private/hook_pre_receive.go: https://github.com/go-gitea/gitea/issues/31525',
  },
  {
    id: 'github.workflow_scope',
    pattern:
      /refusing to allow an? (?:Personal Access Token|OAuth App|GitHub App|integration) to (?:create or update|update|create) workflow/i,
    weights: { insufficient_scope: 3.5 },
    providers: ['github'],
    source: 'https://github.com/flashcatcloud/categraf/issues/34 ; providers.md §3',
  },
  {
    id: 'github.write_not_granted',
    pattern:
      /Write access to repository not granted|Resource not accessible by (?:integration|personal access token)/i,
    weights: { insufficient_scope: 3, repo_not_found_or_no_access: 0.6 },
    providers: ['github'],
    source: 'https://github.com/IIC2143/Syllabus-2023-1/issues/14',
  },
  {
    id: 'azure.tf401027',
    pattern: /\bTF401027\b|You need the Git '\w+' permission/i,
    weights: { insufficient_scope: 3.5 },
    providers: ['azure', 'azure_devops_server'],
    source: 'https://github.com/gbrueckl/PowerBI.CICD/issues/2',
  },
  {
    id: 'generic.scope_wording',
    pattern:
      /does not have at least one of required scope|required scope\(s\)|insufficient[_ ]scopes?|missing (?:required )?scopes?|token (?:lacks|is missing) (?:the )?\S+ scope|X-Accepted-OAuth-Scopes/i,
    weights: { insufficient_scope: 3 },
    source: 'providers.md §5 (Gitea 403 text, GitHub headers)',
  },
  {
    id: 'http.403',
    pattern: /\b403\b|\bForbidden\b/i,
    weights: {
      insufficient_scope: 0.8,
      repo_not_found_or_no_access: 0.7,
      ip_or_policy_blocked: 0.4,
      sso_required: 0.3,
      password_auth_removed: 0.3,
      rate_limited: 0.2,
    },
    source: 'RFC 9110 §15.5.4',
  },
  {
    id: 'github.ip_allow_list',
    pattern: /IP allow list|IP address is not permitted|not permitted to access this resource from/i,
    weights: { ip_or_policy_blocked: 3.5 },
    source: 'https://docs.frappe.io/cloud/custom-apps/common-issues/github-ip-allow-list',
  },
  {
    id: 'azure.conditional_access',
    pattern: /conditional access|\bVS403463\b|\bAADSTS53\d{3}\b|IP address.*(?:not allowed|blocked)/i,
    weights: { ip_or_policy_blocked: 3.5 },
    source: 'https://github.com/microsoft/Git-Credential-Manager-for-Windows/issues/855',
  },
  {
    id: 'account.blocked_or_banned',
    pattern:
      /Your account (?:has been|is|was) (?:blocked|banned|locked|suspended)|You have been banned|account (?:is|has been) (?:blocked|banned|locked)|user is prohibited from login|Too many failed (?:login|authentication) attempts/i,
    weights: { ip_or_policy_blocked: 3.2 },
    source:
      'GitLab blocks/bans users (docs security/unlock_user); https://github.com/Shippable/support/issues/5043',
  },
  {
    id: 'generic.rate_limit',
    pattern:
      /rate limit (?:exceeded|for this resource has been exceeded)|secondary rate limit|Too Many Requests|requested too many times|\bRetry later\b|\bTF400733\b/i,
    weights: { rate_limited: 3.5 },
    source:
      'GitHub/GitLab/Bitbucket 429 bodies: https://github.com/walles/px/issues/44 ; https://github.com/renovatebot/renovate/issues/3024',
  },
  {
    id: 'http.429',
    pattern: /\b429\b/,
    weights: { rate_limited: 2.5 },
    source: 'RFC 6585 §4',
  },
  {
    id: 'git.remote_branch_not_found',
    pattern:
      /Remote branch \S+ not found in upstream|Could not find remote branch|couldn't find remote ref|src refspec \S+ does not match any|\breference not found\b|reference '[^']+' not found|\bunknown revision\b|is not a commit and a branch|invalid refspec|could not be resolved to a version in the repository|Branch Not Found/i,
    weights: { branch_not_found: 3.5 },
    source:
      'git clone/fetch/push and go-git plumbing.ErrReferenceNotFound (Flipt): https://github.com/flipt-io/flipt/issues/4179',
  },
]
