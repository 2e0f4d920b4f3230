import { describe, expect, it } from 'vitest'
import { redact } from '@shared/logic/redact'

const GHP = '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'
const AZURE = `${'A'.repeat(52)}JQQJ99${'B'.repeat(26)}`

// Found by tests/unit/property/redact.property.test.ts: the patterns were anchored with `\b`, so a token
// right after a word character (a percent-encoded space, an underscore) passed through unredacted.
describe('redact: tokens glued to word characters', () => {
  it.each([
    [`GET /api?auth=Bearer%20${GHP} HTTP/1.1`, GHP],
    ['GITLAB_TOKEN_glpat-AAAAAAAAAAAAAAAAAAAAAA', 'glpat-AAAAAAAAAAAAAAAAAAAAAA'],
    ['_GR1348941AAAAAAAAAAAAAAAAAAAA', 'GR1348941AAAAAAAAAAAAAAAAAAAA'],
    [`x${AZURE}y`, AZURE],
  ])('%j', (text, token) => {
    const out = redact(text)
    expect(out).not.toContain(token)
    expect(out).not.toContain(token.slice(8, 20))
  })
  it('still keeps the text around a token readable', () => {
    expect(redact(`remote: Invalid credentials ${GHP} (401)`)).toBe(
      'remote: Invalid credentials ghp_…CPlr (401)',
    )
  })
})

// Found with the git output buffer: the GitLab custom-prefix part and the URL scheme were tried from
// every position of a run of letters or of dash-separated words, so redacting took quadratic time
// (40 KB of letters: about 2 s; this text: 20 s). The cost itself is a figure in tests/bench
// (redact.adversarial_1mb); here the text must come out right within the test's own time limit.
describe('redact: cost', () => {
  it('gets through long runs of token characters and still finds a prefixed token at the end', () => {
    const text = `${'z'.repeat(500_000)} ${'a-'.repeat(100_000)}mycorp-glpat-AAAAAAAAAAAAAAAAAAAA`
    const out = redact(text)
    expect(out).not.toContain('glpat-AAAAAAAAAAAAAAAA')
  })
})

// Two tokens glued together with nothing between them: where a body cannot hold its own prefix
// (`BBDC-`'s dash, a JWT's dots), the first match took the second token's prefix into its body and the
// rest of the second token was printed as it was.
describe('redact: tokens glued to each other', () => {
  const jwt = (c: string): string => `eyJ${c.repeat(12)}.${c.repeat(20)}.${c.repeat(30)}`
  const pairs: Record<string, readonly [string, string]> = {
    'BBDC-': [`BBDC-${'A'.repeat(44)}`, `BBDC-${'B'.repeat(44)}`],
    JWT: [jwt('A'), jwt('B')],
    ghp_: [GHP, `ghp_${'B'.repeat(36)}`],
    'glpat-': [`glpat-${'A'.repeat(20)}`, `glpat-${'B'.repeat(20)}`],
    ATATT: [`ATATT${'A'.repeat(180)}`, `ATATT${'B'.repeat(180)}`],
    'Azure PAT': [AZURE, `${'C'.repeat(52)}JQQJ99${'D'.repeat(26)}`],
    'JWT then BBDC-': [jwt('A'), `BBDC-${'B'.repeat(44)}`],
    'BBDC- then JWT': [`BBDC-${'A'.repeat(44)}`, jwt('B')],
  }
  it.each(Object.entries(pairs))('%s', (_kind, [first, second]) => {
    const out = redact(`token: ${first}${second} (401)`)
    expect(out).toMatch(/^token: \S*… ?\S* \(401\)$/)
    for (const token of [first, second]) {
      expect(out).not.toContain(token)
      expect(out).not.toContain(token.slice(-12))
    }
  })
  it('still gives each of two tokens of the same kind its own hint when something separates them', () => {
    expect(redact(`BBDC-${'A'.repeat(44)} BBDC-${'B'.repeat(44)}`)).toBe('BBDC-…AAAA BBDC-…BBBB')
  })
})
