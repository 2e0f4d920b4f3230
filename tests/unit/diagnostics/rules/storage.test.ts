import { describe, expect, it } from 'vitest'
import { checkCase } from './rule-fixtures'
import { storageCases } from './storage.cases'

describe('storage rules', () => {
  it.each(storageCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })

  it('quotes Flipt for a short poll interval and offers 30s', () => {
    const [f] = checkCase(storageCases.find((c) => c.rule === 'storage.poll_interval_too_short')!)
    expect(f?.detail).toContain(
      'storage: flags storage: poll_interval poll interval must be at least 1 second',
    )
    expect(f?.fixes[0]?.action).toEqual({
      kind: 'set_field',
      subject: 'storage.flags.poll_interval',
      value: '30s',
    })
  })

  it('grades a duration only the schema refuses as a warning', () => {
    const [f] = checkCase(storageCases.find((c) => c.name.startsWith('"1.5m"'))!)
    expect(f?.severity).toBe('warning')
  })
})
