import { create } from 'zustand'
import type { ExportFormat, ExportPreview, ExportRequest } from '@shared/domain/export'
import type { AppError } from '@shared/errors'
import { call } from '../ipc/client'

/** How secrets appear in a Flipt export. */
export type SecretMode = ExportRequest['secrets']

/** What the last save did: where the file went and how many secret files were written beside it. */
export type SavedExport = {
  readonly path: string
  readonly secretFilesWritten: number
  readonly mode: SecretMode
}

/** The Export screen's state: the options, the live (masked) preview, and the last save or copy. */
export type ExportState = {
  readonly format: ExportFormat
  /** Null means every environment, including ones added later. */
  readonly environmentIds: readonly string[] | null
  readonly secrets: SecretMode
  readonly writeSecretFiles: boolean
  readonly preview: ExportPreview | null
  /** The request the shown preview answers (it may lag the options while a new one loads). */
  readonly previewOf: ExportRequest | null
  readonly previewStatus: 'idle' | 'loading' | 'ready' | 'error'
  readonly previewError: AppError | null
  readonly busy: 'save' | 'copy' | null
  readonly saved: SavedExport | null
  readonly copied: boolean
  readonly actionError: AppError | null
  readonly setFormat: (format: ExportFormat) => void
  readonly setSecrets: (secrets: SecretMode) => void
  readonly setEnvironmentIds: (ids: readonly string[] | null) => void
  readonly setWriteSecretFiles: (on: boolean) => void
  /** Fetches the preview for the current options; an older answer never overwrites a newer one. */
  readonly refresh: () => Promise<void>
  /** Saves through main's save dialog. Inline mode needs `confirmInline`. Resolves false when cancelled or failed. */
  readonly save: (confirmInline: boolean) => Promise<boolean>
  /** Copies the document (env or file references only) through main. */
  readonly copy: () => Promise<boolean>
  /** Copies the env template (variable names, no values) through main. */
  readonly copyEnvTemplate: () => Promise<boolean>
  readonly dismiss: () => void
}

/** The request the current options stand for. */
export const exportRequestOf = (
  s: Pick<ExportState, 'format' | 'environmentIds' | 'secrets'>,
): ExportRequest => ({
  format: s.format,
  environmentIds: s.environmentIds ? [...s.environmentIds] : null,
  secrets: s.format === 'flipt' ? s.secrets : 'env',
})

let generation = 0

/** The export store. Options changes clear the last outcome, so a banner never describes other options. */
export const useExport = create<ExportState>((set, get) => ({
  format: 'flipt',
  environmentIds: null,
  secrets: 'env',
  writeSecretFiles: false,
  preview: null,
  previewOf: null,
  previewStatus: 'idle',
  previewError: null,
  busy: null,
  saved: null,
  copied: false,
  actionError: null,
  setFormat: (format) => set({ format, saved: null, copied: false, actionError: null }),
  setSecrets: (secrets) => set({ secrets, saved: null, copied: false, actionError: null }),
  setEnvironmentIds: (environmentIds) =>
    set({ environmentIds, saved: null, copied: false, actionError: null }),
  setWriteSecretFiles: (writeSecretFiles) => set({ writeSecretFiles }),
  async refresh() {
    const mine = ++generation
    const request = exportRequestOf(get())
    set({ previewStatus: 'loading' })
    const r = await call('export:preview', request)
    if (mine !== generation) return
    set(
      r.ok
        ? { preview: r.value, previewOf: request, previewStatus: 'ready', previewError: null }
        : { preview: null, previewOf: null, previewStatus: 'error', previewError: r.error },
    )
  },
  async save(confirmInline) {
    const s = get()
    const request = exportRequestOf(s)
    set({ busy: 'save', saved: null, copied: false, actionError: null })
    const r = await call('export:save', {
      request,
      confirmInline,
      writeSecretFiles: request.format === 'flipt' && request.secrets === 'file' && s.writeSecretFiles,
    })
    if (!r.ok) {
      set({ busy: null, actionError: r.error })
      return false
    }
    const { path, secretFilesWritten } = r.value
    set({ busy: null, saved: path ? { path, secretFilesWritten, mode: request.secrets } : null })
    return path !== null
  },
  async copy() {
    set({ busy: 'copy', saved: null, copied: false, actionError: null })
    const r = await call('export:copy', { ...exportRequestOf(get()), part: 'document' })
    set(r.ok ? { busy: null, copied: true } : { busy: null, actionError: r.error })
    return r.ok
  },
  async copyEnvTemplate() {
    const r = await call('export:copy', { ...exportRequestOf(get()), part: 'envTemplate' })
    if (!r.ok) set({ actionError: r.error })
    return r.ok
  },
  dismiss: () => set({ saved: null, copied: false, actionError: null }),
}))
