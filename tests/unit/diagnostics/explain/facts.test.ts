import { describe, expect, it } from 'vitest'
import { explain } from '@shared/diagnostics/explain/explain'
import { FACT_RULES, expiryInstant } from '@shared/diagnostics/explain/facts.logic'
import { USERNAME_RULES, WRITE_SCOPES } from '@shared/diagnostics/explain/token-rules.table'

const NOW = new Date('2026-09-15T12:00:00Z')
const PROMPTS = "fatal: could not read Username for 'https://gitlab.com': terminal prompts disabled"
const AUTH_FAILED =
  "remote: HTTP Basic: Access denied\nfatal: Authentication failed for 'https://gitlab.com/acme/app.git/'"
const BB_FAILED =
  "remote: Invalid credentials\nfatal: Authentication failed for 'https://bitbucket.org/acme/app.git/'"
const GH_PASSWORD =
  "remote: Support for password authentication was removed on August 13, 2021.\nfatal: Authentication failed for 'https://github.com/acme/app.git/'"

describe('explain: account facts re-rank causes', () => {
  it('puts expired_token first when the stored expiry is past (prompts disabled, auth failed)', () => {
    expect(explain(PROMPTS, { now: NOW }).category).toBe('credentials_missing')
    const past = { expiresAt: '2026-09-01' }
    const a = explain(PROMPTS, { facts: past, now: NOW })
    expect(a.category).toBe('expired_token')
    expect(a.detail).toContain('2026-09-01')
    expect(explain(AUTH_FAILED, { facts: past, now: NOW }).category).toBe('expired_token')
  })

  it('treats the expiry day itself as expired (00:00 UTC) and a future expiry as not', () => {
    expect(explain(AUTH_FAILED, { facts: { expiresAt: '2026-09-15' }, now: NOW }).category).toBe(
      'expired_token',
    )
    const future = explain(AUTH_FAILED, { facts: { expiresAt: '2027-01-01' }, now: NOW })
    expect(future.category).toBe('bad_credentials')
    const without = explain(AUTH_FAILED, { now: NOW }).candidates.find((c) => c.category === 'expired_token')
    const with_ = future.candidates.find((c) => c.category === 'expired_token')
    expect(with_?.score ?? 0).toBeLessThan(without?.score ?? 0)
    expect(expiryInstant('2026-09-15')).toBe(Date.UTC(2026, 8, 15))
    expect(expiryInstant('15/09/2026')).toBeNull()
  })

  it('says a Bitbucket app password is gone after 2026-07-28, and not before the brownouts', () => {
    const facts = { tokenKind: 'bitbucket_app_password', username: 'jane' }
    expect(explain(BB_FAILED, { facts, now: NOW }).category).toBe('password_auth_removed')
    expect(
      explain(BB_FAILED, { facts, now: new Date('2026-07-01T00:00:00Z') }).candidates.map((c) => c.category),
    ).toContain('password_auth_removed')
    expect(explain(BB_FAILED, { facts, now: new Date('2026-01-01T00:00:00Z') }).category).not.toBe(
      'password_auth_removed',
    )
  })

  it('catches the username a token kind needs', () => {
    const oauth = explain(AUTH_FAILED, { facts: { tokenKind: 'gitlab_oauth', username: 'alice' }, now: NOW })
    expect(oauth.category).toBe('wrong_username')
    expect(oauth.fixes.map((f) => f.detail).join(' ')).toMatch(/oauth2/)
    expect(
      explain(AUTH_FAILED, { facts: { tokenKind: 'gitlab_oauth', username: 'oauth2' }, now: NOW }).category,
    ).not.toBe('wrong_username')
    expect(
      explain(AUTH_FAILED, { facts: { tokenKind: 'gitlab_deploy_token', username: 'oauth2' }, now: NOW })
        .category,
    ).toBe('wrong_username')
    expect(
      explain(AUTH_FAILED, {
        facts: { tokenKind: 'gitlab_deploy_token', username: 'gitlab+deploy-token-42' },
        now: NOW,
      }).category,
    ).not.toBe('wrong_username')
    expect(
      explain(BB_FAILED, {
        facts: { tokenKind: 'bitbucket_repository_access_token', username: 'jane' },
        now: NOW,
      }).category,
    ).toBe('wrong_username')
    expect(
      explain(BB_FAILED, {
        facts: { tokenKind: 'bitbucket_api_token', username: 'jane@example.com' },
        now: NOW,
      }).category,
    ).toBe('wrong_username')
    // a personal GitLab token accepts any username: no rule applies
    expect(
      explain(AUTH_FAILED, { facts: { tokenKind: 'gitlab_pat', username: 'whatever' }, now: NOW }).category,
    ).toBe('bad_credentials')
  })

  it('blames missing write scopes for a refused push, only when the scopes lack write', () => {
    const push =
      "remote: You are not allowed to push code to this project.\nfatal: unable to access 'https://gitlab.com/acme/app.git/': The requested URL returned error: 403"
    expect(explain(push, { now: NOW }).category).toBe('repo_not_found_or_no_access')
    expect(explain(push, { facts: { scopes: ['read_repository'] }, now: NOW }).category).toBe(
      'insufficient_scope',
    )
    expect(explain(push, { facts: { scopes: ['write_repository'] }, now: NOW }).category).toBe(
      'repo_not_found_or_no_access',
    )
    const ado =
      "git push origin main\nfatal: unable to access 'https://dev.azure.com/acme/web/_git/app/': The requested URL returned error: 403"
    const scopeScore = (scopes?: string[]) =>
      explain(ado, { facts: scopes ? { scopes } : {}, now: NOW }).candidates.find(
        (c) => c.category === 'insufficient_scope',
      )?.score ?? 0
    expect(scopeScore(['vso.code'])).toBeGreaterThan(scopeScore())
    expect(scopeScore(['vso.code_write'])).toBe(scopeScore())
  })

  it('trusts a failed checksum: the stored token was mistyped', () => {
    const text =
      "remote: Repository not found.\nfatal: repository 'https://github.com/acme/app.git/' not found"
    const x = explain(text, { facts: { checksum: 'invalid' }, now: NOW })
    expect(x.category).toBe('bad_credentials')
    expect(x.detail).toMatch(/checksum/)
    expect(
      explain('Could not resolve host: github.com', { facts: { checksum: 'invalid' }, now: NOW }).category,
    ).toBe('network_dns')
  })

  it("reads GitHub's password text as a bad or expired token when a token was sent", () => {
    expect(explain(GH_PASSWORD, { now: NOW }).category).toBe('password_auth_removed')
    expect(explain(GH_PASSWORD, { facts: { tokenKind: 'password' }, now: NOW }).category).toBe(
      'password_auth_removed',
    )
    const token = explain(GH_PASSWORD, { facts: { tokenKind: 'github_classic_pat' }, now: NOW })
    expect(['bad_credentials', 'expired_token']).toContain(token.category)
    const expired = explain(GH_PASSWORD, {
      facts: { tokenKind: 'github_classic_pat', expiresAt: '2026-01-01' },
      now: NOW,
    })
    expect(expired.category).toBe('expired_token')
  })

  it('uses the account host to pick the provider when the text names none', () => {
    const x = explain('fatal: Authentication failed', { facts: { host: 'bitbucket.org' }, now: NOW })
    expect(x.provider).toBe('bitbucket')
  })

  it('keeps every fact rule and username rule sourced', () => {
    for (const r of FACT_RULES) expect(r.source.length, r.id).toBeGreaterThan(5)
    for (const r of USERNAME_RULES) expect(r.source.length, r.id).toBeGreaterThan(5)
    expect(WRITE_SCOPES.github.test('repo')).toBe(true)
    expect(WRITE_SCOPES.gitlab.test('read_repository')).toBe(false)
    expect(WRITE_SCOPES.bitbucket.test('write:repository:bitbucket')).toBe(true)
    expect(WRITE_SCOPES.azure.test('vso.code')).toBe(false)
  })
})
