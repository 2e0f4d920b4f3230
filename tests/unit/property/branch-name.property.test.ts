import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { gitBranchProblems, validateBranchName } from '@shared/logic/branch-name'
import { findUnsafeCharsDecoded } from '@shared/logic/text-safety'
import { disguised, RUNS, unsafeChar, wellFormed } from './arbitraries'

/**
 * validateBranchName (security.md §8 vectors 38–39): accepted names hold no control, bidi or
 * invisible character and never start with `-` or `+`; `gitBranchProblems` agrees with the real
 * `git check-ref-format --branch`, run outside any repository with an isolated HOME.
 */

/** Pieces that hit every rule of git-check-ref-format(1) and GitKeys' own. */
const PIECES = [
  'a',
  'b',
  'main',
  'x1',
  '/',
  '.',
  '..',
  '@',
  '{',
  '@{',
  '-',
  '+',
  '.lock',
  ' ',
  '~',
  '^',
  ':',
  '?',
  '*',
  '[',
  '\\',
  '\t',
  '\u007f',
  'é',
  '\u202e',
  '\u200b',
  '\u0085',
  'HEAD',
  '%0a',
]
const branchLike = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme-ascii', maxLength: 12 }),
)

describe('validateBranchName: what it accepts is safe', () => {
  it('no control, bidi or invisible character; no leading "-" or "+"', () => {
    fc.assert(
      fc.property(fc.oneof(branchLike, fc.string({ unit: 'binary', maxLength: 300 })), (name) => {
        if (!validateBranchName(name).ok) return
        expect(findUnsafeCharsDecoded(name, 0).chars).toEqual([])
        expect(name.startsWith('-') || name.startsWith('+')).toBe(false)
        expect(gitBranchProblems(name)).toEqual([])
      }),
      { numRuns: 2000 },
    )
  })
  it('a raw unsafe character anywhere is refused', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 10 }), unsafeChar, fc.string({ maxLength: 10 }), (a, c, b) => {
        expect(validateBranchName(`${a}${c}${b}`).ok).toBe(false)
      }),
      RUNS,
    )
  })
  it('percent-encoded text is just text to git: it is judged as written', () => {
    fc.assert(
      fc.property(disguised(unsafeChar), (piece) => {
        if (piece.startsWith('%')) expect(validateBranchName(`feature/${piece}`).ok).toBe(true)
      }),
      RUNS,
    )
  })
})

describe('gitBranchProblems agrees with git check-ref-format --branch', () => {
  const home = mkdtempSync(join(tmpdir(), 'gitkeys-refcheck-'))
  const env = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' }
  afterAll(() => rmSync(home, { recursive: true, force: true }))

  /** git's verdict; run in an empty temp dir, outside any repository. */
  const gitAccepts = (name: string): boolean => {
    try {
      const out = execFileSync('git', ['check-ref-format', '--branch', name], {
        cwd: home,
        env,
        stdio: ['ignore', 'pipe', 'ignore'],
      })
      return out.toString('utf8') === `${name}\n`
    } catch {
      return false
    }
  }

  it('on sampled names (NUL and lone surrogates excluded: they cannot be passed as arguments)', () => {
    expect(gitAccepts('feature/x')).toBe(true)
    expect(gitAccepts('a..b')).toBe(false)
    fc.assert(
      fc.property(
        branchLike.filter((n) => !n.includes('\u0000') && wellFormed(n)),
        (name) => {
          expect(gitBranchProblems(name).length === 0).toBe(gitAccepts(name))
          if (validateBranchName(name).ok) expect(gitAccepts(name)).toBe(true)
        },
      ),
      { numRuns: 200 },
    )
  })
})
