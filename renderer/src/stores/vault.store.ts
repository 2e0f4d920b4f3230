import { create } from 'zustand'
import type { VaultStatus } from '@shared/domain/vault'
import type { AppError } from '@shared/errors'
import { call, subscribe } from '../ipc/client'

/** How secrets are protected, for the vault banner. */
export type VaultState = {
  readonly status: VaultStatus | null
  readonly error: AppError | null
  readonly load: () => Promise<void>
  readonly allowWeak: () => Promise<void>
}

let unsubscribe: (() => void) | null = null

/** The vault status store. */
export const useVault = create<VaultState>((set) => ({
  status: null,
  error: null,
  async load() {
    unsubscribe ??= subscribe('vault:changed', (status) => set({ status }))
    const r = await call('vault:status', {})
    set(r.ok ? { status: r.value, error: null } : { error: r.error })
  },
  async allowWeak() {
    const r = await call('vault:allow-weak-storage', { confirm: true })
    set(r.ok ? { status: r.value, error: null } : { error: r.error })
  },
}))
