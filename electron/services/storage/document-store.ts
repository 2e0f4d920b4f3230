/** What reading a stored document found. A corrupt file is never deleted: it is moved aside and reported. */
export type ReadOutcome =
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok'; readonly data: unknown }
  | { readonly kind: 'corrupt'; readonly reason: string; readonly backup: string | null }

/**
 * A JSON document on disk (the metadata, the vault's ciphertexts, settings). Writes are atomic and
 * serialised; a failed write (a full disk) rejects and leaves the previous document in place.
 */
export interface DocumentStore {
  readonly path: string
  read(): Promise<ReadOutcome>
  write(data: unknown): Promise<void>
  /** Keeps a readable but unusable document (wrong shape, newer version) aside before anything overwrites it. */
  moveAside(reason: string): Promise<string | null>
}

/** Error raised by a store write, with a code callers can map to a person's words. */
export class StoreWriteError extends Error {
  override readonly name = 'StoreWriteError'
  constructor(
    readonly code: 'disk_full' | 'io',
    message: string,
  ) {
    super(message)
  }
}

/** Maps a Node fs error to a {@link StoreWriteError}. */
export function toStoreWriteError(e: unknown, path: string): StoreWriteError {
  const code = (e as { code?: string } | null)?.code
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new StoreWriteError('disk_full', `The disk is full: ${path} was not changed.`)
  return new StoreWriteError(
    'io',
    `Could not write ${path} (${code ?? 'unknown error'}); it was not changed.`,
  )
}

/** A timestamped name for a corrupt file kept aside: `metadata.json.corrupt-2026-11-23T10-15-00-000Z`. */
export function corruptBackupName(path: string, now: Date): string {
  return `${path}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`
}

/**
 * Parses stored JSON text: tolerates a UTF-8 BOM; refuses `__proto__`/`constructor.prototype`
 * keys so a hand-edited file cannot pollute prototypes.
 */
export function parseStoredJson(text: string): { ok: true; data: unknown } | { ok: false; reason: string } {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (clean.trim() === '') return { ok: false, reason: 'the file is empty' }
  try {
    const data: unknown = JSON.parse(clean, (key, value: unknown) => {
      if (key === '__proto__') throw new Error('a "__proto__" key')
      return value
    })
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      return {
        ok: false,
        reason: `it holds ${data === null ? 'null' : Array.isArray(data) ? 'a list' : typeof data}, not a document`,
      }
    return { ok: true, data }
  } catch (e: unknown) {
    return { ok: false, reason: e instanceof Error ? e.message.slice(0, 200) : 'unreadable JSON' }
  }
}
