import { describe, expect, it } from 'vitest'
import { analyzeToken, MAX_TOKEN_LENGTH } from '@shared/providers/token-analysis'
import {
  VECTORS,
  atlassianToken,
  bbdcToken,
  githubToken,
  gitlabLegacy,
  jwt,
  rng,
} from '../../support/token-fixtures'

const day = (d: string): Date => new Date(`${d}T12:00:00Z`)
const findings = (token: string, ctx: Parameters<typeof analyzeToken>[1] = {}): [string, string][] =>
  analyzeToken(token, ctx).findings.map((f) => [f.id, f.severity])
const ids = (token: string, ctx: Parameters<typeof analyzeToken>[1] = {}): string[] =>
  findings(token, ctx).map(([id]) => id)

describe("one provider's token entered for another (providers.md §6.7)", () => {
  it('ghp_ on a GitLab account is an error with a link to create a GitLab token', () => {
    const a = analyzeToken(VECTORS.githubWorked, { provider: 'gitlab', host: 'gitlab.com' })
    expect(a.provider).toBe('github')
    const f = a.findings.find((x) => x.id === 'token.wrong_provider')
    expect(f?.severity).toBe('error')
    expect(f?.fixes[0]?.action).toEqual({
      kind: 'open_url',
      url: expect.stringMatching(
        /^https:\/\/gitlab\.com\/-\/user_settings\/personal_access_tokens\?/,
      ) as unknown,
    })
  })
  it('glpat- on GitHub, ATBB on Azure, BBDC- on GitHub', () => {
    expect(ids(VECTORS.gitlabFabricated, { provider: 'github' })).toContain('token.wrong_provider')
    expect(ids(VECTORS.atbb, { provider: 'azure', now: day('2025-01-01') })).toContain('token.wrong_provider')
    expect(ids(bbdcToken(rng(1)), { provider: 'github' })).toContain('token.wrong_provider')
  })
  it('ATBB / ATATT on Bitbucket Data Center, BBDC- on Bitbucket Cloud', () => {
    const dc = {
      provider: 'bitbucket',
      deployment: 'self_hosted',
      host: 'git.example.com',
      now: day('2025-01-01'),
    } as const
    expect(ids(VECTORS.atbb, dc)).toContain('token.wrong_provider')
    expect(ids(atlassianToken(rng(2), 'ATATT'), dc)).toContain('token.wrong_provider')
    expect(ids(bbdcToken(rng(3)), { provider: 'bitbucket', host: 'bitbucket.org' })).toContain(
      'token.wrong_provider',
    )
  })
  it('the provider and deployment can come from the host alone', () => {
    expect(ids(VECTORS.githubWorked, { host: 'GitLab.com' })).toContain('token.wrong_provider')
    expect(ids(VECTORS.githubWorked, { host: 'github.com' })).not.toContain('token.wrong_provider')
  })
})

describe('40 hex characters: Gitea, legacy GitHub or a SHA (providers.md §0 rule 11)', () => {
  const hex = '0123456789abcdef0123456789abcdef01234567'
  it('is decided by the provider or host', () => {
    expect(analyzeToken(hex, { provider: 'gitea' }).kind).toBe('pat')
    expect(analyzeToken(hex, { host: 'github.com' })).toMatchObject({ provider: 'github', kind: 'legacy' })
    expect(analyzeToken(hex, { host: 'codeberg.org' })).toMatchObject({ provider: 'gitea', kind: 'pat' })
    expect(ids(hex, { provider: 'github' })).toContain('token.legacy_format')
  })
  it('is ambiguous without context and wrong on GitLab', () => {
    const a = analyzeToken(hex)
    expect([a.provider, a.kind]).toEqual([null, null])
    expect(ids(hex)).toEqual(['token.ambiguous'])
    const f = analyzeToken(hex, { provider: 'gitlab' }).findings.find((x) => x.id === 'token.wrong_provider')
    expect(f?.detail).toContain('commit SHA')
  })
})

