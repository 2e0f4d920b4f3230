import { describe, expect, it } from 'vitest'
import { checkCase } from './rule-fixtures'
import { secretRefCases } from './secret-ref.cases'

describe('secret reference rules', () => {
  it.each(secretRefCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })

  it("quotes the message Flipt gives once the unset variable became ''", () => {
    const [f] = checkCase(secretRefCases[0]!)
    expect(f?.detail).toContain('credentials: gh credentials: access token non-empty value is required')
  })
})
