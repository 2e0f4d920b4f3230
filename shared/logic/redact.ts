/**
 * Secret scrubbing for anything that may be shown, logged or exported: token shapes of every
 * provider we know, URL userinfo, Authorization headers and known secret values. A redacted token
 * keeps a short recognisable hint (`ghp_…a1b2`) so two reports can still be matched up.
 */

/**
 * No `\b` anchors: a token glued to a word character (`Bearer%20ghp_…`, `GITLAB_TOKEN_glpat-…`) must
 * go too, and redacting a little too much is the safe way to be wrong. Where a body cannot hold its
 * own prefix (`BBDC-`'s dash, a JWT's dots), a glued second token of the same kind is taken in by a
 * trailing group: the first body has already swallowed that token's start.
 */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /github_pat_[A-Za-z0-9_]{20,}/g,
  /gh[pousr]_[A-Za-z0-9_.-]{20,}/g,
  // The custom-prefix part may only start where a run of prefix characters starts: the same matches as
  // without the look-behind, but linear (it made a 40 KB run of letters cost 2 s, quadratically).
  /(?:(?<![A-Za-z0-9_-])[A-Za-z0-9_-]+-)?gl(?:pat|rt|rtr|dt|cbt|ptt|ft|imt|agent|soat|ffct|wt|oas)-[A-Za-z0-9_.-]{16,}/g,
  /GR1348941[A-Za-z0-9_-]{16,}/g,
  /AT(?:ATT|CTT)[A-Za-z0-9_=%\\-]{20,}/g,
  /ATBB[A-Za-z0-9]{20,}/g,
  /BBDC-[A-Za-z0-9+/=]{20,}(?:-[A-Za-z0-9+/=]{20,})*/g,
  /[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9]{26}/g,
  /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})*/g,
]

/** A short, non-reversible hint of a secret: prefix and last four characters. */
export function secretHint(secret: string): string {
  const t = secret.trim()
  if (t.length < 12) return '…'
  const prefix = /^(github_pat_|gh[pousr]_|gl[a-z]{2,6}-|GR1348941|ATATT|ATCTT|ATBB|BBDC-)/.exec(t)?.[0] ?? ''
  return `${prefix}…${t.slice(-4)}`
}

/** Replaces every secret-looking run in `text`, plus the exact `known` secrets, with a hint. */
export function redact(text: string, known: readonly string[] = []): string {
  let out = text
  for (const secret of known) {
    if (secret.length >= 6) out = out.split(secret).join(secretHint(secret))
  }
  // A scheme is short (RFC 3986 §3.1); bounding it keeps dash-separated text from costing quadratic time.
  out = out.replace(
    /(\b[a-z][a-z0-9+.-]{0,31}:\/\/)([^/\s@]+)@/gi,
    (_m, scheme: string, userinfo: string) => {
      const colon = userinfo.indexOf(':')
      return colon >= 0 ? `${scheme}${userinfo.slice(0, colon)}:***@` : `${scheme}***@`
    },
  )
  out = out.replace(/(authorization:\s*(?:basic|bearer|token)\s+)[A-Za-z0-9+/=._~-]+/gi, '$1***')
  out = out.replace(/(private-token:\s*)\S+/gi, '$1***')
  out = out.replace(/\b(password|passwd|access_token|token)=([^\s&]+)/gi, '$1=***')
  return hintTokenRuns(out)
}

/**
 * Replaces every run a token pattern matches with its hint. Each pattern reads the same text, and
 * runs that overlap (tokens of different kinds glued together, where one body swallowed the other's
 * prefix) become one run, so no part of either survives.
 */
function hintTokenRuns(text: string): string {
  const runs = TOKEN_PATTERNS.flatMap((re) =>
    [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  ).sort((a, b) => a.start - b.start)
  const merged: { start: number; end: number }[] = []
  for (const r of runs) {
    const last = merged.at(-1)
    if (last && r.start < last.end) last.end = Math.max(last.end, r.end)
    else merged.push(r)
  }
  let out = ''
  let at = 0
  for (const r of merged) {
    out += text.slice(at, r.start) + secretHint(text.slice(r.start, r.end))
    at = r.end
  }
  return out + text.slice(at)
}
