import type { ParseContext, ParsedRemote, RemoteProblem } from './provider-types'
import {
  cloneUrl,
  hostKey,
  isSsh,
  parsed,
  prefixSegments,
  problem,
  startsWithSegments,
  stripDotGit,
} from './remote-helpers'
import type { RemoteParts } from './url-parts'

/**
 * GitLab remotes: `[/<relative root>]/<group>/<subgroup…>/<project>[.git]` with any depth of
 * subgroups; every web page has `/-/` after the project path (providers.md §6).
 */

/** Reads a GitLab remote. */
export function parseGitlabRemote(parts: RemoteParts, ctx: ParseContext): ParsedRemote | null {
  const cloud = parts.host === 'gitlab.com' || parts.host === 'www.gitlab.com'
  const host = cloud ? 'gitlab.com' : hostKey(parts)
  const prefix = cloud ? [] : prefixSegments(ctx.pathPrefix)
  const own: RemoteProblem[] = []
  let segs = parts.segments
  if (prefix.length > 0 && !isSsh(parts)) {
    if (startsWithSegments(segs, prefix)) segs = segs.slice(prefix.length)
    else
      own.push(
        problem(
          'url.path_prefix_mismatch',
          'warning',
          `The account's GitLab lives under /${prefix.join('/')}, but this URL does not start with it.`,
        ),
      )
  }
  const dash = segs.indexOf('-')
  const project = dash >= 0 ? segs.slice(0, dash) : segs
  const last = project[project.length - 1]
  if (project.length < 2 || last === undefined) return null
  const repo = stripDotGit(last).name
  const namespace = project.slice(0, -1)
  const url = cloneUrl(parts, host, [...prefix, ...namespace, `${repo}.git`])
  if (dash >= 0) {
    const page = segs[dash + 1]
    own.unshift(
      problem(
        'url.web_ui',
        'error',
        `This is the address of a GitLab ${page ? `"${page}" ` : ''}web page (it contains "/-/"), not a clone URL.`,
        url,
      ),
    )
  }
  return parsed(
    {
      provider: 'gitlab',
      deployment: cloud ? 'cloud' : 'self_hosted',
      host,
      pathPrefix: prefix.length > 0 ? prefix.join('/') : null,
      organization: null,
      owner: namespace.join('/'),
      repo,
      cloneUrl: url,
    },
    parts,
    own,
    dash >= 0,
  )
}
