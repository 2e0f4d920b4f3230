import { create } from 'zustand'
import type { DoctorResult, ExplanationView } from '@shared/domain/doctor'
import type { ProviderId } from '@shared/domain/provider'
import type { AppError } from '@shared/errors'
import { call, subscribe } from '../ipc/client'

/** The Doctor's scope: everything, or one account, repository or environment. */
export type DoctorScope =
  { readonly kind: 'all' } | { readonly kind: 'account' | 'repository' | 'environment'; readonly id: string }

/** Doctor runs, pasted-error explanations and the support report actions. */
export type DoctorState = {
  readonly scope: DoctorScope
  readonly running: 'offline' | 'online' | null
  /** Probes finished out of all, while an online run is under way. */
  readonly progress: { readonly done: number; readonly total: number } | null
  readonly result: DoctorResult | null
  readonly explanation: ExplanationView | null
  readonly notice: string | null
  readonly error: AppError | null
  readonly setScope: (s: DoctorScope) => void
  readonly run: (online: boolean) => Promise<void>
  readonly explain: (text: string, by: { accountId?: string; provider?: ProviderId }) => Promise<void>
  readonly copyReport: () => Promise<void>
  readonly saveReport: () => Promise<void>
}

const newRunId = (): string => {
  const bytes = new Uint8Array(9)
  crypto.getRandomValues(bytes)
  return `doctor-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

let runId: string | null = null
let unsubscribe: (() => void) | null = null

/** The Doctor store. */
export const useDoctor = create<DoctorState>((set, get) => ({
  scope: { kind: 'all' },
  running: null,
  progress: null,
  result: null,
  explanation: null,
  notice: null,
  error: null,
  setScope: (scope) => set({ scope, result: null }),
  async run(online) {
    unsubscribe ??= subscribe('doctor:progress', (e) => {
      if (e.runId === runId && get().running === 'online') set({ progress: { done: e.done, total: e.total } })
    })
    runId = newRunId()
    set({ running: online ? 'online' : 'offline', progress: null, error: null, notice: null })
    const r = await call('doctor:run', { scope: get().scope, online, runId })
    set(
      r.ok
        ? { running: null, progress: null, result: r.value }
        : { running: null, progress: null, error: r.error },
    )
  },
  async explain(text, by) {
    set({ error: null })
    const r = await call('doctor:explain', {
      text,
      ...(by.accountId ? { accountId: by.accountId } : {}),
      ...(by.provider ? { provider: by.provider } : {}),
    })
    set(r.ok ? { explanation: r.value } : { error: r.error })
  },
  async copyReport() {
    const r = await call('support:copy', {})
    set(
      r.ok
        ? { notice: 'The support report is on the clipboard (secrets appear only as hints).' }
        : { error: r.error },
    )
  },
  async saveReport() {
    const r = await call('support:save', {})
    set(r.ok ? { notice: r.value.path ? `Saved to ${r.value.path}` : null } : { error: r.error })
  },
}))
