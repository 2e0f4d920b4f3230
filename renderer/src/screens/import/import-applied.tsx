import { useEffect, useRef, type ReactElement } from 'react'
import { Icon } from '../../components/icon'
import type { AppliedImport } from '../../stores/import.store'

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

/** The success summary after an import, with the next places to go. Takes focus so it is announced. */
export function ImportApplied({
  applied,
  onAgain,
}: {
  applied: AppliedImport
  onAgain: () => void
}): ReactElement {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const created = applied.accountsCreated.length
  return (
    <section
      className="card import-applied"
      aria-labelledby="import-applied-title"
      data-testid="import-applied"
    >
      <div className="import-applied-art" aria-hidden="true">
        <Icon name="check" size={32} />
      </div>
      <h2 id="import-applied-title" ref={heading} tabIndex={-1}>
        Import applied
      </h2>
      <p className="muted">
        From <span className="mono">{applied.source}</span>
      </p>
      <dl className="facts import-applied-facts">
        <dt>Repositories</dt>
        <dd data-testid="applied-repositories">{applied.counts.repositories}</dd>
        <dt>Environments</dt>
        <dd data-testid="applied-environments">{applied.counts.environments}</dd>
        <dt>Flipt credentials</dt>
        <dd>{applied.counts.credentials}</dd>
        {applied.removed > 0 ? (
          <>
            <dt>Removed</dt>
            <dd>{plural(applied.removed, 'item', 'items')} no longer in the file</dd>
          </>
        ) : null}
        <dt>Tokens</dt>
        <dd data-testid="applied-accounts">
          {created > 0
            ? `${plural(created, 'account', 'accounts')} created; the ${created === 1 ? 'token is' : 'tokens are'} in the OS keychain`
            : 'no token moved'}
        </dd>
      </dl>
      {applied.pendingLeft > 0 ? (
        <p className="import-applied-note">
          <Icon name="alert" size={14} /> {plural(applied.pendingLeft, 'credential has', 'credentials have')}{' '}
          no token yet: bind an account to {applied.pendingLeft === 1 ? 'it' : 'them'} in Repositories, or
          import again and move the tokens.
        </p>
      ) : null}
      <div className="row" style={{ justifyContent: 'center' }}>
        <a className="btn btn-primary" href="#/repositories" data-testid="go-repositories">
          <Icon name="repo" size={16} /> Repositories
        </a>
        <a className="btn" href="#/environments">
          <Icon name="layers" size={16} /> Environments
        </a>
        <a className="btn" href="#/accounts">
          <Icon name="key" size={16} /> Accounts
        </a>
        <button className="btn btn-ghost" type="button" onClick={onAgain} data-testid="import-again">
          Import another file
        </button>
      </div>
    </section>
  )
}
