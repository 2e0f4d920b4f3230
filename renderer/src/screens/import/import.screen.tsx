import { useEffect, useState, type ReactElement } from 'react'
import type { AppError } from '@shared/errors'
import { BusyButton } from '../../components/busy-button'
import { Dialog, DialogActions } from '../../components/dialog'
import { Icon } from '../../components/icon'
import { Screen } from '../../components/screen'
import { Banner } from '../../components/status'
import { removalsOf, useImport, type Removal } from '../../stores/import.store'
import { useWorkspace } from '../../stores/workspace.store'
import { ImportApplied } from './import-applied'
import { ImportDiff } from './import-diff'
import { ImportCounts, ImportPendingSecrets, ImportProblems, ImportUnmodelled } from './import-findings'
import { ImportSource } from './import-source'
import '../export/export.css'
import './import.css'

function ErrorBanner({ error }: { error: AppError }): ReactElement {
  return (
    <Banner tone="error" title={error.message} testId="import-error">
      {error.hint ?? 'Check the file and try again.'}
      {error.issues?.length ? (
        <ul className="path-list flush">
          {error.issues.map((i, n) => (
            <li key={`${i.path}-${n}`}>
              <code className="path">{i.path}</code> {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </Banner>
  )
}

function ConfirmRemoval({
  removals,
  onCancel,
  onConfirm,
}: {
  removals: readonly Removal[]
  onCancel: () => void
  onConfirm: () => void
}): ReactElement {
  return (
    <Dialog
      title={`Remove ${removals.length} ${removals.length === 1 ? 'item' : 'items'} from your workspace?`}
      onClose={onCancel}
      testId="import-confirm"
      initialFocus="[data-autofocus]"
      footer={
        <DialogActions
          onCancel={onCancel}
          focusCancel
          onConfirm={onConfirm}
          confirmLabel={
            <>
              <Icon name="trash" size={16} /> Remove and apply
            </>
          }
          danger
          testId="import-confirm-apply"
        />
      }
    >
      <p>The file does not have these, so applying it removes them:</p>
      <ul className="path-list flush removal-list">
        {removals.map((r) => (
          <li key={`${r.kind}-${r.id}`}>
            <span className="kind">{r.kind}</span>{' '}
            <del>
              <code>{r.id}</code>
            </del>
          </li>
        ))}
      </ul>
      <p className="muted small">
        Accounts and their tokens are kept. Repository clones on disk are not touched.
      </p>
    </Dialog>
  )
}

/** Import: a Flipt v2 config, previewed with its problems, kept keys, inline tokens and diff, then applied. */
export function ImportScreen(): ReactElement {
  const im = useImport()
  const ws = useWorkspace()
  const [confirming, setConfirming] = useState(false)
  useEffect(() => {
    if (ws.status === 'idle') void ws.load()
  }, [ws])
  // A finished import's summary is for this visit; an open preview survives a look at another screen.
  useEffect(() => () => useImport.getState().forgetApplied(), [])

  const preview = im.preview
  const removals = preview ? removalsOf(preview) : []
  const movesTokens = Boolean(preview && preview.pendingSecrets.length > 0 && im.moveInlineSecrets)
  const nothingToDo = Boolean(preview?.diff.empty) && !movesTokens
  const applying = im.status === 'applying'
  const onApply = (): void => {
    if (removals.length > 0) setConfirming(true)
    else void im.apply()
  }

  return (
    <Screen
      id="import"
      className="import-screen"
      testId="import-screen"
      title="Import"
      lead="Read a Flipt v2 configuration into GitKeys. You see what it holds and what it changes before anything is saved."
      actions={
        preview ? (
          <>
            <button
              className="btn"
              type="button"
              onClick={im.reset}
              disabled={applying}
              data-testid="import-start-over"
            >
              Start over
            </button>
            <BusyButton
              className="btn btn-primary"
              busy={applying}
              icon="check"
              label="Apply import"
              busyLabel="Applying…"
              onClick={onApply}
              disabled={applying || nothingToDo}
              aria-describedby={nothingToDo ? 'import-nothing' : undefined}
              data-testid="import-apply"
            />
          </>
        ) : null
      }
    >
      {im.error ? (
        <div className="import-error">
          <ErrorBanner error={im.error} />
        </div>
      ) : null}

      {im.status === 'applied' && im.applied ? (
        <ImportApplied applied={im.applied} onAgain={im.reset} />
      ) : null}
      {!preview && im.status !== 'applied' ? <ImportSource /> : null}

      {preview ? (
        <div className="stack import-preview" data-testid="import-preview">
          <section className="card import-summary" aria-label="The file">
            <div className="card-body import-summary-body">
              <div className="import-summary-source">
                <Icon name="file" />
                <div>
                  <div className="muted small">Previewing</div>
                  <div className="mono import-source-name" data-testid="import-source-name">
                    {preview.source}
                  </div>
                </div>
              </div>
              <ImportCounts preview={preview} />
            </div>
            {nothingToDo ? (
              <p className="card-note muted small" id="import-nothing">
                Nothing to apply: the workspace already matches this file.
              </p>
            ) : null}
          </section>
          <ImportProblems problems={preview.problems} />
          <ImportPendingSecrets
            pending={preview.pendingSecrets}
            move={im.moveInlineSecrets}
            onMove={im.setMoveInlineSecrets}
          />
          <ImportUnmodelled items={preview.unmodelled} />
          <ImportDiff diff={preview.diff} />
        </div>
      ) : null}

      {confirming && preview ? (
        <ConfirmRemoval
          removals={removals}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false)
            void im.apply()
          }}
        />
      ) : null}
    </Screen>
  )
}
