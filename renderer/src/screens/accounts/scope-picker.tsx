import type { ReactElement } from 'react'
import type { ProviderId, TokenUse } from '@shared/domain/provider'
import { checkScopes, scopesFor } from '@shared/providers/scopes'
import { SelectField } from '../../components/field'
import { Badge } from '../../components/status'

const USES: ReadonlyArray<{ value: TokenUse; label: string }> = [
  { value: 'read_only', label: 'Read only (deploy, clone, fetch)' },
  { value: 'flipt_sync', label: 'Flipt Git sync (pushes commits)' },
  { value: 'merge_proposals', label: 'Flipt merge proposals (push + pull/merge requests)' },
]

/** What the token is for, the scopes that use needs, and the scopes the user says the token has. */
export function ScopePicker({
  provider,
  kind,
  use,
  scopes,
  onUse,
  onScopes,
}: {
  provider: ProviderId
  kind: string
  use: TokenUse
  scopes: readonly string[]
  onUse: (u: TokenUse) => void
  onScopes: (s: string[]) => void
}): ReactElement {
  const need = scopesFor(provider, kind, use)
  // The scopes this use is judged by, plus any others the token has (taken over from the host), so none is hidden.
  const choices = need ? [...new Set([...need.recommended, ...need.satisfiedBy.flat(), ...scopes])] : []
  const verdict = checkScopes(provider, kind, use, scopes)
  const toggle = (s: string): void =>
    onScopes(scopes.includes(s) ? scopes.filter((x) => x !== s) : [...scopes, s])
  return (
    <div className="stack" style={{ gap: 10 }}>
      <SelectField label="What is it for?" value={use} options={USES} onChange={onUse} testId="use-select" />
      {need && !need.supported ? (
        <p className="small" style={{ color: 'var(--warn)' }} data-testid="scope-unsupported">
          This token kind cannot do that: {need.note}
        </p>
      ) : null}
      {choices.length > 0 ? (
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="label">Scopes or permissions the token has</legend>
          <div className="row" style={{ gap: 14 }}>
            {choices.map((s) => (
              <label key={s} className="row small" style={{ gap: 6 }}>
                <input type="checkbox" checked={scopes.includes(s)} onChange={() => toggle(s)} />
                <code>{s}</code>
                {need?.recommended.includes(s) ? <span className="muted">(recommended)</span> : null}
              </label>
            ))}
          </div>
          <div className="small" data-testid="scope-verdict">
            {verdict.status === 'enough' ? <Badge tone="ok">enough for this use</Badge> : null}
            {verdict.status === 'missing' ? (
              <>
                <Badge tone="warning">missing</Badge> <code>{verdict.missing.join(', ')}</code>
              </>
            ) : null}
            {need?.note ? <span className="muted"> {need.note}</span> : null}
          </div>
        </fieldset>
      ) : (
        <p className="muted small">{need?.note ?? 'This token kind has no scopes to choose.'}</p>
      )}
    </div>
  )
}
