/**
 * What may be stored as a token (security.md vector 33): printable ASCII without spaces, 1 to 4096
 * characters. `=` is allowed: Atlassian tokens contain it, and git's credential protocol splits a
 * line on its first `=` only, so a `=` inside a value cannot inject a key.
 */
export function tokenTextProblem(token: string): string | null {
  if (token.length === 0) return 'The token is empty.'
  if (token.length > 4096) return 'The token is longer than 4,096 characters; it is probably not a token.'
  if (/[\r\n]/.test(token)) return 'The token contains a line break.'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(token)) return 'The token contains a control character.'
  if (/\s/.test(token)) return 'The token contains a space.'
  if (/[^\x21-\x7e]/.test(token))
    return 'The token contains characters outside printable ASCII (look-alike or invisible characters).'
  return null
}
