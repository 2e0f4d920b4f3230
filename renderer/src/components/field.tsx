import { useId, type ReactElement, type ReactNode } from 'react'

/** A labelled form control with an optional hint and error, wired with ids for assistive tech. */
export function Field({
  label,
  hint,
  error,
  children,
}: {
  label: string
  hint?: ReactNode
  error?: string | null
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode
}): ReactElement {
  const id = useId()
  const hintId = `${id}-hint`
  const errorId = `${id}-error`
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint ? (
        <div className="hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <div className="error-text" id={errorId} role="alert">
          {error}
        </div>
      ) : null}
    </div>
  )
}

/** A text input inside a {@link Field}. */
export function TextField({
  label,
  value,
  onChange,
  hint,
  error,
  placeholder,
  type = 'text',
  testId,
  autoComplete = 'off',
  disabled,
}: {
  label: string
  value: string
  onChange: (v: string) => void
  hint?: ReactNode
  error?: string | null
  placeholder?: string
  type?: 'text' | 'password' | 'date' | 'url'
  testId?: string
  autoComplete?: string
  disabled?: boolean
}): ReactElement {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          className="input"
          type={type}
          value={value}
          placeholder={placeholder}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          autoComplete={autoComplete}
          spellCheck={false}
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  )
}

/** A select inside a {@link Field}. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  hint,
  testId,
}: {
  label: string
  value: T
  options: ReadonlyArray<{ value: T; label: string; disabled?: boolean }>
  onChange: (v: T) => void
  hint?: ReactNode
  testId?: string
}): ReactElement {
  return (
    <Field label={label} hint={hint}>
      {({ id, describedBy }) => (
        <select
          id={id}
          className="input"
          value={value}
          aria-describedby={describedBy}
          data-testid={testId}
          onChange={(e) => onChange(e.target.value as T)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value} disabled={o.disabled}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
