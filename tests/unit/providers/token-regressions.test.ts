import { describe, expect, it } from 'vitest'
import { analyzeToken } from '@shared/providers/token-analysis'
import { normalizeTokenInput } from '@shared/providers/token-input'

/** Bugs found by tests/unit/property/token.property.test.ts, pinned as plain examples. */

const GHS = 'ghs_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0uCPlr'

describe('normalizeTokenInput peels every layer (idempotent)', () => {
  it('past six wrappings', () => {
    const raw = `"""Authorization: token Authorization: token ${GHS}"""`
    expect(normalizeTokenInput(raw).token).toBe(GHS)
    expect(normalizeTokenInput(normalizeTokenInput(raw).token).token).toBe(GHS)
  })
  it('unescapes an Atlassian "=" until none is left escaped', () => {
    // `\\=` (an escaped backslash, then an escaped "=") became `\=` on the first pass.
    const once = normalizeTokenInput('ATATT3xFfGF0abc\\\\=A1B2C3D4').token
    expect(once).toBe('ATATT3xFfGF0abc=A1B2C3D4')
    expect(normalizeTokenInput(once).token).toBe(once)
  })
})

describe('a 40-character ghs_ token with a stray "." is the classic form, not a stateless one', () => {
  it('reports an invalid checksum instead of "none"', () => {
    const broken = `${GHS.slice(0, 20)}.${GHS.slice(21)}`
    const a = analyzeToken(broken)
    expect(analyzeToken(GHS).checksum).toBe('valid')
    expect({ kind: a.kind, checksum: a.checksum }).toEqual({ kind: 'app_installation', checksum: 'invalid' })
    expect(a.facts.tokenForm).not.toBe('stateless')
  })
})
