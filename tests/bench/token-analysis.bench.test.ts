import { describe, expect, it } from 'vitest'
import { crc32Ascii } from '@shared/logic/crc32'
import type { AnalyzeContext } from '@shared/providers/token-analysis'
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
  jwt,
  mutate,
  rng,
} from '../support/token-fixtures'
import { recordFigure, timeMedian } from './harness'

const TOKENS = 10_000
const BUDGET_MS = 1500

/** One generator per kind, including pasted noise, broken checksums and context mismatches. */
function workload(): readonly { readonly token: string; readonly ctx: AnalyzeContext }[] {
  const next = rng(2026)
  const now = new Date('2026-09-15T12:00:00Z')
  const makers: ((i: number) => { token: string; ctx: AnalyzeContext })[] = [
    () => ({ token: githubToken(next, 'p'), ctx: { provider: 'github', host: 'github.com' } }),
    () => ({ token: githubToken(next, 'o'), ctx: {} }),
    () => ({ token: ` "Bearer ${githubToken(next, 's')}"\n`, ctx: { provider: 'github' } }),
    () => ({ token: fineGrainedPat(next), ctx: { provider: 'github', tokenKind: 'classic_pat' } }),
    () => ({ token: gitlabRoutable(next), ctx: { provider: 'gitlab', host: 'gitlab.com' } }),
    () => ({
      token: gitlabRoutable(next, { layout: 'unversioned', prefix: 'acme-glpat-' }),
      ctx: { provider: 'gitlab', deployment: 'self_hosted' },
    }),
    () => ({ token: gitlabLegacy(next, 'gldt-'), ctx: { provider: 'gitlab', tokenKind: 'deploy' } }),
    () => ({ token: atlassianToken(next, 'ATATT'), ctx: { provider: 'bitbucket', host: 'bitbucket.org' } }),
    () => ({ token: atlassianToken(next, 'ATCTT').replace('=', '%3D'), ctx: {} }),
    () => ({
      token: atlassianToken(next, 'ATBB'),
      ctx: { provider: 'bitbucket', deployment: 'self_hosted' },
    }),
    () => ({
      token: bbdcToken(next),
      ctx: { provider: 'bitbucket', deployment: 'self_hosted', tokenKind: 'http_project' },
    }),
    () => ({ token: azurePat(next), ctx: { provider: 'azure', host: 'dev.azure.com' } }),
    () => ({ token: azureLegacyPat(next), ctx: {} }),
    () => ({ token: mutate(githubToken(next), 10), ctx: { provider: 'gitlab' } }),
    (i) => ({ token: i % 2 ? '0123456789abcdef0123456789abcdef01234567' : VECTORS.gitlabSpec, ctx: {} }),
    (i) => ({ token: jwt({ iss: 'https://sts.windows.net/t/', exp: 1_700_000_000 + i }), ctx: { now } }),
  ]
  return Array.from({ length: TOKENS }, (_, i) => {
    const made = makers[i % makers.length]!(i)
    return { token: made.token, ctx: { now, ...made.ctx } }
  })
}

describe('bench: token analysis', () => {
  it(`analyses ${TOKENS} tokens of mixed kinds within ${BUDGET_MS} ms`, async () => {
    const work = workload()
    let errors = 0
    const ms = await timeMedian(() => {
      errors = 0
      for (const { token, ctx } of work)
        errors += analyzeToken(token, ctx).findings.filter((f) => f.severity === 'error').length
    }, 5)
    const crcMs = await timeMedian(() => {
      for (const { token } of work) crc32Ascii(token)
    }, 5)
    const perTokenUs = Math.round((ms / work.length) * 1000 * 10) / 10
    const ok = recordFigure({
      id: 'token_analysis.10000_tokens',
      label: `analyzeToken over ${work.length} generated tokens of 16 kinds (noise, bad checksums, wrong providers)`,
      value: ms,
      unit: 'ms',
      comparedWith: `per token ${perTokenUs} µs; a bare CRC32 pass over the same tokens takes ${crcMs} ms (ratio ${Math.round((ms / Math.max(crcMs, 0.01)) * 10) / 10}); medians of 5 runs after a warm-up`,
      budget: { max: BUDGET_MS },
    })
    expect(errors).toBeGreaterThan(0)
    expect(ok).toBe(true)
  })
})
