import type { ReactElement, ReactNode } from 'react'
import { Banner, Loading } from './status'

/**
 * A screen's landmark, named by its h1: the title, a lead paragraph saying what the screen is for, the
 * header actions, then the body. `id` gives the title's id (`<id>-title`).
 */
export function Screen({
  id,
  title,
  lead,
  actions,
  className,
  testId,
  children,
}: {
  id: string
  title: string
  lead: ReactNode
  actions?: ReactNode
  className?: string
  testId: string
  children: ReactNode
}): ReactElement {
  return (
    <section
      className={className ? `screen ${className}` : 'screen'}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
    >
      <header className="screen-head">
        <div>
          <h1 id={`${id}-title`}>{title}</h1>
          <p className="lead">{lead}</p>
        </div>
        {actions ? <div className="actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  )
}

/** How a store's load went: a spinner while it loads, the error ("Could not load …") when it failed. */
export function LoadState({
  status,
  error,
  what,
}: {
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: { readonly message: string } | null
  /** What is loaded, in the plural: "accounts". */
  what: string
}): ReactElement {
  return (
    <>
      {status === 'loading' ? <Loading label={`Loading ${what}…`} /> : null}
      {error ? (
        <Banner tone="error" title={`Could not load ${what}`}>
          {error.message}
        </Banner>
      ) : null}
    </>
  )
}