describe('declared kind vs detected kind', () => {
  it('reports a mismatch with a fix that sets the detected kind', () => {
    const a = analyzeToken(VECTORS.githubWorked, { provider: 'github', tokenKind: 'fine_grained_pat' })
    expect(a.kind).toBe('classic_pat')
    const f = a.findings.find((x) => x.id === 'token.kind_mismatch')
    expect(f?.fixes[0]?.action).toEqual({
      kind: 'set_field',
      subject: 'account.tokenKind',
      value: 'classic_pat',
    })
  })
  it('accepts any kind the format allows (glpat- may be personal, project or group)', () => {
    for (const kind of ['personal', 'project', 'group']) {
      const a = analyzeToken(gitlabLegacy(rng(4)), { provider: 'gitlab', tokenKind: kind })
      expect(a.kind).toBe(kind)
      expect(a.findings.map((f) => f.id)).not.toContain('token.kind_mismatch')
    }
    expect(ids(gitlabLegacy(rng(5)), { provider: 'gitlab', tokenKind: 'deploy' })).toContain(
      'token.kind_mismatch',
    )
  })
  it('reports an unknown declared kind', () => {
    expect(
      ids(bbdcToken(rng(6)), { provider: 'bitbucket', deployment: 'self_hosted', tokenKind: 'whatever' }),
    ).toContain('token.kind_mismatch')
  })
})

describe('dated facts with a fixed clock (providers.md §4)', () => {
  const ctx = { provider: 'bitbucket', host: 'bitbucket.org' } as const
  it.each([
    ['2025-09-08', []],
    ['2025-09-09', [['token.kind_deprecated', 'warning']]],
    ['2026-06-08', [['token.kind_deprecated', 'warning']]],
    ['2026-06-09', [['token.kind_brownout', 'warning']]],
    ['2026-07-27', [['token.kind_brownout', 'warning']]],
    ['2026-07-28', [['token.kind_removed', 'error']]],
    ['2030-01-01', [['token.kind_removed', 'error']]],
  ])('an ATBB app password on %s', (date, expected) => {
    const dated = findings(VECTORS.atbb, { ...ctx, now: day(date) }).filter(([id]) =>
      id.startsWith('token.kind_'),
    )
    expect(dated).toEqual(expected)
  })
  it('Azure global-PAT dates are shown as conditional notes, never as errors', () => {
    const before = analyzeToken(VECTORS.azureFabricatedBase64, { provider: 'azure', now: day('2026-01-01') })
    const after = analyzeToken(VECTORS.azureFabricatedBase64, { provider: 'azure', now: day('2026-12-02') })
    for (const a of [before, after]) {
      const notes = a.findings.filter((f) => f.id === 'token.kind_deprecated')
      expect(notes.map((f) => f.severity)).toEqual(['info', 'info'])
    }
    expect(after.findings.find((f) => f.title === 'Global PATs stop working')?.detail).toContain(
      'since 2026-12-01',
    )
  })
})

describe('JWTs: the exp claim is read, never trusted for more', () => {
  const exp = Date.parse('2026-03-01T00:00:00Z') / 1000
  const token = jwt({ iss: 'https://sts.windows.net/tenant-id/', exp, iat: exp - 3600 })
  it('recognises an Entra token and keeps exp/iat/iss as facts', () => {
    const a = analyzeToken(token, { now: day('2026-02-28') })
    expect([a.provider, a.kind]).toEqual(['azure', 'entra'])
    expect(a.facts).toEqual({
      expiresAt: '2026-03-01T00:00:00.000Z',
      issuedAt: '2026-02-28T23:00:00.000Z',
      issuer: 'https://sts.windows.net/tenant-id/',
    })
    expect(ids(token, { now: day('2026-02-28') })).not.toContain('token.expired')
  })
  it('reports an expired token', () => {
    expect(findings(token, { now: day('2026-03-02') })).toContainEqual(['token.expired', 'error'])
  })
  it('is a Gitea OAuth token on a Gitea account and ambiguous alone', () => {
    const other = jwt({ iss: 'https://gitea.example.com/', exp })
    expect(analyzeToken(other, { provider: 'gitea', now: day('2026-01-01') }).kind).toBe('oauth')
    expect(analyzeToken(other, { now: day('2026-01-01') }).provider).toBeNull()
  })
})

describe('unknown formats', () => {
  it('on GitHub, hints that account passwords stopped working on 2021-08-13', () => {
    const f = analyzeToken('hunter2-my-password', { provider: 'github' }).findings[0]
    expect(f).toMatchObject({ id: 'token.format_unknown', severity: 'warning' })
    expect(f?.detail).toContain('2021-08-13')
  })
  it('on self-managed GitLab and Gitea, is only informational (custom prefixes exist)', () => {
    expect(findings('corp_0123456789abcdefghij', { provider: 'gitlab', deployment: 'self_hosted' })).toEqual([
      ['token.format_unknown', 'info'],
    ])
    expect(findings('corp_0123456789abcdefghij', { provider: 'gitea' })).toEqual([
      ['token.format_unknown', 'info'],
    ])
  })
})

