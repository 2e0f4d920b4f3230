/**
 * Just enough git-remote parsing for the exporters: scheme, host (with a non-default port), user and
 * path segments of `https://`, `ssh://` and SCP-like (`git@host:owner/repo.git`) remotes. Pure: no
 * `URL` global, since shared/ runs without DOM or Node types.
 */

/** The parts of a git remote the exporters need. */
export type RemoteParts = {
  readonly scheme: 'https' | 'http' | 'ssh' | 'scp' | 'other'
  /** Lowercase host, with `:port` only when the port is not the scheme's default. */
  readonly host: string
  readonly user: string | null
  /** Path segments without empty parts, as written (not percent-decoded). */
  readonly segments: readonly string[]
}

const URL_RE = /^([a-z][a-z0-9+.-]*):\/\/(?:([^@/?#]*)@)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?([^?#]*)/i
const SCP_RE = /^(?:([^@/:]+)@)?([^/:]+):(?!\/\/)([^?#]*)$/
const DEFAULT_PORTS: Readonly<Record<string, string>> = { https: '443', http: '80', ssh: '22' }

function schemeOf(s: string): RemoteParts['scheme'] {
  const lower = s.toLowerCase()
  if (lower === 'https' || lower === 'http' || lower === 'ssh') return lower
  if (lower === 'git+ssh' || lower === 'ssh+git') return 'ssh'
  return 'other'
}

const splitPath = (path: string): string[] => path.split('/').filter((p) => p.length > 0)

/** Parses a remote into its parts, or null when it is not a URL or SCP-like address. */
export function parseRemote(remote: string): RemoteParts | null {
  const text = remote.trim()
  const url = URL_RE.exec(text)
  if (url) {
    const scheme = schemeOf(url[1] ?? '')
    const hostName = (url[3] ?? '').toLowerCase()
    if (hostName === '') return null
    const port = url[4] ?? ''
    const keepPort = port !== '' && DEFAULT_PORTS[scheme] !== port
    const user = url[2] === undefined ? null : (url[2].split(':')[0] ?? '')
    return {
      scheme,
      host: keepPort ? `${hostName}:${port}` : hostName,
      user,
      segments: splitPath(url[5] ?? ''),
    }
  }
  const scp = SCP_RE.exec(text)
  if (scp && !/^[a-z]:$/i.test(`${scp[2] ?? ''}:`)) {
    return {
      scheme: 'scp',
      host: (scp[2] ?? '').toLowerCase(),
      user: scp[1] ?? null,
      segments: splitPath(scp[3] ?? ''),
    }
  }
  return null
}

/** True when `segments` starts with the segments of `prefix` (a path prefix such as an Azure org). */
export function pathStartsWith(segments: readonly string[], prefix: string | null): boolean {
  if (prefix === null) return true
  const want = splitPath(prefix)
  return want.every((p, i) => (segments[i] ?? '').toLowerCase() === p.toLowerCase())
}

/** The HTTPS form of a remote, for tools that only take HTTPS URLs (dFlow); null when unknown. */
export function httpsRemote(remote: string): string | null {
  const parts = parseRemote(remote)
  if (!parts || parts.scheme === 'other') return null
  if (parts.scheme === 'https') return remote.trim()
  const host = parts.host.replace(/:\d+$/, '')
  if (host === 'ssh.dev.azure.com' && parts.segments[0] === 'v3') {
    const [, org, project, repo] = parts.segments
    return org && project && repo ? `https://dev.azure.com/${org}/${project}/_git/${repo}` : null
  }
  return `https://${host}/${parts.segments.join('/')}`
}
