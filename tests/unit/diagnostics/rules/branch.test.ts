import { describe, expect, it } from 'vitest'
import { branchCases } from './branch.cases'
import { checkCase } from './rule-fixtures'

describe('branch rules', () => {
  it.each(branchCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })

  it('offers the trimmed name when only spaces are wrong', () => {
    const [f] = checkCase(branchCases[1]!)
    expect(f?.fixes[0]?.action).toEqual({ kind: 'set_field', subject: 'storage.flags.branch', value: 'main' })
  })
})
