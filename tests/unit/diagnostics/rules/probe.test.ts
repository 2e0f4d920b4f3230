import { describe, it } from 'vitest'
import { probeCases } from './probe-flipt-summary.cases'
import { checkCase } from './rule-fixtures'

describe('probe rules', () => {
  it.each(probeCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })
})
