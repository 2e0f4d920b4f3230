import type { ReactElement } from 'react'

/** The icons the app uses: 24px strokes, inherit colour. */
const PATHS = {
  home: 'M3 10.5 12 3l9 7.5V20a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z',
  key: 'M15 7a4 4 0 1 1-3.9 5H9v2H7v2H4v-3l6.1-6.1A4 4 0 0 1 15 7zm1.5 2.5h.01',
  repo: 'M5 4h11a2 2 0 0 1 2 2v13H7a2 2 0 0 0-2 2zm0 0v17m13-2H7',
  layers: 'm12 3 9 5-9 5-9-5zm-9 9 9 5 9-5m-18 4 9 5 9-5',
  stethoscope: 'M6 3v6a5 5 0 0 0 10 0V3M11 14v2a4 4 0 0 0 8 0v-2m0 0a2 2 0 1 0 0-.01',
  upload: 'M12 16V4m0 0-5 5m5-5 5 5M4 20h16',
  download: 'M12 4v12m0 0-5-5m5 5 5-5M4 20h16',
  activity: 'M3 12h4l3 7 4-14 3 7h4',
  info: 'M12 8h.01M11 12h1v5h1M12 21a9 9 0 1 1 0-18 9 9 0 0 1 0 18z',
  check: 'm5 12 5 5 9-11',
  x: 'M6 6l12 12M18 6 6 18',
  alert: 'M12 9v4m0 4h.01M10.3 3.9 2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
  plus: 'M12 5v14M5 12h14',
  search: 'm21 21-4.3-4.3M10.5 18a7.5 7.5 0 1 1 0-15 7.5 7.5 0 0 1 0 15z',
  refresh: 'M20 11a8 8 0 0 0-14.6-4.5L4 8m0-4v4h4m-4 5a8 8 0 0 0 14.6 4.5L20 16m0 4v-4h-4',
  external: 'M14 4h6v6m0-6-9 9M19 14v5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1h5',
  trash: 'M4 7h16M9 7V4h6v3m-8 0 1 13h8l1-13',
  copy: 'M9 9h10v11H9zM5 15V4h10',
  folder: 'M3 6a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z',
  shield: 'M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z',
  git: 'M7 6a2 2 0 1 1 0-.01M7 8v8m0 0a2 2 0 1 0 0 .01M17 10a2 2 0 1 1 0-.01M17 12c0 3-4 2-9 5',
  clock: 'M12 7v5l3 2M12 21a9 9 0 1 1 0-18 9 9 0 0 1 0 18z',
  edit: 'M4 20h4L19 9l-4-4L4 16zM14 6l4 4',
  rotate: 'M4 4v6h6M20 20v-6h-6M5 15a7 7 0 0 0 12.9 2M19 9A7 7 0 0 0 6.1 7',
  stop: 'M7 7h10v10H7z',
  file: 'M6 3h8l4 4v14H6zM14 3v4h4',
  sliders: 'M4 6h10m4 0h2M4 12h4m4 0h8M4 18h12m4 0h0M16 4v4M10 10v4M18 16v4',
} as const

/** An icon name. */
export type IconName = keyof typeof PATHS

/** A decorative stroke icon; pass `label` when the icon alone carries meaning. */
export function Icon({
  name,
  size = 18,
  label,
}: {
  name: IconName
  size?: number
  label?: string
}): ReactElement {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  )
}
