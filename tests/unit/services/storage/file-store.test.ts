import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createFileStore, nodeStoreFs } from '../../../../electron/services/storage/file-store'
import { storeContract } from './store-contract'

describe('file store', () => {
  storeContract(
    (dir) => createFileStore(join(dir, 'doc.json')),
    (path) => `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`,
  )

  it('serialises concurrent writes: the last one wins and the file is always whole', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gitkeys-store-'))
    const s = createFileStore(join(dir, 'doc.json'))
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.write({ n: i, pad: 'x'.repeat(10_000) })))
    expect(await s.read()).toMatchObject({ kind: 'ok', data: { n: 19 } })
    await rm(dir, { recursive: true, force: true })
  })

  it('a full disk rejects with disk_full and keeps the previous document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gitkeys-store-'))
    let full = false
    const s = createFileStore(join(dir, 'doc.json'), {
      fs: {
        ...nodeStoreFs,
        writeAtomic: (p, t, m) =>
          full
            ? Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' }))
            : nodeStoreFs.writeAtomic(p, t, m),
      },
    })
    await s.write({ v: 1 })
    full = true
    await expect(s.write({ v: 2 })).rejects.toMatchObject({ code: 'disk_full' })
    full = false
    expect(await s.read()).toEqual({ kind: 'ok', data: { v: 1 } })
    await s.write({ v: 3 })
    expect(await s.read()).toEqual({ kind: 'ok', data: { v: 3 } })
    await rm(dir, { recursive: true, force: true })
  })
})
