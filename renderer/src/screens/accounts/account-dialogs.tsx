import { useEffect, useState, type ReactElement } from 'react'
import type { Account } from '@shared/domain/account'
import type { TokenAnalysis } from '@shared/domain/token-analysis'
import { Dialog, DialogActions } from '../../components/dialog'
import { TextField } from '../../components/field'
import { Banner } from '../../components/status'
import { call } from '../../ipc/client'
import { useAccounts } from '../../stores/accounts.store'
import { TokenField } from './token-field'

/** Rotate: enter the new token; optionally replace it in every account that held the old one. */
export function RotateDialog({ account, onClose }: { account: Account; onClose: () => void }): ReactElement {
  const { accounts, rotate } = useAccounts()
  const [token, setToken] = useState('')
  const [expiresAt, setExpiresAt] = useState(account.expiresAt ?? '')
  const [everywhere, setEverywhere] = useState(true)
  const [analysis, setAnalysis] = useState<TokenAnalysis | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const twins = accounts.filter(
    (a) => a.id !== account.id && a.secret.fingerprint === account.secret.fingerprint,
  )
  const blocked = token === '' || (analysis?.findings.some((f) => f.severity === 'error') ?? false)
  const submit = async (): Promise<void> => {
    setBusy(true)
    const r = await rotate(
      account.id,
      token,
      expiresAt === '' ? null : expiresAt,
      everywhere && twins.length > 0,
    )
    setBusy(false)
    if (r.ok) onClose()
    else setError(`${r.error.message} ${r.error.hint ?? ''}`)
  }
  return (
    <Dialog
      title={`Rotate the token of “${account.label}”`}
      onClose={onClose}
      testId="rotate-dialog"
      initialFocus="[data-testid=token-input]"
      footer={
        <DialogActions
          onCancel={onClose}
          onConfirm={() => void submit()}
          confirmLabel="Replace token"
          disabled={blocked || busy}
          testId="rotate-submit"
        />
      }
    >
      <p className="muted">
        Everything bound to this account (repositories, environments, exports) uses the new token at once. The
        current token is <code>{account.secret.hint}</code>.
      </p>
      <TokenField
        label="New token"
        value={token}
        onChange={setToken}
        context={{
          provider: account.provider,
          host: account.host,
          deployment: account.deployment,
          tokenKind: account.tokenKind,
        }}
        onAnalysis={setAnalysis}
      />
      <TextField
        label="Expires on"
        type="date"
        value={expiresAt}
        onChange={setExpiresAt}
        hint="Leave empty if the token does not expire."
      />
      {twins.length > 0 ? (
        <label className="row">
          <input
            type="checkbox"
            checked={everywhere}
            onChange={(e) => setEverywhere(e.target.checked)}
            data-testid="rotate-everywhere"
          />
          Also replace it in {twins.map((t) => `“${t.label}”`).join(', ')}, which use the same old token
        </label>
      ) : null}
      {error ? (
        <Banner tone="error" title="The token was not replaced">
          {error}
        </Banner>
      ) : null}
    </Dialog>
  )
}

/** Remove: shows what uses the account first; removing then needs a second, explicit confirmation. */
export function RemoveDialog({ account, onClose }: { account: Account; onClose: () => void }): ReactElement {
  const { remove } = useAccounts()
  const [usage, setUsage] = useState<{
    repositories: string[]
    environments: string[]
    credentials: string[]
  } | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    void call('accounts:usage', { id: account.id }).then((r) => r.ok && setUsage(r.value))
  }, [account.id])
  const used = usage ? usage.repositories.length + usage.environments.length + usage.credentials.length : 0
  const submit = async (): Promise<void> => {
    const r = await remove(account.id, true)
    if (r.ok) onClose()
    else setError(r.error.message)
  }
  return (
    <Dialog
      title={`Remove “${account.label}”?`}
      onClose={onClose}
      testId="remove-dialog"
      footer={
        <DialogActions
          onCancel={onClose}
          cancelLabel="Keep it"
          onConfirm={() => void submit()}
          confirmLabel="Remove account and token"
          danger
          disabled={!usage}
          testId="remove-submit"
        />
      }
    >
      <p>
        The token <code>{account.secret.hint}</code> is deleted from this computer. It stays valid at{' '}
        {account.host} until you revoke it there.
      </p>
      {usage && used > 0 ? (
        <Banner tone="warning" title={`Used by ${used} item${used === 1 ? '' : 's'}`} testId="remove-usage">
          {usage.repositories.length ? <div>Repositories: {usage.repositories.join(', ')}</div> : null}
          {usage.environments.length ? <div>Environments (SCM): {usage.environments.join(', ')}</div> : null}
          {usage.credentials.length ? <div>Flipt credentials: {usage.credentials.join(', ')}</div> : null}
          <div>They will have no account until you bind another.</div>
        </Banner>
      ) : null}
      {usage && used === 0 ? <p className="muted">Nothing else uses this account.</p> : null}
      {error ? (
        <Banner tone="error" title="Not removed">
          {error}
        </Banner>
      ) : null}
    </Dialog>
  )
}
