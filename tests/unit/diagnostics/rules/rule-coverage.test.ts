import { describe, expect, it } from 'vitest'
import { ruleCatalog } from '@shared/diagnostics/diagnose'
import { ALL_RULES } from '@shared/diagnostics/rules/rule-catalog.table'
import { buildRuleInput } from '@shared/diagnostics/rules/rule-input.logic'
import { FindingSchema } from '@shared/domain/finding'
import { ALL_CASES } from './all.cases'
import { NOW } from './rule-fixtures'

/** The meta-test of issue 5: every rule has a failing and a passing table-driven case. */
describe('rule coverage', () => {
  const ids = ALL_RULES.map((r) => r.id)

  it('has unique, stable-looking rule ids, each saying what it checks and where the knowledge comes from', () => {
    expect(new Set(ids).size).toBe(ids.length)
    expect(ruleCatalog().map((r) => r.id)).toEqual(ids)
    for (const r of ALL_RULES) {
      expect(r.id).toMatch(/^[a-z_]+(\.[a-z0-9_]+)+$/)
      expect(r.checks.length, r.id).toBeGreaterThan(10)
      expect(r.source.length, r.id).toBeGreaterThan(5)
    }
  })

  it.each(ids)('%s has a failing and a passing case', (id) => {
    const cases = ALL_CASES.filter((c) => c.rule === id)
    expect(cases.filter((c) => c.expect === 'fail').length, `${id} has no failing case`).toBeGreaterThan(0)
    expect(cases.filter((c) => c.expect === 'pass').length, `${id} has no passing case`).toBeGreaterThan(0)
  })

  it('has no case for a rule that does not exist', () => {
    expect(ALL_CASES.map((c) => c.rule).filter((id) => !ids.includes(id))).toEqual([])
  })

  it('each rule, run alone on every case, emits only schema-valid findings with its own id', () => {
    let emitted = 0
    for (const c of ALL_CASES) {
      const input = buildRuleInput(c.ctx, c.now ?? NOW, c.opts)
      for (const rule of ALL_RULES) {
        for (const f of rule.run(input, [])) {
          emitted++
          expect(f.id).toBe(rule.id)
          expect(FindingSchema.safeParse(f).success, `${rule.id}: ${JSON.stringify(f)}`).toBe(true)
          for (const fix of f.fixes)
            if (fix.action?.kind === 'open_url')
              expect(fix.action.url, rule.id).toMatch(/^https:\/\/[a-z0-9.-]+(:\d+)?\//)
        }
      }
    }
    expect(emitted).toBeGreaterThan(ALL_CASES.length)
  })
})
