import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react'
import { Icon } from './icon'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/**
 * A modal dialog: traps Tab inside, closes on Escape, and gives focus back to what opened it.
 * `initialFocus` picks the element focused first (a selector inside the dialog).
 */
export function Dialog({
  title,
  onClose,
  children,
  footer,
  initialFocus,
  testId,
  wide,
}: {
  title: string
  onClose: () => void
  children: ReactNode
  footer?: ReactNode
  initialFocus?: string
  testId?: string
  wide?: boolean
}): ReactElement {
  const ref = useRef<HTMLDivElement>(null)
  const titleId = useId()
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const root = ref.current
    const first =
      (initialFocus ? root?.querySelector<HTMLElement>(initialFocus) : null) ??
      root?.querySelector<HTMLElement>(FOCUSABLE)
    first?.focus()
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.stopPropagation()
        onClose()
        return
      }
      if (e.key !== 'Tab' || !root) return
      const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (el) => el.offsetParent !== null,
      )
      if (items.length === 0) return
      const firstEl = items[0]
      const lastEl = items[items.length - 1]
      if (e.shiftKey && document.activeElement === firstEl) {
        e.preventDefault()
        lastEl?.focus()
      } else if (!e.shiftKey && document.activeElement === lastEl) {
        e.preventDefault()
        firstEl?.focus()
      }
    }
    document.addEventListener('keydown', onKey, true)
    return () => {
      document.removeEventListener('keydown', onKey, true)
      opener?.focus()
    }
    // The trap is installed once per opening; `onClose` identity changes must not re-focus.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        ref={ref}
        data-testid={testId}
        style={wide ? { width: 'min(760px, 100%)' } : undefined}
      >
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button
            className="btn btn-ghost btn-sm"
            type="button"
            onClick={onClose}
            aria-label="Close"
            style={{ marginLeft: 'auto' }}
          >
            <Icon name="x" />
          </button>
        </div>
        <div className="dialog-body">{children}</div>
        {footer ? <div className="dialog-foot">{footer}</div> : null}
      </div>
    </div>
  )
}

/** The usual dialog footer: the way out first, then the one action the dialog asks for. */
export function DialogActions({
  onCancel,
  cancelLabel = 'Cancel',
  focusCancel = false,
  onConfirm,
  confirmLabel,
  danger = false,
  disabled = false,
  testId,
}: {
  onCancel: () => void
  cancelLabel?: string
  /** Marks the way out for `initialFocus="[data-autofocus]"`, where the action removes something. */
  focusCancel?: boolean
  onConfirm: () => void
  confirmLabel: ReactNode
  /** The action cannot be undone: a solid danger button instead of the primary one. */
  danger?: boolean
  disabled?: boolean
  testId: string
}): ReactElement {
  return (
    <>
      <button className="btn" type="button" onClick={onCancel} data-autofocus={focusCancel || undefined}>
        {cancelLabel}
      </button>
      <button
        className={danger ? 'btn btn-danger solid' : 'btn btn-primary'}
        type="button"
        disabled={disabled}
        onClick={onConfirm}
        data-testid={testId}
      >
        {confirmLabel}
      </button>
    </>
  )
}
