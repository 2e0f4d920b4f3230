import type { SecretRef } from '../domain/credential'

/**
 * Value rules shared by the Flipt writer and importer: Flipt's reference syntax, Go durations, and
 * the weak decoding Viper/mapstructure apply (flipt-v2.md §1.1 and §4).
 */

/** Flipt's `${env:NAME}` (internal/config/config.go `stringToReferenceHookFunc`). */
export const ENV_REF_RE = /^\$\{env:([a-zA-Z_]+[a-zA-Z0-9_]*)\}$/
/** Flipt's `${secret:…}`; only `provider:key` resolves (cmd/flipt/main.go `resolveSecretsInConfig`). */
export const SECRET_REF_RE = /^\$\{secret:([a-zA-Z0-9_:/-]+)\}$/

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
 * Go's `time.ParseDuration` in nanoseconds, or null when Go would refuse the text: what Flipt itself
 * accepts at run time (signs, fractions, a bare `0`), wider than the schema pattern that
 * `logic/duration.ts` checks.
 */
export function parseGoDuration(text: string): number | null {
  const m = /^([-+]?)(.*)$/.exec(text)
  const body = m?.[2] ?? ''
  if (body === '0') return 0
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy
  let total = 0
  let seen = false
  while (re.lastIndex < body.length) {
    const part = re.exec(body)
    if (!part) return null
    total += Number(part[1]) * (UNIT_NS[part[2] ?? ''] ?? 0)
    seen = true
  }
  if (!seen) return null
  return m?.[1] === '-' ? -total : total
}

/** Top-level keys of Flipt's JSON schema (its root has `additionalProperties: false`). */
export const FLIPT_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(
  'version experimental analytics authentication authorization cors diagnostics evaluation environments storage templates credentials log meta server metrics tracing ui license secrets'.split(
    ' ',
  ),
)

/** mapstructure's weak string decoding of a YAML scalar (ints in decimal, bools as 1/0). */
export function weakString(value: unknown): string | null {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (typeof value === 'bigint') return value.toString()
  return null
}

/** mapstructure's weak bool decoding (strconv.ParseBool for strings); null when Go would refuse. */
export function weakBool(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') return value !== 0
  if (typeof value === 'string') {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false
  }
  return null
}

/** A record (plain mapping) or null. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}