describe('secrets never appear in the analysis', () => {
  const next = rng(7)
  const tokens = [
    VECTORS.githubWorked,
    VECTORS.gitlabFabricated,
    VECTORS.atbb,
    VECTORS.azureFabricatedBase64,
    githubToken(next),
    bbdcToken(next),
    atlassianToken(next, 'ATATT'),
  ]
  it.each(tokens)('%#', (token) => {
    for (const ctx of [
      {},
      { provider: 'gitlab' as const },
      { provider: 'bitbucket' as const, deployment: 'self_hosted' as const },
    ]) {
      const text = JSON.stringify(analyzeToken(`  "Bearer ${token}"\n`, ctx))
      for (let i = 0; i + 8 <= token.length; i += 4) expect(text).not.toContain(token.slice(i, i + 8))
    }
  })
  it('the hint is secretHint of the cleaned token', () => {
    expect(analyzeToken(` ${VECTORS.githubWorked}\n`).hint).toBe('ghp_…F2pt')
  })
})

describe('input limits (security.md §8 vector 33)', () => {
  it('empty and whitespace-only input', () => {
    expect(findings('')).toEqual([['token.empty', 'error']])
    expect(findings(' \n\t ')).toEqual([
      ['token.whitespace', 'warning'],
      ['token.empty', 'error'],
    ])
  })
  it(`more than ${MAX_TOKEN_LENGTH} characters is refused without further analysis`, () => {
    const a = analyzeToken('a'.repeat(MAX_TOKEN_LENGTH + 1))
    expect(a.findings.map((f) => f.id)).toEqual(['token.too_long'])
    expect(a.hint).toBe('…')
    expect(analyzeToken('a'.repeat(MAX_TOKEN_LENGTH)).findings.map((f) => f.id)).not.toContain(
      'token.too_long',
    )
  })
  it.each([
    ['inner newline', `ghp_abc\ndef`, 'token.control_chars'],
    ['inner CR', `ghp_abc\rdef`, 'token.control_chars'],
    ['NUL', `ghp_abc\u0000def`, 'token.control_chars'],
    ['line separator', `ghp_abc\u2028def`, 'token.control_chars'],
    ['bidi override', `ghp_abc\u202edef`, 'token.control_chars'],
    ['zero-width space', `${VECTORS.githubWorked}\u200b`, 'token.control_chars'],
    ['inner space', 'ghp_abc def', 'token.inner_space'],
    ['non-ASCII look-alike', VECTORS.githubWorked.replace('Q', 'Ԛ'), 'token.non_ascii'],
  ])('%s', (_name, token, id) => {
    expect(findings(token)).toContainEqual([id, 'error'])
  })
})

describe('fix links', () => {
  it('a removed app password links to creating its replacement, an API token', () => {
    const a = analyzeToken(VECTORS.atbb, {
      provider: 'bitbucket',
      host: 'bitbucket.org',
      now: day('2026-08-01'),
    })
    const f = a.findings.find((x) => x.id === 'token.kind_removed')
    expect(f?.fixes[0]?.action).toEqual({
      kind: 'open_url',
      url: 'https://id.atlassian.com/manage-profile/security/api-tokens',
    })
  })
  it('uses the account path prefix (GitLab relative root)', () => {
    const a = analyzeToken(VECTORS.githubWorked, {
      provider: 'gitlab',
      deployment: 'self_hosted',
      host: 'git.example.com',
      pathPrefix: 'gitlab',
    })
    const url = a.findings.find((x) => x.id === 'token.wrong_provider')?.fixes[0]?.action
    expect(url).toMatchObject({
      url: expect.stringMatching(/^https:\/\/git\.example\.com\/gitlab\/-\/user_settings\//) as unknown,
    })
  })
  it('no link without a host', () => {
    expect(
      analyzeToken(VECTORS.githubWorked, { provider: 'gitlab' }).findings.find(
        (x) => x.id === 'token.wrong_provider',
      )?.fixes,
    ).toEqual([])
  })
})
