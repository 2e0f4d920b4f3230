import { describe, it } from 'vitest'
import { summaryCases } from './probe-flipt-summary.cases'
import { checkCase } from './rule-fixtures'

describe('summary rules', () => {
  it.each(summaryCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })
})
