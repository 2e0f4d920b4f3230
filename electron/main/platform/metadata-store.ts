import { rename } from 'node:fs/promises'
import { join } from 'node:path'
import Store from 'electron-store'
import {
  corruptBackupName,
  parseStoredJson,
  toStoreWriteError,
  type DocumentStore,
  type ReadOutcome,
} from '../../services/storage/document-store'
import { atomicallyTempNames, sweepStaleTempFiles } from '../../services/storage/temp-sweep'

/**
 * An electron-store document (the only user of electron-store). Schema and migrations are GitKeys'
 * own (services/workspace/metadata-doc.ts), not conf's, whose migration support is documented as
 * buggy (security.md §3). `clearInvalidConfig` stays false: a corrupt file is moved aside with a
 * timestamp and reported, never wiped; a UTF-8 BOM is tolerated; `__proto__` keys are refused.
 * Temp files of writes killed mid-way (electron-store writes through `atomically`) are removed
 * when the document is first opened.
 */
export function createElectronDocumentStore(
  dir: string,
  name: string,
  now: () => Date = () => new Date(),
): DocumentStore {
  const path = join(dir, `${name}.json`)
  let store: Store<Record<string, unknown>> | null = null
  let swept = false
  const open = (): Store<Record<string, unknown>> => {
    // Writes are synchronous here, so no write of this process can be in flight during the sweep.
    if (!swept) {
      sweepStaleTempFiles(path, atomicallyTempNames(path))
      swept = true
    }
    store ??= new Store<Record<string, unknown>>({
      name,
      cwd: dir,
      clearInvalidConfig: false,
      configFileMode: 0o600,
      accessPropertiesByDotNotation: false,
      watch: false,
      serialize: (v) => `${JSON.stringify(v, null, 2)}\n`,
      deserialize: (text) => {
        const parsed = parseStoredJson(text)
        if (!parsed.ok) throw new SyntaxError(parsed.reason)
        return parsed.data as Record<string, unknown>
      },
    })
    return store
  }
  const moveAside = async (): Promise<string | null> => {
    const backup = corruptBackupName(path, now())
    store = null
    try {
      await rename(path, backup)
      return backup
    } catch {
      return null
    }
  }
  return {
    path,
    async read(): Promise<ReadOutcome> {
      try {
        const s = open()
        const data = s.store
        return Object.keys(data).length === 0 ? { kind: 'missing' } : { kind: 'ok', data }
      } catch (e: unknown) {
        const reason = e instanceof Error ? e.message.slice(0, 200) : 'unreadable'
        return { kind: 'corrupt', reason, backup: await moveAside() }
      }
    },
    write(data: unknown): Promise<void> {
      try {
        open().store = data as Record<string, unknown>
        return Promise.resolve()
      } catch (e: unknown) {
        return Promise.reject(toStoreWriteError(e, path))
      }
    },
    moveAside,
  }
}
