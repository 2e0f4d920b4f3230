import type { ReactElement } from 'react'

/** The GitKeys mark: a key whose bit is a git branch. */
export function Logo({ size = 28 }: { size?: number }): ReactElement {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#2f6fed" />
      <circle cx="12" cy="12" r="5" fill="none" stroke="#fff" strokeWidth="2.4" />
      <path
        d="M15.5 15.5 25 25m-4-4 2.5-2.5M23 23l2-2"
        stroke="#fff"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
      <circle cx="12" cy="12" r="1.6" fill="#fff" />
    </svg>
  )
}
