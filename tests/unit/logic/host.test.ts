import { describe, expect, it } from 'vitest'
import { normalizeHost } from '@shared/logic/host'
import { hostMatches } from '@shared/providers/url-parts'

describe('normalizeHost (account hosts)', () => {
  it.each([
    ['GitHub.COM', 'github.com'],
    ['git.example.com:443', 'git.example.com'],
    ['git.example.com:8443', 'git.example.com:8443'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['  gitlab.acme.example  ', 'gitlab.acme.example'],
  ])('%j → %j', (typed, host) => {
    expect(normalizeHost(typed)).toBe(host)
  })
  // Found by tests/unit/property/host.property.test.ts: the URL parser keeps these, but remote URLs
  // are compared in providers/url-parts.ts form, which refuses them, so the account could never match.
  it.each(['a..b', '-a.com', '.a', 'a..', 'a.-b.com'])(
    'refuses %j, which no remote URL can carry',
    (typed) => {
      expect(normalizeHost(typed)).toBeNull()
      expect(hostMatches(typed, typed)).toBe(false)
    },
  )
})
