import { describe, expect, it } from 'vitest'
import { apiUrlCases } from './api-url.cases'
import { checkCase } from './rule-fixtures'

describe('api_url rules', () => {
  it.each(apiUrlCases.map((c) => [`${c.rule} ${c.expect}s: ${c.name}`, c] as const))('%s', (_name, c) => {
    checkCase(c)
  })

  it.each([
    ['api_url.gitea_api_v1', 'https://gitea.acme.com'],
    ['api_url.azure_path', 'https://dev.azure.com'],
    ['api_url.gitea_missing', 'https://gitea.acme.com'],
    ['api_url.enterprise_missing', 'https://ghe.acme.com'],
    ['api_url.gitlab_path', 'https://gitlab.acme.com'],
  ])('%s offers to set %s', (rule, value) => {
    const [f] = checkCase(apiUrlCases.find((c) => c.rule === rule && c.expect === 'fail')!)
    expect(f?.fixes[0]?.action).toEqual({
      kind: 'set_field',
      subject: 'environments.prod.scm.api_url',
      value,
    })
  })
})
