import { describe, expect, it } from 'vitest'
import {
  atlassianChecksumValid,
  azureChecksumEncoding,
  azureChecksumsFor,
  azureCreationMonth,
  bbdcStructureValid,
  checkGitlabRoutable,
  githubChecksumFor,
  githubChecksumValid,
  unescapeAtlassian,
} from '@shared/providers/token-checksums'
import {
  VECTORS,
  atlassianToken,
  azurePat,
  bbdcToken,
  githubToken,
  gitlabRoutable,
  mutate,
  rng,
} from '../../support/token-fixtures'

describe('GitHub CRC32 → base62 (providers.md §1.1)', () => {
  it('reproduces both worked examples, including the padding case', () => {
    expect(githubChecksumFor('Zx9Qm2Lp8Vr4Tn6Wc1Yb7Hd3Kf5Gs0')).toBe('27F2pt')
    expect(githubChecksumFor('Zx9Qm2Lp8Vr4Tn6Wc1Yb7Hd3Kf5Gs1')).toBe('05BChr')
    expect(githubChecksumValid(VECTORS.githubWorked)).toBe(true)
    expect(githubChecksumValid(VECTORS.githubPadded)).toBe(true)
  })
  it('accepts generated tokens of every 40-char prefix', () => {
    const next = rng(1)
    for (const letter of ['p', 'o', 'u', 's', 'r'] as const) {
      for (let i = 0; i < 50; i++) expect(githubChecksumValid(githubToken(next, letter))).toBe(true)
    }
  })
  it('rejects any single changed character in the random part or the checksum', () => {
    for (let i = 4; i < 40; i++)
      expect(githubChecksumValid(mutate(VECTORS.githubWorked, i)), `index ${i}`).toBe(false)
  })
  it('rejects the checksum computed with the prefix included, case flips and truncation', () => {
    const random = VECTORS.githubWorked.slice(4, 34)
    expect(githubChecksumFor(`ghp_${random}`)).not.toBe('27F2pt')
    expect(githubChecksumValid(`ghp_${random}27f2pt`)).toBe(false)
    expect(githubChecksumValid(VECTORS.githubWorked.slice(0, 39))).toBe(false)
  })
})

describe('GitLab routable CRC32 → base36 (providers.md §1.2)', () => {
  it('verifies and decodes the GitLab spec vector (c=1, g=8, o=1007, t=2)', () => {
    const r = checkGitlabRoutable(VECTORS.gitlabSpec)
    expect(r).toEqual({
      crcValid: true,
      layout: 'v1',
      prefix: 'glrtr-',
      routing: { c: '1', g: '8', o: '1007', t: '2' },
    })
  })
  it('fails the spec vector with its last character changed (…m4l)', () => {
    expect(checkGitlabRoutable(`${VECTORS.gitlabSpec.slice(0, -1)}l`)?.crcValid).toBe(false)
  })
  it('verifies and decodes the fabricated glpat vector (o=9k=344, u=2s=100)', () => {
    const r = checkGitlabRoutable(VECTORS.gitlabFabricated)
    expect(r).toEqual({
      crcValid: true,
      layout: 'v1',
      prefix: 'glpat-',
      routing: { c: '1', o: '344', u: '100' },
    })
  })
  it('round-trips generated tokens in both layouts, with instance prefixes', () => {
    const next = rng(2)
    for (let i = 0; i < 40; i++) {
      const v1 = gitlabRoutable(next, { routing: `c:1\no:${i.toString(36)}\nu:${(i * 7).toString(36)}` })
      expect(checkGitlabRoutable(v1)).toMatchObject({
        crcValid: true,
        layout: 'v1',
        routing: { o: String(i), u: String(i * 7) },
      })
      const old = gitlabRoutable(next, { layout: 'unversioned', prefix: 'acme-glpat-', routing: 'o:1\np:2' })
      expect(checkGitlabRoutable(old)).toMatchObject({
        crcValid: true,
        layout: 'unversioned',
        prefix: 'acme-glpat-',
        routing: { o: '1', p: '2' },
      })
    }
  })
  it('rejects a changed payload character, a changed length field and an uppercase CRC', () => {
    expect(checkGitlabRoutable(mutate(VECTORS.gitlabFabricated, 10))?.crcValid).toBe(false)
    expect(checkGitlabRoutable(VECTORS.gitlabFabricated.replace('.01.14', '.01.15'))?.crcValid).toBe(false)
    expect(checkGitlabRoutable(VECTORS.gitlabFabricated.replace('wloc', 'WLOC'))).toBeNull()
  })
  it('is not applicable without the routable tail', () => {
    expect(checkGitlabRoutable('glpat-abcdefghijklmnopqrst')).toBeNull()
  })
})

