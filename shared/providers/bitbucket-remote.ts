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
 * Bitbucket remotes (providers.md §6). Cloud: `/{workspace}/{repo}[.git]`, deeper paths are web
 * pages. Data Center: `[/ctx]/scm/{KEY}/{slug}.git` and `/scm/~{user}/{slug}.git`; the web form
 * `/projects/{KEY}/repos/{slug}/browse…` maps to `/scm/{key}/{slug}.git`; SSH is `ssh://git@host:7999/{key}/{slug}.git`.
 */

const CLOUD_NAMES = new Set(['bitbucket.org', 'www.bitbucket.org'])

function parseCloud(parts: RemoteParts, host = 'bitbucket.org'): ParsedRemote | null {
  const [workspace, rawRepo, ...rest] = parts.segments
  if (workspace === undefined || rawRepo === undefined) return null
  const repo = stripDotGit(rawRepo).name
  const url = cloneUrl(parts, host, [workspace, `${repo}.git`])
  const page = rest[0]
  const own: RemoteProblem[] =
    page === undefined
      ? []
      : [
          problem(
            'url.web_ui',
            'error',
            `This is the address of a Bitbucket "${page}" web page, not a clone URL.`,
            url,
          ),
        ]
  return parsed(
    {
      provider: 'bitbucket',
      deployment: 'cloud',
      host,
      pathPrefix: null,
      organization: null,
      owner: workspace,
      repo,
      cloneUrl: url,
    },
    parts,
    own,
    page !== undefined,
  )
}

type DcPath = {
  readonly prefix: readonly string[]
  readonly owner: string
  readonly repo: string
  readonly web: string | null
}

/** Finds `scm/KEY/slug`, `projects/KEY/repos/slug` or `users/USER/repos/slug` and what precedes it (the context path). */
function locate(segs: readonly string[]): DcPath | null {
  for (let i = 0; i < segs.length; i++) {
    const word = segs[i]?.toLowerCase()
    const a = segs[i + 1]
    if (word === 'scm' && a !== undefined && segs[i + 2] !== undefined) {
      return {
        prefix: segs.slice(0, i),
        owner: a,
        repo: stripDotGit(segs[i + 2] ?? '').name,
        web: segs.length > i + 3 ? (segs[i + 3] ?? null) : null,
      }
    }
    if (
      (word === 'projects' || word === 'users') &&
      a !== undefined &&
      segs[i + 2]?.toLowerCase() === 'repos' &&
      segs[i + 3] !== undefined
    ) {
      const owner = word === 'users' ? `~${a.toLowerCase()}` : a.toLowerCase()
      return { prefix: segs.slice(0, i), owner, repo: segs[i + 3] ?? '', web: segs[i + 4] ?? 'repos' }
    }
  }
  return null
}

function parseDataCenter(parts: RemoteParts, ctx: ParseContext): ParsedRemote | null {
  const host = hostKey(parts)
  const ctxPrefix = prefixSegments(ctx.pathPrefix)
  const own: RemoteProblem[] = []
  let found: DcPath | null
  if (isSsh(parts)) {
    const [key, rawRepo] = parts.segments
    found =
      key === undefined || rawRepo === undefined || parts.segments.length !== 2
        ? null
        : { prefix: ctxPrefix, owner: key, repo: stripDotGit(rawRepo).name, web: null }
  } else {
    found = locate(parts.segments)
    if (
      found &&
      ctxPrefix.length > 0 &&
      !(found.prefix.length === ctxPrefix.length && startsWithSegments(found.prefix, ctxPrefix))
    ) {
      own.push(
        problem(
          'url.path_prefix_mismatch',
          'warning',
          `The account's Bitbucket lives under /${ctxPrefix.join('/')}, but this URL uses /${found.prefix.join('/')}.`,
        ),
      )
    }
  }
  if (!found) return null
  const url = cloneUrl(parts, host, [...found.prefix, 'scm', found.owner, `${found.repo}.git`])
  if (found.web !== null)
    own.unshift(
      problem(
        'url.web_ui',
        'error',
        'This is the address of a Bitbucket web page, not a clone URL; clone URLs use /scm/{project}/{repo}.git.',
        url,
      ),
    )
  return parsed(
    {
      provider: 'bitbucket',
      deployment: 'self_hosted',
      host,
      pathPrefix: found.prefix.length > 0 ? found.prefix.join('/') : null,
      organization: null,
      owner: found.owner,
      repo: found.repo,
      cloneUrl: url,
    },
    parts,
    own,
    found.web !== null,
  )
}

/**
 * Reads a Bitbucket Cloud or Data Center remote. An account that says it is Cloud on another host
 * (a mirror in front of bitbucket.org, a local emulator) keeps that host with the Cloud path shape.
 */
export function parseBitbucketRemote(parts: RemoteParts, ctx: ParseContext): ParsedRemote | null {
  if (CLOUD_NAMES.has(parts.host)) return parseCloud(parts)
  if (ctx.deployment === 'cloud' && !parts.segments.some((s) => s.toLowerCase() === 'scm'))
    return parseCloud(parts, hostKey(parts))
  return parseDataCenter(parts, ctx)
}
