import { create } from 'zustand'
import type { ActivityEntry } from '@shared/domain/activity'
import type { AppError } from '@shared/errors'
import type { RequestOf, ResponseOf } from '@shared/ipc/contract'
import { call, subscribe } from '../ipc/client'

/** The dashboard, settings and recent activity for the Home and Activity screens. */
export type HomeState = {
  readonly dashboard: ResponseOf<'dashboard:get'> | null
  readonly settings: ResponseOf<'settings:get'> | null
  readonly activity: readonly ActivityEntry[]
  readonly error: AppError | null
  readonly load: () => Promise<void>
  readonly loadActivity: () => Promise<void>
  /** Saves a change; the error (for example an invalid proxy URL) is returned for the form to show. */
  readonly updateSettings: (patch: RequestOf<'settings:update'>) => Promise<AppError | null>
  readonly exportActivity: () => Promise<string | null>
}

let unsubscribe: Array<() => void> | null = null

/** The Home store; it refreshes when accounts, the workspace or the activity log change. */
export const useHome = create<HomeState>((set, get) => ({
  dashboard: null,
  settings: null,
  activity: [],
  error: null,
  async load() {
    unsubscribe ??= [
      subscribe('accounts:changed', () => void get().load()),
      subscribe('workspace:changed', () => void get().load()),
      subscribe('activity:added', (e) => set({ activity: [e, ...get().activity].slice(0, 500) })),
    ]
    const [d, s] = await Promise.all([call('dashboard:get', {}), call('settings:get', {})])
    set({
      dashboard: d.ok ? d.value : get().dashboard,
      settings: s.ok ? s.value : get().settings,
      error: d.ok ? null : d.error,
    })
  },
  async loadActivity() {
    const r = await call('activity:list', { limit: 500 })
    if (r.ok) set({ activity: r.value.entries })
  },
  async updateSettings(patch) {
    const r = await call('settings:update', patch)
    if (!r.ok) return r.error
    set({ settings: r.value })
    await get().load()
    return null
  },
  async exportActivity() {
    const r = await call('activity:export', {})
    return r.ok ? r.value.path : null
  },
}))
