import { secretHint } from '../logic/redact'
import { isSsh, hostKey } from './remote-helpers'
import { classifyToken } from './token-classify'
import type { RemoteProblemId } from './provider-types'
import type { LexFailure, RemoteParts } from './url-parts'
import { hostMatches, normalizeHostPort } from './url-parts'

/**
 * The individual checks behind `logic/remote-url.ts` `validateRemoteUrl`: lexer failures, userinfo
 * (secrets, username, `@`/`/` tricks), transport rules and host look-alikes (security.md §8 vectors
 * 19–24). Each returns issues; the caller decides what blocks.
 */

/** Stable ids of remote URL problems raised by validateRemoteUrl (provider parsers add theirs, `url.web_ui` …). */
export type RemoteUrlProblemId =
  | 'url.empty'
  | 'url.too_long'
  | 'url.control_chars'
  | 'url.encoded_control_chars'
  | 'url.leading_dash'
  | 'url.no_scheme'
  | 'url.no_host'
  | 'url.bad_host'
  | 'url.bad_port'
  | 'url.scheme_not_allowed'
  | 'url.local_path'
  | 'url.secret_in_url'
  | 'url.userinfo_suspicious'
  | 'url.username_in_url'
  | 'url.host_mismatch'
  | 'url.idn_host'
  | 'url.http_loopback'
  | 'url.dot_segment'
  | 'url.surrounding_whitespace'
  | 'url.not_a_repository'
  | 'url.unknown_provider'

