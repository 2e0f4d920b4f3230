import { describe, it } from 'vitest'
import { expiryCases } from './expiry.cases'
import { checkCase } from './rule-fixtures'

describe('expiry rules', () => {
  it.each(expiryCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })
})
