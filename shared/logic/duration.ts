import type { Result } from '../result'
import { err, ok } from '../result'

/**
 * Go `time.Duration` strings as Flipt v2 accepts them: its JSON schema pattern
 * `^([0-9]+(ns|us|µs|ms|s|m|h))+$` (integers only, no sign, no bare `0`) and Go's int64 nanosecond
 * range. Flipt's `poll_interval` must also be at least one second (flipt-v2.md §1.3, §2).
 */

/** Flipt's schema pattern for durations (flipt.schema.json `poll_interval`; `µ` is U+00B5). */
export const FLIPT_DURATION_PATTERN = /^([0-9]+(ns|us|µs|ms|s|m|h))+$/

/** Nanoseconds per unit, as Go's `time` package defines them. */
const UNIT_NS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
}

/** Go's maximum duration: 2^63-1 ns (about 292 years). */
export const MAX_DURATION_NS = 9_223_372_036_854_775_807n
/** One second in nanoseconds. */
export const SECOND_NS = 1_000_000_000n

/** Parses a Flipt duration into nanoseconds, or says why it is not one. */
export function parseDuration(text: string): Result<bigint, string> {
  if (!FLIPT_DURATION_PATTERN.test(text)) {
    return err(
      `"${text.slice(0, 40)}" is not a duration Flipt accepts: use whole numbers with a unit, e.g. 30s, 1m, 1h30m`,
    )
  }
  let total = 0n
  for (const m of text.matchAll(/([0-9]+)(ns|us|µs|ms|s|m|h)/g)) {
    const unit = UNIT_NS[m[2] ?? '']
    if (unit === undefined) return err(`unknown unit in "${text}"`)
    total += BigInt(m[1] ?? '0') * unit
    if (total > MAX_DURATION_NS)
      return err(`"${text.slice(0, 40)}" is longer than Go's maximum duration (about 292 years)`)
  }
  return ok(total)
}

/** Formats nanoseconds the way Go's `Duration.String` does (`1h30m0s`, `1.5s`, `500ms`, `0s`). */
export function formatDuration(ns: bigint): string {
  if (ns === 0n) return '0s'
  const negative = ns < 0n
  const abs = negative ? -ns : ns
  const sign = negative ? '-' : ''
  const frac = (value: bigint, unit: bigint): string => {
    const whole = value / unit
    const rest = value % unit
    if (rest === 0n) return whole.toString()
    const digits = unit.toString().length - 1
    return `${whole}.${rest.toString().padStart(digits, '0').replace(/0+$/, '')}`
  }
  if (abs < 1_000n) return `${sign}${abs}ns`
  if (abs < 1_000_000n) return `${sign}${frac(abs, 1_000n)}µs`
  if (abs < SECOND_NS) return `${sign}${frac(abs, 1_000_000n)}ms`
  const h = abs / 3_600_000_000_000n
  const m = (abs / 60_000_000_000n) % 60n
  const s = abs % 60_000_000_000n
  const sec = `${frac(s, SECOND_NS)}s`
  if (h > 0n) return `${sign}${h}h${m}m${sec}`
  if (m > 0n) return `${sign}${m}m${sec}`
  return `${sign}${sec}`
}

/** Checks Flipt's `poll_interval` rule: a valid duration of at least one second. */
export function checkPollInterval(text: string): Result<bigint, string> {
  const parsed = parseDuration(text)
  if (!parsed.ok) return parsed
  if (parsed.value < SECOND_NS)
    return err(`poll interval must be at least 1 second (got ${formatDuration(parsed.value)})`)
  return parsed
}
