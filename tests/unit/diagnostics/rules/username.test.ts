import { describe, expect, it } from 'vitest'
import { checkCase } from './rule-fixtures'
import { usernameCases } from './username.cases'

describe('username rules', () => {
  it.each(usernameCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })

  it('offers to switch an API-token access_token credential to basic with a username', () => {
    const [f] = checkCase(usernameCases[0]!)
    expect(f?.fixes.map((x) => x.action)).toEqual([
      { kind: 'set_field', subject: 'credentials.bb.type', value: 'basic' },
      { kind: 'set_field', subject: 'credentials.bb.basic.username', value: 'x-bitbucket-api-token-auth' },
    ])
  })

  it('points Bearer-only Data Center tokens at a personal HTTP access token page on the same host', () => {
    const [f] = checkCase(
      usernameCases.find((c) => c.rule === 'username.bearer_only' && c.expect === 'fail')!,
    )
    const action = f?.fixes.find((x) => x.action?.kind === 'open_url')?.action
    expect(action && 'url' in action ? action.url : '').toBe(
      'https://bitbucket.acme.com/plugins/servlet/access-tokens/manage',
    )
  })
})
