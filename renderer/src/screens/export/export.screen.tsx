import { useEffect, useState, type ReactElement } from 'react'
import { BusyButton } from '../../components/busy-button'
import { EmptyState } from '../../components/empty-state'
import { Icon } from '../../components/icon'
import { Screen } from '../../components/screen'
import { Banner, Loading } from '../../components/status'
import { useAccounts } from '../../stores/accounts.store'
import { useExport, type SavedExport } from '../../stores/export.store'
import { useWorkspace } from '../../stores/workspace.store'
import { EnvironmentPicker, FormatPicker, SecretModePicker } from './export-options'
import { EnvTemplateCard, PreviewCard, SecretFilesCard } from './export-preview'
import { FindingsChecklist } from './findings-checklist'
import { InlineConfirmDialog, maskedHints } from './inline-confirm-dialog'
import './export.css'

const PREVIEW_DELAY_MS = 150

function SavedBanner({ saved }: { saved: SavedExport }): ReactElement {
  return (
    <Banner tone="ok" title="Export saved" testId="export-saved">
      <div className="stack" style={{ gap: 4 }}>
        <code className="saved-path" data-testid="saved-path">
          {saved.path}
        </code>
        <span>File mode 0600: only your user can read and change it.</span>
        {saved.mode === 'file' && saved.secretFilesWritten > 0 ? (
          <span data-testid="secret-files-written">
            {saved.secretFilesWritten} secret {saved.secretFilesWritten === 1 ? 'file' : 'files'} written
            (mode 0600). Move them to Flipt’s base_path where it runs.
          </span>
        ) : null}
        {saved.mode === 'inline' ? (
          <strong>It contains tokens: keep it out of repositories, shared folders and chat.</strong>
        ) : null}
      </div>
    </Banner>
  )
}

