import type { ErrorCategory } from '@shared/domain/provider'
import type { HttpResponse, NetFailure } from '../net/http-client'
import type { ProbeReading } from './api-probe.types'

/** A reading with nothing known yet; modules fill in what they learn. */
export const EMPTY: ProbeReading = {
  authenticated: null,
  category: null,
  login: null,
  scopes: null,
  expiresAt: null,
  tokenType: null,
  detail: '',
}

/** The call could not be made (a kind that cannot introspect, a missing input): nothing is claimed. */
export function skipped(detail: string, tokenType: string | null = null): ProbeReading {
  return { ...EMPTY, tokenType, detail }
}

/** No HTTP answer: the network category, nothing said about the token. */
export function unreachable(f: NetFailure): ProbeReading {
  return { ...EMPTY, category: f.category, detail: f.message }
}

/** The API refused the token. */
export function refused(
  category: ErrorCategory,
  detail: string,
  tokenType: string | null = null,
): ProbeReading {
  return { ...EMPTY, authenticated: false, category, tokenType, detail }
}

/** Parses a JSON object body; null when it is not one. */
export function jsonObject(res: HttpResponse): Readonly<Record<string, unknown>> | null {
  try {
    const v: unknown = JSON.parse(res.body)
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** A string field of a JSON object, or null. */
export const str = (o: Readonly<Record<string, unknown>> | null, key: string): string | null => {
  const v = o?.[key]
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null
}

/** A comma/space separated scope header as a list; null when the header is absent. */
export function scopeList(header: string | undefined): string[] | null {
  if (header === undefined) return null
  return header
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** `Authorization: Basic base64(user:secret)`. */
export const basic = (user: string, secret: string): string =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`

/** A date or date-time (GitHub's `YYYY-MM-DD HH:MM:SS UTC` or with an offset) as a UTC date. */
export function utcDate(text: string | null | undefined): string | null {
  if (!text) return null
  const t = text.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t
  const iso = t
    .replace(/^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?)/, '$1T$2')
    .replace(/\s*UTC$/i, 'Z')
    .replace(/\s*([+-]\d{2}):?(\d{2})$/, '$1:$2')
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10)
}

/** True when a YYYY-MM-DD date is before today (UTC). */
export const isPast = (date: string | null | undefined, now: Date): boolean =>
  typeof date === 'string' && date < now.toISOString().slice(0, 10)

/**
 * Answers every provider shares: a cross-origin redirect (never followed with the token), rate
 * limits, server errors. Null when the module should read the answer itself.
 */
export function commonAnswer(res: HttpResponse): ProbeReading | null {
  if (res.redirectedTo)
    return {
      ...EMPTY,
      category: 'other',
      detail: `The API redirected to ${res.redirectedTo}; GitKeys does not send the token to another origin. Check the API URL.`,
    }
  if (res.status === 429)
    return {
      ...EMPTY,
      category: 'rate_limited',
      detail: 'The API rate limit is exhausted (429); try again later.',
    }
  if (res.status >= 500)
    return {
      ...EMPTY,
      category: 'other',
      detail: `The API answered with a server error (${res.status}); try again later.`,
    }
  return null
}

/** An answer no rule covers: said plainly, with the status. */
export function unexpectedAnswer(res: HttpResponse, what: string): ProbeReading {
  return {
    ...EMPTY,
    category: 'other',
    detail: `${what} answered ${res.status}, which GitKeys does not recognise.`,
  }
}
