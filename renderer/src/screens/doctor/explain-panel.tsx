import { useState, type ReactElement } from 'react'
import { PROVIDER_NAMES, PROVIDER_ORDER } from '@shared/logic/account-groups'
import { Field, SelectField } from '../../components/field'
import { Badge } from '../../components/status'
import { useAccounts } from '../../stores/accounts.store'
import { useDoctor } from '../../stores/doctor.store'
import { FixList } from '../repositories/operation-panel'

const label = (c: string): string => c.replace(/_/g, ' ')

/** Paste an error from git, a provider or Flipt: the likely causes, ranked, with fixes for the provider at hand. */
export function ExplainPanel({ onFix }: { onFix: Parameters<typeof FixList>[0]['onApply'] }): ReactElement {
  const { explanation, explain } = useDoctor()
  const { accounts } = useAccounts()
  const [text, setText] = useState('')
  const [by, setBy] = useState('')
  const submit = (): void => {
    const account = accounts.find((a) => a.id === by)
    const provider = PROVIDER_ORDER.find((p) => p === by)
    void explain(text, account ? { accountId: account.id } : provider ? { provider: provider } : {})
  }
  return (
    <div
      className="grid"
      style={{ gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', alignItems: 'start' }}
    >
      <div className="card">
        <div className="card-body stack">
          <Field
            label="Error output"
            hint="Paste git's output, a provider's error or Flipt's log. Colours, progress lines and several commands together are fine."
          >
            {({ id, describedBy }) => (
              <textarea
                id={id}
                className="input"
                aria-describedby={describedBy}
                rows={12}
                value={text}
                onChange={(e) => setText(e.target.value)}
                data-testid="explain-input"
                placeholder="fatal: Authentication failed for 'https://…'"
              />
            )}
          </Field>
          <SelectField
            label="It happened with"
            value={by}
            onChange={setBy}
            testId="explain-account"
            options={[
              { value: '', label: 'Unknown (detect from the text)' },
              ...accounts.map((a) => ({ value: a.id, label: `Account: ${a.label} (${a.host})` })),
              ...PROVIDER_ORDER.map((p) => ({ value: p, label: `Provider: ${PROVIDER_NAMES[p]}` })),
            ]}
          />
          <div className="row">
            <button
              className="btn btn-primary"
              type="button"
              disabled={text.trim() === ''}
              onClick={submit}
              data-testid="explain-submit"
            >
              Explain
            </button>
            <span className="muted small">Offline: nothing leaves this computer.</span>
          </div>
        </div>
      </div>
      {explanation ? (
        <div className="card" data-testid="explanation" data-category={explanation.category}>
          <div className="card-head">
            <h2>{explanation.title}</h2>
            <span className="spacer" />
            <Badge tone="error">{label(explanation.category)}</Badge>
          </div>
          <div className="card-body stack">
            <p>{explanation.detail}</p>
            {explanation.evidence ? (
              <div>
                <div className="section-title">Evidence</div>
                <pre className="pre mono small">{explanation.evidence}</pre>
              </div>
            ) : null}
            <div>
              <div className="section-title">Likely causes</div>
              <div className="stack" style={{ gap: 6, marginTop: 6 }} data-testid="candidates">
                {explanation.candidates.slice(0, 5).map((c) => (
                  <div className="cand" key={c.category}>
                    <span>{label(c.category)}</span>
                    <span className="cand-bar" role="img" aria-label={`${Math.round(c.score * 100)} percent`}>
                      <span style={{ width: `${Math.round(c.score * 100)}%` }} />
                    </span>
                    <span className="muted small">{Math.round(c.score * 100)}%</span>
                  </div>
                ))}
              </div>
            </div>
            <div>
              <div className="section-title">What to do</div>
              <FixList fixes={explanation.fixes} onApply={onFix} />
            </div>
          </div>
        </div>
      ) : null}
    </div>
  )
}
