import { useState, type ReactElement } from 'react'
import type { AccountFields } from '@shared/domain/account'
import type { TokenUse } from '@shared/domain/provider'
import type { ResponseOf } from '@shared/ipc/contract'
import { BusyButton } from '../../components/busy-button'
import { Banner } from '../../components/status'
import { call } from '../../ipc/client'

type Probe = NonNullable<ResponseOf<'accounts:test'>['probe']>

/** What the host said, as fields the form can take over. */
export type HostFacts = {
  readonly login: string | null
  readonly scopes: readonly string[] | null
  readonly expiresAt: string | null
}

const CATEGORY_TEXT: Readonly<Record<string, string>> = {
  bad_credentials: 'The host does not accept this token: it is wrong, revoked or for another server.',
  expired_token: 'The token has expired.',
  insufficient_scope: 'The token works but lacks scopes this use needs.',
  network_dns: 'The host could not be reached.',
  tls_certificate: 'The host’s certificate is not trusted here.',
  proxy: 'The proxy refused the connection.',
  sso_required: 'The organisation requires SAML SSO authorisation for this token.',
}

/**
 * "Test with the host": an optional online check of the token before it is saved, through the
 * provider's API (login, scopes, expiry). The token goes to main, and from there only to the
 * account's API address; the answer is secret-free.
 */
export function TokenTest({
  fields,
  token,
  use,
  disabled,
  onFacts,
}: {
  fields: AccountFields
  token: string
  use: TokenUse
  disabled: boolean
  onFacts: (facts: HostFacts) => void
}): ReactElement {
  const [busy, setBusy] = useState(false)
  const [probe, setProbe] = useState<Probe | null>(null)
  const [error, setError] = useState<string | null>(null)
  const test = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    setProbe(null)
    const r = await call('accounts:test', { fields, token, use })
    setBusy(false)
    if (!r.ok) setError(`${r.error.message}${r.error.hint ? ` ${r.error.hint}` : ''}`)
    else if (r.value.probe) setProbe(r.value.probe)
  }
  return (
    <div className="stack" style={{ gap: 10 }} data-testid="token-test">
      <div className="row">
        <BusyButton
          busy={busy}
          icon="shield"
          label={`Test with ${fields.host || 'the host'}`}
          busyLabel={`Asking ${fields.host}…`}
          disabled={disabled || busy}
          onClick={() => void test()}
          data-testid="test-token"
        />
        <span className="small muted">
          Optional, online: asks the provider’s API who the token belongs to.
        </span>
      </div>
      {error ? (
        <Banner tone="error" title="Not tested" testId="token-test-error">
          {error}
        </Banner>
      ) : null}
      {probe ? (
        <Banner
          tone={probe.ok ? 'ok' : probe.authenticated ? 'warning' : 'error'}
          title={
            probe.ok
              ? 'The host accepts this token'
              : (CATEGORY_TEXT[probe.category ?? ''] ?? 'The host did not accept this token')
          }
          testId="token-test-result"
          action={
            probe.authenticated && (probe.login || probe.scopes || probe.expiresAt) ? (
              <button
                className="btn btn-sm"
                type="button"
                onClick={() =>
                  onFacts({ login: probe.login, scopes: probe.scopes, expiresAt: probe.expiresAt })
                }
                data-testid="use-host-facts"
              >
                Use these details
              </button>
            ) : undefined
          }
        >
          {probe.detail} <span className="muted">({Math.round(probe.ms)} ms)</span>
        </Banner>
      ) : null}
    </div>
  )
}
