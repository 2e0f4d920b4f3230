import type { ReactElement } from 'react'
import type { Finding, Fix } from '@shared/domain/finding'
import { Badge, type Tone } from '../../components/status'
import { Icon, type IconName } from '../../components/icon'

const TONE: Record<Finding['severity'], Tone> = { error: 'error', warning: 'warning', info: 'info', ok: 'ok' }
const ICON: Record<Finding['severity'], IconName> = {
  error: 'x',
  warning: 'alert',
  info: 'info',
  ok: 'check',
}
const ACTION_LABEL = {
  open_url: 'Open',
  set_field: 'Apply',
  rotate_token: 'Rotate token',
  open_screen: 'Go there',
} as const

/** The Doctor's checklist: severity, what it concerns, why, and fixes (buttons where the app can apply them). */
export function FindingList({
  findings,
  onFix,
}: {
  findings: readonly Finding[]
  onFix: (f: Finding, fix: Fix) => void
}): ReactElement {
  return (
    <ul className="findings" data-testid="findings">
      {findings.map((f) => (
        <li
          key={`${f.id}@${f.subject}`}
          className={`finding finding-${f.severity}`}
          data-finding={f.id}
          data-severity={f.severity}
        >
          <span className="finding-icon" aria-hidden="true">
            <Icon name={ICON[f.severity]} size={16} />
          </span>
          <div className="grow stack" style={{ gap: 4 }}>
            <div className="row" style={{ gap: 8 }}>
              <strong>{f.title}</strong>
              <Badge tone={TONE[f.severity]}>{f.severity}</Badge>
              <code className="muted small">{f.subject}</code>
            </div>
            <p className="muted">{f.detail}</p>
            {f.fixes.length > 0 ? (
              <ul className="fix-list">
                {f.fixes.map((fix) => (
                  <li key={fix.label}>
                    {fix.label}
                    {fix.action?.kind === 'set_field' && !fix.label.includes(fix.action.value) ? (
                      <>
                        : <code className="small">{fix.action.value}</code>
                      </>
                    ) : null}
                    {fix.detail ? <span className="muted"> — {fix.detail}</span> : null}
                    {fix.action ? (
                      <button
                        className="btn btn-sm"
                        type="button"
                        style={{ marginLeft: 8 }}
                        onClick={() => onFix(f, fix)}
                        data-testid={`fix-${f.id}`}
                      >
                        {ACTION_LABEL[fix.action.kind]}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  )
}
