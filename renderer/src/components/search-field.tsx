import type { ReactElement } from 'react'

/**
 * The search box above a long list: a labelled search input and a count beside it ("12 accounts", or
 * "3 of 1000" while a query narrows the list).
 */
export function SearchField({
  id,
  label,
  placeholder,
  query,
  onQuery,
  shown,
  total,
  noun,
}: {
  id: string
  label: string
  placeholder: string
  query: string
  onQuery: (q: string) => void
  shown: number
  total: number
  /** Singular and plural, e.g. ['account', 'accounts']. */
  noun: readonly [string, string]
}): ReactElement {
  return (
    <div className="row">
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        type="search"
        placeholder={placeholder}
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        data-testid={id}
        style={{ maxWidth: 420 }}
      />
      <span className="muted small">
        {shown === total ? `${total} ${total === 1 ? noun[0] : noun[1]}` : `${shown} of ${total}`}
      </span>
    </div>
  )
}
