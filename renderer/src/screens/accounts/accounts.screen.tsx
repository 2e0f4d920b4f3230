import { useEffect, useMemo, useState, type ReactElement } from 'react'
import type { Account } from '@shared/domain/account'
import { expiryLabel, type ExpiryState } from '@shared/logic/expiry'
import { groupAccounts, PROVIDER_NAMES } from '@shared/logic/account-groups'
import { tokenKind } from '@shared/providers/catalog'
import { navigate } from '../../app/use-hash-path'
import { EmptyState } from '../../components/empty-state'
import { Icon } from '../../components/icon'
import { ProviderMark } from '../../components/provider-mark'
import { Badge, type Tone } from '../../components/status'
import { VaultBanner } from '../../components/vault-banner'
import { SearchField } from '../../components/search-field'
import { VirtualList } from '../../components/virtual-list'
import { LoadState, Screen } from '../../components/screen'
import { useAccounts } from '../../stores/accounts.store'
import { RemoveDialog, RotateDialog } from './account-dialogs'

const EXPIRY_TONE: Record<ExpiryState['state'], Tone> = {
  none: 'neutral',
  ok: 'ok',
  soon: 'warning',
  expired: 'error',
}
const WARN_DAYS = 14
const ROW = 64

function AccountRowView({
  account,
  expiry,
  onRotate,
  onRemove,
}: {
  account: Account
  expiry: ExpiryState
  onRotate: () => void
  onRemove: () => void
}): ReactElement {
  return (
    <div className="list-row" data-testid={`account-${account.id}`} style={{ height: ROW }}>
      <div className="grow">
        <div className="title">{account.label}</div>
        <div className="sub">
          {account.host}
          {account.pathPrefix ? `/${account.pathPrefix}` : ''} · {account.username || 'no username'} ·{' '}
          {tokenKind(account.provider, account.tokenKind)?.label ?? account.tokenKind}
        </div>
      </div>
      <code className="muted" data-testid="token-hint">
        {account.secret.hint}
      </code>
      {account.secret.state === 'needs_reentry' ? <Badge tone="error">needs re-entry</Badge> : null}
      {account.secret.state === 'session_only' ? <Badge tone="warning">this session only</Badge> : null}
      {account.secret.checksum === 'invalid' ? <Badge tone="error">checksum invalid</Badge> : null}
      <Badge tone={EXPIRY_TONE[expiry.state]} testId="expiry-badge">
        {expiryLabel(expiry)}
      </Badge>
      <div className="row" style={{ flexWrap: 'nowrap' }}>
        <button
          className="btn btn-sm"
          type="button"
          onClick={() => navigate(`accounts/edit/${account.id}`)}
          aria-label={`Edit ${account.label}`}
        >
          <Icon name="edit" size={14} /> Edit
        </button>
        <button
          className="btn btn-sm"
          type="button"
          onClick={onRotate}
          aria-label={`Rotate the token of ${account.label}`}
          data-testid="rotate"
        >
          <Icon name="rotate" size={14} /> Rotate
        </button>
        <button
          className="btn btn-sm btn-danger"
          type="button"
          onClick={onRemove}
          aria-label={`Remove ${account.label}`}
          data-testid="remove"
        >
          <Icon name="trash" size={14} />
        </button>
      </div>
    </div>
  )
}

/** Accounts: every provider account, grouped, searchable, with expiry and re-entry badges. */
export function AccountsScreen(): ReactElement {
  const { status, accounts, error, load } = useAccounts()
  const [query, setQuery] = useState('')
  const [rotating, setRotating] = useState<Account | null>(null)
  const [removing, setRemoving] = useState<Account | null>(null)
  useEffect(() => {
    void load()
  }, [load])
  const groups = useMemo(() => groupAccounts(accounts, query, new Date(), WARN_DAYS), [accounts, query])

  return (
    <Screen
      id="accounts"
      testId="accounts-screen"
      title="Accounts"
      lead="One token per account, several accounts per provider and host. Tokens live in your OS keychain."
      actions={
        <button
          className="btn btn-primary"
          type="button"
          onClick={() => navigate('accounts/new')}
          data-testid="add-account"
        >
          <Icon name="plus" /> Add account
        </button>
      }
    >
      <div className="stack">
        <VaultBanner />
        <LoadState status={status} error={error} what="accounts" />
        {status === 'ready' && accounts.length === 0 ? (
          <EmptyState
            icon="key"
            title="No accounts yet"
            testId="accounts-empty"
            action={
              <button className="btn btn-primary" type="button" onClick={() => navigate('accounts/new')}>
                <Icon name="plus" /> Add your first account
              </button>
            }
          >
            Add a GitHub, GitLab, Bitbucket, Gitea/Forgejo or Azure DevOps account. GitKeys checks the token
            offline as you paste it, stores it encrypted, and uses it for clones, Flipt exports and diagnosis.
          </EmptyState>
        ) : null}
        {accounts.length > 0 ? (
          <SearchField
            id="account-search"
            label="Search accounts"
            placeholder="Search by name, host, user, kind or label"
            query={query}
            onQuery={setQuery}
            shown={groups.reduce((n, g) => n + g.rows.length, 0)}
            total={accounts.length}
            noun={['account', 'accounts']}
          />
        ) : null}
        {accounts.length > 0 && groups.length === 0 ? (
          <p className="muted">No account matches “{query}”.</p>
        ) : null}
        {groups.map((g) => (
          <div className="card" key={g.provider} data-testid={`group-${g.provider}`}>
            <div className="card-head">
              <ProviderMark provider={g.provider} size={28} />
              <h2>{PROVIDER_NAMES[g.provider]}</h2>
              <Badge tone="neutral">{g.rows.length}</Badge>
            </div>
            <VirtualList
              key={query}
              items={g.rows}
              rowHeight={ROW}
              height={ROW * 8}
              label={`${PROVIDER_NAMES[g.provider]} accounts`}
              render={(r) => (
                <AccountRowView
                  account={r.account}
                  expiry={r.expiry}
                  onRotate={() => setRotating(r.account)}
                  onRemove={() => setRemoving(r.account)}
                />
              )}
            />
          </div>
        ))}
      </div>
      {rotating ? <RotateDialog account={rotating} onClose={() => setRotating(null)} /> : null}
      {removing ? <RemoveDialog account={removing} onClose={() => setRemoving(null)} /> : null}
    </Screen>
  )
}
