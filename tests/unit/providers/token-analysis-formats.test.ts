import { describe, expect, it } from 'vitest'
import { TokenAnalysisSchema } from '@shared/domain/token-analysis'
import { analyzeToken } from '@shared/providers/token-analysis'
import {
  VECTORS,
  atlassianToken,
  azureLegacyPat,
  azurePat,
  bbdcToken,
  fineGrainedPat,
  githubToken,
  gitlabLegacy,
  gitlabRoutable,
  mutate,
  rng,
} from '../../support/token-fixtures'

const now = new Date('2026-01-15T12:00:00Z')
const ids = (t: string, ctx = {}): string[] => analyzeToken(t, { now, ...ctx }).findings.map((f) => f.id)
const next = rng(42)

/** Every recognised kind, with the reading analyzeToken must give (providers.md §0 order). */
const POSITIVES: readonly {
  name: string
  token: string
  provider: string
  kind: string
  checksum: string
  ctx?: object
}[] = [
  {
    name: 'GitHub worked example',
    token: VECTORS.githubWorked,
    provider: 'github',
    kind: 'classic_pat',
    checksum: 'valid',
  },
  {
    name: 'GitHub padded example',
    token: VECTORS.githubPadded,
    provider: 'github',
    kind: 'classic_pat',
    checksum: 'valid',
  },
  {
    name: 'GitHub gho_',
    token: githubToken(next, 'o'),
    provider: 'github',
    kind: 'oauth',
    checksum: 'valid',
  },
  {
    name: 'GitHub ghu_',
    token: githubToken(next, 'u'),
    provider: 'github',
    kind: 'app_user',
    checksum: 'valid',
  },
  {
    name: 'GitHub ghs_ 40',
    token: githubToken(next, 's'),
    provider: 'github',
    kind: 'app_installation',
    checksum: 'valid',
  },
  {
    name: 'GitHub fine-grained',
    token: fineGrainedPat(next),
    provider: 'github',
    kind: 'fine_grained_pat',
    checksum: 'none',
  },
  {
    name: 'GitHub stateless ghs_',
    token: `ghs_12345_eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJnaXRodWIifQ.${'s'.repeat(300)}`,
    provider: 'github',
    kind: 'app_installation',
    checksum: 'none',
  },
  {
    name: 'GitHub legacy 40 hex',
    token: 'a'.repeat(8) + '0123456789abcdef0123456789abcdef',
    provider: 'github',
    kind: 'legacy',
    checksum: 'none',
    ctx: { provider: 'github' },
  },
  {
    name: 'GitLab fabricated glpat',
    token: VECTORS.gitlabFabricated,
    provider: 'gitlab',
    kind: 'personal',
    checksum: 'valid',
  },
  {
    name: 'GitLab unversioned glpat',
    token: gitlabRoutable(next, { layout: 'unversioned' }),
    provider: 'gitlab',
    kind: 'personal',
    checksum: 'valid',
  },
  {
    name: 'GitLab instance-prefixed',
    token: gitlabRoutable(next, { prefix: 'acme-glpat-' }),
    provider: 'gitlab',
    kind: 'personal',
    checksum: 'valid',
  },
  {
    name: 'GitLab legacy glpat',
    token: gitlabLegacy(next),
    provider: 'gitlab',
    kind: 'personal',
    checksum: 'none',
  },
  {
    name: 'GitLab project token',
    token: gitlabLegacy(next),
    provider: 'gitlab',
    kind: 'project',
    checksum: 'none',
    ctx: { provider: 'gitlab', tokenKind: 'project' },
  },
  {
    name: 'GitLab routable deploy',
    token: gitlabRoutable(next, { prefix: 'gldt-', routing: 'c:1\no:1\np:4' }),
    provider: 'gitlab',
    kind: 'deploy',
    checksum: 'valid',
  },
  {
    name: 'GitLab legacy deploy',
    token: gitlabLegacy(next, 'gldt-'),
    provider: 'gitlab',
    kind: 'deploy',
    checksum: 'none',
  },
  {
    name: 'GitLab job token',
    token: `glcbt-64_${'x'.repeat(20)}`,
    provider: 'gitlab',
    kind: 'job',
    checksum: 'none',
  },
  {
    name: 'GitLab OAuth (64 hex)',
    token: 'ab'.repeat(32),
    provider: 'gitlab',
    kind: 'oauth',
    checksum: 'none',
    ctx: { provider: 'gitlab' },
  },
  {
    name: 'GitLab pre-14 PAT',
    token: 'aB3_dE6-gH9jK2mN5pQ8',
    provider: 'gitlab',
    kind: 'personal',
    checksum: 'none',
    ctx: { provider: 'gitlab' },
  },
  {
    name: 'Bitbucket ATBB vector',
    token: VECTORS.atbb,
    provider: 'bitbucket',
    kind: 'app_password',
    checksum: 'valid',
  },
  {
    name: 'Bitbucket API token',
    token: atlassianToken(next, 'ATATT'),
    provider: 'bitbucket',
    kind: 'api_token',
    checksum: 'valid',
  },
  {
    name: 'Bitbucket access token',
    token: atlassianToken(next, 'ATCTT'),
    provider: 'bitbucket',
    kind: 'access_token',
    checksum: 'valid',
  },
  {
    name: 'Bitbucket old API token',
    token: 'Ab3De6Gh9Jk2Mn5Pq8St1Vw4',
    provider: 'bitbucket',
    kind: 'api_token',
    checksum: 'none',
    ctx: { provider: 'bitbucket', deployment: 'cloud' },
  },
  {
    name: 'Bitbucket DC personal',
    token: bbdcToken(next),
    provider: 'bitbucket',
    kind: 'http_personal',
    checksum: 'valid',
  },
  {
    name: 'Bitbucket DC repository',
    token: bbdcToken(next),
    provider: 'bitbucket',
    kind: 'http_repository',
    checksum: 'valid',
    ctx: { provider: 'bitbucket', deployment: 'self_hosted', tokenKind: 'http_repository' },
  },
  {
    name: 'Azure fabricated (base64)',
    token: VECTORS.azureFabricatedBase64,
    provider: 'azure',
    kind: 'pat',
    checksum: 'valid',
  },
  {
    name: 'Azure fabricated (base62)',
    token: VECTORS.azureFabricatedBase62,
    provider: 'azure',
    kind: 'pat',
    checksum: 'valid',
  },
  { name: 'Azure generated', token: azurePat(next), provider: 'azure', kind: 'pat', checksum: 'valid' },
  { name: 'Azure legacy 52', token: azureLegacyPat(next), provider: 'azure', kind: 'pat', checksum: 'none' },
  {
    name: 'Gitea PAT',
    token: '0123456789abcdef0123456789abcdef01234567',
    provider: 'gitea',
    kind: 'pat',
    checksum: 'none',
    ctx: { provider: 'gitea' },
  },
]

