import type { Deployment, ProviderId } from '../domain/provider'
import type { ProviderGuess } from '../providers/catalog'
import type { ParsedRemote } from '../providers/provider-types'
import type { RemoteUrlIssue, RemoteUrlProblemId } from '../providers/remote-checks'
import {
  explicitPort,
  hostIssues,
  issue,
  lexProblem,
  transportOf,
  userinfoIssues,
  withoutUserinfo,
} from '../providers/remote-checks'
import { parseRemoteParts } from '../providers/remote-parse'
import { lexRemote } from '../providers/url-parts'
import { describeUnsafe, findUnsafeChars, findUnsafeCharsDecoded, percentDecodeOnce } from './text-safety'

/**
 * The gate every remote URL passes before it is stored or handed to git (security.md §8 vectors
 * 16–24, ARCHITECTURE.md §5): control characters raw or percent-encoded, missing host or scheme,
 * credentials in the userinfo, a leading `-`, transports other than https/ssh (plain http only on
 * loopback), host look-alikes; then the provider's own reading (web-UI URLs, SSH, Azure `.git` …).
 */

/** The verdict: a normalised remote with notices, or the problems that make it unusable. */
export type RemoteUrlCheck =
  | {
      readonly ok: true
      readonly url: string
      readonly transport: 'https' | 'http' | 'ssh'
      /** Lowercase, punycode hostname (no port). */
      readonly host: string
      /** The port, or null when none or the scheme's default was written. */
      readonly port: number | null
      readonly path: string
      /** What the host and path alone suggest, independent of the bound account. */
      readonly providerGuess: ProviderGuess | null
      /** The provider's reading: owner/repo and canonical clone URL; null for unknown hosts. */
      readonly remote: ParsedRemote | null
      readonly notices: readonly RemoteUrlIssue[]
    }
  | { readonly ok: false; readonly problems: readonly RemoteUrlIssue[] }

/** Options: whether plain http to loopback is allowed (local mirrors, tests) and the bound account, if any. */
export type RemoteUrlOptions = {
  readonly allowHttpLoopback: boolean
  readonly accountHost?: string
  readonly provider?: ProviderId
  readonly deployment?: Deployment
  readonly pathPrefix?: string | null
}

/** The longest remote accepted (Repository.remote). */
export const MAX_REMOTE_LENGTH = 2000

/** See {@link RemoteUrlIssue} and {@link RemoteUrlProblemId}. */
export type { RemoteUrlIssue, RemoteUrlProblemId }
/** Host equality after normalisation, as the credential broker must apply it (vector 24). */
export { hostMatches } from '../providers/url-parts'
const fail = (...problems: RemoteUrlIssue[]): RemoteUrlCheck => ({ ok: false, problems })

