import type { ExportPreview, ExportRequest } from '@shared/domain/export'
import { appError, type AppError } from '@shared/errors'
import { exportDflow, exportFlipt, exportGitConfig } from '@shared/export/index'
import { err, ok, type Result } from '@shared/result'
import type { AccountsService } from '../accounts/accounts.service'
import type { Logger } from '../logging/logger'
import type { MetadataStore } from '../workspace/metadata-store'
import { workspaceOf } from '../workspace/workspace-of'
import { writeFileSafely } from './safe-file'

/** Where exports are saved and copied: the native save dialog and the clipboard, or test stand-ins. */
export interface ExportPorts {
  saveFile(title: string, defaultName: string): Promise<string | null>
  chooseFolder(title: string): Promise<string | null>
  copyText(text: string): Promise<void>
}

const FILE_NAMES = { flipt: 'flipt.config.yml', dflow: 'dflow-sources.md', git: 'gitkeys.gitconfig' } as const

/**
 * Builds exports from the workspace (ARCHITECTURE.md §7). The preview always masks secrets; inline
 * secrets are read from the vault only when saving, after the user confirmed, and files are written
 * atomically with mode 0600 and never through a symlink.
 */
export function createExportService(deps: {
  readonly metadata: MetadataStore
  readonly accounts: AccountsService
  readonly ports: ExportPorts
  readonly logger: Logger
}) {
  const log = deps.logger.child('export')

  function render(
    req: ExportRequest,
    inline: (accountId: string) => string | null,
  ): Result<ExportPreview, AppError> {
    const ws = workspaceOf(deps.metadata.get())
    const ids = req.environmentIds ?? undefined
    const unknown = (ids ?? []).filter((id) => !ws.environments.some((e) => e.id === id))
    if (unknown.length) return err(appError('not_found', `Unknown environment: ${unknown.join(', ')}.`))
    if (req.format === 'flipt') {
      if (ws.environments.length === 0)
        return err(
          appError('invalid_input', 'There is nothing to export yet.', {
            hint: 'Add a repository and an environment first.',
          }),
        )
      const x = exportFlipt(ws, {
        secrets: req.secrets,
        inlineSecrets: inline,
        ...(ids ? { environmentIds: ids } : {}),
      })
      return ok({
        text: x.yaml,
        fileName: FILE_NAMES.flipt,
        envTemplate: req.secrets === 'env' ? x.envTemplate : null,
        secretFiles: [...x.secretFiles],
        warnings: [...x.warnings],
        masked: req.secrets === 'inline',
      })
    }
    if (req.format === 'dflow') {
      const x = exportDflow(ws, ids)
      return ok({
        text: x.markdown,
        fileName: FILE_NAMES.dflow,
        envTemplate: null,
        secretFiles: [],
        warnings: [...x.warnings],
        masked: false,
      })
    }
    const x = exportGitConfig(ws)
    return ok({
      text: x.text,
      fileName: FILE_NAMES.git,
      envTemplate: null,
      secretFiles: [],
      warnings: [...x.warnings],
      masked: false,
    })
  }

  const maskedInline = (accountId: string): string | null => {
    const a = deps.metadata.get().accounts.find((x) => x.id === accountId)
    return a ? `<secret ${a.secret.hint} hidden in the preview>` : null
  }
  const realInline = (accountId: string): string | null => {
    const s = deps.accounts.secretFor(accountId)
    return s.ok ? s.value.token : null
  }

  return {
    /** The live preview; secrets are hints. */
    preview: (req: ExportRequest) => render(req, maskedInline),

    /** Saves through the save dialog. Inline needs `confirmInline`; secret files only with `writeSecretFiles`. */
    async save(
      req: ExportRequest,
      opts: { confirmInline: boolean; writeSecretFiles: boolean },
    ): Promise<Result<{ path: string | null; secretFilesWritten: number }, AppError>> {
      if (req.secrets === 'inline' && !opts.confirmInline)
        return err(
          appError('invalid_input', 'Writing tokens into the file needs your confirmation.', {
            hint: 'Anyone who can read the file can use the tokens. Prefer environment references.',
          }),
        )
      const built = render(req, req.secrets === 'inline' ? realInline : maskedInline)
      if (!built.ok) return built
      const path = await deps.ports.saveFile('Save export', built.value.fileName)
      if (!path) return ok({ path: null, secretFilesWritten: 0 })
      const written = await writeFileSafely(path, built.value.text)
      if (!written.ok) return written
      let secretFilesWritten = 0
      if (
        req.format === 'flipt' &&
        req.secrets === 'file' &&
        opts.writeSecretFiles &&
        built.value.secretFiles.length
      ) {
        const dir = await deps.ports.chooseFolder('Folder for the secret files (Flipt’s base_path)')
        if (dir) {
          for (const f of built.value.secretFiles) {
            const token = realInline(f.accountId)
            if (!token) continue
            const w = await writeFileSafely(`${dir}/${f.name}`, `${token}\n`)
            if (!w.ok) return w
            secretFilesWritten++
          }
        }
      }
      log.info('export saved', { format: req.format, secrets: req.secrets, secretFiles: secretFilesWritten })
      return ok({ path: written.value, secretFilesWritten })
    },

    /** Copies the export (env or file references only), or its env template, to the clipboard. */
    async copy(
      req: ExportRequest,
      part: 'document' | 'envTemplate' = 'document',
    ): Promise<Result<{ copied: true }, AppError>> {
      if (req.secrets === 'inline')
        return err(
          appError('invalid_input', 'Exports with inline tokens cannot be copied.', {
            hint: 'Save to a file instead, or use environment references.',
          }),
        )
      const built = render(req, maskedInline)
      if (!built.ok) return built
      if (part === 'envTemplate' && built.value.envTemplate === null)
        return err(appError('invalid_input', 'Only an env-reference export has a variable template.'))
      await deps.ports.copyText(part === 'envTemplate' ? (built.value.envTemplate ?? '') : built.value.text)
      return ok({ copied: true })
    },
  }
}

/** See {@link createExportService}. */
export type ExportService = ReturnType<typeof createExportService>
