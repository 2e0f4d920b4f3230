import type { Deployment, ProviderId } from '../domain/provider'
import type { ProviderGuess } from './catalog'
import { guessProvider, providers } from './catalog'
import type { ParsedRemote } from './provider-types'
import type { RemoteParts } from './url-parts'
import { lexRemote } from './url-parts'

/**
 * `parseRemote`: a remote URL (HTTPS, SSH or a pasted web address) to owner/repo, the canonical HTTPS
 * clone URL and the problems worth telling the user (providers.md §6). Security validation of the
 * same text is `logic/remote-url.ts` `validateRemoteUrl`, which calls this.
 */

/** What the caller already knows: the bound account's provider, deployment and path prefix. */
export type RemoteContext = {
  readonly provider?: ProviderId
  readonly deployment?: Deployment
  readonly pathPrefix?: string | null
}

/** Reads lexed parts with the context's provider, else the guessed one. */
export function parseRemoteParts(
  parts: RemoteParts,
  ctx: RemoteContext = {},
): { readonly remote: ParsedRemote | null; readonly guess: ProviderGuess | null } {
  const guess = guessProvider(parts.host, parts.segments)
  const provider = ctx.provider ?? guess?.provider
  if (provider === undefined) return { remote: null, guess }
  const remote = providers[provider].parseRemote(parts, {
    deployment: ctx.deployment,
    pathPrefix: ctx.pathPrefix ?? null,
  })
  return { remote, guess }
}

/**
 * Parses a remote into owner/repo and a canonical clone URL with problems. Null when the text is not
 * a URL, the provider cannot be told, or the path is not a repository path; `validateRemoteUrl` says why.
 */
export function parseRemote(url: string, ctx: RemoteContext = {}): ParsedRemote | null {
  const lexed = lexRemote(url.trim())
  if (!lexed.ok) return null
  return parseRemoteParts(lexed.parts, ctx).remote
}

/** Reads a remote in the context of its bound account (provider, deployment, path prefix), if any. */
export function parseRemoteFor(
  url: string,
  account:
    | { readonly provider: ProviderId; readonly deployment: Deployment; readonly pathPrefix: string | null }
    | null
    | undefined,
): ParsedRemote | null {
  return parseRemote(
    url,
    account
      ? { provider: account.provider, deployment: account.deployment, pathPrefix: account.pathPrefix }
      : {},
  )
}