/** Validates and normalises a remote URL. `ok: false` means it must not be stored or given to git. */
export function validateRemoteUrl(raw: string, options: RemoteUrlOptions): RemoteUrlCheck {
  if (raw.trim().length === 0) return fail(issue('url.empty', 'error', "Enter the repository's clone URL."))
  if (raw.length > MAX_REMOTE_LENGTH)
    return fail(
      issue('url.too_long', 'error', `A remote URL longer than ${MAX_REMOTE_LENGTH} characters is refused.`),
    )
  const unsafe = findUnsafeChars(raw)
  if (unsafe.length > 0)
    return fail(
      issue(
        'url.control_chars',
        'error',
        `The URL contains ${describeUnsafe(unsafe)}. Such characters can make git send credentials to another host.`,
      ),
    )
  const text = raw.trim()
  const notices: RemoteUrlIssue[] =
    text === raw ? [] : [issue('url.surrounding_whitespace', 'info', 'Spaces around the URL were removed.')]
  const decoded = findUnsafeCharsDecoded(text)
  if (decoded.chars.length > 0) {
    return fail(
      issue(
        'url.encoded_control_chars',
        'error',
        `The URL hides ${describeUnsafe(decoded.chars)} behind percent-encoding${decoded.round > 1 ? ' (encoded more than once)' : ''}. Such URLs are used to steal credentials.`,
      ),
    )
  }
  if (text.startsWith('-'))
    return fail(
      issue(
        'url.leading_dash',
        'error',
        'A remote URL cannot start with "-": git would read it as an option.',
      ),
    )
  const lexed = lexRemote(text)
  if (!lexed.ok) return fail(lexProblem(lexed.failure))
  const parts = lexed.parts
  const problems: RemoteUrlIssue[] = []
  const add = (i: RemoteUrlIssue): void => {
    if (![...problems, ...notices].some((n) => n.id === i.id))
      (i.severity === 'error' ? problems : notices).push(i)
  }
  if (parts.path.startsWith('-')) {
    add(
      issue(
        'url.leading_dash',
        'error',
        'The repository path cannot start with "-": ssh could read it as an option.',
      ),
    )
  }
  const transport = transportOf(parts, options.allowHttpLoopback)
  if ('id' in transport) add(transport)
  else if (transport.transport === 'http') {
    add(
      issue(
        'url.http_loopback',
        'info',
        'Plain http to this machine: fine for a local mirror, never for a real host.',
      ),
    )
  }
  userinfoIssues(parts).forEach(add)
  if (parts.segments.some((s) => s === '.' || s === '..')) {
    add(
      issue(
        'url.dot_segment',
        'error',
        'The path contains "." or ".." segments, which can make it point elsewhere than it reads.',
      ),
    )
  }
  hostIssues(parts, options.accountHost).forEach(add)
  const { remote, guess } = parseRemoteParts(parts, options)
  if (remote === null && (options.provider || guess)) {
    add(
      issue(
        'url.not_a_repository',
        'error',
        'This URL does not point at a repository (expected something like https://host/owner/repo.git).',
      ),
    )
  } else if (remote === null) {
    add(
      issue(
        'url.unknown_provider',
        'info',
        "GitKeys does not recognise this host's provider; it will be used as a plain git server.",
      ),
    )
  }
  for (const p of remote?.problems ?? []) add(issue(p.id, p.severity, p.message, p.suggestedUrl))
  const url = withoutUserinfo(parts, true)
  // IDNA maps look-alikes to ASCII (`ｅｘｔ::…` → `ext::…`, `ｈｔｔｐｓ://…` → `https://…`): the normalised
  // URL must read as the same kind of remote on the same host, or git would be given something else.
  const reread = lexRemote(url)
  if (
    !reread.ok ||
    reread.parts.form !== parts.form ||
    reread.parts.host !== parts.host ||
    explicitPort(reread.parts) !== explicitPort(parts)
  )
    add(
      issue(
        'url.bad_host',
        'error',
        `"${parts.rawHost.slice(0, 100)}" turns into a different kind of URL once its host is normalised; write the host in plain letters.`,
      ),
    )
  if (problems.length > 0 || 'id' in transport) return fail(...problems)
  return {
    ok: true,
    url,
    transport: transport.transport,
    host: parts.host,
    port: explicitPort(parts),
    path: parts.path,
    providerGuess: guess,
    remote,
    notices,
  }
}

/** Takes the secret out of a remote's userinfo so main can store it in an account; null when there is none. */
export function takeUserinfoSecret(
  raw: string,
): { readonly url: string; readonly username: string | null; readonly secret: string } | null {
  const lexed = lexRemote(raw.trim())
  if (!lexed.ok || lexed.parts.userinfo === null) return null
  const { username, password } = lexed.parts
  const secret = password !== null && password.length > 0 ? password : username
  if (secret === null || secret.length === 0) return null
  return {
    url: withoutUserinfo(lexed.parts, false),
    username: password ? username : null,
    secret: percentDecodeOnce(secret),
  }
}
