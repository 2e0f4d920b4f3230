import type { RemoteContext } from '../providers/remote-parse'
import { parseRemote } from '../providers/remote-parse'
import { hostKey, isSsh, prefixSegments, startsWithSegments } from '../providers/remote-helpers'
import { hostMatches, lexRemote, type RemoteParts } from '../providers/url-parts'

/**
 * The questions the exporters ask about a storage remote, answered with the catalog's lexer and
 * provider parsers (providers/url-parts.ts, remote-parse.ts): which host, whether an account covers
 * it, and its HTTPS clone URL. No remote syntax is known here.
 */

/** The lexed remote, or null for what is not a URL or scp-like address (local paths, `ext::` helpers). */
export function lexedRemote(remote: string): RemoteParts | null {
  const lexed = lexRemote(remote.trim())
  return lexed.ok ? lexed.parts : null
}

/** The remote's `host[:port]` as accounts store it, or null. */
export function remoteHost(remote: string): string | null {
  const parts = lexedRemote(remote)
  return parts ? hostKey(parts) : null
}

/** True for http(s) remotes, the ones git sends an account's token to. */
export function isHttpRemote(parts: RemoteParts): boolean {
  return !isSsh(parts) && (parts.scheme === 'https' || parts.scheme === 'http')
}

/** True when the remote is on the account's host (after normalisation) and below its path prefix. */
export function inAccountScope(
  parts: RemoteParts,
  account: { readonly host: string; readonly pathPrefix: string | null },
): boolean {
  return (
    hostMatches(account.host, hostKey(parts)) &&
    startsWithSegments(parts.segments, prefixSegments(account.pathPrefix))
  )
}

/** The HTTPS clone URL the provider gives an SSH remote; any other remote is returned as written. */
export function httpsCloneUrl(remote: string, ctx: RemoteContext): string {
  const parts = lexedRemote(remote)
  if (!parts || !isSsh(parts)) return remote
  return parseRemote(remote, ctx)?.cloneUrl ?? remote
}
