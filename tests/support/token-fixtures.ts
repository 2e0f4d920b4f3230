import { encodeBase36, encodeBase64 } from '@shared/logic/base-n'
import {
  atlassianChecksumFor,
  azureChecksumsFor,
  githubChecksumFor,
  gitlabCrcFor,
} from '@shared/providers/token-checksums'

/**
 * Deterministic token generators for tests and the bench: every token they return is well-formed
 * and carries a correct checksum computed by the recipes of providers.md §1 — the published vectors
 * in the tests pin those recipes, so a generator bug cannot hide a checker bug.
 */

/** The published and fabricated vectors quoted in providers.md. */
export const VECTORS = {
  githubWorked: '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',
  githubPadded: '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',
  gitlabSpec: 'glrtr-W5m1cHR6skC98Bx7XkuYjmM6MQpnOjgKbzpyegp0OjIQ.01.181uebm4k',
  gitlabFabricated: 'glpat-AAECAwQFBgcICQoLDA0OD2M6MQpvOjlrCnU6MnMN.01.14050wloc',
  atbb: 'ATBBTestOnlyNotARealSecret01A7644473',
  azureFabricatedBase64: `TestOnlyNotARealAzureDevOpsPersonalAccessTokenXyz012JQQJ99AG${'A'.repeat(12)}AAAAAZDOTSnE`,
  azureFabricatedBase62: `TestOnlyNotARealAzureDevOpsPersonalAccessTokenXyz012JQQJ99AG${'A'.repeat(12)}AAAAAZDO1Pbw`,
  /** microsoft/security-utilities bench_data.utf8: a CASK key with provider signature ABCD. */
  microsoftBench: `${'A'.repeat(52)}JQQJ99AG${'A'.repeat(16)}ABCDTZJ9`,
} as const

/** A seeded PRNG (mulberry32) so generated tokens are the same on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const URLSAFE = `${ALNUM}_-`

/** `n` random characters from `alphabet`. */
export function randomText(next: () => number, n: number, alphabet = ALNUM): string {
  let s = ''
  for (let i = 0; i < n; i++) s += alphabet.charAt(Math.floor(next() * alphabet.length))
  return s
}

/** A GitHub 40-char token: prefix `gh?_`, 30 random chars, CRC32/base62 checksum. */
export function githubToken(next: () => number, letter: 'p' | 'o' | 'u' | 's' | 'r' = 'p'): string {
  const random = randomText(next, 30)
  return `gh${letter}_${random}${githubChecksumFor(random)}`
}

/** A GitLab routable token in the v1 or unversioned layout with the given routing text. */
export function gitlabRoutable(
  next: () => number,
  opts: { prefix?: string; layout?: 'v1' | 'unversioned'; routing?: string } = {},
): string {
  const routing = opts.routing ?? 'c:1\no:9k\nu:2s'
  const random = Array.from({ length: 16 }, () => Math.floor(next() * 256))
  const text = [...routing].map((c) => c.charCodeAt(0))
  const bytes = (opts.layout ?? 'v1') === 'v1' ? [...random, ...text, text.length] : [...text, ...random, 16]
  const b64 = encodeBase64(Uint8Array.from(bytes)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
  const head = `${opts.prefix ?? 'glpat-'}${b64}.${(opts.layout ?? 'v1') === 'v1' ? '01.' : ''}${encodeBase36(b64.length, 2)}`
  return `${head}${gitlabCrcFor(head)}`
}

/** A GitLab legacy-format token: prefix and 20 url-safe chars. */
export function gitlabLegacy(next: () => number, prefix = 'glpat-'): string {
  return `${prefix}${randomText(next, 20, URLSAFE)}`
}

/** An Atlassian token with a correct CRC32 tail: ATATT3 / ATCTT3 (192 chars) or ATBB (36). */
export function atlassianToken(next: () => number, kind: 'ATATT' | 'ATCTT' | 'ATBB'): string {
  const head =
    kind === 'ATBB'
      ? `ATBB${randomText(next, 24)}`
      : `${kind === 'ATATT' ? 'ATATT3xFfGF0' : 'ATCTT3xFfGN0'}${randomText(next, 171, URLSAFE)}=`
  return `${head}${atlassianChecksumFor(head)}`
}

/** A Bitbucket DC token: `BBDC-` + base64 of 12 ASCII digits, `:`, 20 random bytes. */
export function bbdcToken(next: () => number): string {
  const digits = Array.from({ length: 12 }, () => 0x30 + Math.floor(next() * 10))
  const random = Array.from({ length: 20 }, () => Math.floor(next() * 256))
  return `BBDC-${encodeBase64(Uint8Array.from([...digits, 0x3a, ...random]))}`
}

/** An 84-char Azure DevOps PAT with year/month chars and a Marvin32 checksum in either spelling. */
export function azurePat(
  next: () => number,
  opts: { year?: string; month?: string; encoding?: 'base64' | 'base62' } = {},
): string {
  const first80 = `${randomText(next, 52)}JQQJ99${opts.year ?? 'B'}${opts.month ?? 'C'}${'A'.repeat(12)}AAAAAZDO`
  const sums = azureChecksumsFor(first80)
  if (!sums) throw new Error('not base64')
  return `${first80}${opts.encoding === 'base62' ? sums.base62 : sums.base64}`
}

/** A legacy 52-char Azure DevOps PAT. */
export function azureLegacyPat(next: () => number): string {
  return randomText(next, 52, 'abcdefghijklmnopqrstuvwxyz234567')
}

/** A fine-grained GitHub PAT shape (no checksum is published). */
export function fineGrainedPat(next: () => number): string {
  return `github_pat_${randomText(next, 22)}_${randomText(next, 59)}`
}

/** An unsigned JWT with the given claims (base64url header.payload.signature). */
export function jwt(claims: Record<string, unknown>): string {
  const b64 = (o: unknown): string =>
    encodeBase64(Uint8Array.from([...JSON.stringify(o)].map((c) => c.charCodeAt(0))))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.c2lnbmF0dXJl`
}

/** Replaces the character at `index` with a different one of the same class (digit/letter). */
export function mutate(token: string, index: number): string {
  const i = index < 0 ? token.length + index : index
  const c = token.charAt(i)
  const swap = /[0-9]/.test(c)
    ? c === '7'
      ? '3'
      : '7'
    : /[A-Z]/.test(c)
      ? c === 'Q'
        ? 'R'
        : 'Q'
      : c === 'q'
        ? 'r'
        : 'q'
  return `${token.slice(0, i)}${swap}${token.slice(i + 1)}`
}
