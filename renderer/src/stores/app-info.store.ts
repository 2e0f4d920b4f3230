import { create } from 'zustand'
import type { AppInfo } from '@shared/domain/app-info'
import type { AppError } from '@shared/errors'
import { call } from '../ipc/client'

/** About-screen data: versions of everything GitKeys runs on. */
export type AppInfoState = {
  readonly status: 'idle' | 'loading' | 'ready' | 'error'
  readonly info: AppInfo | null
  readonly error: AppError | null
  readonly load: () => Promise<void>
}

/** Loads `app:info` once per request; the screen shows loading, the facts, or what went wrong. */
export const useAppInfo = create<AppInfoState>((set) => ({
  status: 'idle',
  info: null,
  error: null,
  async load() {
    set({ status: 'loading', error: null })
    const r = await call('app:info', {})
    set(r.ok ? { status: 'ready', info: r.value } : { status: 'error', error: r.error })
  },
}))
