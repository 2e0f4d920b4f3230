import { describe, expect, it } from 'vitest'
import type { Account } from '@shared/domain/account'
import type { ActivityEntry } from '@shared/domain/activity'
import { dashboardOf } from '@shared/logic/dashboard'
import { expiryLabel, expiryState } from '@shared/logic/expiry'
import { storedAccount } from '../../support/sample-data'

const now = new Date('2026-11-23T10:00:00Z')
const acc = (over: Partial<Account>): Account => ({
  ...storedAccount(over),
  secret: { ...storedAccount().secret, state: 'stored' },
  ...over,
})
const entry = (over: Partial<ActivityEntry>): ActivityEntry => ({
  id: 'x',
  at: '2026-11-23T09:00:00.000Z',
  op: 'test',
  subject: 'flags',
  accountId: null,
  fingerprint: null,
  outcome: 'ok',
  category: null,
  ms: 10,
  detail: '',
  ...over,
})

describe('expiry', () => {
  it.each([
    [null, 'none', 'no expiry date'],
    ['2026-11-23', 'expired', 'expired today'],
    ['2026-11-20', 'expired', 'expired 3 days ago'],
    ['2026-11-24', 'soon', 'expires in 1 day'],
    ['2026-12-07', 'soon', 'expires in 14 days'],
    ['2026-12-08', 'ok', 'expires in 15 days'],
  ])('%s is %s (%s)', (date, state, label) => {
    const e = expiryState(date, now, 14)
    expect(e.state).toBe(state)
    expect(expiryLabel(e)).toBe(label)
  })
})

describe('dashboardOf', () => {
  const accounts = [
    acc({ id: 'gh', provider: 'github', expiresAt: '2026-12-01' }),
    acc({ id: 'gh-old', provider: 'github', expiresAt: '2026-11-01' }),
    acc({ id: 'far', provider: 'github', expiresAt: '2027-06-01' }),
    acc({ id: 'az', provider: 'azure', host: 'dev.azure.com', tokenKind: 'pat', deployment: 'cloud' }),
    acc({
      id: 'bb',
      provider: 'bitbucket',
      host: 'bitbucket.org',
      tokenKind: 'app_password',
      deployment: 'cloud',
    }),
    acc({
      id: 'gl',
      provider: 'gitlab',
      host: 'gitlab.com',
      tokenKind: 'personal',
      secret: { ...storedAccount().secret, state: 'needs_reentry' },
    }),
  ]
  const d = dashboardOf(
    accounts,
    [{ id: 'flags' } as never, { id: 'other' } as never],
    [
      entry({}),
      entry({ at: '2026-11-23T09:30:00.000Z', outcome: 'failed', category: 'expired_token' }),
      entry({ op: 'export', subject: 'flags' }),
    ],
    now,
    14,
  )

  it('counts accounts per provider and those needing attention', () => {
    expect(d.providers.find((p) => p.provider === 'github')).toEqual({
      provider: 'github',
      count: 3,
      attention: 2,
    })
    expect(d.providers.find((p) => p.provider === 'gitlab')?.attention).toBe(1)
    expect(d.needsReentry).toEqual(['gl'])
  })

  it('lists expiries in the next 90 days and expired ones, soonest first; far ones are left out', () => {
    expect(d.expiries.map((e) => e.accountId)).toEqual(['gh-old', 'gh'])
  })

  it('lists dated retirements that affect the user’s accounts', () => {
    const ids = d.retirements.map((r) => r.id)
    expect(ids.some((id) => id.startsWith('bitbucket.app_password'))).toBe(true)
    const azure = d.retirements.find((r) => r.id === 'azure.global_pat_removed')
    expect(azure).toMatchObject({ date: '2026-12-01', inEffect: false, accountIds: ['az'] })
    expect(azure?.conditional).toBeTruthy()
  })

  it('shows each repository’s last check, ignoring exports', () => {
    expect(d.repositories.find((r) => r.id === 'flags')?.lastCheck).toMatchObject({
      outcome: 'failed',
      category: 'expired_token',
    })
    expect(d.repositories.find((r) => r.id === 'other')?.lastCheck).toBeNull()
  })
})
