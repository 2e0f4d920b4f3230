import type { ReactElement, ReactNode } from 'react'
import type { ImportPreview } from '@shared/domain/export'
import { Icon, type IconName } from '../../components/icon'

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

/** One block of the import review: a titled card whose head names the tone, the title and a note. */
function ImportBlock({
  id,
  className = '',
  tone,
  icon,
  title,
  note,
  children,
}: {
  id: string
  className?: string
  tone: 'error' | 'info' | 'warn'
  icon: IconName
  title: ReactNode
  note?: string
  children: ReactNode
}): ReactElement {
  return (
    <section
      className={`card import-block ${className}`.trim()}
      aria-labelledby={`${id}-title`}
      data-testid={id}
    >
      <div className="card-head compact">
        <span className={`tone-${tone}`}>
          <Icon name={icon} />
        </span>
        <h2 id={`${id}-title`}>{title}</h2>
        {note ? <span className="muted small">{note}</span> : null}
      </div>
      {children}
    </section>
  )
}

/** Problems in the file, each naming the config path it concerns and what is wrong. */
export function ImportProblems({ problems }: { problems: ImportPreview['problems'] }): ReactElement | null {
  if (problems.length === 0) return null
  return (
    <ImportBlock
      id="import-problems"
      className="import-problems"
      tone="error"
      icon="alert"
      title={`${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in the file`}
      note="Imported as written; fix them before Flipt loads the file."
    >
      <ul className="path-list">
        {problems.map((p, i) => (
          <li key={`${p.path}-${i}`}>
            <code className="path">{p.path || '(file)'}</code>
            <span>{p.message}</span>
          </li>
        ))}
      </ul>
    </ImportBlock>
  )
}

/** Keys GitKeys does not model: carried through to every export, never dropped. */
export function ImportUnmodelled({ items }: { items: ImportPreview['unmodelled'] }): ReactElement | null {
  if (items.length === 0) return null
  return (
    <ImportBlock
      id="import-unmodelled"
      tone="info"
      icon="info"
      title="Kept as written"
      note="GitKeys does not edit these; they go back out unchanged in every export."
    >
      <ul className="path-list">
        {items.map((u) => (
          <li key={u.path}>
            <code className="path">{u.path}</code>
            <span className="muted">{u.note}</span>
          </li>
        ))}
      </ul>
    </ImportBlock>
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
    <ImportBlock
      id="import-pending"
      className="import-pending"
      tone="warn"
      icon="key"
      title={`${pending.length === 1 ? 'A token is' : `${pending.length} tokens are`} written in this file`}
    >
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
    </ImportBlock>
  )
}
