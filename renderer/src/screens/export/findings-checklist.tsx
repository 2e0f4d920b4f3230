import type { ReactElement } from 'react'
import type { Finding, Severity } from '@shared/domain/finding'
import { Icon, type IconName } from '../../components/icon'

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, ok: 3 }
const ICON: Record<Severity, IconName> = { error: 'x', warning: 'alert', info: 'info', ok: 'check' }
const WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note', ok: 'Passed' }

/** The exporter's findings as a checklist, worst first; each item names the config path it concerns. */
export function FindingsChecklist({
  findings,
  emptyText,
}: {
  findings: readonly Finding[]
  emptyText: string
}): ReactElement {
  if (findings.length === 0)
    return (
      <ul className="checklist" data-testid="export-warnings">
        <li className="check-item check-ok">
          <span className="check-icon" aria-hidden="true">
            <Icon name="check" size={14} />
          </span>
          <div>
            <div className="check-title">{emptyText}</div>
          </div>
        </li>
      </ul>
    )
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity])
  return (
    <ul className="checklist" data-testid="export-warnings">
      {sorted.map((f, i) => (
        <li
          key={`${f.id}-${f.subject}-${i}`}
          className={`check-item check-${f.severity}`}
          data-severity={f.severity}
        >
          <span className="check-icon" aria-hidden="true">
            <Icon name={ICON[f.severity]} size={14} />
          </span>
          <div className="check-text">
            <div className="check-title">
              <span className="sr-only">{WORD[f.severity]}: </span>
              {f.title}
            </div>
            <div className="check-detail">{f.detail}</div>
            {f.fixes.length > 0 ? (
              <ul className="check-fixes">
                {f.fixes.map((x) => (
                  <li key={x.label}>
                    {x.label}
                    {x.detail ? <span className="muted"> — {x.detail}</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {f.subject ? <code className="check-subject">{f.subject}</code> : null}
          </div>
        </li>
      ))}
    </ul>
  )
}
