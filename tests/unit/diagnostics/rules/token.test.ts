import { describe, expect, it } from 'vitest'
import { checkCase } from './rule-fixtures'
import { tokenCases } from './token.cases'

describe('token rules', () => {
  it.each(tokenCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })

  it('treats paste damage in an env value as an error and offers a rotate fix for accounts', () => {
    const [damage] = checkCase(
      tokenCases.find((c) => c.rule === 'token.paste_damage' && c.expect === 'fail') ?? tokenCases[0]!,
    )
    expect(damage?.severity).toBe('error')
    const [checksum] = checkCase(tokenCases[0]!)
    expect(checksum?.fixes.map((f) => f.action?.kind)).toEqual(
      expect.arrayContaining(['rotate_token', 'open_url']),
    )
    const url = checksum?.fixes.find((f) => f.action?.kind === 'open_url')?.action
    expect(url && 'url' in url ? url.url : '').toMatch(/^https:\/\/github\.com\/settings\/tokens\/new\?/)
  })
})
