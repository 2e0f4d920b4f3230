/**
 * git's credential protocol as it reaches the broker: `key=value` lines split on LF or CRLF only (a
 * lone CR is data, never a line break: CVE-2024-50338 / CVE-2025-23040 split on CR and leaked tokens), preceded
 * by credential-cache's `action=` and `timeout=` lines.
 */
export type CredentialRequest = {
  readonly action: string
  readonly fields: ReadonlyMap<string, string>
  /** Lines that were not `key=value`, or repeated single-valued keys: a sign of smuggling. */
  readonly malformed: boolean
}

const MULTI = new Set(['wwwauth[]', 'capability[]', 'state[]'])

/** Parses a request; duplicate single-valued keys mark it malformed instead of "last one wins". */
export function parseCredentialRequest(text: string): CredentialRequest {
  const fields = new Map<string, string>()
  let action = ''
  let malformed = false
  for (const rawLine of text.split('\n')) {
    // A CRLF terminator is accepted; any other CR stays in the value, where it is refused.
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine
    if (line === '') continue
    const eq = line.indexOf('=')
    if (eq <= 0) {
      malformed = true
      continue
    }
    const key = line.slice(0, eq)
    const value = line.slice(eq + 1)
    if (key === 'action') {
      action = value
      continue
    }
    if (key === 'timeout') continue
    if (fields.has(key) && !MULTI.has(key)) malformed = true
    if (!MULTI.has(key)) fields.set(key, value)
  }
  return { action, fields, malformed }
}

/** True when a value could carry an injected line or terminal escape (CR, LF, NUL, other controls, U+2028/9). */
// eslint-disable-next-line no-control-regex
export const unsafeValue = (v: string): boolean => /[\u0000-\u001f\u007f\u0085\u2028\u2029]/.test(v)

/** Formats the answer git reads back: username and password only. */
export function formatCredentialAnswer(username: string, password: string): string {
  return `username=${username}\npassword=${password}\n`
}
