import { describe, it } from 'vitest'
import { pathCases } from './path.cases'
import { checkCase } from './rule-fixtures'

describe('path rules', () => {
  it.each(pathCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })
})
