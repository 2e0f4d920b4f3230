import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ProviderId } from '@shared/domain/provider'
import { encodeBase64, utf8Encode } from '@shared/logic/base-n'
import { analyzeToken, type AnalyzeContext } from '@shared/providers/token-analysis'
import { normalizeTokenInput } from '@shared/providers/token-input'
import { anyKnownToken, atbbToken, githubToken, RUNS } from './arbitraries'

/**
 * Tokens (security.md §8; providers.md §0–§1): `analyzeToken` never hands back the token or any
 * 8-character run of its secret part, whatever was pasted and whatever the account context;
 * `normalizeTokenInput` is idempotent; well-formed GitHub and Atlassian tokens generated here with
 * their CRC32 checksums are `valid`, and any single-character change makes them `invalid` or
 * another kind.
 */

const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-.'
const PREFIXES = [
  '',
  'ghp_',
  'gho_',
  'ghs_',
  'ghr_',
  'github_pat_',
  'ghs_123_',
  'glpat-',
  'glrt-',
  'gldt-',
  'glcbt-',
  'mycorp-glpat-',
  'ATATT3xFfGF0',
  'ATCTT3xFfGN0',
  'ATBB',
  'BBDC-',
  'GR1348941',
  'eyJ',
]
/** What a token shows of itself on purpose: its provider prefix, a GitLab instance prefix, a stateless app id. */
const PUBLIC_PART =
  /^(?:github_pat_|ghs_[0-9]+_|gh[pousr]_|[a-z0-9-]*gl[a-z]{2,6}-|ATATT3xFfGF0|ATCTT3xFfGN0|ATBB|BBDC-|GR1348941)/

const tokenLike = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...PREFIXES),
      fc.string({ unit: fc.constantFrom(...TOKEN_CHARS), minLength: 8, maxLength: 100 }),
    )
    .map(([p, b]) => `${p}${b}`),
  anyKnownToken,
  githubToken,
  atbbToken,
  fc.string({ unit: 'binary', minLength: 8, maxLength: 60 }),
)

/** The ways people paste a token. */
const WRAPS: ReadonlyArray<(t: string) => string> = [
  (t) => t,
  (t) => `  ${t}\n`,
  (t) => `"${t}"`,
  (t) => `\u201c${t}\u201d`,
  (t) => `Bearer ${t}`,
  (t) => `Authorization: token ${t}`,
  (t) => `https://x-token-auth:${encodeURIComponent(t)}@bitbucket.org/acme/r.git`,
  (t) => `Basic ${encodeBase64(utf8Encode(`user:${t}`))}`,
]
const pasted = fc.tuple(tokenLike, fc.constantFrom(...WRAPS)).map(([t, wrap]) => wrap(t))

const context: fc.Arbitrary<AnalyzeContext> = fc
  .record(
    {
      provider: fc.constantFrom<ProviderId>('github', 'gitlab', 'bitbucket', 'gitea', 'azure'),
      host: fc.constantFrom('github.com', 'gitlab.com', 'bitbucket.org', 'dev.azure.com', 'git.acme.example'),
      deployment: fc.constantFrom('cloud' as const, 'self_hosted' as const),
      tokenKind: fc.constantFrom(
        'classic_pat',
        'personal',
        'api_token',
        'app_password',
        'pat',
        'http_personal',
        'x',
      ),
      pathPrefix: fc.constantFrom(null, 'acme'),
    },
    { requiredKeys: [] },
  )
  .map((c) => ({ ...c, now: new Date('2026-08-01T00:00:00Z') }))

/** Every `size`-character run of `text`, as written and as JSON would escape it. */
function runs(text: string, size: number): string[] {
  const out: string[] = []
  for (let i = 0; i + size <= text.length; i++) {
    const run = text.slice(i, i + size)
    out.push(run, JSON.stringify(run).slice(1, -1))
  }
  return out
}

describe('analyzeToken never returns the token', () => {
  it('nor any 8-character run of its secret part, for pasted token-like text in any account context', () => {
    fc.assert(
      fc.property(pasted, context, (raw, ctx) => {
        const out = JSON.stringify(analyzeToken(raw, ctx))
        const token = normalizeTokenInput(raw).token
        if (token.length >= 8) expect(out).not.toContain(token)
        const secret = token.replace(PUBLIC_PART, '')
        for (const run of runs(secret, 8)) expect(out).not.toContain(run)
      }),
      { numRuns: 400 },
    )
  })
})

describe('normalizeTokenInput', () => {
  const nested = fc
    .tuple(tokenLike, fc.array(fc.constantFrom(...WRAPS), { maxLength: 8 }))
    .map(([t, wraps]) => wraps.reduce((acc, w) => w(acc), t))
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(nested, fc.string({ unit: 'binary', maxLength: 40 })), (raw) => {
        const once = normalizeTokenInput(raw).token
        expect(normalizeTokenInput(once).token).toBe(once)
      }),
      { numRuns: 1000 },
    )
  })
})

const kindOf = (t: string): string => {
  const a = analyzeToken(t)
  return `${a.provider ?? '-'}/${a.kind ?? '-'}`
}

describe('checksums of generated tokens', () => {
  it.each([
    ['GitHub ghp_/gho_/ghu_/ghs_/ghr_ (CRC32 → base62)', githubToken, 'github'],
    ['Bitbucket ATBB (CRC32 → hex)', atbbToken, 'bitbucket/app_password'],
  ] as const)('%s: generated tokens are valid', (_name, arb, kind) => {
    fc.assert(
      fc.property(arb, (t) => {
        const a = analyzeToken(t)
        expect(a.checksum).toBe('valid')
        expect(kindOf(t).startsWith(kind)).toBe(true)
      }),
      RUNS,
    )
  })
  it.each([
    ['GitHub', githubToken],
    ['Bitbucket ATBB', atbbToken],
  ] as const)('%s: any single-character change gives "invalid" or another kind', (_name, arb) => {
    fc.assert(
      fc.property(
        arb,
        fc.nat(),
        fc.constantFrom(...TOKEN_CHARS, '0', 'A', 'a', 'Z', '=', '~'),
        (t, at, c) => {
          const i = at % t.length
          fc.pre(t[i] !== c)
          const mutated = `${t.slice(0, i)}${c}${t.slice(i + 1)}`
          const a = analyzeToken(mutated)
          expect(a.checksum === 'invalid' || kindOf(mutated) !== kindOf(t)).toBe(true)
        },
      ),
      { numRuns: 1000 },
    )
  })
})
