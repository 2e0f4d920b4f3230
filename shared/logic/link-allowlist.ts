/**
 * Hosts GitKeys itself links to from fixes and token pages: the providers' cloud services and
 * their documentation, git's and Flipt's docs. Anything else opens only if it is one of the user's
 * own account hosts (security.md vector 10).
 */
const KNOWN_HOSTS: ReadonlySet<string> = new Set([
  'github.com',
  'docs.github.com',
  'github.blog',
  'gitlab.com',
  'docs.gitlab.com',
  'bitbucket.org',
  'id.atlassian.com',
  'support.atlassian.com',
  'confluence.atlassian.com',
  'community.atlassian.com',
  'developer.atlassian.com',
  'dev.azure.com',
  'learn.microsoft.com',
  'docs.gitea.com',
  'forgejo.org',
  'codeberg.org',
  'git-scm.com',
  'docs.flipt.io',
  'flipt.io',
  'dflow.sh',
  'docs.dflow.sh',
])

/** True for an https URL, without userinfo, on a known host or one of the user's account hosts. */
export function isAllowedExternalUrl(raw: string, accountHosts: readonly string[]): boolean {
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    return false
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '') return false
  const host = u.port ? `${u.hostname}:${u.port}` : u.hostname
  return (
    KNOWN_HOSTS.has(u.hostname) ||
    accountHosts.includes(host) ||
    /^[a-z0-9-]+\.visualstudio\.com$/.test(u.hostname)
  )
}
