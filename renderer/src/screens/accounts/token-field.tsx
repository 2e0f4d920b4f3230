import { useEffect, useState, type ReactElement } from 'react'
import type { Deployment, ProviderId } from '@shared/domain/provider'
import type { TokenAnalysis } from '@shared/domain/token-analysis'
import { Field } from '../../components/field'
import { Badge } from '../../components/status'
import { call } from '../../ipc/client'

const CHECKSUM_LABEL = {
  valid: { tone: 'ok', text: 'checksum valid' },
  invalid: { tone: 'error', text: 'checksum invalid: mistyped or truncated' },
  none: { tone: 'neutral', text: 'no checksum in this format' },
  unknown: { tone: 'info', text: 'checksum not verifiable offline' },
} as const

/**
 * The token input with live offline checks as the user types. The token goes to main for analysis
 * only; what comes back is secret-free (kind, checksum, findings).
 */
export function TokenField({
  value,
  onChange,
  context,
  label = 'Token',
  onAnalysis,
}: {
  value: string
  onChange: (v: string) => void
  context: { provider: ProviderId; host: string; deployment: Deployment; tokenKind?: string }
  label?: string
  onAnalysis?: (a: TokenAnalysis | null) => void
}): ReactElement {
  const [analysis, setAnalysis] = useState<TokenAnalysis | null>(null)
  const { provider, host, deployment, tokenKind } = context
  useEffect(() => {
    if (value === '') {
      setAnalysis(null)
      onAnalysis?.(null)
      return
    }
    let live = true
    const t = setTimeout(() => {
      void call('accounts:analyze-token', {
        token: value,
        provider,
        host,
        deployment,
        ...(tokenKind ? { tokenKind } : {}),
      }).then((r) => {
        if (!live || !r.ok) return
        setAnalysis(r.value)
        onAnalysis?.(r.value)
      })
    }, 150)
    return () => {
      live = false
      clearTimeout(t)
    }
  }, [value, provider, host, deployment, tokenKind, onAnalysis])
  const blocking = analysis?.findings.filter((f) => f.severity === 'error') ?? []
  return (
    <Field
      label={label}
      hint="Stored encrypted with your OS keychain. GitKeys never shows it again; you will see only a hint like ghp_…a1b2."
      error={blocking[0]?.title ?? null}
    >
      {({ id, describedBy, invalid }) => (
        <div className="stack" style={{ gap: 8 }}>
          <input
            id={id}
            className="input mono"
            type="password"
            value={value}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            data-testid="token-input"
            onChange={(e) => onChange(e.target.value)}
          />
          {analysis ? (
            <div className="stack" style={{ gap: 6 }} data-testid="token-analysis" aria-live="polite">
              <div className="row">
                <Badge tone={analysis.kind ? 'info' : 'neutral'}>
                  {analysis.kindLabel ?? 'Unrecognised format'}
                </Badge>
                <Badge tone={CHECKSUM_LABEL[analysis.checksum].tone}>
                  {CHECKSUM_LABEL[analysis.checksum].text}
                </Badge>
                <span className="muted small mono">
                  {analysis.hint} · {analysis.length} chars
                </span>
              </div>
              {analysis.findings
                .filter((f) => f.severity !== 'ok')
                .map((f) => (
                  <div key={f.id} className="small" data-finding={f.id}>
                    <Badge tone={f.severity === 'info' ? 'info' : f.severity}>{f.severity}</Badge>{' '}
                    <strong>{f.title}</strong> <span className="muted">{f.detail}</span>
                  </div>
                ))}
            </div>
          ) : null}
        </div>
      )}
    </Field>
  )
}
