import { describe, expect, it } from 'vitest'
import { apiUrlProblem } from '@shared/providers/api-url-check'

describe('apiUrlProblem: where an account may send its token', () => {
  it.each([
    ['ghe.acme.example', null],
    ['ghe.acme.example', ''],
    ['ghe.acme.example', 'https://ghe.acme.example/api/v3'],
    ['ghe.acme.example', 'https://api.ghe.acme.example'],
    ['ghe.acme.example', 'https://api.acme.example/v3'],
    ['gitlab.acme.example:8443', 'https://gitlab.acme.example:8443/gitlab/api/v4'],
    ['127.0.0.1:4000', 'http://127.0.0.1:4100'],
    ['github.com', 'https://api.github.com'],
  ])('%s → %s is accepted', (host, url) => {
    expect(apiUrlProblem(host, url)).toBeNull()
  })

  it.each([
    ['ghe.acme.example', 'https://collector.example.net/api/v3', /not ghe\.acme\.example/],
    ['github.com', 'https://github.com.evil.example', /not github\.com/],
    ['acme.example', 'https://other.example', /not acme\.example/],
    ['ghe.acme.example', 'http://ghe.acme.example/api/v3', /https/],
    ['ghe.acme.example', 'https://bot:pw@ghe.acme.example/api/v3', /user and password/],
    ['ghe.acme.example', 'https://ghe.acme.example/api/v3?next=x', /query/],
    ['ghe.acme.example', 'ghe.acme.example/api', /full URL/],
    ['ghe.acme.example', 'https://ghe.acme.example/api%0a/v3', /control/],
  ])('%s → %s is refused', (host, url, why) => {
    expect(apiUrlProblem(host, url)).toMatch(why)
  })
})
