import type { ImportContext } from './flipt-import-context'
import { asRecord, classifySecret, weakBool } from './flipt-values'

/** Keys whose string values are secrets when written inline. */
const SECRETISH_KEY = /pass|token|secret|private_key|key_bytes|client_secret/i

/**
 * A copy of a parsed YAML tree made of plain null-prototype-safe records: `__proto__` keys are
 * refused (reported, never set), so no imported key can reach an object's prototype. With
 * `stripSecrets`, inline secret values under secret-looking keys are left out and reported.
 */
export function sanitizeTree(
  value: unknown,
  path: readonly string[],
  ctx: ImportContext,
  stripSecrets = false,
): unknown {
  if (Array.isArray(value))
    return value.map((v, i) => sanitizeTree(v, [...path, String(i)], ctx, stripSecrets))
  const rec = asRecord(value)
  if (!rec) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(rec)) {
    const v = rec[key]
    if (key === '__proto__') {
      ctx.problem([...path, key], '"__proto__" is not allowed as a key; it was ignored')
      continue
    }
    if (
      stripSecrets &&
      typeof v === 'string' &&
      SECRETISH_KEY.test(key) &&
      classifySecret(v).kind === 'inline'
    ) {
      ctx.problem(
        [...path, key],
        `${key} holds an inline secret in an entry GitKeys cannot model; it was not imported`,
      )
      continue
    }
    out[key] = sanitizeTree(v, [...path, key], ctx, stripSecrets)
  }
  return out
}

/** Reports inline secrets inside a section carried verbatim (e.g. `authentication`). */
export function noteInlineSecrets(value: unknown, path: readonly string[], ctx: ImportContext): void {
  const rec = asRecord(value)
  if (Array.isArray(value)) value.forEach((v, i) => noteInlineSecrets(v, [...path, String(i)], ctx))
  if (!rec) return
  for (const [key, v] of Object.entries(rec)) {
    if (typeof v === 'string' && SECRETISH_KEY.test(key) && classifySecret(v).kind === 'inline')
      ctx.note(
        [...path, key],
        'holds an inline secret that GitKeys carries as written; prefer ${env:NAME} here',
      )
    else noteInlineSecrets(v, [...path, key], ctx)
  }
}

/** The `secrets` section: the file provider's base path (modelled) and whatever else it holds. */
export function readSecretsSection(
  raw: unknown,
  ctx: ImportContext,
): { readonly basePath: string | null; readonly carried: unknown } {
  const secrets = asRecord(raw)
  if (raw === undefined) return { basePath: null, carried: undefined }
  if (!secrets) return { basePath: null, carried: raw }
  const providers = asRecord(secrets.providers)
  const file = asRecord(providers?.file)
  const enabled = file ? weakBool(file.enabled) : null
  const basePath = typeof file?.base_path === 'string' ? file.base_path : null
  if (enabled === true && (basePath === null || basePath === ''))
    ctx.problem(
      ['secrets', 'providers', 'file'],
      'secrets.providers.file: base_path non-empty value is required',
    )
  const simple =
    file !== null &&
    enabled === true &&
    basePath !== null &&
    basePath !== '' &&
    Object.keys(file).every((k) => k === 'enabled' || k === 'base_path')
  if (!simple || !providers) return { basePath: null, carried: secrets }
  const restProviders = Object.fromEntries(Object.entries(providers).filter(([k]) => k !== 'file'))
  const rest = Object.fromEntries(Object.entries(secrets).filter(([k]) => k !== 'providers'))
  const carried = Object.keys(restProviders).length > 0 ? { ...rest, providers: restProviders } : rest
  return { basePath, carried: Object.keys(carried).length > 0 ? carried : undefined }
}