describe('Atlassian CRC32 → 8 uppercase hex (providers.md §1.3)', () => {
  it('verifies the fabricated ATBB vector (CRC32 0xA7644473)', () => {
    expect(atlassianChecksumValid(VECTORS.atbb)).toBe(true)
  })
  it('verifies generated ATATT, ATCTT and ATBB tokens', () => {
    const next = rng(3)
    for (const kind of ['ATATT', 'ATCTT', 'ATBB'] as const) {
      for (let i = 0; i < 30; i++) expect(atlassianChecksumValid(atlassianToken(next, kind))).toBe(true)
    }
  })
  it('rejects a changed character, lowercase hex and a truncated tail', () => {
    expect(atlassianChecksumValid(mutate(VECTORS.atbb, 6))).toBe(false)
    expect(atlassianChecksumValid(VECTORS.atbb.replace('A7644473', 'a7644473'))).toBe(false)
    expect(atlassianChecksumValid(VECTORS.atbb.slice(0, -1))).toBe(false)
  })
  it('normalises %3D and \\= back to = before checking', () => {
    const t = atlassianToken(rng(4), 'ATATT')
    expect(unescapeAtlassian(t.replace('=', '%3D'))).toBe(t)
    expect(unescapeAtlassian(t.replace('=', '%3d'))).toBe(t)
    expect(unescapeAtlassian(t.replace('=', '\\='))).toBe(t)
  })
})

describe('Bitbucket DC structure (providers.md §1.3)', () => {
  it('accepts <12 digits>:<20 bytes> bodies', () => {
    const next = rng(5)
    for (let i = 0; i < 50; i++) expect(bbdcStructureValid(bbdcToken(next))).toBe(true)
  })
  it('rejects a body whose digits or colon are broken, or that is truncated', () => {
    expect(bbdcStructureValid(`BBDC-${'A'.repeat(44)}`)).toBe(false)
    expect(bbdcStructureValid(bbdcToken(rng(6)).slice(0, 48))).toBe(false)
    const t = bbdcToken(rng(7))
    expect(bbdcStructureValid(`${t.slice(0, 10)}${t.charAt(10) === 'A' ? 'B' : 'A'}${t.slice(11)}`)).toBe(
      false,
    )
  })
})

describe('Azure DevOps CASK Marvin32 checksum (providers.md §1.4)', () => {
  it("matches Microsoft's bench key and both spellings of the fabricated ADO example", () => {
    expect(azureChecksumsFor(VECTORS.microsoftBench.slice(0, 80))?.base64).toBe('TZJ9')
    expect(azureChecksumsFor(VECTORS.azureFabricatedBase64.slice(0, 80))).toEqual({
      base64: 'TSnE',
      base62: '1Pbw',
    })
    expect(azureChecksumEncoding(VECTORS.azureFabricatedBase64)).toBe('base64')
    expect(azureChecksumEncoding(VECTORS.azureFabricatedBase62)).toBe('base62')
  })
  it('round-trips generated PATs and reads the creation month', () => {
    const next = rng(8)
    for (let i = 0; i < 30; i++)
      expect(azureChecksumEncoding(azurePat(next, { encoding: i % 2 ? 'base62' : 'base64' }))).not.toBeNull()
    expect(azureCreationMonth(VECTORS.azureFabricatedBase64)).toBe('2024-07')
    expect(azureCreationMonth(azurePat(next, { year: 'C', month: 'L' }))).toBe('2026-12')
  })
  it('finds no checksum in a changed key', () => {
    expect(azureChecksumEncoding(mutate(VECTORS.azureFabricatedBase64, 3))).toBeNull()
    expect(azureChecksumEncoding(mutate(VECTORS.azureFabricatedBase64, -1))).toBeNull()
  })
})
