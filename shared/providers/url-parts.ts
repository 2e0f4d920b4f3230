import { percentDecodeOnce } from '../logic/text-safety'

/**
 * A lexical split of a git remote, the one place that knows git's remote syntaxes (git-clone(1)
 * "GIT URLS"): `scheme://[userinfo@]host[:port]/path`, scp-like `[user@]host:path`, the
 * `transport::address` remote-helper form and local paths. Hosts are normalised through the WHATWG
 * URL parser (lowercase, IDNA to punycode, IPv4 canonical form) so look-alikes compare unequal.
 * Used by the provider parsers and by `logic/remote-url.ts`, which turns the shape into problems.
 */

/** How a remote was written. */
export type RemoteForm = 'url' | 'scp'

/** The parts of a remote as written, with the host normalised. */
export type RemoteParts = {
  readonly form: RemoteForm
  /** Lowercase scheme; `ssh` for the scp-like form. */
  readonly scheme: string
  readonly username: string | null
  readonly password: string | null
  /** The userinfo exactly as written (without the `@`), or null. */
  readonly userinfo: string | null
  /** Normalised hostname (lowercase, punycode, IPv6 in brackets), without the port. */
  readonly host: string
  /** The host as written. */
  readonly rawHost: string
  /** The explicit port, or null when none was written. */
  readonly port: number | null
  /** The path as written, from its first character (scp form: what follows the colon). */
  readonly path: string
  /** Path segments, percent-decoded, empty ones dropped. */
  readonly segments: readonly string[]
  /** The query without `?`, or null when there is none. */
  readonly query: string | null
  /** The fragment without `#`, or null when there is none. */
  readonly fragment: string | null
}

/** Why a remote could not be split into URL parts. */
export type LexFailure =
  | { readonly kind: 'empty' }
  | { readonly kind: 'remote_helper'; readonly transport: string }
  | { readonly kind: 'local_path' }
  | { readonly kind: 'no_scheme'; readonly guess: string | null }
  | { readonly kind: 'no_host' }
  | { readonly kind: 'bad_host'; readonly host: string; readonly why: string }
  | { readonly kind: 'bad_port'; readonly port: string }

/** The lexer's answer. */
export type LexResult =
  { readonly ok: true; readonly parts: RemoteParts } | { readonly ok: false; readonly failure: LexFailure }

const HOST_CHARS = /^[a-z0-9._-]+$/
const IPV6 = /^\[[0-9a-f:.]+\]$/

/**
 * Normalises a hostname (no port) the way browsers and Node do, then holds it to DNS-name characters.
 * Returns the normalised host or why it is refused (percent escapes, `@`, spaces, empty labels …).
 */
