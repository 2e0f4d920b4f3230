import { decodeBase64, utf8Decode } from '../logic/base-n'
import { percentDecodeOnce } from '../logic/text-safety'
import { unescapeAtlassian } from './token-checksums'
import { lexRemote } from './url-parts'

/**
 * Cleans what people paste into a token field: surrounding whitespace and quotes, an
 * `Authorization: Bearer`/`token` prefix, a `Basic` header, a whole URL with the token in its
 * userinfo, and Atlassian's escaped `=`. Every repair is reported so the UI can say what changed.
 */

/** A repair `normalizeTokenInput` applied. */
export type TokenRepair =
  | 'trimmed_whitespace'
  | 'removed_quotes'
  | 'removed_header_name'
  | 'removed_auth_scheme'
  | 'decoded_basic_auth'
  | 'extracted_from_url'
  | 'unescaped_equals'

/** The cleaned token, the repairs, and whether the input was a URL with no token in it. */
export type NormalizedToken = {
  readonly token: string
  readonly repairs: readonly TokenRepair[]
  /** The input was a URL without userinfo: there is no token to take from it. */
  readonly urlWithoutToken: boolean
}

/** Pairs of quotes people copy along with a token (ASCII, backtick, typographic). */
const QUOTES: readonly (readonly [string, string])[] = [
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['\u201c', '\u201d'],
  ['\u2018', '\u2019'],
  ['\u00ab', '\u00bb'],
]

const ASCII_SPACE = /^[ \t\r\n\f\v]+|[ \t\r\n\f\v]+$/g

function step(text: string, repairs: TokenRepair[]): { text: string; urlWithoutToken: boolean } {
  let t = text
  const trimmed = t.replace(ASCII_SPACE, '')
  if (trimmed !== t) {
    repairs.push('trimmed_whitespace')
    t = trimmed
  }
  const quote = QUOTES.find(([open, close]) => t.length >= 2 && t.startsWith(open) && t.endsWith(close))
  if (quote) {
    repairs.push('removed_quotes')
    return { text: t.slice(1, -1), urlWithoutToken: false }
  }
  const header = /^(?:authorization|proxy-authorization|private-token)[ \t]*:[ \t]*/i.exec(t)
  if (header) {
    repairs.push('removed_header_name')
    return { text: t.slice(header[0].length), urlWithoutToken: false }
  }
  const basic = /^basic[ \t]+([A-Za-z0-9+/]+={0,2})$/i.exec(t)
  const decoded = basic ? decodeBase64(basic[1] ?? '') : null
  const pair = decoded ? utf8Decode(decoded) : null
  if (pair?.includes(':')) {
    repairs.push('decoded_basic_auth')
    return { text: pair.slice(pair.indexOf(':') + 1), urlWithoutToken: false }
  }
  const scheme = /^(?:bearer|token)[ \t]+/i.exec(t)
  if (scheme) {
    repairs.push('removed_auth_scheme')
    return { text: t.slice(scheme[0].length), urlWithoutToken: false }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) {
    const lexed = lexRemote(t)
    if (lexed.ok && lexed.parts.userinfo !== null) {
      const secret =
        lexed.parts.password !== null && lexed.parts.password !== ''
          ? lexed.parts.password
          : (lexed.parts.username ?? '')
      repairs.push('extracted_from_url')
      return { text: percentDecodeOnce(secret), urlWithoutToken: false }
    }
    return { text: t, urlWithoutToken: true }
  }
  return { text: t, urlWithoutToken: false }
}

/** Returns the cleaned token (trimmed, quotes, header, Bearer/Basic and URL removed) and which repairs were applied. */
export function normalizeTokenInput(raw: string): NormalizedToken {
  const repairs: TokenRepair[] = []
  let text = raw
  let urlWithoutToken = false
  // Every repair shortens the text, so peeling until nothing changes ends (and makes this idempotent).
  for (let i = 0; i <= raw.length; i++) {
    const next = step(text, repairs)
    urlWithoutToken = next.urlWithoutToken
    if (next.text === text) break
    text = next.text
  }
  while (/^AT(?:ATT|CTT)/.test(text) && /%3D|\\=/i.test(text)) {
    repairs.push('unescaped_equals')
    text = unescapeAtlassian(text)
  }
  return { token: text, repairs: [...new Set(repairs)], urlWithoutToken }
}
