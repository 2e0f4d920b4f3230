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
