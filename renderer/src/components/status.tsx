import type { ReactElement, ReactNode } from 'react'
import { Icon, type IconName } from './icon'

/** Severity levels shared by badges, banners and findings. */
export type Tone = 'ok' | 'warning' | 'error' | 'info' | 'neutral'

const TONE_ICON: Record<Exclude<Tone, 'neutral'>, IconName> = {
  ok: 'check',
  warning: 'alert',
  error: 'x',
  info: 'info',
}

/** A small pill with a tone; colour is never the only signal (it has text). */
export function Badge({
  tone,
  children,
  testId,
}: {
  tone: Tone
  children: ReactNode
  testId?: string
}): ReactElement {
  return (
    <span className={`badge badge-${tone}`} data-testid={testId}>
      {children}
    </span>
  )
}

/** A block message with an icon, a title and what to do. */
export function Banner({
  tone,
  title,
  children,
  action,
  testId,
}: {
  tone: Exclude<Tone, 'neutral'>
  title: string
  children?: ReactNode
  action?: ReactNode
  testId?: string
}): ReactElement {
  return (
    <div
      className={`banner banner-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      <span style={{ color: `var(--${tone === 'warning' ? 'warn' : tone})`, paddingTop: 1 }}>
        <Icon name={TONE_ICON[tone]} />
      </span>
      <div className="stack" style={{ gap: 4, flex: 1 }}>
        <div className="title">{title}</div>
        {children ? <div>{children}</div> : null}
      </div>
      {action}
    </div>
  )
}

/** A centred spinner with a label for screen readers. */
export function Loading({ label }: { label: string }): ReactElement {
  return (
    <div className="row muted" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  )
}
