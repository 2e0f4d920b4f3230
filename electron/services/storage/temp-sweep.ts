import { lstatSync, readdirSync, unlinkSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** Tells a store's own atomic-write temp file by its name (the name only, not the folder). */
export type TempNameTest = (name: string) => boolean

/**
 * The file store's temp files for `path`: `.<name>.<12 hex>.tmp` beside it (file-store.ts).
 * Exact, so a user's own files and other stores' files never match.
 */
export function fileStoreTempNames(path: string): TempNameTest {
  const prefix = `.${basename(path)}.`
  return (name) => name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))
}

/**
 * electron-store's temp files for `path`: `<name>.tmp-<10 digits><6 hex>` beside it, as its writer
 * (`atomically` 2.x, utils/temp.js `Temp.create`) names them for names this short.
 */
export function atomicallyTempNames(path: string): TempNameTest {
  const prefix = `${basename(path)}.tmp-`
  return (name) => name.startsWith(prefix) && /^\d{10}[0-9a-f]{6}$/.test(name.slice(prefix.length))
}

/**
 * Removes temp files that a write killed mid-way left beside `path` (a crash never runs the
 * writer's own cleanup). Call when a store opens, before it writes: only names `isOurs` accepts,
 * only regular files (a link or a folder of that name is left alone, never followed), and never
 * a name in `skip` (writes of this process still in flight). Best effort: a file that cannot be
 * removed stays. Returns how many were removed.
 */
export function sweepStaleTempFiles(
  path: string,
  isOurs: TempNameTest,
  skip: ReadonlySet<string> = new Set(),
): number {
  const dir = dirname(path)
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return 0
  }
  let removed = 0
  for (const name of names) {
    const full = join(dir, name)
    if (!isOurs(name) || skip.has(full)) continue
    try {
      if (!lstatSync(full).isFile()) continue
      unlinkSync(full)
      removed++
    } catch {
      // Gone already, or not ours to remove (permissions): leave it.
    }
  }
  return removed
}
