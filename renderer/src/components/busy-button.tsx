import type { ButtonHTMLAttributes, ReactElement } from 'react'
import { Icon, type IconName } from './icon'

/**
 * A button whose action takes a while: while `busy`, a spinner and `busyLabel` stand in for its icon
 * and label, and assistive technology hears that it is busy.
 */
export function BusyButton({
  busy,
  icon,
  label,
  busyLabel,
  className = 'btn',
  ...button
}: {
  busy: boolean
  icon: IconName
  label: string
  busyLabel: string
  className?: string
} & Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children' | 'className' | 'type'>): ReactElement {
  return (
    <button className={className} type="button" aria-busy={busy || undefined} {...button}>
      {busy ? <span className="spinner" aria-hidden="true" /> : <Icon name={icon} size={16} />}
      {busy ? busyLabel : label}
    </button>
  )
}
