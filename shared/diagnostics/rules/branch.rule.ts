import { validateBranchName } from '../../logic/branch-name'
import type { Rule } from './rule.types'
import { defineRule, quote } from './rule-kit.logic'

/**
 * Branch family: `storage.<id>.branch` as `git check-ref-format --branch` judges it, plus GitKeys'
 * stricter rules (leading `+`, lone `@`, invisible Unicode). Flipt fetches and pushes this branch and
 * builds proposal branches `flipt/<environment>/<branch>` from it.
 */

const invalid = defineRule(
  {
    id: 'branch.invalid',
    family: 'branch',
    severity: 'error',
    checks: 'the storage branch is a valid git branch name',
    source: 'git-check-ref-format(1); logic/branch-name.ts validateBranchName',
  },
  (input, emit) => {
    for (const r of input.ctx.repositories) {
      const v = validateBranchName(r.branch)
      if (v.ok) continue
      const trimmed = r.branch.trim()
      const fixable = trimmed !== r.branch && validateBranchName(trimmed).ok
      const subject = `storage.${r.id}.branch`
      emit({
        subject,
        title: `${quote(r.branch, 60)} is not a valid branch name`,
        detail: `${v.problems.map((p) => p.message).join(' ')} git refuses it, so Flipt cannot fetch or push the storage.`,
        fixes: fixable
          ? [{ label: `Use "${trimmed}"`, action: { kind: 'set_field', subject, value: trimmed } }]
          : [{ label: 'Use the exact name of the branch on the remote (for example main)' }],
      })
    }
  },
)

/** The branch family's rules. */
export const branchRules: readonly Rule[] = [invalid]
