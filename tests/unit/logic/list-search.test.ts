import { describe, expect, it } from 'vitest'
import type { Account } from '@shared/domain/account'
import { newRepository } from '@shared/domain/repository'
import { groupAccounts } from '@shared/logic/account-groups'
import { repositoryMatches } from '@shared/logic/repository-filter'

const NOW = new Date('2026-11-23T12:00:00Z')

function account(id: string, label: string, over: Partial<Account> = {}): Account {
  return {
    id,
    provider: 'github',
    deployment: 'cloud',
    host: 'github.com',
    pathPrefix: null,
    label,
    username: `u-${id}`,
    tokenKind: 'classic_pat',
    scopes: [],
    expiresAt: null,
    apiUrl: null,
    labels: [],
    createdAt: '2026-08-01T00:00:00.000Z',
    updatedAt: '2026-08-01T00:00:00.000Z',
    secret: { state: 'stored', hint: 'ghp_…a1b2', fingerprint: 'fp', checksum: 'valid' },
    ...over,
  }
}

describe('groupAccounts', () => {
  it('sorts labels the way people count, case aside', () => {
    const labels = ['Bot 10', 'bot 2', 'Bot 1', 'Alpha', 'Bot 100']
    const rows = groupAccounts(
      labels.map((l, i) => account(`a${i}`, l)),
      '',
      NOW,
      14,
    )[0]?.rows
    expect(rows?.map((r) => r.account.label)).toEqual(['Alpha', 'Bot 1', 'bot 2', 'Bot 10', 'Bot 100'])
  })

  it('keeps only accounts with every word of the query, in provider groups', () => {
    const groups = groupAccounts(
      [
        account('a', 'Flags bot'),
        account('b', 'Deploy', { provider: 'gitlab', host: 'gitlab.example.com', tokenKind: 'personal' }),
        account('c', 'Flags reader', { provider: 'gitlab', host: 'gitlab.com', tokenKind: 'personal' }),
      ],
      'flags gitlab',
      NOW,
      14,
    )
    expect(groups.map((g) => [g.provider, g.rows.map((r) => r.account.id)])).toEqual([['gitlab', ['c']]])
  })
})

describe('repositoryMatches', () => {
  const repo = newRepository({
    id: 'feature-flags',
    remote: 'https://gitlab.example.com/platform/flags.git',
    branch: 'staging',
    localPath: '/home/ana/src/flags',
  })

  it.each([
    ['', true],
    ['feature', true],
    ['PLATFORM flags', true],
    ['staging', true],
    ['ana/src', true],
    ['ops bot', true],
    ['flags production', false],
    ['github', false],
  ])('%j → %s', (query, expected) => {
    expect(repositoryMatches(repo, 'Ops bot', query)).toBe(expected)
  })

  it('a repository without an account still matches on its own fields', () => {
    expect(repositoryMatches(repo, null, 'flags')).toBe(true)
    expect(repositoryMatches(repo, null, 'bot')).toBe(false)
  })
})
