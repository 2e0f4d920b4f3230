import { create } from 'zustand'
import type { ConnectionResult, OperationResult } from '@shared/domain/git-operation'
import type { AppError } from '@shared/errors'
import { call, subscribe } from '../ipc/client'

/** A git operation's live state for one repository. */
export type OpState = {
  readonly operationId: string
  readonly op: 'test' | 'probe' | 'clone' | 'fetch' | 'pull' | 'push'
  readonly stage: string
  readonly percent: number
  readonly running: boolean
  readonly connection: ConnectionResult | null
  readonly outcome: OperationResult | null
  readonly error: AppError | null
}

/** Running and finished operations by repository id, fed by `git:progress` events. */
export type GitOpsState = {
  readonly byRepo: Readonly<Record<string, OpState>>
  readonly test: (repositoryId: string) => Promise<void>
  readonly probe: (repositoryId: string) => Promise<void>
  readonly run: (repositoryId: string, op: 'clone' | 'fetch' | 'pull' | 'push') => Promise<void>
  readonly cancel: (repositoryId: string) => Promise<void>
}

const newId = (): string => {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

let unsubscribe: (() => void) | null = null

/** The git operations store. */
export const useGitOps = create<GitOpsState>((set, get) => {
  const start = (repositoryId: string, op: OpState['op']): string => {
    unsubscribe ??= subscribe('git:progress', (e) => {
      const cur = get().byRepo[e.repositoryId]
      if (!cur || cur.operationId !== e.operationId || !cur.running) return
      set({ byRepo: { ...get().byRepo, [e.repositoryId]: { ...cur, stage: e.stage, percent: e.percent } } })
    })
    const operationId = newId()
    set({
      byRepo: {
        ...get().byRepo,
        [repositoryId]: {
          operationId,
          op,
          stage: 'starting',
          percent: 0,
          running: true,
          connection: null,
          outcome: null,
          error: null,
        },
      },
    })
    return operationId
  }
  const finish = (repositoryId: string, patch: Partial<OpState>): void => {
    const cur = get().byRepo[repositoryId]
    if (cur)
      set({ byRepo: { ...get().byRepo, [repositoryId]: { ...cur, ...patch, running: false, percent: 100 } } })
  }
  return {
    byRepo: {},
    async test(repositoryId) {
      const operationId = start(repositoryId, 'test')
      const r = await call('git:test', { repositoryId, operationId })
      finish(
        repositoryId,
        r.ok ? { connection: r.value, stage: 'done' } : { error: r.error, stage: 'failed' },
      )
    },
    async probe(repositoryId) {
      const operationId = start(repositoryId, 'probe')
      const r = await call('git:probe-write', { repositoryId, operationId })
      finish(
        repositoryId,
        r.ok ? { connection: r.value, stage: 'done' } : { error: r.error, stage: 'failed' },
      )
    },
    async run(repositoryId, op) {
      const operationId = start(repositoryId, op)
      const r = await call('git:run', { repositoryId, operationId, op })
      finish(
        repositoryId,
        r.ok ? { outcome: r.value, stage: r.value.ended } : { error: r.error, stage: 'failed' },
      )
    },
    async cancel(repositoryId) {
      const cur = get().byRepo[repositoryId]
      if (cur?.running) await call('git:cancel', { operationId: cur.operationId })
    },
  }
})
