import type { ReactElement } from 'react'
import type { ProviderId } from '@shared/domain/provider'

type Point = {
  readonly id: string
  readonly label: string
  readonly provider: ProviderId
  readonly days: number
}
type Marker = { readonly id: string; readonly label: string; readonly days: number }

const W = 920
const H = 200
const PAD = { l: 36, r: 20, t: 26, b: 36 }

/**
 * Token expiries over the next N days as a timeline: one dot per account (red when expired or
 * inside the warning window), dashed lines for dated retirements. A text list sits beside it for
 * screen readers and for people who prefer to read.
 */
export function ExpiryChart({
  points,
  markers,
  horizon,
  warnDays,
}: {
  points: readonly Point[]
  markers: readonly Marker[]
  horizon: number
  warnDays: number
}): ReactElement {
  const x = (d: number): number =>
    PAD.l + (Math.max(-3, Math.min(horizon, d)) / horizon) * (W - PAD.l - PAD.r)
  // Pack labels into lanes so none overlaps: each lane remembers where its last label ends.
  const laneEnds: number[] = []
  const placed = [...points]
    .sort((a, b) => a.days - b.days)
    .map((p) => {
      const left = x(p.days) - 8
      const width = 24 + p.label.length * 6.6
      let lane = laneEnds.findIndex((end) => end < left)
      if (lane === -1) lane = laneEnds.length
      laneEnds[lane] = left + width
      return { ...p, lane }
    })
  const ticks = [0, 15, 30, 45, 60, 75, 90].filter((t) => t <= horizon)
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`Token expiries over the next ${horizon} days`}
      className="expiry-chart"
      data-testid="expiry-chart"
    >
      <rect
        x={x(0)}
        y={PAD.t}
        width={x(warnDays) - x(0)}
        height={H - PAD.t - PAD.b}
        className="ec-warn-zone"
      />
      <line x1={PAD.l} x2={W - PAD.r} y1={H - PAD.b} y2={H - PAD.b} className="ec-axis" />
      {ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={H - PAD.b} y2={H - PAD.b + 5} className="ec-axis" />
          <text x={x(t)} y={H - PAD.b + 18} textAnchor="middle" className="ec-tick">
            {t === 0 ? 'today' : `${t} d`}
          </text>
        </g>
      ))}
      {markers.map((m) => (
        <g key={m.id}>
          <line x1={x(m.days)} x2={x(m.days)} y1={PAD.t - 10} y2={H - PAD.b} className="ec-marker" />
          <text x={x(m.days) + 4} y={PAD.t - 12} className="ec-marker-label">
            {m.label}
          </text>
        </g>
      ))}
      {placed.map((p) => {
        const cy = H - PAD.b - 16 - p.lane * 22
        const tone = p.days <= 0 ? 'expired' : p.days <= warnDays ? 'soon' : 'ok'
        return (
          <g key={p.id} className={`ec-point ec-${tone}`}>
            <circle cx={x(p.days)} cy={cy} r={7} />
            <text x={x(p.days) + 10} y={cy + 4} className="ec-point-label">
              {p.label}
            </text>
          </g>
        )
      })}
    </svg>
  )
}
