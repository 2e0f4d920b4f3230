import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createLogger, memorySink } from '../../electron/services/logging/logger'
import { createFileStore } from '../../electron/services/storage/file-store'
import { createAesGcmCipher } from '../../electron/services/vault/cipher'
import { sealEnvelope, type SecretBinding } from '../../electron/services/vault/envelope'
import { createVault } from '../../electron/services/vault/vault.service'
import { aesKey } from '../support/fake-ciphers'
import { recordFigure, timeMedian } from './harness'

const ACCOUNTS = 1000
const BUDGET_MS = 500
const PROVIDERS = ['github', 'gitlab', 'bitbucket', 'gitea', 'azure'] as const

describe('bench: vault load + decrypt', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gitkeys-bench-vault-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it(`loads and decrypts ${ACCOUNTS} accounts' tokens within ${BUDGET_MS} ms`, async () => {
    const key = aesKey()
    const cipher = createAesGcmCipher(key)
    const path = join(dir, 'vault.json')
    const bindings: SecretBinding[] = Array.from({ length: ACCOUNTS }, (_, i) => ({
      accountId: `account-${i}`,
      provider: PROVIDERS[i % PROVIDERS.length] ?? 'github',
      host: `git${i % 37}.example.com`,
    }))
    // The file a long-used vault leaves: one AES-GCM envelope per account, written through the store.
    const ciphertexts: Uint8Array[] = []
    const entries: Record<string, { data: string; storedAt: string }> = {}
    for (const [i, b] of bindings.entries()) {
      const data = await cipher.encrypt(sealEnvelope(b, `ghp_${String(i).padStart(36, '0')}`))
      ciphertexts.push(data)
      entries[b.accountId] = {
        data: Buffer.from(data).toString('base64'),
        storedAt: new Date().toISOString(),
      }
    }
    await createFileStore(path).write({ version: 1, weakOptIn: null, entries })

    const logger = createLogger(memorySink())
    let loaded = 0
    const ms = await timeMedian(async () => {
      const vault = createVault({ cipher: createAesGcmCipher(key), store: createFileStore(path), logger })
      await vault.load(bindings)
      loaded = vault.knownSecrets().length
    }, 5)
    const rawMs = await timeMedian(async () => {
      for (const c of ciphertexts) await cipher.decrypt(c)
    }, 5)
    const kib = Math.round(statSync(path).size / 1024)
    const ok = recordFigure({
      id: 'vault.load_1000',
      label: `Vault load + decrypt of ${ACCOUNTS} accounts (AES-256-GCM, file store, ${kib} KiB)`,
      value: ms,
      unit: 'ms',
      comparedWith: `${Math.round((ms / ACCOUNTS) * 1000) / 1000} ms per account; the cipher alone decrypts the same ${ACCOUNTS} ciphertexts in ${rawMs} ms (${Math.round((ms / Math.max(rawMs, 0.01)) * 10) / 10}×); medians of 5 after a warm-up`,
      budget: { max: BUDGET_MS },
    })
    expect(loaded).toBe(ACCOUNTS)
    expect(ok).toBe(true)
  })
})
