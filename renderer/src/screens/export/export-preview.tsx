import { useState, type ReactElement } from 'react'
import type { ExportFormat, ExportPreview, ExportRequest } from '@shared/domain/export'
import { Icon } from '../../components/icon'
import { Badge } from '../../components/status'
import { CodeView, type CodeLanguage } from './code-view'
import { useExport } from '../../stores/export.store'

const LANGUAGE: Record<ExportFormat, CodeLanguage> = { flipt: 'yaml', dflow: 'markdown', git: 'gitconfig' }

/** The live preview card: file name, masking state, the document with line numbers. */
export function PreviewCard({
  preview,
  request,
  loading,
}: {
  preview: ExportPreview
  request: ExportRequest | null
  loading: boolean
}): ReactElement {
  const lines = preview.text.replace(/\n$/, '').split('\n').length
  const format = request?.format ?? 'flipt'
  return (
    <section
      className="card preview-card"
      aria-labelledby="export-preview-title"
      data-testid="preview-card"
      data-format={format}
      data-secrets={format === 'flipt' ? request?.secrets : undefined}
      data-state={loading ? 'loading' : 'ready'}
    >
      <div className="card-head">
        <Icon name="file" />
        <h2 id="export-preview-title" className="mono preview-name">
          {preview.fileName}
        </h2>
        <span className="muted small">{lines} lines</span>
        <span className="spacer" />
        {loading ? <span className="spinner" role="status" aria-label="Updating the preview" /> : null}
        {preview.masked ? (
          <Badge tone="warning" testId="preview-masked">
            <Icon name="shield" size={12} /> Tokens masked in this preview
          </Badge>
        ) : (
          <Badge tone="ok">
            <Icon name="shield" size={12} /> No tokens
          </Badge>
        )}
      </div>
      <CodeView
        text={preview.text}
        language={LANGUAGE[format]}
        label={`Preview of ${preview.fileName}`}
        busy={loading}
        testId="export-preview"
      />
    </section>
  )
}

/** The env template of an env-mode Flipt export: variable names, no values, with its own copy button. */
export function EnvTemplateCard({ template }: { template: string }): ReactElement {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  const names = [...template.matchAll(/^([A-Za-z_][A-Za-z0-9_]*)=/gm)].map((m) => m[1] ?? '')
  const copyEnvTemplate = useExport((s) => s.copyEnvTemplate)
  const copy = async (): Promise<void> => setCopied((await copyEnvTemplate()) ? 'yes' : 'failed')
  return (
    <section className="card" aria-labelledby="env-template-title" data-testid="env-template">
      <div className="card-head">
        <Icon name="key" />
        <div>
          <h2 id="env-template-title">Environment variables for Flipt</h2>
          <div className="muted small">
            Set {names.length === 1 ? 'this variable' : `these ${names.length} variables`} where Flipt runs.
            No values are included.
          </div>
        </div>
        <span className="spacer" />
        <span className="sr-only" role="status">
          {copied === 'yes' ? 'Variables copied' : ''}
        </span>
        <button
          className="btn btn-sm"
          type="button"
          onClick={() => void copy()}
          data-testid="copy-env-template"
        >
          <Icon name={copied === 'yes' ? 'check' : 'copy'} size={14} />
          {copied === 'yes' ? 'Copied' : 'Copy variables'}
        </button>
      </div>
      {copied === 'failed' ? (
        <div className="card-note error-text">
          The variables could not be copied: select the text and copy it.
        </div>
      ) : null}
      <CodeView text={template} language="env" label="Environment variable template" />
    </section>
  )
}

/** The secret files a file-mode export refers to, and the choice to write them when saving. */
export function SecretFilesCard({
  preview,
  write,
  onWrite,
}: {
  preview: ExportPreview
  write: boolean
  onWrite: (on: boolean) => void
}): ReactElement {
  const basePath = /^\s*base_path:\s*(.+?)\s*$/m.exec(preview.text)?.[1] ?? 'the base_path'
  return (
    <section className="card" aria-labelledby="secret-files-title" data-testid="secret-files">
      <div className="card-head">
        <Icon name="folder" />
        <div>
          <h2 id="secret-files-title">Secret files</h2>
          <div className="muted small">
            Flipt reads each token from a file in <code>{basePath}</code> (
            <code>secrets.providers.file.base_path</code>; edit it to where the files live).
          </div>
        </div>
      </div>
      <div className="card-body stack">
        {preview.secretFiles.length === 0 ? (
          <p className="muted">No credential needs a token file.</p>
        ) : (
          <ul className="file-list">
            {preview.secretFiles.map((f) => (
              <li key={f.name}>
                <Icon name="file" size={14} />
                <code>
                  {basePath}/{f.name}
                </code>
              </li>
            ))}
          </ul>
        )}
        <label className="check-row">
          <input
            type="checkbox"
            checked={write}
            disabled={preview.secretFiles.length === 0}
            onChange={(e) => onWrite(e.target.checked)}
            data-testid="write-secret-files"
          />
          <span>
            Also write the secret files when saving
            <span className="muted small block">
              After the config, GitKeys asks for a folder and writes each token there with mode 0600.
            </span>
          </span>
        </label>
      </div>
    </section>
  )
}
