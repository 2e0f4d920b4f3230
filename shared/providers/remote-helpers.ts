import type { ParsedRemote, RemoteProblem, RemoteProblemId } from './provider-types'
import type { RemoteParts } from './url-parts'
import { encodeSegment } from './url-parts'

/**
 * Small pieces every provider parser shares: the account-style host key, the canonical clone URL,
 * `.git` handling and the problems that do not depend on the provider (SSH form, a username or query
 * in the URL). Facts: providers.md §6 "Common mistakes".
 */

/** True when the remote is an SSH remote in any of git's spellings. */
export function isSsh(parts: RemoteParts): boolean {
  return (
    parts.form === 'scp' || parts.scheme === 'ssh' || parts.scheme === 'git+ssh' || parts.scheme === 'ssh+git'
  )
}

/** `host[:port]` as accounts store it: the port only for HTTP(S) and only when not the default. */
export function hostKey(parts: RemoteParts): string {
  if (parts.port === null || isSsh(parts)) return parts.host
  if ((parts.scheme === 'https' && parts.port === 443) || (parts.scheme === 'http' && parts.port === 80))
    return parts.host
  return `${parts.host}:${parts.port}`
}

/** The canonical clone URL on `host` (a host key); plain http is kept only where the remote used it (loopback mirrors). */
export function cloneUrl(parts: RemoteParts, host: string, segments: readonly string[]): string {
  const scheme = parts.scheme === 'http' ? 'http' : 'https'
  return `${scheme}://${host}/${segments.map(encodeSegment).join('/')}`
}

/** Splits a trailing `.git` off a repository segment. */
export function stripDotGit(segment: string): { readonly name: string; readonly hadDotGit: boolean } {
  return segment.toLowerCase().endsWith('.git') && segment.length > 4
    ? { name: segment.slice(0, -4), hadDotGit: true }
    : { name: segment, hadDotGit: false }
}

/** Builds a problem. */
export function problem(
  id: RemoteProblemId,
  severity: RemoteProblem['severity'],
  message: string,
  suggestedUrl: string | null = null,
): RemoteProblem {
  return { id, severity, message, suggestedUrl }
}

/**
 * The provider-independent problems: SSH form, a username written into an HTTPS URL, a query or
 * fragment. `webUi` is true when the provider already explained the query as part of a web page URL.
 */
export function commonProblems(
  parts: RemoteParts,
  canonical: string,
  webUi = false,
): readonly RemoteProblem[] {
  const out: RemoteProblem[] = []
  if (isSsh(parts)) {
    out.push(
      problem(
        'url.ssh',
        'warning',
        'This is an SSH remote: git will use SSH keys and never the account token. Use the HTTPS URL to use the token.',
        canonical,
      ),
    )
  } else if (parts.username !== null && parts.password === null) {
    out.push(
      problem(
        'url.username_in_url',
        'warning',
        `The URL carries the username "${parts.username.slice(0, 60)}": git sends it instead of the one the account needs. Remove it and let GitKeys supply the username.`,
        canonical,
      ),
    )
  }
  if (!webUi && (parts.query !== null || parts.fragment !== null)) {
    out.push(
      problem(
        'url.query_or_fragment',
        'warning',
        'A clone URL has no "?…" or "#…" part; it was removed.',
        canonical,
      ),
    )
  }
  return out
}

/** Assembles a parsed remote, adding the common problems after the provider's own. */
export function parsed(
  base: Omit<ParsedRemote, 'problems'>,
  parts: RemoteParts,
  own: readonly RemoteProblem[],
  webUi = false,
): ParsedRemote {
  return { ...base, problems: [...own, ...commonProblems(parts, base.cloneUrl, webUi)] }
}

/** Splits a path prefix (`gitlab`, `/tfs/Coll/`) into segments; null or empty gives none. */
export function prefixSegments(prefix: string | null | undefined): readonly string[] {
  return (prefix ?? '').split('/').filter((s) => s.length > 0)
}

/** True when `segments` starts with `prefix`, comparing case-insensitively (hosts route paths that way). */
export function startsWithSegments(segments: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((p, i) => segments[i]?.toLowerCase() === p.toLowerCase())
}
