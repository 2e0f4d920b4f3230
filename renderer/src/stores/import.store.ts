import { create } from 'zustand'
import type { ImportPreview } from '@shared/domain/export'
import type { AppError } from '@shared/errors'
import { call } from '../ipc/client'

/** What an applied import did, for the success summary. */
export type AppliedImport = {
  readonly source: string
  readonly counts: ImportPreview['counts']
  readonly removed: number
  readonly accountsCreated: readonly string[]
  readonly pendingLeft: number
}

/**
 * The Import screen's state. The pasted text lives here only until main has it: once a preview
 * answers, the text is dropped, so a pasted token does not linger in the page.
 */
export type ImportState = {
  readonly status: 'idle' | 'opening' | 'previewing' | 'ready' | 'applying' | 'applied'
  readonly text: string
  readonly preview: ImportPreview | null
  readonly moveInlineSecrets: boolean
  readonly applied: AppliedImport | null
  readonly error: AppError | null
  readonly setText: (text: string) => void
  readonly setMoveInlineSecrets: (on: boolean) => void
  /** Opens a file through main's dialog; a cancelled dialog changes nothing. */
  readonly openFile: () => Promise<void>
  /** Previews the pasted text. */
  readonly previewText: () => Promise<void>
  /** Applies the previewed import. */
  readonly apply: () => Promise<boolean>
  /** Back to the start (another import). */
  readonly reset: () => void
  /** Clears the success summary, keeping an open preview. */
  readonly forgetApplied: () => void
}

/** One entity an import would remove. */
export type Removal = {
  readonly kind: 'account' | 'credential' | 'repository' | 'environment'
  readonly id: string
}

/** Entities the preview would remove from the workspace. */
export function removalsOf(p: ImportPreview): Removal[] {
  const d = p.diff
  const of = (kind: Removal['kind'], ids: readonly string[]): Removal[] => ids.map((id) => ({ kind, id }))
  return [
    ...of('repository', d.repositories.removed),
    ...of('environment', d.environments.removed),
    ...of('credential', d.credentials.removed),
    ...of('account', d.accounts.removed),
  ]
}

const START = {
  status: 'idle',
  text: '',
  preview: null,
  moveInlineSecrets: true,
  applied: null,
  error: null,
} as const

/** The import store. */
export const useImport = create<ImportState>((set, get) => {
  const previewed = (preview: ImportPreview): void =>
    set({
      status: 'ready',
      preview,
      text: '',
      error: null,
      moveInlineSecrets: preview.pendingSecrets.length > 0,
    })
  return {
    ...START,
    setText: (text) => set({ text, error: null }),
    setMoveInlineSecrets: (moveInlineSecrets) => set({ moveInlineSecrets }),
    async openFile() {
      const before = get()
      set({ status: 'opening', error: null })
      const r = await call('import:open-file', {})
      if (!r.ok) set({ status: before.preview ? 'ready' : 'idle', error: r.error })
      else if (r.value.preview) previewed(r.value.preview)
      else set({ status: before.preview ? 'ready' : 'idle' })
    },
    async previewText() {
      const text = get().text
      if (text.trim() === '') return
      set({ status: 'previewing', error: null })
      const r = await call('import:preview-text', { text })
      if (r.ok) previewed(r.value)
      else set({ status: 'idle', error: r.error })
    },
    async apply() {
      const { preview, moveInlineSecrets } = get()
      if (!preview) return false
      set({ status: 'applying', error: null })
      const r = await call('import:apply', { sessionId: preview.sessionId, moveInlineSecrets })
      if (!r.ok) {
        set({ status: 'ready', error: r.error })
        return false
      }
      set({
        status: 'applied',
        preview: null,
        applied: {
          source: preview.source,
          counts: preview.counts,
          removed: removalsOf(preview).length,
          accountsCreated: r.value.accountsCreated,
          pendingLeft: preview.pendingSecrets.length - r.value.accountsCreated.length,
        },
      })
      return true
    },
    reset: () => set({ ...START }),
    forgetApplied: () => {
      if (get().status === 'applied') set({ ...START })
    },
  }
})
