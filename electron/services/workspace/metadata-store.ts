import type { Logger } from '../logging/logger'
import type { DocumentStore } from '../storage/document-store'
import { emptyMetadata, parseMetadata, type MetadataDoc } from './metadata-doc'

/** A problem found while loading, shown to the user until dismissed. */
export type StoreProblem = { readonly file: string; readonly reason: string; readonly backup: string | null }

/**
 * The metadata (accounts without secrets, repositories, environments, credentials, settings) in
 * memory with write-through. Updates are serialised; a failed write (disk full) leaves both the
 * file and the in-memory state as they were and rejects with the store's error.
 */
export function createMetadataStore(deps: { readonly store: DocumentStore; readonly logger: Logger }) {
  const log = deps.logger.child('metadata')
  let doc: MetadataDoc = emptyMetadata()
  const problems: StoreProblem[] = []
  let chain: Promise<unknown> = Promise.resolve()

  return {
    /** Loads, migrates and validates; a corrupt or unusable file is kept aside and reported, and the app starts. */
    async load(): Promise<void> {
      const r = await deps.store.read()
      if (r.kind === 'missing') return
      if (r.kind === 'corrupt') {
        problems.push({ file: deps.store.path, reason: r.reason, backup: r.backup })
        log.error('metadata file was corrupt and has been moved aside', { backup: r.backup ?? 'none' })
        return
      }
      const parsed = parseMetadata(r.data)
      if (parsed.kind === 'unusable') {
        const backup = await deps.store.moveAside(parsed.reason)
        problems.push({ file: deps.store.path, reason: parsed.reason, backup })
        log.error('metadata file could not be used and has been moved aside', { backup: backup ?? 'none' })
        return
      }
      doc = parsed.doc
      if (parsed.quarantined > 0)
        problems.push({
          file: deps.store.path,
          reason: `${parsed.quarantined} entr${parsed.quarantined === 1 ? 'y' : 'ies'} did not pass validation and were set aside in the file's quarantine list`,
          backup: null,
        })
      if (parsed.migratedFrom !== null || parsed.quarantined > 0) await deps.store.write(doc)
    },
    /** The current document. */
    get: (): MetadataDoc => doc,
    /** Problems found at load. */
    problems: (): readonly StoreProblem[] => problems,
    /** Applies a pure change and writes it; rejects (state unchanged) if the write fails. */
    update(change: (d: MetadataDoc) => MetadataDoc): Promise<MetadataDoc> {
      const run = chain.then(async () => {
        const next = change(doc)
        await deps.store.write(next)
        doc = next
        return next
      })
      chain = run.catch(() => undefined)
      return run
    },
  }
}

/** See {@link createMetadataStore}. */
export type MetadataStore = ReturnType<typeof createMetadataStore>
