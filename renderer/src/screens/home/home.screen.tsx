import { useEffect, type ReactElement } from 'react'
import { daysUntil, expiryLabel, toExpiryState } from '@shared/logic/expiry'
import { PROVIDER_NAMES } from '@shared/logic/account-groups'
import { navigate } from '../../app/use-hash-path'
import { EmptyState } from '../../components/empty-state'
import { ExpiryChart } from '../../components/expiry-chart'
import { Icon } from '../../components/icon'
import { ProviderMark } from '../../components/provider-mark'
import { Badge, Banner, Loading } from '../../components/status'
import { VaultBanner } from '../../components/vault-banner'
import { useAccounts } from '../../stores/accounts.store'
import { useHome } from '../../stores/home.store'

function ago(iso: string): string {
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000)
  if (s < 90) return 'just now'
  if (s < 5400) return `${Math.round(s / 60)} min ago`
  if (s < 129_600) return `${Math.round(s / 3600)} h ago`
  return `${Math.round(s / 86_400)} days ago`
}

/** Home: what needs attention first, the next 90 days of expiries, and each repository's last check. */
export function HomeScreen(): ReactElement {
  const { dashboard: d, settings, load, updateSettings } = useHome()
  const { accounts, load: loadAccounts, status } = useAccounts()
  useEffect(() => {
    void load()
  }, [load])
  useEffect(() => {
    if (status === 'idle') void loadAccounts()
  }, [status, loadAccounts])
  const labels = new Map(accounts.map((a) => [a.id, a.label]))
  if (!d || !settings)
    return (
      <div className="screen">
        <Loading label="Loading…" />
      </div>
    )
  const total = d.providers.reduce((n, p) => n + p.count, 0)
  const now = new Date()
  const expired = d.expiries.filter((e) => e.expiry.state === 'expired')
  const soon = d.expiries.filter((e) => e.expiry.state === 'soon')
  return (
    <section className="screen" aria-labelledby="home-title" data-testid="home-screen">
      <header className="screen-head">
        <div>
          <h1 id="home-title">Home</h1>
          <p className="lead">What needs your attention, before a sync or a clone breaks.</p>
        </div>
        <div className="actions">
          <button className="btn" type="button" onClick={() => navigate('accounts/new')}>
            <Icon name="plus" /> Add account
          </button>
        </div>
      </header>
      <div className="stack">
        <VaultBanner />
        {total === 0 ? (
          <EmptyState
            icon="key"
            title="Welcome to GitKeys"
            testId="home-welcome"
            action={
              <div className="row">
                <button className="btn btn-primary" type="button" onClick={() => navigate('accounts/new')}>
                  1 · Add an account
                </button>
                <button className="btn" type="button" onClick={() => navigate('repositories/new')}>
                  2 · Add a repository
                </button>
                <button className="btn" type="button" onClick={() => navigate('import')}>
                  or import a Flipt config
                </button>
              </div>
            }
          >
            Add your Git host accounts, bind them to the repositories Flipt syncs, test them end to end, and
            export the configuration. GitKeys warns you before tokens expire.
          </EmptyState>
        ) : null}
        {expired.length > 0 ? (
          <Banner
            tone="error"
            title={`${expired.length} token${expired.length === 1 ? ' has' : 's have'} expired`}
            testId="banner-expired"
            action={
              <button className="btn btn-sm" type="button" onClick={() => navigate('accounts')}>
                Rotate
              </button>
            }
          >
            {expired.map((e) => `${e.label} (${expiryLabel(toExpiryState(e.expiry))})`).join(', ')}. Syncs and
            clones with them fail.
          </Banner>
        ) : null}
        {soon.length > 0 ? (
          <Banner
            tone="warning"
            title={`${soon.length} token${soon.length === 1 ? ' expires' : 's expire'} within ${settings.expiryWarningDays} days`}
            testId="banner-soon"
            action={
              <button className="btn btn-sm" type="button" onClick={() => navigate('accounts')}>
                Rotate
              </button>
            }
          >
            {soon.map((e) => `${e.label} (${expiryLabel(toExpiryState(e.expiry))})`).join(', ')}.
          </Banner>
        ) : null}
        {d.retirements.map((r) => (
          <Banner
            key={r.id}
            tone={r.conditional ? (r.inEffect ? 'info' : 'warning') : r.inEffect ? 'error' : 'warning'}
            title={`${r.title} — ${r.date}`}
            testId={`retirement-${r.id}`}
          >
            {r.conditional ? `Applies if ${r.conditional}. ` : ''}
            {r.detail} Affects: {r.accountIds.map((id) => labels.get(id) ?? id).join(', ')}.
          </Banner>
        ))}
        {total > 0 ? (
          <>
            <div className="grid" style={{ gridTemplateColumns: 'repeat(5, minmax(0, 1fr))' }}>
              {d.providers.map((p) => (
                <button
                  key={p.provider}
                  className="card stat"
                  type="button"
                  onClick={() => navigate('accounts')}
                  style={{ font: 'inherit', color: 'inherit', cursor: 'pointer' }}
                  data-testid={`stat-${p.provider}`}
                >
                  <ProviderMark provider={p.provider} size={34} />
                  <span className="stack" style={{ gap: 2, textAlign: 'left' }}>
                    <span className="num">{p.count}</span>
                    <span className="small muted">{PROVIDER_NAMES[p.provider]}</span>
                    {p.attention > 0 ? <Badge tone="warning">{p.attention} need care</Badge> : null}
                  </span>
                </button>
              ))}
            </div>
            <div className="card">
              <div className="card-head">
                <h2>Token expiries, next {d.horizonDays} days</h2>
                <span className="spacer" />
                <label className="row small">
                  Warn
                  <input
                    className="input"
                    type="number"
                    min={1}
                    max={365}
                    value={settings.expiryWarningDays}
                    onChange={(e) =>
                      void updateSettings({
                        expiryWarningDays: Math.max(1, Math.min(365, Number(e.target.value) || 1)),
                      })
                    }
                    style={{ width: 70, height: 30 }}
                    aria-label="Days before expiry to warn"
                    data-testid="warn-days"
                  />
                  days before
                </label>
                <label className="row small">
                  <input
                    type="checkbox"
                    checked={settings.notifications}
                    onChange={(e) => void updateSettings({ notifications: e.target.checked })}
                  />
                  Desktop notifications
                </label>
              </div>
              <div className="card-body">
                {d.expiries.length === 0 && d.retirements.length === 0 ? (
                  <p className="muted">
                    No token expires in the next {d.horizonDays} days. Add expiry dates to accounts to see
                    them here.
                  </p>
                ) : (
                  <ExpiryChart
                    horizon={d.horizonDays}
                    warnDays={settings.expiryWarningDays}
                    points={d.expiries.map((e) => ({
                      id: e.accountId,
                      label: e.label,
                      provider: e.provider,
                      days: daysUntil(e.expiresAt, now),
                    }))}
                    markers={d.retirements
                      .filter((r) => !r.inEffect && daysUntil(r.date, now) <= d.horizonDays)
                      .map((r) => ({ id: r.id, label: r.title.slice(0, 48), days: daysUntil(r.date, now) }))}
                  />
                )}
              </div>
            </div>
            <div className="card">
              <div className="card-head">
                <h2>Repositories</h2>
                <span className="spacer" />
                <button className="btn btn-sm" type="button" onClick={() => navigate('repositories')}>
                  Open
                </button>
              </div>
              <div className="list">
                {d.repositories.length === 0 ? (
                  <div className="list-row muted">No repositories yet.</div>
                ) : null}
                {d.repositories.map((r) => (
                  <div className="list-row" key={r.id} data-testid={`home-repo-${r.id}`}>
                    <span className={`dot dot-${r.lastCheck?.outcome ?? 'none'}`} aria-hidden="true" />
                    <div className="grow">
                      <div className="title">{r.id}</div>
                      <div className="sub">
                        {r.lastCheck
                          ? `${r.lastCheck.op} ${r.lastCheck.outcome}${r.lastCheck.category ? ` · ${r.lastCheck.category.replace(/_/g, ' ')}` : ''} · ${ago(r.lastCheck.at)}`
                          : 'never checked'}
                      </div>
                    </div>
                    {r.lastCheck ? (
                      <Badge
                        tone={
                          r.lastCheck.outcome === 'ok'
                            ? 'ok'
                            : r.lastCheck.outcome === 'failed'
                              ? 'error'
                              : 'neutral'
                        }
                      >
                        {r.lastCheck.outcome}
                      </Badge>
                    ) : (
                      <Badge tone="neutral">not checked</Badge>
                    )}
                  </div>
                ))}
              </div>
            </div>
          </>
        ) : null}
      </div>
    </section>
  )
}
