import { useState, type ReactElement } from 'react'
import { Dialog, DialogActions } from '../../components/dialog'
import { Icon } from '../../components/icon'

/** The token hints a masked inline preview names (`<secret ghp_…a1b2 hidden in the preview>`). */
export function maskedHints(text: string): string[] {
  return [...new Set([...text.matchAll(/<secret (\S+) hidden in the preview>/g)].map((m) => m[1] ?? ''))]
}

/** Asks, with an explicit checkbox, before tokens are written into the export file. */
export function InlineConfirmDialog({
  hints,
  onCancel,
  onConfirm,
}: {
  hints: readonly string[]
  onCancel: () => void
  onConfirm: () => void
}): ReactElement {
  const [understood, setUnderstood] = useState(false)
  return (
    <Dialog
      title="Write tokens into the file?"
      onClose={onCancel}
      testId="inline-confirm"
      initialFocus="#inline-understood"
      footer={
        <DialogActions
          onCancel={onCancel}
          onConfirm={onConfirm}
          confirmLabel={
            <>
              <Icon name="alert" size={16} /> Save with tokens…
            </>
          }
          danger
          disabled={!understood}
          testId="inline-confirm-save"
        />
      }
    >
      <p>
        {hints.length === 1 ? 'This token is' : `These ${hints.length} tokens are`} written into the file as
        plain text:
      </p>
      <ul className="token-hints">
        {hints.map((h) => (
          <li key={h}>
            <code>{h}</code>
          </li>
        ))}
      </ul>
      <div className="danger-box">
        <strong>Anyone who can read the file can use the tokens.</strong>
        <ul>
          <li>
            GitKeys saves it with mode 0600, but copies, backups and sync folders keep their own permissions.
          </li>
          <li>
            Committed to a repository, it is readable by everyone with access — forever, in the history.
          </li>
          <li>
            Flipt can read tokens from environment variables instead; nothing secret is then in the file.
          </li>
        </ul>
      </div>
      <label className="check-row confirm-row">
        <input
          id="inline-understood"
          type="checkbox"
          checked={understood}
          onChange={(e) => setUnderstood(e.target.checked)}
          data-testid="inline-understood"
        />
        <span>I understand that anyone who can read this file can use these tokens.</span>
      </label>
    </Dialog>
  )
}
