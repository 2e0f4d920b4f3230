import type { RuleCase } from './rule-fixtures'
import { ctx, healthy, repository } from './rule-fixtures'

/** Branch-name cases on storage.flags.branch. */

const branch = (name: string) =>
  ctx({
    ...healthy(),
    repositories: [
      repository({ id: 'flags', remote: 'https://github.com/acme/flags.git', accountId: 'gh', branch: name }),
    ],
  })

/** The branch family's cases. */
export const branchCases: readonly RuleCase[] = [
  {
    rule: 'branch.invalid',
    name: 'a ".." in the name',
    expect: 'fail',
    subject: 'storage.flags.branch',
    ctx: branch('release..1'),
  },
  {
    rule: 'branch.invalid',
    name: 'a trailing space',
    expect: 'fail',
    subject: 'storage.flags.branch',
    ctx: branch('main '),
  },
  {
    rule: 'branch.invalid',
    name: 'a ref-like name git accepts',
    expect: 'pass',
    ctx: branch('release/2026.09'),
  },
]
