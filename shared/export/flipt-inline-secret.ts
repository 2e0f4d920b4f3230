import { parseDocument } from 'yaml'
import { assignIds } from './flipt-import-context'
import { asRecord, classifySecret, weakString } from './flipt-values'

/** The credential fields that may hold an inline secret, as {@link importFlipt} names them. */
export const SECRET_FIELDS = [
  'access_token',
  'basic.password',
  'ssh.password',
  'ssh.private_key_bytes',
  'github_app.private_key_bytes',
] as const
/** One of {@link SECRET_FIELDS}. */
export type SecretField = (typeof SECRET_FIELDS)[number]

/**
 * The raw inline secret of one credential field, for main to move into the vault once the user has
 * confirmed a pending secret from {@link importFlipt}. Kept apart from the importer so a value can
 * never end up in a workspace object. Returns null for references, empty values or unknown fields.
 */
export function readInlineSecret(yamlText: string, credentialId: string, field: string): string | null {
  if (!(SECRET_FIELDS as readonly string[]).includes(field)) return null
  const doc = parseDocument(yamlText.replace(/^\uFEFF/, ''), { uniqueKeys: true, merge: true })
  if (doc.errors.length > 0) return null
  let root: unknown
  try {
    root = doc.toJS({ maxAliasCount: 100 })
  } catch {
    return null
  }
  const credentials = asRecord(asRecord(root)?.credentials)
  if (!credentials) return null
  const match = assignIds('credentials', Object.keys(credentials), null).find((a) => a.id === credentialId)
  if (!match || match.key === '__proto__') return null
  let value: unknown = credentials[match.key]
  for (const part of field.split('.')) value = asRecord(value)?.[part]
  const text = weakString(value)
  if (text === null) return null
  const c = classifySecret(text)
  return c.kind === 'inline' ? c.value : null
}
