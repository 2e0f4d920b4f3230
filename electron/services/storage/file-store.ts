import { mkdirSync } from 'node:fs'
import { open, readFile, rename, unlink } from 'node:fs/promises'
import { dirname, join, basename } from 'node:path'
import { randomBytes } from 'node:crypto'
import {
  corruptBackupName,
  parseStoredJson,
  toStoreWriteError,
  type DocumentStore,
  type ReadOutcome,
} from './document-store'
import { fileStoreTempNames, sweepStaleTempFiles } from './temp-sweep'

/** File-system primitives the store uses; tests swap in faulty ones (ENOSPC, crashes). */
export type StoreFs = {
  readonly readFile: (p: string) => Promise<string>
  readonly writeAtomic: (p: string, text: string, mode: number) => Promise<void>
  readonly rename: (from: string, to: string) => Promise<void>
}

/** Temp files this process is writing now: a store opening beside them must not sweep them away. */
const inFlight = new Set<string>()

/** Writes `text` to a temp file beside `p`, fsyncs it, renames it over `p`, then fsyncs the folder. */
async function writeAtomic(p: string, text: string, mode: number): Promise<void> {
  const tmp = join(dirname(p), `.${basename(p)}.${randomBytes(6).toString('hex')}.tmp`)
  inFlight.add(tmp)
  try {
    await replaceWith(tmp, p, text, mode)
  } finally {
    inFlight.delete(tmp)
  }
}

async function replaceWith(tmp: string, p: string, text: string, mode: number): Promise<void> {
  const fh = await open(tmp, 'w', mode)
  try {
    await fh.writeFile(text, 'utf8')
    await fh.sync()
  } catch (e: unknown) {
    await fh.close()
    await unlink(tmp).catch(() => undefined)
    throw e
  }
  await fh.close()
  try {
    await rename(tmp, p)
  } catch (e: unknown) {
    await unlink(tmp).catch(() => undefined)
    throw e
  }
  try {
    const dir = await open(dirname(p), 'r')
    await dir.sync().catch(() => undefined)
    await dir.close()
  } catch {
    // Directory fsync is not supported everywhere (Windows); the rename is still atomic.
  }
}

/** The real file system. */
export const nodeStoreFs: StoreFs = { readFile: (p) => readFile(p, 'utf8'), writeAtomic, rename }

/**
 * A JSON document in one file, mode 0600: atomic replace-by-rename, writes queued one after
 * another, a corrupt file moved aside (never deleted) and reported, and temp files a killed
 * write left behind removed on open. Used by the CLI, the test bridge and tests; the Electron
 * app stores metadata through electron-store with the same contract.
 */
export function createFileStore(
  path: string,
  opts: { fs?: StoreFs; now?: () => Date; mode?: number } = {},
): DocumentStore {
  const fs = opts.fs ?? nodeStoreFs
  const now = opts.now ?? (() => new Date())
  const mode = opts.mode ?? 0o600
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  sweepStaleTempFiles(path, fileStoreTempNames(path), inFlight)
  let queue: Promise<void> = Promise.resolve()
  return {
    path,
    async read(): Promise<ReadOutcome> {
      await queue.catch(() => undefined)
      let text: string
      try {
        text = await fs.readFile(path)
      } catch (e: unknown) {
        if ((e as { code?: string }).code === 'ENOENT') return { kind: 'missing' }
        return {
          kind: 'corrupt',
          reason: `unreadable (${(e as { code?: string }).code ?? 'error'})`,
          backup: null,
        }
      }
      const parsed = parseStoredJson(text)
      if (parsed.ok) return { kind: 'ok', data: parsed.data }
      const backup = corruptBackupName(path, now())
      try {
        await fs.rename(path, backup)
        return { kind: 'corrupt', reason: parsed.reason, backup }
      } catch {
        return { kind: 'corrupt', reason: parsed.reason, backup: null }
      }
    },
    async moveAside(): Promise<string | null> {
      await queue.catch(() => undefined)
      const backup = corruptBackupName(path, now())
      try {
        await fs.rename(path, backup)
        return backup
      } catch {
        return null
      }
    },
    write(data: unknown): Promise<void> {
      const text = `${JSON.stringify(data, null, 2)}\n`
      const run = queue.then(async () => {
        try {
          await fs.writeAtomic(path, text, mode)
        } catch (e: unknown) {
          throw toStoreWriteError(e, path)
        }
      })
      queue = run.catch(() => undefined)
      return run
    },
  }
}
