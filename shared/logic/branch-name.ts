import { describeUnsafe, findUnsafeChars } from './text-safety'

/**
 * Branch names exactly as `git check-ref-format --branch` judges them (git `refs.c`
 * `check_refname_component`, `object-name.c` `strbuf_check_branch_ref`; git-check-ref-format(1)),
 * plus GitKeys' own stricter rules: no leading `+` (a refspec force marker), no lone `@` (git reads it
 * as HEAD), no Unicode controls, bidi or invisible characters (security.md §8 vectors 38–39).
 */

/** Stable ids of branch-name problems. */
export type BranchProblemId =
  | 'branch.empty'
  | 'branch.leading_dash'
  | 'branch.head'
  | 'branch.control_char'
  | 'branch.forbidden_char'
  | 'branch.double_dot'
  | 'branch.at_brace'
  | 'branch.empty_component'
  | 'branch.trailing_slash'
  | 'branch.leading_slash'
  | 'branch.component_dot'
  | 'branch.component_lock'
  | 'branch.trailing_dot'
  | 'branch.leading_plus'
  | 'branch.lone_at'
  | 'branch.unsafe_unicode'
  | 'branch.too_long'

/** One reason a branch name is refused. */
export type BranchProblem = { readonly id: BranchProblemId; readonly message: string }

/** The verdict on a branch name. */
export type BranchCheck =
  { readonly ok: true } | { readonly ok: false; readonly problems: readonly BranchProblem[] }

/** Characters git refuses anywhere in a ref name (besides controls): git-check-ref-format(1) rules 4–5. */
const FORBIDDEN = [' ', '~', '^', ':', '?', '*', '[', '\\'] as const

/** A generous cap: git has none, but hosts cap refs near 255 bytes and longer names are pasted text. */
export const MAX_BRANCH_LENGTH = 255

/**
 * Problems git itself finds with `git check-ref-format --branch <name>` (git 2.39+), and nothing
 * more; an empty list means git accepts the name unchanged.
 */
export function gitBranchProblems(name: string): readonly BranchProblem[] {
  const out: BranchProblem[] = []
  const add = (id: BranchProblemId, message: string): void => {
    if (!out.some((p) => p.id === id)) out.push({ id, message })
  }
  if (name.length === 0) return [{ id: 'branch.empty', message: 'A branch name cannot be empty.' }]
  if (name.startsWith('-'))
    add('branch.leading_dash', 'A branch name cannot start with "-" (git would read it as an option).')
  if (name === 'HEAD') add('branch.head', '"HEAD" is reserved and cannot be a branch name.')
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i)
    if (code < 0x20 || code === 0x7f)
      add('branch.control_char', 'A branch name cannot contain control characters (newline, tab, DEL …).')
  }
  const bad = FORBIDDEN.filter((c) => name.includes(c))
  if (bad.length > 0)
    add(
      'branch.forbidden_char',
      `A branch name cannot contain ${bad.map((c) => (c === ' ' ? 'spaces' : `"${c}"`)).join(', ')}.`,
    )
  if (name.includes('..')) add('branch.double_dot', 'A branch name cannot contain "..".')
  if (name.includes('@{'))
    add(
      'branch.at_brace',
      'A branch name cannot contain "@{" (git reads it as a reflog or upstream reference).',
    )
  if (name.startsWith('/')) add('branch.leading_slash', 'A branch name cannot start with "/".')
  if (name.endsWith('/')) add('branch.trailing_slash', 'A branch name cannot end with "/".')
  const components = name.split('/')
  components.forEach((c, i) => {
    const edge = (i === 0 && name.startsWith('/')) || (i === components.length - 1 && name.endsWith('/'))
    if (c.length === 0 && !edge) add('branch.empty_component', 'A branch name cannot contain "//".')
    if (c.startsWith('.'))
      add('branch.component_dot', 'No part of a branch name may start with "." (e.g. ".hidden" or "a/.b").')
    if (c.endsWith('.lock')) add('branch.component_lock', 'No part of a branch name may end with ".lock".')
  })
  if (name.endsWith('.')) add('branch.trailing_dot', 'A branch name cannot end with ".".')
  return out
}

/** Validates a branch name for use with git: git's rules plus GitKeys' stricter ones. */
export function validateBranchName(name: string): BranchCheck {
  const problems: BranchProblem[] = [...gitBranchProblems(name)]
  if (name.startsWith('+')) {
    problems.push({
      id: 'branch.leading_plus',
      message: 'A branch name cannot start with "+" (git reads it as a forced refspec).',
    })
  }
  if (name === '@')
    problems.push({
      id: 'branch.lone_at',
      message: 'A branch cannot be called "@": git reads a lone "@" as HEAD.',
    })
  const unicode = findUnsafeChars(name).filter((c) => c.codePoint >= 0x80)
  if (unicode.length > 0) {
    problems.push({
      id: 'branch.unsafe_unicode',
      message: `The name contains ${describeUnsafe(unicode)}, which can make it display differently from what git uses.`,
    })
  }
  if (name.length > MAX_BRANCH_LENGTH) {
    problems.push({
      id: 'branch.too_long',
      message: `A branch name longer than ${MAX_BRANCH_LENGTH} characters is refused.`,
    })
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems }
}
