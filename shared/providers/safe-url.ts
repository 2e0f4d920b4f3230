import { findUnsafeChars } from '../logic/text-safety'
import { lexRemote, normalizeHostPort } from './url-parts'

/**
 * Building https URLs from account data without letting that data choose the scheme, the host or the
 * path structure: the host must normalise to a plain DNS name (or IP) with an optional port, path
 * values are validated and percent-encoded one segment at a time, and the finished URL is parsed
 * again and compared with what was intended (security.md §8 vector 10).
 */

/** The outcome of a URL build: the URL or a reason a person can read. */
export type Built =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string }

/** Splits and validates a path value (`a/b` allowed when `multi`); null when any segment is unsafe. */
export function safeSegments(value: string, multi: boolean): readonly string[] | null {
  const segs = value.split('/').filter((s) => s.length > 0)
  if (segs.length === 0 || (!multi && segs.length !== 1)) return null
  for (const s of segs) {
    if (s === '.' || s === '..' || s.length > 200 || s.includes('\\') || findUnsafeChars(s).length > 0)
      return null
  }
  return segs
}

/** Values a template may reference. */
export type TemplateValues = Readonly<
  Partial<Record<'host' | 'prefix' | 'owner' | 'repo' | 'user', string | null>>
>

/**
 * Fills `https://{host}{prefix}/…` style templates. `{host}` must be a valid host[:port]; `{prefix}`
 * becomes `''` or `/a/b`; `{owner}` may span segments, `{repo}` and `{user}` are one segment each.
 * A template with a literal host (`https://api.github.com`) is verified against that host instead.
 */
export function fillHttpsTemplate(template: string, values: TemplateValues): Built {
  const host = normalizeHostPort(values.host ?? '')
  if (host === null)
    return { ok: false, reason: `"${(values.host ?? '').slice(0, 80)}" is not a valid host name` }
  let problem: string | null = null
  const path = (name: 'prefix' | 'owner' | 'repo' | 'user'): string => {
    const raw = values[name]
    if (name === 'prefix' && (raw === null || raw === undefined || raw.replace(/\//g, '') === '')) return ''
    const segs = raw ? safeSegments(raw, name === 'prefix' || name === 'owner') : null
    if (!segs) {
      problem ??= raw
        ? `the ${name} "${raw.slice(0, 60)}" cannot be used in a URL`
        : `the ${name} is needed to build this link`
      return ''
    }
    return `${name === 'prefix' ? '/' : ''}${segs.map(encodeURIComponent).join('/')}`
  }
  const url = template.replace(
    /\{(host|prefix|owner|repo|user)\}/g,
    (_m, name: 'host' | 'prefix' | 'owner' | 'repo' | 'user') => (name === 'host' ? host : path(name)),
  )
  if (problem !== null) return { ok: false, reason: problem }
  const fixed = template.includes('{host}') ? null : /^https:\/\/([^/]+)/.exec(template)?.[1]
  return verifyHttpsOn(url, fixed ?? host)
}

/** Confirms `url` parses as https on exactly `hostPort`, with no userinfo; returns it unchanged when so. */
export function verifyHttpsOn(url: string, hostPort: string): Built {
  const lexed = lexRemote(url)
  if (!lexed.ok || lexed.parts.scheme !== 'https' || lexed.parts.userinfo !== null)
    return { ok: false, reason: 'the link would not be a plain https URL' }
  const got = normalizeHostPort(
    lexed.parts.port === null ? lexed.parts.host : `${lexed.parts.host}:${lexed.parts.port}`,
  )
  if (got === null || got !== normalizeHostPort(hostPort))
    return { ok: false, reason: 'the link would point at another host' }
  return { ok: true, url }
}