describe('analyzeToken recognises every kind (providers.md §0)', () => {
  it.each(POSITIVES)('$name', ({ token, provider, kind, checksum, ctx }) => {
    const a = analyzeToken(token, { now, ...ctx })
    expect(TokenAnalysisSchema.parse(a)).toEqual(a)
    expect({ provider: a.provider, kind: a.kind, checksum: a.checksum }).toEqual({ provider, kind, checksum })
    expect(a.findings.filter((f) => f.severity === 'error')).toEqual([])
    expect(a.length).toBe(token.length)
    expect(JSON.stringify(a)).not.toContain(token.slice(4, -4))
  })
})

describe('facts read from the token', () => {
  it('GitLab: the routing payload and layout', () => {
    expect(analyzeToken(VECTORS.gitlabFabricated).facts).toMatchObject({
      tokenLayout: 'v1',
      typePrefix: 'glpat-',
      cellId: '1',
      organizationId: '344',
      userId: '100',
    })
    const prefixed = analyzeToken(gitlabRoutable(rng(1), { prefix: 'acme-glpat-', routing: 'o:1\ng:a' }))
    expect(prefixed.facts).toMatchObject({ instancePrefix: 'acme', organizationId: '1', groupId: '10' })
  })
  it('Azure: the creation month and the checksum spelling', () => {
    expect(analyzeToken(VECTORS.azureFabricatedBase62).facts).toEqual({
      tokenForm: '84',
      createdMonth: '2024-07',
      checksumEncoding: 'base62',
    })
  })
  it('GitHub stateless installation token: the app id', () => {
    expect(analyzeToken(`ghs_987_eyJh.eyJi.${'x'.repeat(40)}`).facts).toMatchObject({
      appId: '987',
      tokenForm: 'stateless',
    })
  })
})

