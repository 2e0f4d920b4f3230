import type { SecretRef } from '../domain/credential'

/**
 * Value rules shared by the Flipt writer, importer and doctor: Flipt's reference syntax, Go durations, and
 * the weak decoding Viper/mapstructure apply (flipt-v2.md §1.1 and §4).
 */

/** Flipt's `${env:NAME}` (internal/config/config.go `stringToReferenceHookFunc`). */
export const ENV_REF_RE = /^\$\{env:([a-zA-Z_]+[a-zA-Z0-9_]*)\}$/
/** Flipt's `${secret:…}`; only `provider:key` resolves (cmd/flipt/main.go `resolveSecretsInConfig`). */
export const SECRET_REF_RE = /^\$\{secret:([a-zA-Z0-9_:/-]+)\}$/
/** `${env:NAME}` anywhere in a text (to find references Flipt will not interpolate). */
export const ENV_REF_ANYWHERE = /\$\{env:([a-zA-Z_][a-zA-Z0-9_]*)\}/g
/** v1's `${NAME}`, which v2 leaves as text. */
export const V1_ENV_REF = /\$\{([A-Z_][A-Z0-9_]*)\}/g

/** The text Flipt reads for a secret reference. */
export function refText(ref: Extract<SecretRef, { kind: 'env' | 'secret' }>): string {
  return ref.kind === 'env' ? `\${env:${ref.name}}` : `\${secret:${ref.provider}:${ref.key}}`
}

/** What a secret-bearing string is: a reference, an inline value, or a malformed reference. */
export type SecretText =
  | { readonly kind: 'ref'; readonly ref: Extract<SecretRef, { kind: 'env' | 'secret' }> }
  | { readonly kind: 'inline'; readonly value: string }
  | { readonly kind: 'malformed'; readonly why: string }
  | { readonly kind: 'empty' }

/** Classifies the value of a secret field as Flipt would resolve it. */
export function classifySecret(value: string): SecretText {
  if (value === '') return { kind: 'empty' }
  const env = ENV_REF_RE.exec(value)
  if (env?.[1] !== undefined) return { kind: 'ref', ref: { kind: 'env', name: env[1] } }
  const secret = SECRET_REF_RE.exec(value)
  if (secret?.[1] !== undefined) {
    const parts = secret[1].split(':')
    const [provider, key] = parts
    if (parts.length === 2 && provider && key) return { kind: 'ref', ref: { kind: 'secret', provider, key } }
    return {
      kind: 'malformed',
      why:
        parts.length === 1
          ? 'invalid secret reference: provider is required (write ${secret:<provider>:<key>})'
          : `invalid secret reference format "${value}", expected 'key' or 'provider:key'`,
    }
  }
  if (/^\$\{(env|secret):/.test(value))
    return { kind: 'malformed', why: 'not a valid reference, so Flipt uses the text literally' }
  return { kind: 'inline', value }
}

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

/**
 * Go's `time.ParseDuration`: nanoseconds, or the error text Go returns (`time: missing unit in duration "30"`).
 * This is what Flipt itself accepts at run time (signs, fractions, a bare `0`), wider than the schema
 * pattern that `logic/duration.ts` checks.
 */
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

/** Top-level keys of Flipt's JSON schema (its root has `additionalProperties: false`). */
export const FLIPT_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(
  'version experimental analytics authentication authorization cors diagnostics evaluation environments storage templates credentials log meta server metrics tracing ui license secrets'.split(
    ' ',
  ),
)

/** mapstructure's weak string decoding of a YAML scalar (ints in decimal, bools as 1/0); null for maps, lists and null. */
export function weakString(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'bigint') return value.toString()
  return null
}

/**
 * mapstructure's weak bool decoding: strconv.ParseBool for strings, and an empty string reads as false
 * (mapstructure `decodeBool`); null when Go would refuse.
 */
export function weakBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'string') {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true
    if (['0', 'f', 'F', 'FALSE', 'false', 'False', ''].includes(value)) return false
  }
  return null
}

/** A record (plain mapping) or null. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}
