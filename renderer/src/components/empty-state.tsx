import type { ReactElement, ReactNode } from 'react'
import { Icon, type IconName } from './icon'

/** What an empty screen shows: what goes here, why it matters, and the next step. */
export function EmptyState({
  icon,
  title,
  children,
  action,
  testId,
}: {
  icon: IconName
  title: string
  children: ReactNode
  action?: ReactNode
  testId?: string
}): ReactElement {
  return (
    <div className="card empty" data-testid={testId}>
      <span className="art" style={{ color: 'var(--accent)' }}>
        <Icon name={icon} size={40} />
      </span>
      <h2>{title}</h2>
      <p style={{ maxWidth: '56ch' }}>{children}</p>
      {action}
    </div>
  )
}
