import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { StoredAccount } from '../../electron/services/workspace/metadata-doc'
import { createAesGcmCipher } from '../../electron/services/vault/cipher'
import { sealEnvelope } from '../../electron/services/vault/envelope'
import type { VaultDoc } from '../../electron/services/vault/vault-doc'
import { aesKey } from './fake-ciphers'
import { createTestWorld, type TestWorld } from './test-world'
import { addAccount, saveRepo } from './world-actions'

/** A distinct, well-formed classic GitHub token per index (never the canary). */
export const bulkToken = (i: number): string => `ghp_${String(i).padStart(6, '0')}${'k'.repeat(30)}`

const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/**
 * Adds `count` accounts (each with its token in the vault file) and `count` repositories bound to
 * them in one go, as an import or years of use would leave them, then restarts the world so the app
 * loads and decrypts all of it the way it does at start. The world needs at least one account and one
 * repository already (added through the dispatcher): they are the templates. `key` is the world's
 * AES key (`createTestWorld({ key })`). Returns the restarted world; dispose either.
 */
export async function seedBulk(
  world: TestWorld,
  opts: {
    readonly key: Buffer
    readonly count: number
    /** The account to copy (default: the first GitHub account, else the first one). */
    readonly templateId?: string
    readonly tokenOffset?: number
  },
): Promise<TestWorld> {
  const doc0 = world.services.metadata.get()
  const template =
    doc0.accounts.find((a) => a.id === opts.templateId) ??
    doc0.accounts.find((a) => a.provider === 'github') ??
    doc0.accounts[0]
  const repoTemplate = doc0.repositories.at(-1)
  if (!template || !repoTemplate) throw new Error('seedBulk needs one account and one repository to copy')
  const bulk: StoredAccount[] = Array.from({ length: opts.count }, (_, i) => ({
    ...template,
    id: `bulk-${i}`,
    label: `Bulk ${i}`,
    username: `user${i}`,
    expiresAt: i % 3 ? day((i % 200) - 20) : null,
    secret: { ...template.secret, fingerprint: `sha256:${String(i).padStart(12, '0')}` },
  }))
  // Background writes (activity, metadata) land before the files are edited behind the services.
  await world.services.activity.flush()
  await world.services.metadata.update((d) => ({
    ...d,
    accounts: [...d.accounts, ...bulk],
    repositories: [
      ...d.repositories,
      ...bulk.map((a, i) => ({
        ...repoTemplate,
        id: `bulk-repo-${i}`,
        remote: `https://${a.host}/acme/bulk-${i}.git`,
        accountId: a.id,
      })),
    ],
  }))
  const cipher = createAesGcmCipher(opts.key)
  const vaultPath = join(world.appData, 'vault.json')
  const doc = JSON.parse(readFileSync(vaultPath, 'utf8')) as VaultDoc
  const entries = { ...doc.entries }
  const offset = opts.tokenOffset ?? 1000
  for (const [i, a] of bulk.entries()) {
    const data = await cipher.encrypt(
      sealEnvelope({ accountId: a.id, provider: a.provider, host: a.host }, bulkToken(offset + i)),
    )
    entries[a.id] = { data: Buffer.from(data).toString('base64'), storedAt: new Date().toISOString() }
  }
  await world.services.activity.flush()
  writeFileSync(vaultPath, `${JSON.stringify({ ...doc, entries }, null, 2)}\n`, { mode: 0o600 })
  return world.restart()
}

/**
 * A world with `n` accounts and `n` repositories: "Flags bot" and its repository added through the
 * dispatcher, the rest written in one go by {@link seedBulk}, then loaded the way the app starts.
 */
export async function createBulkWorld(n: number): Promise<TestWorld> {
  const key = aesKey()
  const first = await createTestWorld({ key })
  const a = await addAccount(
    first,
    {
      provider: 'github',
      host: 'github.com',
      deployment: 'cloud',
      tokenKind: 'classic_pat',
      label: 'Flags bot',
    },
    `ghp_${'F'.repeat(36)}`,
  )
  await saveRepo(first, { remote: 'https://github.com/acme/flags.git', accountId: a.id })
  return seedBulk(first, { key, count: n - 1 })
}
