import { useCallback, useMemo, useState, type ReactElement } from 'react'
import type { Account } from '@shared/domain/account'
import type { Deployment, ProviderId } from '@shared/domain/provider'
import type { TokenAnalysis } from '@shared/domain/token-analysis'
import { kindStatus } from '@shared/providers/dated-facts'
import { apiBaseFor } from '@shared/providers/api-base'
import { apiUrlProblem } from '@shared/providers/api-url-check'
import { tokenKind, tokenKindsFor } from '@shared/providers/catalog'
import { navigate } from '../../app/use-hash-path'
import { SelectField, TextField } from '../../components/field'
import { Icon } from '../../components/icon'
import { ProviderMark } from '../../components/provider-mark'
import { Banner } from '../../components/status'
import { call } from '../../ipc/client'
import { useAccounts } from '../../stores/accounts.store'
import { providerForms } from './providers/registry'
import type { Draft, FieldErrors } from './providers/provider-form'
import { ScopePicker } from './scope-picker'
import { TokenField } from './token-field'
import { TokenTest, type HostFacts } from './token-test'
import { UsernameField } from './username-field'

function draftFor(provider: ProviderId, account: Account | null): Draft {
  if (account) {
    const { id: _id, createdAt: _c, updatedAt: _u, secret: _s, ...fields } = account
    return { ...fields, token: '', use: 'flipt_sync' }
  }
  const form = providerForms[provider]
  const deployment: Deployment = provider === 'gitea' ? 'self_hosted' : 'cloud'
  return {
    ...form.initial(deployment),
    label: '',
    labels: [],
    scopes: [],
    expiresAt: null,
    token: '',
    use: 'flipt_sync',
  }
}

function kindOptions(provider: ProviderId, deployment: Deployment, now: Date) {
  return tokenKindsFor(provider, deployment).map((k) => {
    const s = kindStatus(provider, k.id, deployment, now)
    const suffix =
      s.state === 'removed'
        ? ` (removed ${s.fact?.date ?? ''})`
        : s.state === 'creation_disabled'
          ? ' (no new ones can be created)'
          : ''
    return { value: k.id, label: `${k.label}${suffix}`, disabled: s.state === 'removed' }
  })
}

