import type { ParseContext, ParsedRemote, RemoteProblem } from './provider-types'
import { cloneUrl, hostKey, parsed, problem, stripDotGit } from './remote-helpers'
import type { RemoteParts } from './url-parts'

/** GitHub and GHES remotes: `/{owner}/{repo}[.git]`; anything deeper is a web page (providers.md §6). */

/** Second-level path words of GitHub web pages (`/owner/repo/<word>/…`). */
const WEB_PAGES = [
  'tree',
  'blob',
  'pull',
  'pulls',
  'issues',
  'commit',
  'commits',
  'releases',
  'actions',
  'wiki',
  'settings',
  'compare',
  'tags',
  'branches',
  'raw',
  'blame',
  'security',
  'projects',
  'discussions',
] as const

const CLOUD_NAMES = new Set(['github.com', 'www.github.com', 'ssh.github.com'])

/** Reads a GitHub remote. */
export function parseGithubRemote(parts: RemoteParts, _ctx: ParseContext): ParsedRemote | null {
  const cloud = CLOUD_NAMES.has(parts.host)
  const host = cloud ? 'github.com' : hostKey(parts)
  const [owner, rawRepo, ...rest] = parts.segments
  if (owner === undefined || rawRepo === undefined) return null
  const repo = stripDotGit(rawRepo).name
  const url = cloneUrl(parts, host, [owner, `${repo}.git`])
  const own: RemoteProblem[] = []
  const page = rest[0]
  if (page !== undefined) {
    const known = (WEB_PAGES as readonly string[]).includes(page)
    own.push(
      problem(
        'url.web_ui',
        'error',
        `This is the address of a GitHub ${known ? `"${page}" ` : ''}web page, not a clone URL.`,
        url,
      ),
    )
  }
  return parsed(
    {
      provider: 'github',
      deployment: cloud ? 'cloud' : 'self_hosted',
      host,
      pathPrefix: null,
      organization: null,
      owner,
      repo,
      cloneUrl: url,
    },
    parts,
    own,
    page !== undefined,
  )
}
