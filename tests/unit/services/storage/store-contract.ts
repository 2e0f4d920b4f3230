import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { DocumentStore } from '../../../../electron/services/storage/document-store'

/** The behaviour every DocumentStore adapter must have (file store, electron-store). */
export function storeContract(make: (dir: string) => DocumentStore): void {
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

  it('writes the file with mode 0600 where the OS has modes', async () => {
    const s = make(dir)
    await s.write({ a: 1 })
    if (process.platform !== 'win32') {
      const { statSync } = await import('node:fs')
      expect(statSync(s.path).mode & 0o777).toBe(0o600)
    }
  })
}
