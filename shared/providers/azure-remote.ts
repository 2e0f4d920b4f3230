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
 * Azure Repos remotes (providers.md §6): `https://dev.azure.com/{org}/{project}/_git/{repo}` (the
 * `/{org}/_git/{repo}` shortcut when repo = project), the legacy `{org}.visualstudio.com[/DefaultCollection]`
 * host, Server `/tfs/{collection}/…` or `/{collection}/…`, SSH `git@ssh.dev.azure.com:v3/{org}/{project}/{repo}`.
 * A trailing `.git` is read as part of the repository name, and spaces must be `%20`.
 */

const LEGACY = /^([a-z0-9][a-z0-9-]*)\.visualstudio\.com$/

type Located = {
  readonly collection: readonly string[]
  readonly project: string
  readonly repo: string
  readonly web: string | null
}

/** Reads `…/{project}/_git/{repo}` (or `…/_git/{repo}`) after `collection` leading segments. */
function locate(segs: readonly string[], collectionLength: number): Located | null {
  const i = segs.findIndex((s, k) => k >= collectionLength && s.toLowerCase() === '_git')
  const repo = segs[i + 1]
  if (i < 0 || repo === undefined) return null
  const between = i - collectionLength
  if (between > 1) return null
  const project = between === 1 ? (segs[i - 1] ?? '') : repo
  return { collection: segs.slice(0, collectionLength), project, repo, web: segs[i + 2] ?? null }
}

function fromSsh(
  parts: RemoteParts,
): { readonly host: string; readonly org: string; readonly project: string; readonly repo: string } | null {
  const [v3, org, project, repo] = parts.segments
  if (v3 !== 'v3' || org === undefined || project === undefined || repo === undefined) return null
  if (parts.host !== 'ssh.dev.azure.com' && parts.host !== 'vs-ssh.visualstudio.com') return null
  return { host: 'dev.azure.com', org, project, repo }
}

function serverCollectionLength(segs: readonly string[], ctxPrefix: readonly string[]): number {
  if (ctxPrefix.length > 0 && startsWithSegments(segs, ctxPrefix)) return ctxPrefix.length
  return segs[0]?.toLowerCase() === 'tfs' ? 2 : 1
}

/** Reads an Azure DevOps remote. */
export function parseAzureRemote(parts: RemoteParts, ctx: ParseContext): ParsedRemote | null {
  const own: RemoteProblem[] = []
  let host = hostKey(parts)
  let deployment: 'cloud' | 'self_hosted' = 'self_hosted'
  let org: string | null
  let prefix: readonly string[]
  let loc: Located | null
  const ssh = fromSsh(parts)
  const legacy = isSsh(parts) ? null : LEGACY.exec(parts.host)
  if (ssh) {
    host = ssh.host
    deployment = 'cloud'
    org = ssh.org
    prefix = [ssh.org]
    loc = { collection: prefix, project: ssh.project, repo: ssh.repo, web: null }
  } else if (parts.host === 'dev.azure.com') {
    deployment = 'cloud'
    loc = locate(parts.segments, 1)
    org = loc?.collection[0] ?? null
    prefix = loc?.collection ?? []
  } else if (legacy) {
    deployment = 'cloud'
    org = legacy[1] ?? null
    const skip = parts.segments[0]?.toLowerCase() === 'defaultcollection' ? 1 : 0
    loc = locate(parts.segments, skip)
    prefix = []
  } else {
    const ctxPrefix = prefixSegments(ctx.pathPrefix)
    loc = locate(parts.segments, serverCollectionLength(parts.segments, ctxPrefix))
    prefix = loc?.collection ?? []
    org = prefix.length > 0 ? prefix.join('/') : null
    if (loc && ctxPrefix.length > 0 && !startsWithSegments(parts.segments, ctxPrefix)) {
      own.push(
        problem(
          'url.path_prefix_mismatch',
          'warning',
          `The account's collection is /${ctxPrefix.join('/')}, but this URL does not start with it.`,
        ),
      )
    }
  }
  if (!loc || org === null) return null
  const dotGit = stripDotGit(loc.repo)
  const segments = [...prefix, loc.project, '_git', dotGit.name]
  const url = cloneUrl(parts, host, segments)
  const web = loc.web !== null || parts.query !== null
  if (web)
    own.unshift(
      problem(
        'url.web_ui',
        'error',
        'This is the address of an Azure Repos web page (file, branch, commit or pull request view), not a clone URL.',
        url,
      ),
    )
  if (dotGit.hadDotGit)
    own.push(
      problem(
        'url.azure_dot_git',
        'warning',
        'Azure Repos reads a trailing ".git" as part of the repository name; remove it.',
        url,
      ),
    )
  if (/\s/.test(parts.path))
    own.push(
      problem(
        'url.unencoded_space',
        'warning',
        'Spaces in Azure DevOps project or repository names must be written as %20.',
        url,
      ),
    )
  if (legacy) {
    own.push(
      problem(
        'url.azure_legacy_host',
        'info',
        "This is the legacy visualstudio.com address; Flipt's Azure SCM only recognises dev.azure.com URLs.",
        cloneUrl(parts, 'dev.azure.com', [org, ...segments]),
      ),
    )
  }
  return parsed(
    {
      provider: 'azure',
      deployment,
      host,
      pathPrefix: prefix.length > 0 ? prefix.join('/') : null,
      organization: org,
      owner: loc.project,
      repo: dotGit.name,
      cloneUrl: url,
    },
    parts,
    own,
    web,
  )
}
