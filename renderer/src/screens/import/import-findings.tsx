import type { ReactElement } from 'react'
import type { ImportPreview } from '@shared/domain/export'
import { Icon } from '../../components/icon'

/** What the file holds: credentials, repositories (Flipt storage) and environments. */
export function ImportCounts({ preview }: { preview: ImportPreview }): ReactElement {
  const items = [
    { n: preview.counts.repositories, one: 'repository', many: 'repositories' },
    { n: preview.counts.environments, one: 'environment', many: 'environments' },
    { n: preview.counts.credentials, one: 'credential', many: 'credentials' },
  ]
  return (
    <dl className="import-counts" data-testid="import-counts">
      {items.map((i) => (
        <div key={i.one} className="import-count">
          <dt>{i.n === 1 ? i.one : i.many}</dt>
          <dd>{i.n}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Problems in the file, each naming the config path it concerns and what is wrong. */
export function ImportProblems({ problems }: { problems: ImportPreview['problems'] }): ReactElement | null {
  if (problems.length === 0) return null
  return (
    <section
      className="card import-block import-problems"
      aria-labelledby="import-problems-title"
      data-testid="import-problems"
    >
      <div className="card-head compact">
        <span className="tone-error">
          <Icon name="alert" />
        </span>
        <h2 id="import-problems-title">
          {problems.length} {problems.length === 1 ? 'problem' : 'problems'} in the file
        </h2>
        <span className="muted small">Imported as written; fix them before Flipt loads the file.</span>
      </div>
      <ul className="path-list">
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            <code className="path">{p.path || '(file)'}</code>
            <span>{p.message}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Keys GitKeys does not model: carried through to every export, never dropped. */
export function ImportUnmodelled({ items }: { items: ImportPreview['unmodelled'] }): ReactElement | null {
  if (items.length === 0) return null
  return (
    <section
      className="card import-block"
      aria-labelledby="import-unmodelled-title"
      data-testid="import-unmodelled"
    >
      <div className="card-head compact">
        <span className="tone-info">
          <Icon name="info" />
        </span>
        <h2 id="import-unmodelled-title">Kept as written</h2>
        <span className="muted small">
          GitKeys does not edit these; they go back out unchanged in every export.
        </span>
      </div>
      <ul className="path-list">
        {items.map((u) => (
          <li key={u.path}>
            <code className="path">{u.path}</code>
            <span className="muted">{u.note}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Tokens written in the file: shown by hint only, with the choice to move them into the OS keychain. */
export function ImportPendingSecrets({
  pending,
  move,
  onMove,
}: {
  pending: ImportPreview['pendingSecrets']
  move: boolean
  onMove: (on: boolean) => void
}): ReactElement | null {
  if (pending.length === 0) return null
  return (
    <section
      className="card import-block import-pending"
      aria-labelledby="import-pending-title"
      data-testid="import-pending"
    >
      <div className="card-head compact">
        <span className="tone-warn">
          <Icon name="key" />
        </span>
        <h2 id="import-pending-title">
          {pending.length === 1 ? 'A token is' : `${pending.length} tokens are`} written in this file
        </h2>
      </div>
      <div className="card-body stack">
        <ul className="path-list flush">
          {pending.map((p) => (
            <li key={`${p.credentialId}-${p.field}`}>
              <code className="path">
                credentials.{p.credentialId}.{p.field}
              </code>
              <code className="hint-chip" data-testid="pending-hint">
                {p.hint}
              </code>
            </li>
          ))}
        </ul>
        <label className="check-row confirm-row">
          <input
            type="checkbox"
            checked={move}
            onChange={(e) => onMove(e.target.checked)}
            data-testid="move-secrets"
          />
          <span>
            Move these tokens into the OS keychain (creates accounts)
            <span className="muted small block">
              Each token becomes a GitKeys account; exports then refer to it as <code>{'${env:…}'}</code>.
              Unchecked, the credentials stay without a token until you bind an account.
            </span>
          </span>
        </label>
      </div>
    </section>
  )
}