/** Export: Flipt v2 / dFlow / git with a live, masked preview; saves through main's dialog, copies through main. */
export function ExportScreen(): ReactElement {
  const ws = useWorkspace()
  const acc = useAccounts()
  const ex = useExport()
  const { refresh, setEnvironmentIds, dismiss } = ex
  const [confirming, setConfirming] = useState(false)

  // An outcome banner describes this visit only.
  useEffect(() => dismiss, [dismiss])

  useEffect(() => {
    if (ws.status === 'idle') void ws.load()
    if (acc.status === 'idle') void acc.load()
  }, [ws, acc])

  // Forget environments that no longer exist, so the request never names a removed one.
  const stale = ex.environmentIds?.some((id) => !ws.environments.some((e) => e.id === id)) ?? false
  useEffect(() => {
    if (stale && ex.environmentIds)
      setEnvironmentIds(ex.environmentIds.filter((id) => ws.environments.some((e) => e.id === id)))
  }, [stale, ex.environmentIds, ws.environments, setEnvironmentIds])

  const needsEnvironments = ex.format !== 'git'
  const nothing = ws.status === 'ready' && needsEnvironments && ws.environments.length === 0
  const noneChosen = needsEnvironments && ex.environmentIds !== null && ex.environmentIds.length === 0
  const canPreview = ws.status === 'ready' && !nothing && !noneChosen && !stale
  const envKey = ex.environmentIds?.join(',') ?? '*'

  useEffect(() => {
    if (!canPreview) return
    const t = setTimeout(() => void refresh(), PREVIEW_DELAY_MS)
    return () => clearTimeout(t)
  }, [
    canPreview,
    ex.format,
    ex.secrets,
    envKey,
    ws.repositories,
    ws.environments,
    ws.credentials,
    acc.accounts,
    refresh,
  ])

  const inline = ex.format === 'flipt' && ex.secrets === 'inline'
  const preview = canPreview ? ex.preview : null
  const shown = preview ? ex.previewOf : null
  const ready = preview !== null && ex.previewStatus === 'ready'
  const onSave = (): void => {
    if (inline) setConfirming(true)
    else void ex.save(false)
  }

  return (
    <Screen
      id="export"
      className="export-screen"
      testId="export-screen"
      title="Export"
      lead="Write your workspace as configuration for Flipt, dFlow or git. Tokens stay in the OS keychain unless you choose to write them."
      actions={
        <>
          <button
            className="btn"
            type="button"
            disabled={!ready || inline || ex.busy !== null}
            aria-describedby={inline ? 'copy-off-why' : undefined}
            onClick={() => void ex.copy()}
            data-testid="export-copy"
          >
            <Icon name="copy" size={16} /> {ex.busy === 'copy' ? 'Copying…' : 'Copy'}
          </button>
          <BusyButton
            className="btn btn-primary"
            busy={ex.busy === 'save'}
            icon="download"
            label="Save…"
            busyLabel="Saving…"
            disabled={!ready || ex.busy !== null}
            onClick={onSave}
            data-testid="export-save"
          />
        </>
      }
    >
      <div className="stack export-banners">
        {inline ? (
          <p className="muted small" id="copy-off-why" data-testid="copy-off-why">
            Copy is off for inline tokens: any app can read the clipboard. Save to a file instead.
          </p>
        ) : null}
        {ex.saved ? <SavedBanner saved={ex.saved} /> : null}
        {ex.copied ? (
          <Banner tone="ok" title="Copied to the clipboard" testId="export-copied">
            It holds references only, no tokens.
          </Banner>
        ) : null}
        {ex.actionError ? (
          <Banner tone="error" title={ex.actionError.message} testId="export-error">
            {ex.actionError.hint ?? 'Nothing was written. Check the options and try again.'}
          </Banner>
        ) : null}
        {ws.error ? (
          <Banner tone="error" title="Could not read the workspace">
            {ws.error.message} {ws.error.hint ?? 'Restart GitKeys and try again.'}
          </Banner>
        ) : null}
      </div>

      <div className="export-layout">
        <aside className="card export-options" aria-label="Export options">
          <div className="card-body stack" style={{ gap: 20 }}>
            <FormatPicker value={ex.format} onChange={ex.setFormat} />
            {needsEnvironments && ws.environments.length > 0 ? (
              <EnvironmentPicker
                environments={ws.environments}
                selected={ex.environmentIds}
                onChange={setEnvironmentIds}
              />
            ) : null}
            {ex.format === 'flipt' && !nothing ? (
              <SecretModePicker value={ex.secrets} onChange={ex.setSecrets} />
            ) : null}
          </div>
        </aside>

        <div className="stack export-output">
          {ws.status === 'loading' || ws.status === 'idle' ? (
            <Loading label="Reading the workspace…" />
          ) : null}
          {nothing ? (
            <EmptyState
              icon="upload"
              title="Nothing to export yet"
              testId="export-empty"
              action={
                <div className="row" style={{ justifyContent: 'center' }}>
                  <a className="btn btn-primary" href="#/environments">
                    <Icon name="layers" size={16} /> Add an environment
                  </a>
                  <a className="btn" href="#/import">
                    <Icon name="download" size={16} /> Import a Flipt config
                  </a>
                </div>
              }
            >
              {ex.format === 'flipt' ? 'A Flipt config' : 'A dFlow sheet'} lists environments, each stored in
              a repository. Add an environment, or import the Flipt config you already run. Git credential
              settings need no environment: pick “git” under Format.
            </EmptyState>
          ) : null}
          {canPreview && ex.previewStatus === 'error' && ex.previewError ? (
            <Banner tone="error" title={ex.previewError.message} testId="preview-error">
              {ex.previewError.hint ?? 'Change the options, or fix the workspace and come back.'}
            </Banner>
          ) : null}
          {canPreview && !preview && ex.previewStatus !== 'error' ? (
            <Loading label="Building the preview…" />
          ) : null}
          {preview ? (
            <>
              <section className="card checks-card" aria-labelledby="export-checks-title">
                <h2 id="export-checks-title" className="section-title">
                  Checks
                </h2>
                <FindingsChecklist
                  findings={preview.warnings}
                  emptyText="Nothing to fix: the export follows Flipt’s and GitKeys’ rules."
                />
              </section>
              <PreviewCard preview={preview} request={shown} loading={ex.previewStatus === 'loading'} />
              {preview.envTemplate ? <EnvTemplateCard template={preview.envTemplate} /> : null}
              {shown?.format === 'flipt' && shown.secrets === 'file' ? (
                <SecretFilesCard
                  preview={preview}
                  write={ex.writeSecretFiles}
                  onWrite={ex.setWriteSecretFiles}
                />
              ) : null}
            </>
          ) : null}
        </div>
      </div>

      {confirming && preview ? (
        <InlineConfirmDialog
          hints={maskedHints(preview.text)}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            void ex.save(true)
          }}
        />
      ) : null}
    </Screen>
  )
}
