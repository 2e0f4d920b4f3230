import { useEffect, useState, type ReactElement } from 'react'
import { EmptyState } from '../../components/empty-state'
import { Icon } from '../../components/icon'
import { Badge, Banner } from '../../components/status'
import { VirtualList } from '../../components/virtual-list'
import { Screen } from '../../components/screen'
import { useHome } from '../../stores/home.store'

/** Activity: every operation, which account and token fingerprint served it, the outcome. Exportable. */
export function ActivityScreen(): ReactElement {
  const { activity, loadActivity, exportActivity } = useHome()
  const [query, setQuery] = useState('')
  const [saved, setSaved] = useState<string | null>(null)
  useEffect(() => {
    void loadActivity()
  }, [loadActivity])
  const shown = activity.filter((e) =>
    `${e.op} ${e.subject} ${e.accountId ?? ''} ${e.outcome} ${e.category ?? ''} ${e.detail}`
      .toLowerCase()
      .includes(query.toLowerCase()),
  )
  return (
    <Screen
      id="activity"
      testId="activity-screen"
      title="Activity"
      lead="What GitKeys did, with which account and token fingerprint. Secrets never appear here."
      actions={
        <button
          className="btn"
          type="button"
          disabled={activity.length === 0}
          onClick={() => void exportActivity().then(setSaved)}
          data-testid="export-activity"
        >
          <Icon name="download" /> Export…
        </button>
      }
    >
      <div className="stack">
        {saved ? <Banner tone="ok" title={`Saved to ${saved}`} /> : null}
        {activity.length === 0 ? (
          <EmptyState icon="activity" title="Nothing yet">
            Test a repository, clone it or export a configuration: each operation appears here.
          </EmptyState>
        ) : (
          <>
            <input
              className="input"
              type="search"
              placeholder="Filter"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-label="Filter activity"
              style={{ maxWidth: 360 }}
            />
            <div className="card">
              <VirtualList
                items={shown}
                rowHeight={58}
                height={58 * 10}
                label="Activity"
                testId="activity-list"
                render={(e) => (
                  <div className="list-row" style={{ height: 58 }}>
                    <span className={`dot dot-${e.outcome}`} aria-hidden="true" />
                    <div className="grow">
                      <div className="title">
                        {e.op.replace('_', ' ')} · {e.subject}
                      </div>
                      <div className="sub">
                        {new Date(e.at).toLocaleString()} · {e.accountId ?? 'no account'}{' '}
                        {e.fingerprint ? `(${e.fingerprint})` : ''} · {e.detail}
                      </div>
                    </div>
                    {e.category ? <Badge tone="error">{e.category.replace(/_/g, ' ')}</Badge> : null}
                    <Badge tone={e.outcome === 'ok' ? 'ok' : e.outcome === 'failed' ? 'error' : 'neutral'}>
                      {e.outcome}
                    </Badge>
                  </div>
                )}
              />
            </div>
          </>
        )}
      </div>
    </Screen>
  )
}
