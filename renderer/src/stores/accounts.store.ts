import { create } from 'zustand'
import type { Account, AccountFields } from '@shared/domain/account'
import type { AppError } from '@shared/errors'
import type { Result } from '@shared/result'
import { call, subscribe } from '../ipc/client'

/** Accounts as main reports them; every change arrives through `accounts:changed`. */
export type AccountsState = {
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly accounts: readonly Account[]
  readonly error: AppError | null
  readonly load: () => Promise<void>
  readonly add: (fields: AccountFields, token: string) => Promise<Result<Account>>
  readonly update: (id: string, fields: AccountFields) => Promise<Result<Account>>
  readonly rotate: (
    id: string,
    token: string,
    expiresAt: string | null | undefined,
    everywhere: boolean,
  ) => Promise<Result<{ account: Account; alsoRotated: string[] }>>
  readonly remove: (
    id: string,
    confirm: boolean,
  ) => Promise<Result<{ unbound: { repositories: string[]; environments: string[]; credentials: string[] } }>>
}

let unsubscribe: (() => void) | null = null

/** The accounts store. It subscribes to main's events once, on first load. */
export const useAccounts = create<AccountsState>((set) => ({
  status: 'idle',
  accounts: [],
  error: null,
  async load() {
    unsubscribe ??= subscribe('accounts:changed', ({ accounts }) => set({ accounts, status: 'ready' }))
    set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading', error: null }))
    const r = await call('accounts:list', {})
    set(r.ok ? { status: 'ready', accounts: r.value.accounts } : { status: 'error', error: r.error })
  },
  add: (fields, token) => call('accounts:add', { fields, token }),
  update: (id, fields) => call('accounts:update', { id, fields }),
  rotate: (id, token, expiresAt, everywhere) =>
    call('accounts:rotate', { id, token, everywhere, ...(expiresAt !== undefined ? { expiresAt } : {}) }),
  remove: (id, confirm) => call('accounts:remove', { id, confirm }),
}))
