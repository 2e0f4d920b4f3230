import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { basename } from 'node:path'
import { describe, vi } from 'vitest'
import { storeContract } from './store-contract'

// electron-store imports electron for its defaults; the adapter always passes an explicit cwd.
vi.mock('electron', () => {
  const e = {
    app: { getPath: () => tmpdir(), getVersion: () => '0.1.0', getName: () => 'GitKeys' },
    ipcMain: { on: vi.fn(), handle: vi.fn() },
    shell: { openPath: vi.fn() },
  }
  return { default: e, ...e }
})

const { createElectronDocumentStore } = await import('../../../../electron/main/platform/metadata-store')

/** The name `atomically` (electron-store's writer) gives a temp file: `<name>.tmp-<10 digits><6 hex>`. */
const atomicallyTemp = (path: string): string =>
  `${basename(path)}.tmp-${Date.now().toString().slice(-10)}${randomBytes(3).toString('hex')}`

describe('electron-store adapter', () => {
  storeContract((dir) => createElectronDocumentStore(dir, 'metadata'), atomicallyTemp)
})
