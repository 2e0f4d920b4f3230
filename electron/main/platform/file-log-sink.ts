import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { LogRecord, LogSink } from '../../services/logging/logger'

/** A JSON-lines log file in the app data directory, rotated at `maxBytes` (one previous file kept). */
export function fileLogSink(dir: string, maxBytes = 2 * 1024 * 1024): LogSink {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = join(dir, 'gitkeys.log')
  return {
    write(record: LogRecord) {
      try {
        if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > maxBytes) renameSync(file, `${file}.1`)
        appendFileSync(file, `${JSON.stringify(record)}\n`, { mode: 0o600 })
      } catch {
        // Logging must never take the app down; a full disk is reported by the operations themselves.
      }
    },
  }
}
