import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { DocumentStore } from '../../../../electron/services/storage/document-store'

/**
 * The behaviour every DocumentStore adapter must have (file store, electron-store). `tempName` makes
 * a fresh name of the kind the adapter's atomic write gives its temp file for a document path.
 */
export function storeContract(
  make: (dir: string) => DocumentStore,
  tempName: (path: string) => string,
): void {
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gitkeys-store-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  const backups = (s: DocumentStore) => readdirSync(dirname(s.path)).filter((f) => f.includes('.corrupt-'))

  it('reads missing, then what it wrote', async () => {
    const s = make(dir)
    expect(await s.read()).toEqual({ kind: 'missing' })
    await s.write({ a: 1, list: ['x'] })
    expect(await s.read()).toEqual({ kind: 'ok', data: { a: 1, list: ['x'] } })
  })

  it.each([
    ['garbage', '{"accounts": [1, 2'],
    ['null', 'null'],
    ['a list', '[1,2,3]'],
    ['a number', '42'],
    ['empty', ''],
    ['prototype pollution', '{"__proto__": {"polluted": true}}'],
  ])('moves a %s file aside with a timestamp and reports it', async (_name, text) => {
    const s = make(dir)
    writeFileSync(s.path, text)
    const r = await s.read()
    expect(r.kind).toBe('corrupt')
    const kept = backups(s)
    expect(kept).toHaveLength(1)
    expect(readFileSync(join(dirname(s.path), kept[0] ?? ''), 'utf8')).toBe(text)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    await s.write({ fresh: true })
    expect(await s.read()).toEqual({ kind: 'ok', data: { fresh: true } })
  })

  it('tolerates a UTF-8 byte-order mark', async () => {
    const s = make(dir)
    writeFileSync(s.path, '\uFEFF{"ok": true}')
    expect(await s.read()).toEqual({ kind: 'ok', data: { ok: true } })
  })

  it('moveAside keeps a readable but unusable file', async () => {
    const s = make(dir)
    await s.write({ schemaVersion: 99 })
    const backup = await s.moveAside('newer version')
    expect(backup && existsSync(backup)).toBeTruthy()
    expect(existsSync(s.path)).toBe(false)
  })

  it('removes temp files a killed write left when it opens, only its own, never following a link', async () => {
    const path = make(dir).path
    const folder = dirname(path)
    const stale = [join(folder, tempName(path)), join(folder, tempName(path))]
    for (const f of stale) writeFileSync(f, '{"half": ')
    const outside = await mkdtemp(join(tmpdir(), 'gitkeys-outside-'))
    try {
      const target = join(outside, 'precious.json')
      writeFileSync(target, 'keep me')
      const link = join(folder, tempName(path))
      const folderNamedLikeOne = join(folder, tempName(path))
      const notOurs = [
        join(folder, 'notes.txt'),
        join(folder, tempName(join(folder, 'other.json'))),
        `${join(folder, tempName(path))}.bak`,
        join(folder, `${basename(path)}.tmp`),
      ]
      if (process.platform !== 'win32') symlinkSync(target, link)
      mkdirSync(folderNamedLikeOne)
      for (const f of notOurs) writeFileSync(f, 'not ours')

      const s = make(dir)
      expect(await s.read()).toEqual({ kind: 'missing' })
      for (const f of stale) expect(existsSync(f), f).toBe(false)
      for (const f of notOurs) expect(readFileSync(f, 'utf8'), f).toBe('not ours')
      expect(lstatSync(folderNamedLikeOne).isDirectory()).toBe(true)
      if (process.platform !== 'win32') expect(lstatSync(link).isSymbolicLink()).toBe(true)
      expect(readFileSync(target, 'utf8')).toBe('keep me')
      await s.write({ after: true })
      expect(await s.read()).toEqual({ kind: 'ok', data: { after: true } })
    } finally {
      await rm(outside, { recursive: true, force: true })
    }
  })

  it('writes the file with mode 0600 where the OS has modes', async () => {
    const s = make(dir)
    await s.write({ a: 1 })
    if (process.platform !== 'win32') {
      const { statSync } = await import('node:fs')
      expect(statSync(s.path).mode & 0o777).toBe(0o600)
    }
  })
}
