import type { ReactElement } from 'react'
import { PROVIDER_ORDER } from '@shared/logic/account-groups'
import { navigate } from '../../app/use-hash-path'
import { ProviderMark } from '../../components/provider-mark'
import { providerForms } from './providers/registry'

/** Step one of adding an account: which provider. */
export function ProviderChooser(): ReactElement {
  return (
    <section className="screen" aria-labelledby="choose-title" data-testid="provider-chooser">
      <header className="screen-head">
        <div>
          <h1 id="choose-title">Add an account</h1>
          <p className="lead">
            Pick the provider. Each one asks for what it really needs: host, token kind, username, scopes.
          </p>
        </div>
      </header>
      <div className="grid grid-3">
        {PROVIDER_ORDER.map((p) => (
          <button
            key={p}
            type="button"
            className="card provider-card"
            onClick={() => navigate(`accounts/new/${p}`)}
            data-testid={`choose-${p}`}
          >
            <ProviderMark provider={p} size={40} />
            <span className="stack" style={{ gap: 4, textAlign: 'left' }}>
              <strong>{providerForms[p].title}</strong>
              <span className="muted small">{providerForms[p].intro.split('. ')[0]}.</span>
            </span>
          </button>
        ))}
      </div>
    </section>
  )
}
