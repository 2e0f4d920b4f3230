import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { gitBranchProblems, validateBranchName } from '@shared/logic/branch-name'

/** Runs the real `git check-ref-format --branch` outside any repository (so `@{-1}` cannot resolve). */
function gitAccepts(name: string): boolean {
  const r = spawnSync('git', ['check-ref-format', '--branch', name], {
    cwd: tmpdir(),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: tmpdir(),
      GIT_CEILING_DIRECTORIES: tmpdir(),
      GIT_CONFIG_NOSYSTEM: '1',
    },
    encoding: 'utf8',
  })
  if (r.error) throw r.error
  if (r.status === 0) expect(r.stdout, `git rewrote ${JSON.stringify(name)}`).toBe(`${name}\n`)
  return r.status === 0
}

/** 80 names: ordinary ones, every git rule on both sides of its edge, and security.md vector 39. */
const NAMES: readonly string[] = [
  'main',
  'master',
  'develop',
  'feature/login',
  'flipt/state',
  'release/2026.05',
  'a',
  'A-B_c.d',
  'x/y/z/w',
  'v1.2.3',
  'fix-123',
  'user@host',
  'a@b',
  'a@',
  '@a',
  'é',
  'ブランチ',
  'emoji-😀',
  'refs/heads/x',
  'heads/HEAD',
  'HEAD',
  'head',
  'HEAD/x',
  'x/HEAD',
  '-a',
  '--orphan',
  '-D',
  '-f',
  '+main',
  'a-',
  'a+',
  'a.b',
  'a..b',
  '..',
  '.',
  'a/..',
  'a/../b',
  '.hidden',
  'a/.b',
  'a./b',
  'a.',
  'a/',
  '/a',
  'a//b',
  '//',
  'x.lock',
  'x.lock/y',
  'a/b.lock',
  'x.lockx',
  '.lock',
  'lock',
  'a~1',
  'a^',
  'a:b',
  'a?',
  'a*',
  'a[',
  'a]',
  'a{',
  'a}',
  'a b',
  'a\tb',
  'a\\b',
  '@',
  '@@',
  'a@{1}',
  '@{-1}',
  '@{u}',
  'a@{',
  'a{@',
  'x.lock.',
  '\x7f',
  'a\x7fb',
  'a\nb',
  'a\rb',
  'a\u001bb',
  'main\u202egnp.exe',
  'a\u200bb',
  'a\u0085b',
  'a!b',
  'a#b',
  'a$b',
  "a'b",
  'a"b',
  'a,b',
  'a;b',
  'a<b',
  'a>b',
  'a=b',
  'a|b',
  'a%b',
  'a&b',
  'a(b)',
  '%2e%2e',
]

describe('gitBranchProblems matches `git check-ref-format --branch` exactly', () => {
  it('covers at least 60 names', () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(60)
  })
  it.each(NAMES.map((n) => [JSON.stringify(n), n]))('%s', (_label, name) => {
    expect(gitBranchProblems(name).length === 0).toBe(gitAccepts(name))
  })
})

describe("validateBranchName adds GitKeys' stricter rules (security.md §8 vectors 38–39)", () => {
  const problems = (name: string): string[] => {
    const r = validateBranchName(name)
    return r.ok ? [] : r.problems.map((p) => p.id)
  }
  it.each(['main', 'feature/x', 'release/1.2', 'é', 'a@b'])('accepts %j', (name) => {
    expect(validateBranchName(name)).toEqual({ ok: true })
  })
  it.each([
    ['-D', 'branch.leading_dash'],
    ['--orphan', 'branch.leading_dash'],
    ['--upload-pack=x', 'branch.leading_dash'],
    ['-f', 'branch.leading_dash'],
    ['+main', 'branch.leading_plus'],
    ['@', 'branch.lone_at'],
    ['a..b', 'branch.double_dot'],
    ['a~1', 'branch.forbidden_char'],
    ['a^', 'branch.forbidden_char'],
    ['a:b', 'branch.forbidden_char'],
    ['a?', 'branch.forbidden_char'],
    ['a*', 'branch.forbidden_char'],
    ['a[', 'branch.forbidden_char'],
    ['a b', 'branch.forbidden_char'],
    ['a\\b', 'branch.forbidden_char'],
    ['a@{1}', 'branch.at_brace'],
    ['x.lock', 'branch.component_lock'],
    ['.hidden', 'branch.component_dot'],
    ['a//b', 'branch.empty_component'],
    ['a/', 'branch.trailing_slash'],
    ['/a', 'branch.leading_slash'],
    ['a.', 'branch.trailing_dot'],
    ['\x7f', 'branch.control_char'],
    ['a\nb', 'branch.control_char'],
    ['a\u0000b', 'branch.control_char'],
    ['main\u202egnp.exe', 'branch.unsafe_unicode'],
    ['a\u2066b', 'branch.unsafe_unicode'],
    ['a\u200bb', 'branch.unsafe_unicode'],
    ['a\u0085b', 'branch.unsafe_unicode'],
    ['a\u2028b', 'branch.unsafe_unicode'],
    ['HEAD', 'branch.head'],
    ['', 'branch.empty'],
    ['x'.repeat(256), 'branch.too_long'],
  ])('rejects %j (%s)', (name, id) => {
    expect(problems(name)).toContain(id)
  })
  it('explains each problem in words', () => {
    const r = validateBranchName('-a..b/')
    expect(r.ok).toBe(false)
    if (!r.ok) for (const p of r.problems) expect(p.message.length).toBeGreaterThan(10)
  })
})