/** One problem or notice about a remote URL. */
export type RemoteUrlIssue = {
  readonly id: RemoteUrlProblemId | RemoteProblemId
  readonly severity: 'error' | 'warning' | 'info'
  readonly message: string
  /** A URL to use instead (userinfo removed, clone URL for a web page …), or null. */
  readonly suggestedUrl: string | null
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost'])

/** Builds an issue. */
export const issue = (
  id: RemoteUrlProblemId | RemoteProblemId,
  severity: RemoteUrlIssue['severity'],
  message: string,
  suggestedUrl: string | null = null,
): RemoteUrlIssue => ({ id, severity, message, suggestedUrl })
/** The issue for a remote the lexer could not split. */
export function lexProblem(f: LexFailure): RemoteUrlIssue {
  switch (f.kind) {
    case 'empty':
      return issue('url.empty', 'error', "Enter the repository's clone URL.")
    case 'remote_helper':
      return issue(
        'url.scheme_not_allowed',
        'error',
        `"${f.transport}::" makes git run a helper program (ext:: can run any command). Use an https:// URL.`,
      )
    case 'local_path':
      return issue(
        'url.local_path',
        'error',
        'This is a local path, not a remote URL. Use the https:// clone URL of the repository.',
      )
    case 'no_scheme':
      return issue(
        'url.no_scheme',
        'error',
        'The URL has no scheme; clone URLs start with https://.',
        f.guess,
      )
    case 'no_host':
      return issue('url.no_host', 'error', 'The URL has no host name.')
    case 'bad_host':
      return issue('url.bad_host', 'error', `"${f.host}" is not a usable host name: ${f.why}.`)
    case 'bad_port':
      return issue('url.bad_port', 'error', `"${f.port}" is not a port number (1–65535).`)
  }
}

/** The port unless it is the scheme's default (https 443, http 80, ssh 22). */
export function explicitPort(parts: RemoteParts): number | null {
  const defaults: Readonly<Record<string, number>> = { https: 443, http: 80, ssh: 22 }
  return parts.port === null || parts.port === defaults[isSsh(parts) ? 'ssh' : parts.scheme]
    ? null
    : parts.port
}

/** The URL with its userinfo removed (and query/fragment dropped), in the form it was written. */
export function withoutUserinfo(parts: RemoteParts, keepUsername: boolean): string {
  const user = keepUsername && parts.username ? `${parts.username}@` : ''
  if (parts.form === 'scp') return `${user}${parts.host}:${parts.path}`
  const port = explicitPort(parts) === null ? '' : `:${parts.port}`
  return `${parts.scheme}://${user}${parts.host}${port}${parts.path.replace(/ /g, '%20')}`
}

/** A username that is really a secret: a recognised token, or a long random-looking string. */
function isSecretLike(value: string): boolean {
  if (classifyToken(value).candidates.length > 0) return true
  return (
    value.length >= 30 && /^[A-Za-z0-9_.=+/-]+$/.test(value) && /\d/.test(value) && /[A-Za-z]/.test(value)
  )
}

/** Issues with the userinfo: a secret (error), `@`/`/` tricks (error), a plain username (warning). */
export function userinfoIssues(parts: RemoteParts): RemoteUrlIssue[] {
  if (parts.userinfo === null) return []
  const stripped = withoutUserinfo(parts, false)
  if (/@|%40|%2f|%5c|\\/i.test(parts.userinfo)) {
    return [
      issue(
        'url.userinfo_suspicious',
        'error',
        'The part before "@" contains "@", "/" or "\\" (possibly encoded): such URLs can send credentials to a different host than they appear to name.',
        null,
      ),
    ]
  }
  const password = parts.password ?? ''
  const username = parts.username ?? ''
  if (password.length > 0 || isSecretLike(username)) {
    const secret = password.length > 0 ? password : username
    return [
      issue(
        'url.secret_in_url',
        'error',
        `The URL contains a password or token (${secretHint(secret)}). Git would store it in plain text in .git/config; move it into an account and use the URL without it.`,
        stripped,
      ),
    ]
  }
  if (isSsh(parts)) return []
  return [
    issue(
      'url.username_in_url',
      'warning',
      `The URL carries the username "${username.slice(0, 60)}": git sends it instead of the one the account needs.`,
      stripped,
    ),
  ]
}

/** The transport of a remote, or why it is not allowed (https and ssh always; http only on loopback when allowed). */
export function transportOf(
  parts: RemoteParts,
  allowHttpLoopback: boolean,
): { transport: 'https' | 'http' | 'ssh' } | RemoteUrlIssue {
  if (isSsh(parts)) return { transport: 'ssh' }
  if (parts.scheme === 'https') return { transport: 'https' }
  if (parts.scheme === 'http' && LOOPBACK.has(parts.host) && allowHttpLoopback) return { transport: 'http' }
  const https =
    parts.scheme === 'http' || parts.scheme === 'git' ? `https://${parts.host}${parts.path}` : null
  const why =
    parts.scheme === 'http'
      ? 'Plain http sends the token unencrypted; it is allowed only for 127.0.0.1, ::1 and localhost mirrors.'
      : `The "${parts.scheme}" transport is not allowed; only https (and ssh) are.`
  return issue('url.scheme_not_allowed', 'error', why, https)
}

/** Host mismatch with the account (error, with look-alike wording) and internationalised hosts (warning). */
export function hostIssues(parts: RemoteParts, accountHost: string | undefined): RemoteUrlIssue[] {
  const out: RemoteUrlIssue[] = []
  const key = hostKey(parts)
  const idn = parts.host.split('.').some((l) => l.startsWith('xn--'))
  if (accountHost !== undefined && !hostMatches(accountHost, key)) {
    const want = normalizeHostPort(accountHost) ?? accountHost
    const bare = want.replace(/:\d+$/, '')
    const lookalike = idn || parts.host.includes(bare) || parts.host.includes(bare.split('.')[0] ?? bare)
    out.push(
      issue(
        'url.host_mismatch',
        'error',
        `The URL's host is ${key}${lookalike ? `, which only looks like ${want}` : ''}; the account is for ${want}, so its token will not be sent there.`,
      ),
    )
  }
  if (idn)
    out.push(
      issue(
        'url.idn_host',
        'warning',
        `The host is an internationalised name (${parts.host}); check it is not a look-alike of the host you expect.`,
      ),
    )
  return out
}