describe('negatives: one character changed, truncated, case changed', () => {
  const checksummed: readonly [string, string][] = [
    ['GitHub', VECTORS.githubWorked],
    ['GitLab', VECTORS.gitlabFabricated],
    ['ATBB', VECTORS.atbb],
    ['ATATT', atlassianToken(rng(9), 'ATATT')],
    ['ATCTT', atlassianToken(rng(10), 'ATCTT')],
  ]
  it.each(checksummed)('%s: a changed character fails the checksum', (_name, token) => {
    const a = analyzeToken(mutate(token, 20), { now })
    expect(a.checksum).toBe('invalid')
    expect(a.findings.map((f) => f.id)).toContain('token.checksum_invalid')
  })
  it.each(checksummed)(
    '%s: a truncated token is reported as malformed or failing its checksum',
    (_name, token) => {
      const a = analyzeToken(token.slice(0, -1), { now })
      expect(a.checksum).toBe('invalid')
      expect(a.findings.some((f) => f.id === 'token.malformed' || f.id === 'token.checksum_invalid')).toBe(
        true,
      )
    },
  )
  it('GitHub: lower-casing the checksum fails; the GitLab spec vector with …m4l fails', () => {
    expect(analyzeToken(VECTORS.githubWorked.replace('27F2pt', '27f2pt')).checksum).toBe('invalid')
    expect(analyzeToken(`${VECTORS.gitlabSpec.slice(0, -1)}l`).checksum).toBe('invalid')
  })
  it('Bitbucket DC: a broken structure is invalid, a wrong length malformed', () => {
    expect(analyzeToken(`BBDC-M${'A'.repeat(43)}`).checksum).toBe('invalid')
    expect(ids(`BBDC-M${'A'.repeat(40)}`)).toContain('token.malformed')
  })
  it('Azure: a changed character makes the checksum "unknown", never "invalid"', () => {
    const a = analyzeToken(mutate(VECTORS.azureFabricatedBase64, 10), { now })
    expect(a.checksum).toBe('unknown')
    expect(a.findings.map((f) => [f.id, f.severity])).toContainEqual(['token.checksum_unconfirmed', 'info'])
  })
  it('fine-grained PAT with a wrong length is malformed', () => {
    expect(ids(fineGrainedPat(rng(11)).slice(0, 80))).toContain('token.malformed')
    expect(ids('ghp_short')).toContain('token.malformed')
  })
  it('an unprefixed random string is an unknown format', () => {
    const a = analyzeToken('not-a-token-at-all', { now })
    expect([a.provider, a.kind, a.checksum]).toEqual([null, null, 'none'])
    expect(a.findings.map((f) => f.id)).toEqual(['token.format_unknown'])
  })
})

describe('tokens recognised but not usable with git', () => {
  it.each([
    ['GitLab runner token (spec vector)', VECTORS.gitlabSpec, 'runner'],
    ['GitHub refresh token', `ghr_${'a1B2'.repeat(19)}`, 'app_refresh'],
    ['GitHub refresh token, 40 chars', githubToken(rng(13), 'r'), 'app_refresh'],
    ['GitLab trigger token', `glptt-${'0'.repeat(40)}`, 'pipeline_trigger'],
    ['GitLab feed token', gitlabLegacy(rng(12), 'glft-'), 'feed'],
    ['GitLab OAuth app secret', `gloas-${'a'.repeat(64)}`, 'oauth_app_secret'],
    ['GitLab runner registration', `GR1348941${'x'.repeat(20)}`, 'runner_registration'],
  ])('%s', (_name, token, kind) => {
    const a = analyzeToken(token, { now })
    expect(a.kind).toBe(kind)
    expect(a.kindLabel).toMatch(/token|secret/)
    expect(a.findings.map((f) => [f.id, f.severity])).toContainEqual(['token.not_git_credential', 'error'])
  })
})
