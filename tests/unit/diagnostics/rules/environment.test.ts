import { describe, it } from 'vitest'
import { environmentCases } from './environment.cases'
import { checkCase } from './rule-fixtures'

describe('environment rules', () => {
  it.each(environmentCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))(
    '%s',
    (_name, c) => {
      checkCase(c)
    },
  )
})
