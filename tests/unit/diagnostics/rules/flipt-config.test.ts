import { describe, it } from 'vitest'
import { fliptConfigCases } from './probe-flipt-summary.cases'
import { checkCase } from './rule-fixtures'

describe('flipt-config rules', () => {
  it.each(fliptConfigCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))(
    '%s',
    (_name, c) => {
      checkCase(c)
    },
  )
})
