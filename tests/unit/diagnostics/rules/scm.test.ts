import { describe, it } from 'vitest'
import { scmCases } from './scm.cases'
import { checkCase } from './rule-fixtures'

describe('scm rules', () => {
  it.each(scmCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })
})
