import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The canary token of security.md vector 7: a classic PAT with a valid CRC32/base62 checksum (so
 * GitKeys accepts it like a real one) that exists nowhere else. Grep for it, or for `CANARY0000`.
 */
export const CANARY = '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'

/** Every 8-character window of the canary's random part: a partial leak counts too. */
export function canaryFragments(canary = CANARY): string[] {
  const body = canary.slice(4)
  const out = new Set<string>([canary])
  for (let i = 0; i + 12 <= body.length; i += 4) out.add(body.slice(i, i + 12))
  return [...out].filter((f) => /CANARY/.test(f) || f === canary)
}

/** Files under `dir` (recursively) whose bytes contain the canary; symlinks are not followed. */
export function filesContaining(dir: string, needle = CANARY): string[] {
  const hits: string[] = []
  const walk = (d: string): void => {
    let entries: string[]
    try {
      entries = readdirSync(d)
    } catch {
      return
    }
    for (const name of entries) {
      const p = join(d, name)
      const st = statSync(p, { throwIfNoEntry: false })
      if (!st) continue
      if (st.isDirectory()) walk(p)
      else if (st.isFile() && st.size < 50_000_000 && readFileSync(p).includes(needle)) hits.push(p)
    }
  }
  walk(dir)
  return hits
}
