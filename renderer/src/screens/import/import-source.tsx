import { useId, type ReactElement } from 'react'
import { BusyButton } from '../../components/busy-button'
import { Icon } from '../../components/icon'
import { useImport } from '../../stores/import.store'

/** Step 1: open a Flipt config through the native dialog, or paste one and preview it. */
export function ImportSource(): ReactElement {
  const im = useImport()
  const textId = useId()
  const busy = im.status === 'opening' || im.status === 'previewing'
  return (
    <section className="card" aria-labelledby="import-source-title" data-testid="import-source">
      <div className="card-head">
        <Icon name="file" />
        <div>
          <h2 id="import-source-title">Choose a Flipt v2 configuration</h2>
          <div className="muted small">Nothing changes until you review the differences and apply them.</div>
        </div>
      </div>
      <div className="card-body import-source">
        <div className="import-open">
          <BusyButton
            className="btn btn-primary"
            busy={im.status === 'opening'}
            icon="folder"
            label="Open file…"
            busyLabel="Waiting for the file…"
            disabled={busy}
            onClick={() => void im.openFile()}
            data-testid="import-open-file"
          />
          <p className="muted small">A flipt.yml or config.yml, up to 2 MB.</p>
        </div>
        <div className="import-or" aria-hidden="true">
          <span>or</span>
        </div>
        <div className="field import-paste">
          <label htmlFor={textId}>Paste the configuration</label>
          <textarea
            id={textId}
            className="input"
            rows={9}
            spellCheck={false}
            autoComplete="off"
            value={im.text}
            placeholder={'version: "2.0"\ncredentials:\n  …'}
            aria-describedby={`${textId}-hint`}
            onChange={(e) => im.setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void im.previewText()
            }}
            data-testid="import-text"
          />
          <div className="hint" id={`${textId}-hint`}>
            After the preview this box is cleared; a token in the file is only ever shown as a hint.{' '}
            <span className="kbd">Ctrl</span>+<span className="kbd">Enter</span> previews.
          </div>
          <div className="row">
            <BusyButton
              busy={im.status === 'previewing'}
              icon="search"
              label="Preview"
              busyLabel="Reading…"
              disabled={busy || im.text.trim() === ''}
              onClick={() => void im.previewText()}
              data-testid="import-preview-text"
            />
          </div>
        </div>
      </div>
    </section>
  )
}
