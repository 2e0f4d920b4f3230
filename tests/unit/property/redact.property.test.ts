import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { redact } from '@shared/logic/redact'
import { anyKnownToken, RUNS } from './arbitraries'

/**
 * redact scrubs anything that may be shown, logged or exported: a token of any shape it knows,
 * embedded in arbitrary text, never survives, not even as a 12-character run of its body.
 */

/** Text around a token in logs: words, punctuation, URLs, percent-encoding, other languages. */
const surrounding = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    'token=',
    'Authorization: Bearer ',
    'https://x-token-auth:',
    '@github.com/acme/r.git',
    '%20',
    '%3D',
    '"',
    "'",
    '\n',
    '_',
    'x',
    '0',
    '-',
    '.',
    '\u00e9',
    '\u202e',
  ),
)

function secretRuns(token: string, size: number): string[] {
  const body = token.replace(
    /^(?:github_pat_|gh[pousr]_|gl[a-z]{2,6}-|GR1348941|ATATT|ATCTT|ATBB|BBDC-|eyJ)/,
    '',
  )
  const out: string[] = []
  for (let i = 0; i + size <= body.length; i += 4) out.push(body.slice(i, i + size))
  return out
}

describe('redact', () => {
  it('removes a token of every known shape from arbitrary surrounding text', () => {
    fc.assert(
      fc.property(surrounding, anyKnownToken, surrounding, (before, token, after) => {
        const out = redact(`${before}${token}${after}`)
        expect(out).not.toContain(token)
        for (const run of secretRuns(token, 12)) expect(out).not.toContain(run)
      }),
      { numRuns: 1000 },
    )
  })
  // '' glues two tokens together (`BBDC-…BBDC-…`): the first match takes the second's prefix into its
  // body, and the second must still go.
  it('removes every token when several are embedded, even glued together', () => {
    const separated = fc
      .tuple(fc.constantFrom('', ' ', '\n', '"', ',', ';', '&', ':', '/'), surrounding)
      .map(([sep, s]) => `${sep}${s}`)
    fc.assert(
      fc.property(fc.array(fc.tuple(separated, anyKnownToken), { minLength: 2, maxLength: 4 }), (parts) => {
        const out = redact(parts.map(([s, t]) => `${s}${t}`).join(' '))
        for (const [, t] of parts) expect(out).not.toContain(t)
      }),
      RUNS,
    )
  })
  it('removes a known secret of any shape, and is idempotent', () => {
    fc.assert(
      fc.property(surrounding, fc.string({ minLength: 6, maxLength: 30 }), surrounding, (a, secret, b) => {
        fc.pre(secret.trim().length >= 6)
        const out = redact(`${a}${secret}${b}`, [secret])
        expect(out).not.toContain(secret)
        expect(redact(out, [secret])).toBe(out)
      }),
      RUNS,
    )
  })
})