export function normalizeHostname(
  raw: string,
): { readonly ok: true; readonly host: string } | { readonly ok: false; readonly why: string } {
  if (raw.length === 0) return { ok: false, why: 'the host is empty' }
  if (raw.length > 253) return { ok: false, why: 'the host is longer than 253 characters' }
  if (raw.includes('%')) return { ok: false, why: 'a host name cannot contain percent-escapes' }
  if (/[\s/\\@?#:<>^|]/.test(raw.replace(/^\[.*\]$/, '')))
    return { ok: false, why: 'a host name cannot contain spaces, "/", "\\", "@", "?", "#" or ":"' }
  let host: string
  try {
    host = new URL(`https://${raw}/`).hostname
  } catch {
    return { ok: false, why: 'it is not a valid host name' }
  }
  if (IPV6.test(host)) return { ok: true, host }
  if (!HOST_CHARS.test(host))
    return { ok: false, why: 'a host name may contain only letters, digits, ".", "-" and "_"' }
  const labels = host.split('.')
  if (labels.some((l, i) => l.length === 0 && i !== labels.length - 1))
    return { ok: false, why: 'the host has an empty label ("..")' }
  if (labels.some((l) => l.startsWith('-')))
    return { ok: false, why: 'a host name label cannot start with "-"' }
  return { ok: true, host }
}

/**
 * Normalises `host[:port]` as accounts store it: lowercase punycode hostname, port kept only when it
 * is not 443. Null when the text is not exactly a host (no trimming: `github.com\r` is not github.com).
 */
export function normalizeHostPort(text: string): string | null {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(text)
  if (!m) return null
  const h = normalizeHostname(m[1] ?? '')
  if (!h.ok) return null
  const port = m[2] === undefined ? null : Number(m[2])
  if (port !== null && (port < 1 || port > 65535)) return null
  return port === null || port === 443 ? h.host : `${h.host}:${port}`
}

function splitSegments(path: string): readonly string[] {
  return path
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => percentDecodeOnce(s))
}

function splitUserinfo(userinfo: string | null): { username: string | null; password: string | null } {
  if (userinfo === null) return { username: null, password: null }
  const colon = userinfo.indexOf(':')
  if (colon < 0) return { username: userinfo, password: null }
  return { username: userinfo.slice(0, colon), password: userinfo.slice(colon + 1) }
}

function hostAndPort(
  hostport: string,
): LexResult | { readonly host: string; readonly rawHost: string; readonly port: number | null } {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(hostport)
  const rawHost = m?.[1] ?? hostport
  const portText = m?.[2]
  if (rawHost.length === 0) return { ok: false, failure: { kind: 'no_host' } }
  let port: number | null = null
  if (portText !== undefined && portText.length > 0) {
    if (!/^\d{1,5}$/.test(portText) || Number(portText) < 1 || Number(portText) > 65535) {
      return { ok: false, failure: { kind: 'bad_port', port: portText.slice(0, 20) } }
    }
    port = Number(portText)
  }
  const h = normalizeHostname(rawHost)
  if (!h.ok) return { ok: false, failure: { kind: 'bad_host', host: rawHost.slice(0, 100), why: h.why } }
  return { host: h.host, rawHost, port }
}

function lexUrl(text: string, schemeEnd: number): LexResult {
  const scheme = text.slice(0, schemeEnd).toLowerCase()
  const rest = text.slice(schemeEnd + 3)
  const authorityEnd = rest.search(/[/?#]/)
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd)
  let tail = authorityEnd < 0 ? '' : rest.slice(authorityEnd)
  const at = authority.lastIndexOf('@')
  const userinfo = at < 0 ? null : authority.slice(0, at)
  const hp = hostAndPort(at < 0 ? authority : authority.slice(at + 1))
  if ('ok' in hp) return hp
  let fragment: string | null = null
  const hash = tail.indexOf('#')
  if (hash >= 0) {
    fragment = tail.slice(hash + 1)
    tail = tail.slice(0, hash)
  }
  let query: string | null = null
  const q = tail.indexOf('?')
  if (q >= 0) {
    query = tail.slice(q + 1)
    tail = tail.slice(0, q)
  }
  const parts: RemoteParts = {
    form: 'url',
    scheme,
    ...splitUserinfo(userinfo),
    userinfo,
    host: hp.host,
    rawHost: hp.rawHost,
    port: hp.port,
    path: tail,
    segments: splitSegments(tail),
    query,
    fragment,
  }
  return { ok: true, parts }
}

/** Splits a remote into parts, or says which kind of non-URL it is. The input is used as given (no trimming). */
export function lexRemote(text: string): LexResult {
  if (text.length === 0) return { ok: false, failure: { kind: 'empty' } }
  const helper = /^([A-Za-z][A-Za-z0-9+.-]*)::/.exec(text)
  if (helper)
    return { ok: false, failure: { kind: 'remote_helper', transport: (helper[1] ?? '').toLowerCase() } }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(text)
  if (scheme) return lexUrl(text, (scheme[1] ?? '').length)
  if (text.startsWith('://') || /^[A-Za-z][A-Za-z0-9+.-]*:\/(?!\/)/.test(text)) {
    return { ok: false, failure: { kind: 'no_scheme', guess: null } }
  }
  if (/^(?:[/.~\\]|[A-Za-z]:[\\/])/.test(text)) return { ok: false, failure: { kind: 'local_path' } }
  const colon = text.indexOf(':')
  const slash = text.indexOf('/')
  if (colon > 0 && (slash < 0 || colon < slash)) {
    const authority = text.slice(0, colon)
    const at = authority.lastIndexOf('@')
    const userinfo = at < 0 ? null : authority.slice(0, at)
    const hp = hostAndPort(at < 0 ? authority : authority.slice(at + 1))
    if ('ok' in hp) return hp
    const path = text.slice(colon + 1)
    const parts: RemoteParts = {
      form: 'scp',
      scheme: 'ssh',
      username: userinfo,
      password: null,
      userinfo,
      host: hp.host,
      rawHost: hp.rawHost,
      port: null,
      path,
      segments: splitSegments(path),
      query: null,
      fragment: null,
    }
    return { ok: true, parts }
  }
  const firstSegment = slash < 0 ? text : text.slice(0, slash)
  const looksLikeHost = firstSegment.includes('.') && normalizeHostname(firstSegment).ok
  return {
    ok: false,
    failure: { kind: 'no_scheme', guess: looksLikeHost && slash > 0 ? `https://${text}` : null },
  }
}

/** Percent-encodes one path segment for a canonical URL (a space becomes `%20`, `/` becomes `%2F`). */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment)
}

/** True when two hosts (`host[:port]`) are the same after normalisation (lowercase, punycode, default port dropped); no suffix or look-alike ever matches. */
export function hostMatches(accountHost: string, urlHost: string): boolean {
  const a = normalizeHostPort(accountHost)
  const b = normalizeHostPort(urlHost)
  return a !== null && a === b
}
