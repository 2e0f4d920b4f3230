/**
 * Value decoding as Flipt v2 performs it (flipt-v2.md §1.1, §4): Go's `time.ParseDuration` with its
 * exact error texts, the `${env:NAME}` whole-value regex, and mapstructure's weak string reading.
 * Kept beside the doctor because only Flipt-faithful readings belong here.
 */

/** Flipt's `${env:NAME}` (internal/config/config.go `stringToReferenceHookFunc`). */
export const FLIPT_ENV_REF = /^\$\{env:([a-zA-Z_]+[a-zA-Z0-9_]*)\}$/
/** `${env:NAME}` anywhere in a text (to find references Flipt will not interpolate). */
export const ENV_REF_ANYWHERE = /\$\{env:([a-zA-Z_][a-zA-Z0-9_]*)\}/g
/** v1's `${NAME}`, which v2 leaves as text. */
export const V1_ENV_REF = /\$\{([A-Z_][A-Z0-9_]*)\}/g
/** Flipt's `${secret:…}` reference. */
export const FLIPT_SECRET_REF = /^\$\{secret:([a-zA-Z0-9_:/-]+)\}$/

const UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
}

/** Go's `time.ParseDuration`: nanoseconds, or the error text Go returns (`time: missing unit in duration "30"`). */
export function parseGoDuration(text: string): { ok: true; ns: number } | { ok: false; error: string } {
  const quoted = `"${text}"`
  let s = text
  let sign = 1
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1
    s = s.slice(1)
  }
  if (s === '0') return { ok: true, ns: 0 }
  if (s === '') return { ok: false, error: `time: invalid duration ${quoted}` }
  let total = 0
  while (s !== '') {
    const num = /^(\d*)(?:\.(\d*))?/.exec(s)
    const whole = num?.[1] ?? ''
    const frac = num?.[2]
    if (whole === '' && (frac === undefined || frac === ''))
      return { ok: false, error: `time: invalid duration ${quoted}` }
    s = s.slice(num?.[0].length ?? 0)
    const unit = /^[^\d.]*/.exec(s)?.[0] ?? ''
    if (unit === '') return { ok: false, error: `time: missing unit in duration ${quoted}` }
    const factor = UNIT_NS[unit]
    if (factor === undefined)
      return { ok: false, error: `time: unknown unit "${unit}" in duration ${quoted}` }
    s = s.slice(unit.length)
    total += Number(`${whole || '0'}.${frac ?? '0'}`) * factor
  }
  if (total > 9.223372036854776e18) return { ok: false, error: `time: invalid duration ${quoted}` }
  return { ok: true, ns: sign * total }
}

/** mapstructure's weak string decoding of a YAML scalar; null for maps, lists and null. */
export function weakText(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'bigint') return value.toString()
  return null
}

/** mapstructure's weak bool decoding (strconv.ParseBool for strings); null when Go would refuse. */
export function weakFlag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'string') {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true
    if (['0', 'f', 'F', 'FALSE', 'false', 'False', ''].includes(value)) return false
  }
  return null
}

/** A plain mapping or null. */
export function record(value: unknown): Readonly<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/** A plain mapping that the caller owns and may change (the doctor's private copies), or null. */
export function ownRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}
