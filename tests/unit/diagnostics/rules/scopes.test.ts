import { describe, expect, it } from 'vitest'
import { checkCase } from './rule-fixtures'
import { scopeCases } from './scopes.cases'

describe('scopes rules', () => {
  it.each(scopeCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })

  it('links to a classic token page with the push scopes pre-filled', () => {
    const [f] = checkCase(scopeCases.find((c) => c.rule === 'scopes.missing_write')!)
    const action = f?.fixes.find((x) => x.action?.kind === 'open_url')?.action
    expect(action && 'url' in action ? action.url : '').toBe(
      'https://github.com/settings/tokens/new?description=GitKeys&scopes=repo',
    )
    expect(f?.title).toContain('repo')
  })
})
