import type { Repository } from '../domain/repository'

/**
 * True when every word of `query` appears in the repository's name, remote, branch, local folder or
 * the label of the account bound to it (case aside), as the Accounts search does for accounts.
 */
export function repositoryMatches(repo: Repository, accountLabel: string | null, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const hay = [repo.id, repo.remote, repo.branch, repo.localPath ?? '', accountLabel ?? '']
    .join(' ')
    .toLowerCase()
  return words.every((w) => hay.includes(w))
}
