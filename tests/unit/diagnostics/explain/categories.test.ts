import { describe, expect, it } from 'vitest'
import { explain, type ExplainProvider } from '@shared/diagnostics/explain/explain'
import { CASES } from './category-cases.fixture'

const NOW = new Date('2026-09-15T12:00:00Z')

describe('explain: one table of cases per category and provider', () => {
  it.each(CASES)('$name → $want', (c) => {
    const x = explain(c.text, c.provider ? { provider: c.provider, now: NOW } : { now: NOW })
    expect(x.category).toBe(c.want)
    for (const bad of c.not ?? []) expect(x.category).not.toBe(bad)
    if (c.detects !== undefined) expect(x.provider).toBe(c.detects)
    expect(x.title.length).toBeGreaterThan(10)
    expect(x.fixes.length).toBeGreaterThan(0)
  })

  it('ranks several candidates, best first, with scores in 0..1 summing to at most 1', () => {
    const x = explain("fatal: Authentication failed for 'https://github.com/a/b.git/'")
    expect(x.candidates.length).toBeGreaterThanOrEqual(3)
    const scores = x.candidates.map((c) => c.score)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)
    for (const s of scores) expect(s).toBeGreaterThan(0)
    expect(scores.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1.0001)
    expect(x.candidates[0]?.category).toBe(x.category)
  })

  it('writes fixes for the provider at hand', () => {
    const text = 'remote: Write access to repository not granted.'
    const labelsOf = (p: ExplainProvider) =>
      explain(text, { provider: p })
        .fixes.map((f) => `${f.label} ${f.detail ?? ''}`)
        .join(' ')
    expect(explain(text, { provider: 'github' }).category).toBe('insufficient_scope')
    expect(labelsOf('github')).toMatch(/Contents: Read and write/)
    expect(labelsOf('gitlab')).toMatch(/write_repository/)
    expect(labelsOf('bitbucket')).toMatch(/x-token-auth/)
    expect(labelsOf('azure')).toMatch(/vso\.code_write/)
    expect(labelsOf('gitea')).toMatch(/write:repository/)
  })

  it('offers the SSO link GitHub printed, and only a github.com one', () => {
    const x = explain(
      "remote: The `acme' organization has enabled or enforced SAML SSO. To access\nremote: this repository, visit https://github.com/orgs/acme/sso?authorization_request=ABC123\nremote: and try your request again.",
    )
    expect(x.category).toBe('sso_required')
    expect(x.fixes[0]?.action).toEqual({
      kind: 'open_url',
      url: 'https://github.com/orgs/acme/sso?authorization_request=ABC123',
    })
    const spoof = explain('remote: enabled or enforced SAML SSO, visit https://evil.example/orgs/acme/sso')
    expect(JSON.stringify(spoof.fixes)).not.toContain('evil.example')
  })
})