/** A connection screen: the provider's own fields, live token checks, the token page link, then save. */
export function ConnectionScreen({
  provider,
  account,
}: {
  provider: ProviderId
  account: Account | null
}): ReactElement {
  const form = providerForms[provider]
  const { add, update } = useAccounts()
  const [draft, setDraft] = useState<Draft>(() => draftFor(provider, account))
  const [analysis, setAnalysis] = useState<TokenAnalysis | null>(null)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [link, setLink] = useState<{ url: string; note: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const set = useCallback((patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setServerErrors({})
  }, [])
  const now = useMemo(() => new Date(), [])
  const kinds = kindOptions(provider, draft.deployment, now)
  const kind = tokenKind(provider, draft.tokenKind)
  const status = kindStatus(provider, draft.tokenKind, draft.deployment, now)

  const errors: FieldErrors = {
    ...form.check(draft),
    ...(draft.label.trim() === ''
      ? { label: 'Give the account a name you will recognise, like “Work” or “CI bot”.' }
      : {}),
    ...(kind?.username.kind === 'account_username' &&
    draft.username.trim() === '' &&
    !kind.username.alternative
      ? { username: 'This token kind needs your username.' }
      : {}),
    ...(!account && draft.token.trim() === '' ? { token: 'Paste the token.' } : {}),
    ...(draft.apiUrl && apiUrlProblem(draft.host, draft.apiUrl)
      ? { apiUrl: apiUrlProblem(draft.host, draft.apiUrl) ?? '' }
      : {}),
    ...serverErrors,
  }
  const { token: _token, use: _use, ...fields } = draft
  const derivedApi = draft.host
    ? apiBaseFor({ provider, deployment: draft.deployment, host: draft.host, pathPrefix: draft.pathPrefix })
    : null
  const takeFacts = (f: HostFacts): void =>
    set({
      ...(f.scopes ? { scopes: [...f.scopes] } : {}),
      ...(f.expiresAt ? { expiresAt: f.expiresAt.slice(0, 10) } : {}),
      // The login is the git username where one is asked for (Azure reports a display name instead).
      ...(f.login &&
      draft.username.trim() === '' &&
      provider !== 'azure' &&
      (kind?.username.kind === 'account_username' || kind?.username.kind === 'any')
        ? { username: f.login }
        : {}),
    })
  const blocking =
    Object.keys(errors).length > 0 || (analysis?.findings.some((f) => f.severity === 'error') ?? false)
  const analysisContext = useMemo(
    () => ({ provider, host: draft.host, deployment: draft.deployment, tokenKind: draft.tokenKind }),
    [provider, draft.host, draft.deployment, draft.tokenKind],
  )

  const openTokenPage = async (): Promise<void> => {
    const r = await call('accounts:open-token-page', {
      provider,
      deployment: draft.deployment,
      host: draft.host,
      pathPrefix: draft.pathPrefix,
      tokenKind: draft.tokenKind,
      use: draft.use,
    })
    if (r.ok) setLink({ url: r.value.url, note: r.value.note })
    else setFailure(r.error.message)
  }

  const save = async (): Promise<void> => {
    setBusy(true)
    setFailure(null)
    const r = account ? await update(account.id, fields) : await add(fields, draft.token)
    setBusy(false)
    if (r.ok) {
      navigate(`accounts?saved=${encodeURIComponent(r.value.id)}`)
      return
    }
    const byField: Record<string, string> = {}
    for (const i of r.error.issues ?? []) byField[i.path.replace(/^fields\./, '')] = i.message
    setServerErrors(byField)
    setFailure(`${r.error.message}${r.error.hint ? ` ${r.error.hint}` : ''}`)
  }

  return (
    <section className="screen" aria-labelledby="connect-title" data-testid={`connect-${provider}`}>
      <header className="screen-head">
        <ProviderMark provider={provider} size={44} />
        <div>
          <h1 id="connect-title">{account ? `Edit “${account.label}”` : `Connect ${form.title}`}</h1>
          <p className="lead">{form.intro}</p>
        </div>
      </header>
      <div className="card">
        <div className="card-body stack" style={{ gap: 18 }}>
          <form.Location draft={draft} set={set} errors={errors} editing={account !== null} />
          <div className="grid grid-2">
            <TextField
              label="Name"
              value={draft.label}
              onChange={(label) => set({ label })}
              placeholder="Work"
              error={errors.label ?? null}
              testId="label-input"
            />
            <SelectField
              label="Token kind"
              value={draft.tokenKind}
              options={kinds}
              onChange={(tokenKind) => set({ tokenKind, scopes: [] })}
              testId="kind-select"
            />
          </div>
          {status.state !== 'active' || status.upcoming ? (
            <Banner
              tone={status.state === 'removed' ? 'error' : 'warning'}
              title={(status.fact ?? status.upcoming)?.title ?? ''}
              testId="kind-status"
            >
              {(status.fact ?? status.upcoming)?.detail}
            </Banner>
          ) : null}
          {status.conditional.map((f) => (
            <Banner key={f.id} tone="info" title={f.title}>
              {f.condition}: {f.detail}
            </Banner>
          ))}
          <UsernameField
            provider={provider}
            kind={draft.tokenKind}
            value={draft.username}
            onChange={(username) => set({ username })}
            error={errors.username ?? null}
          />
          <ScopePicker
            provider={provider}
            kind={draft.tokenKind}
            use={draft.use}
            scopes={draft.scopes}
            onUse={(use) => set({ use })}
            onScopes={(scopes) => set({ scopes })}
          />
          <div className="row">
            <button
              className="btn"
              type="button"
              onClick={() => void openTokenPage()}
              disabled={Boolean(form.check(draft).host ?? form.check(draft).location)}
              data-testid="create-token"
            >
              <Icon name="external" size={15} /> Create token on {draft.host || form.title}
            </button>
            {link ? (
              <span className="small muted" data-testid="token-page-note">
                Opened <code>{link.url}</code>. {link.note}
              </span>
            ) : null}
          </div>
          {draft.deployment === 'self_hosted' ? (
            <TextField
              label="API URL (optional)"
              value={draft.apiUrl ?? ''}
              onChange={(v) => set({ apiUrl: v.trim() === '' ? null : v })}
              placeholder={derivedApi?.ok ? derivedApi.url : 'https://git.example.com/api'}
              hint={
                derivedApi?.ok
                  ? `Leave empty to use ${derivedApi.url}. Set it only when your server's API lives elsewhere.`
                  : 'Only when your server’s API lives somewhere GitKeys cannot derive.'
              }
              error={errors.apiUrl ?? null}
              testId="api-url-input"
            />
          ) : null}
          {account ? (
            <p className="muted">
              The token (<code>{account.secret.hint}</code>) stays as it is. To replace it, use “Rotate” in
              the account list.
            </p>
          ) : (
            <TokenField
              value={draft.token}
              onChange={(token) => set({ token })}
              context={analysisContext}
              onAnalysis={setAnalysis}
            />
          )}
          {account ? null : (
            <TokenTest
              fields={fields}
              token={draft.token}
              use={draft.use}
              disabled={draft.token.trim() === '' || Boolean(errors.host ?? errors.location ?? errors.apiUrl)}
              onFacts={takeFacts}
            />
          )}
          <div className="grid grid-2">
            <TextField
              label="Expires on (optional)"
              type="date"
              value={draft.expiresAt ?? ''}
              onChange={(v) => set({ expiresAt: v || null })}
              hint="GitKeys warns before this date."
              testId="expiry-input"
            />
            <TextField
              label="Labels (optional, comma-separated)"
              value={draft.labels.join(', ')}
              onChange={(v) =>
                set({
                  labels: v
                    .split(',')
                    .map((x) => x.trim())
                    .filter(Boolean),
                })
              }
              placeholder="ci, flipt"
            />
          </div>
          {failure ? (
            <Banner tone="error" title="Not saved" testId="save-error">
              {failure}
            </Banner>
          ) : null}
        </div>
        <div className="dialog-foot">
          <button className="btn" type="button" onClick={() => navigate('accounts')}>
            Cancel
          </button>
          <button
            className="btn btn-primary"
            type="button"
            disabled={blocking || busy}
            onClick={() => void save()}
            data-testid="save-account"
          >
            {account ? 'Save changes' : 'Save account'}
          </button>
        </div>
      </div>
    </section>
  )
}
