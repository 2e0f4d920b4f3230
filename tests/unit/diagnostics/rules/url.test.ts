import { describe, expect, it } from 'vitest'
import { CANARY } from '../../../support/canary'
import { checkCase } from './rule-fixtures'
import { urlCases } from './url.cases'

describe('url rules', () => {
  it.each(urlCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })

  it('offers the clone URL for a web page address', () => {
    const [f] = checkCase(urlCases[0]!)
    expect(f?.fixes[0]?.action).toEqual({
      kind: 'set_field',
      subject: 'storage.flags.remote',
      value: 'https://github.com/acme/flags.git',
    })
  })

  it('never repeats the token of a URL with credentials, only its hint', () => {
    const c = urlCases.find((x) => x.rule === 'url.secret_in_url' && x.expect === 'fail')!
    const [f] = checkCase(c)
    expect(JSON.stringify(f)).not.toContain('Zx9Qm2Lp8Vr4Tn6Wc1Yb7Hd3Kf5Gs0')
    expect(JSON.stringify(f)).not.toContain(CANARY)
    expect(f?.fixes[0]?.action).toEqual({
      kind: 'set_field',
      subject: 'storage.flags.remote',
      value: 'https://github.com/acme/flags.git',
    })
  })

  it('grades surrounding spaces as an error and inner Azure spaces as a warning', () => {
    const [outer] = checkCase(urlCases.find((c) => c.name === 'a space before the URL')!)
    const [inner] = checkCase(urlCases.find((c) => c.name === 'an unencoded space in an Azure project')!)
    expect([outer?.severity, inner?.severity]).toEqual(['error', 'warning'])
  })
})
