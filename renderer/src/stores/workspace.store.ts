import { create } from 'zustand'
import type { Credential } from '@shared/domain/credential'
import type { Environment } from '@shared/domain/environment'
import type { Repository } from '@shared/domain/repository'
import type { AppError } from '@shared/errors'
import type { Result } from '@shared/result'
import { call, subscribe } from '../ipc/client'

/** Repositories, environments and Flipt credentials as main reports them (`workspace:changed` keeps it fresh). */
export type WorkspaceState = {
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly repositories: readonly Repository[]
  readonly environments: readonly Environment[]
  readonly credentials: readonly Credential[]
  readonly error: AppError | null
  readonly load: () => Promise<void>
  readonly saveRepository: (r: Repository) => Promise<Result<Repository>>
  readonly removeRepository: (id: string, confirm: boolean) => Promise<Result<{ environments: string[] }>>
  readonly saveEnvironment: (e: Environment) => Promise<Result<Environment>>
  readonly removeEnvironment: (id: string) => Promise<Result<{ removed: string }>>
}

let unsubscribe: (() => void) | null = null

/** The workspace store. A new repository or environment is saved with `id: ''`; main assigns the id. */
export const useWorkspace = create<WorkspaceState>((set) => ({
  status: 'idle',
  repositories: [],
  environments: [],
  credentials: [],
  error: null,
  async load() {
    unsubscribe ??= subscribe('workspace:changed', (w) => set({ ...w, status: 'ready' }))
    set((s) => ({ status: s.status === 'ready' ? 'ready' : 'loading', error: null }))
    const r = await call('workspace:get', {})
    set(r.ok ? { ...r.value, status: 'ready' } : { status: 'error', error: r.error })
  },
  saveRepository: (repository) => call('repositories:save', { repository }),
  removeRepository: (id, confirm) => call('repositories:remove', { id, confirm }),
  saveEnvironment: (environment) => call('environments:save', { environment }),
  removeEnvironment: (id) => call('environments:remove', { id }),
}))
