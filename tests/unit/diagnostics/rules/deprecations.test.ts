import { describe, expect, it } from 'vitest'
import { runRules } from '@shared/diagnostics/diagnose'
import { ALL_RULES } from '@shared/diagnostics/rules/rule-catalog.table'
import { deprecationCases } from './deprecations.cases'
import { checkCase } from './rule-fixtures'

describe('deprecation rules', () => {
  it.each(deprecationCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))(
    '%s',
    (_name, c) => {
      checkCase(c)
    },
  )

  it('raises the Azure global-PAT notice to a warning once 2026-12-01 has passed', () => {
    const c = deprecationCases.find(
      (x) => x.rule === 'deprecations.conditional_retirement' && x.expect === 'fail',
    )
    if (!c) throw new Error('case missing')
    const before = runRules(ALL_RULES, c.ctx, new Date('2026-11-30T12:00:00Z')).find((f) => f.id === c.rule)
    const after = runRules(ALL_RULES, c.ctx, new Date('2026-12-01T12:00:00Z')).find((f) => f.id === c.rule)
    expect([before?.severity, after?.severity]).toEqual(['info', 'warning'])
  })
})
