import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger, memorySink } from '../../../../electron/services/logging/logger'
import { createFileStore, nodeStoreFs } from '../../../../electron/services/storage/file-store'
import { createMetadataStore } from '../../../../electron/services/workspace/metadata-store'
import { storedAccount } from '../../../support/sample-data'

describe('metadata store', () => {
  let dir = ''
  let file = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gitkeys-meta-'))
    file = join(dir, 'metadata.json')
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))
  const make = (fs = nodeStoreFs) =>
    createMetadataStore({ store: createFileStore(file, { fs }), logger: createLogger(memorySink()) })

  it('migrates an unversioned document and writes it back at the current version', async () => {
    writeFileSync(file, JSON.stringify({ accounts: [storedAccount({ id: 'github-a' })], repositories: [] }))
    const m = make()
    await m.load()
    expect(m.get().accounts.map((a) => a.id)).toEqual(['github-a'])
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ schemaVersion: 1 })
  })

  it('sets invalid entries aside in a quarantine list instead of dropping them', async () => {
    const bad = { ...storedAccount({ id: 'Bad Id!' }) }
    writeFileSync(
      file,
      JSON.stringify({
        schemaVersion: 1,
        accounts: [storedAccount({ id: 'github-a' }), bad],
        repositories: 'oops',
      }),
    )
    const m = make()
    await m.load()
    expect(m.get().accounts).toHaveLength(1)
    expect(m.get().quarantine).toHaveLength(2)
    expect(m.problems()[0]?.reason).toMatch(/2 entries/)
    const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { quarantine: Array<{ item: { id?: string } }> }
    expect(onDisk.quarantine.some((q) => q.item.id === 'Bad Id!')).toBe(true)
  })

  it('refuses a document from a newer GitKeys: moved aside, not overwritten', async () => {
    writeFileSync(file, JSON.stringify({ schemaVersion: 9, accounts: [] }))
    const m = make()
    await m.load()
    expect(m.problems()[0]?.reason).toMatch(/newer GitKeys/)
    expect(m.problems()[0]?.backup).toContain('.corrupt-')
    expect(existsSync(m.problems()[0]?.backup ?? '')).toBe(true)
  })

  it.each([
    ['garbage', '{{{'],
    ['BOM + garbage', '\uFEFF{'],
    ['null', 'null'],
  ])('a %s file: the app starts empty, the file is kept aside', async (_n, text) => {
    writeFileSync(file, text)
    const m = make()
    await m.load()
    expect(m.get().accounts).toEqual([])
    expect(m.problems()[0]?.backup).toContain('.corrupt-')
    expect(readFileSync(m.problems()[0]?.backup ?? '', 'utf8')).toBe(text)
  })

  it('a failed write leaves memory and disk unchanged', async () => {
    let full = false
    const m = make({
      ...nodeStoreFs,
      writeAtomic: (p, t, mode) =>
        full
          ? Promise.reject(Object.assign(new Error('x'), { code: 'ENOSPC' }))
          : nodeStoreFs.writeAtomic(p, t, mode),
    })
    await m.load()
    await m.update((d) => ({ ...d, accounts: [storedAccount({ id: 'github-a' })] }))
    full = true
    await expect(m.update((d) => ({ ...d, accounts: [] }))).rejects.toMatchObject({ code: 'disk_full' })
    expect(m.get().accounts).toHaveLength(1)
    expect((JSON.parse(readFileSync(file, 'utf8')) as { accounts: unknown[] }).accounts).toHaveLength(1)
  })
})
