import { readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLogger, memorySink } from '../../../../electron/services/logging/logger'
import { createFileStore } from '../../../../electron/services/storage/file-store'
import {
  CipherError,
  createAesGcmCipher,
  type SecretCipher,
} from '../../../../electron/services/vault/cipher'
import type { SecretBinding } from '../../../../electron/services/vault/envelope'
import { createVault } from '../../../../electron/services/vault/vault.service'
import { aesKey, basicTextCipher, switchableCipher } from '../../../support/fake-ciphers'

const CANARY = 'ghp_CANARY0000000000000000000000000000'
const gh: SecretBinding = { accountId: 'github-work', provider: 'github', host: 'github.com' }
const gl: SecretBinding = { accountId: 'gitlab-acme', provider: 'gitlab', host: 'gitlab.acme.test' }

describe('vault', () => {
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gitkeys-vault-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  const make = (cipher: SecretCipher) =>
    createVault({
      cipher,
      store: createFileStore(join(dir, 'vault.json')),
      logger: createLogger(memorySink()),
    })

  it('round-trips a secret through the cipher and the disk, and never writes it in clear', async () => {
    const key = aesKey()
    const v1 = make(createAesGcmCipher(key))
    await v1.load([])
    expect(await v1.put(gh, CANARY)).toBe('stored')
    expect(readFileSync(join(dir, 'vault.json'), 'utf8')).not.toContain('CANARY')
    const v2 = make(createAesGcmCipher(key))
    await v2.load([gh])
    expect(v2.get(gh)).toEqual({ ok: true, value: CANARY })
    expect(v2.state(gh.accountId).state).toBe('stored')
  })

  it('a wrong key marks the account "needs re-entry" and keeps the ciphertext', async () => {
    const v1 = make(createAesGcmCipher(aesKey()))
    await v1.load([])
    await v1.put(gh, CANARY)
    const before = readFileSync(join(dir, 'vault.json'), 'utf8')
    const v2 = make(createAesGcmCipher(aesKey()))
    await v2.load([gh])
    expect(v2.state(gh.accountId).state).toBe('needs_reentry')
    expect(v2.get(gh)).toMatchObject({ ok: false, error: { code: 'needs_reentry' } })
    expect(readFileSync(join(dir, 'vault.json'), 'utf8')).toBe(before)
  })

  it('truncated or bit-flipped ciphertext is "needs re-entry", never a guessed token', async () => {
    const key = aesKey()
    const v1 = make(createAesGcmCipher(key))
    await v1.load([])
    await v1.put(gh, CANARY)
    await v1.put(gl, 'glpat-abcdefghijklmnopqrst')
    const doc = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8')) as {
      entries: Record<string, { data: string }>
    }
    const ghEntry = doc.entries[gh.accountId]
    const glEntry = doc.entries[gl.accountId]
    if (!ghEntry || !glEntry) throw new Error('entries missing')
    ghEntry.data = ghEntry.data.slice(0, 20)
    const raw = Buffer.from(glEntry.data, 'base64')
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1
    glEntry.data = raw.toString('base64')
    writeFileSync(join(dir, 'vault.json'), JSON.stringify(doc))
    const v2 = make(createAesGcmCipher(key))
    await v2.load([gh, gl])
    expect(v2.state(gh.accountId).state).toBe('needs_reentry')
    expect(v2.state(gl.accountId).state).toBe('needs_reentry')
  })

  it('a metadata edit that moves an account to another host cannot redirect its token (vector 44)', async () => {
    const key = aesKey()
    const v1 = make(createAesGcmCipher(key))
    await v1.load([])
    await v1.put(gh, CANARY)
    const v2 = make(createAesGcmCipher(key))
    await v2.load([{ ...gh, host: 'evil.example' }])
    expect(v2.state(gh.accountId).state).toBe('needs_reentry')
    expect(v2.get({ ...gh, host: 'evil.example' }).ok).toBe(false)
  })

  it('a corrupt vault file is moved aside, the app starts, accounts need re-entry', async () => {
    writeFileSync(join(dir, 'vault.json'), '\u0000\u0001garbage')
    const v = make(createAesGcmCipher(aesKey()))
    await v.load([gh])
    const status = await v.status([gh.accountId])
    expect(status.storeProblems).toHaveLength(1)
    expect(status.storeProblems[0]?.backup).toContain('vault.json.corrupt-')
    expect(v.state(gh.accountId).state).toBe('missing')
  })

  it('a vault file of the wrong shape is moved aside before anything overwrites it', async () => {
    writeFileSync(join(dir, 'vault.json'), JSON.stringify({ version: 7, entries: 'nope' }))
    const v = make(createAesGcmCipher(aesKey()))
    await v.load([])
    const status = await v.status([])
    expect(status.storeProblems[0]?.backup).toContain('.corrupt-')
    await v.put(gh, CANARY)
    expect(readFileSync(status.storeProblems[0]?.backup ?? '', 'utf8')).toContain('"version":7')
  })

  it('keeps ciphertexts whose account is gone (orphans), and counts them', async () => {
    const key = aesKey()
    const v1 = make(createAesGcmCipher(key))
    await v1.load([])
    await v1.put(gh, CANARY)
    const v2 = make(createAesGcmCipher(key))
    await v2.load([])
    expect((await v2.status([])).orphaned).toBe(1)
    await v2.put(gl, 'glpat-abcdefghijklmnopqrst')
    const v3 = make(createAesGcmCipher(key))
    await v3.load([gh, gl])
    expect(v3.get(gh)).toEqual({ ok: true, value: CANARY })
  })

  it('two concurrent writes both land', async () => {
    const key = aesKey()
    const v1 = make(createAesGcmCipher(key))
    await v1.load([])
    await Promise.all([v1.put(gh, CANARY), v1.put(gl, 'glpat-abcdefghijklmnopqrst')])
    const v2 = make(createAesGcmCipher(key))
    await v2.load([gh, gl])
    expect(v2.get(gh).ok && v2.get(gl).ok).toBe(true)
  })

  describe('Linux basic_text policy', () => {
    it('keeps secrets in memory only, says why, and writes nothing to disk', async () => {
      const cipher = basicTextCipher()
      const v = make(cipher)
      await v.load([])
      expect(await v.put(gh, CANARY)).toBe('session_only')
      expect(v.get(gh)).toEqual({ ok: true, value: CANARY })
      const status = await v.status([gh.accountId])
      expect(status).toMatchObject({ persistent: false, weak: true, weakOptIn: null, sessionOnly: 1 })
      expect(status.reason).toMatch(/keyring/i)
      expect(() => readFileSync(join(dir, 'vault.json'))).toThrow()
    })

    it('persists only after the explicit opt-in, which is recorded', async () => {
      const cipher = basicTextCipher()
      const v = make(cipher)
      await v.load([])
      await v.put(gh, CANARY)
      await v.allowWeakStorage()
      expect(cipher.optedIn()).toBe(true)
      expect(v.state(gh.accountId).state).toBe('stored')
      const doc = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8')) as { weakOptIn: string | null }
      expect(doc.weakOptIn).toMatch(/^\d{4}-/)
      expect((await v.status([gh.accountId])).persistent).toBe(true)
    })
  })

  describe('keyring trouble mid-session', () => {
    it('a locked keyring keeps the new secret in memory, loses nothing, and persists on retry', async () => {
      const cipher = switchableCipher()
      const v = make(cipher)
      await v.load([])
      await v.put(gh, CANARY)
      cipher.set('locked')
      expect(await v.put(gl, 'glpat-abcdefghijklmnopqrst')).toBe('session_only')
      expect((await v.status([gh.accountId, gl.accountId])).locked).toBe(true)
      expect(v.get(gh)).toEqual({ ok: true, value: CANARY })
      cipher.set('ok')
      await v.retryPending()
      expect(v.state(gl.accountId).state).toBe('stored')
    })

    it('a keyring that is locked at start is retried later, not marked for re-entry', async () => {
      const cipher = switchableCipher()
      const v1 = make(cipher)
      await v1.load([])
      await v1.put(gh, CANARY)
      cipher.set('locked')
      const v2 = make(cipher)
      await v2.load([gh])
      expect(v2.state(gh.accountId).state).toBe('stored')
      expect(v2.get(gh)).toMatchObject({ ok: false, error: { code: 'vault_unavailable' } })
    })

    it('retries by itself once the keyring is back: on the next status or write, and says so once', async () => {
      const cipher = switchableCipher()
      let changes = 0
      const v = createVault({
        cipher,
        store: createFileStore(join(dir, 'vault.json')),
        logger: createLogger(memorySink()),
        onChange: () => void changes++,
      })
      await v.load([])
      cipher.set('locked')
      expect(await v.put(gh, CANARY)).toBe('session_only')
      // Still locked: a status tries once, changes nothing and reports nothing new.
      expect(await v.status([gh.accountId])).toMatchObject({ locked: true, sessionOnly: 1 })
      expect(changes).toBe(0)
      cipher.set('ok')
      const s = await v.status([gh.accountId])
      expect(s).toMatchObject({ locked: false, sessionOnly: 0, reason: null })
      expect(v.state(gh.accountId).state).toBe('stored')
      expect(changes).toBe(1)
      // Nothing waits any more: further calls are free and quiet.
      await v.status([gh.accountId])
      expect(changes).toBe(1)
      expect(readFileSync(join(dir, 'vault.json'), 'utf8')).toContain(gh.accountId)
    })

    it('a write that lands also persists what an earlier lock kept for the session', async () => {
      const cipher = switchableCipher()
      const v = make(cipher)
      await v.load([])
      cipher.set('locked')
      await v.put(gh, CANARY)
      cipher.set('ok')
      expect(await v.put(gl, 'glpat-abcdefghijklmnopqrst')).toBe('stored')
      expect(v.state(gh.accountId).state).toBe('stored')
      const doc = JSON.parse(readFileSync(join(dir, 'vault.json'), 'utf8')) as { entries: object }
      expect(Object.keys(doc.entries).sort()).toEqual([gh.accountId, gl.accountId].sort())
    })

    it('a keyring locked at start is opened on a later status once it is back, without a restart', async () => {
      const cipher = switchableCipher()
      const v1 = make(cipher)
      await v1.load([])
      await v1.put(gh, CANARY)
      cipher.set('locked')
      const v2 = make(cipher)
      await v2.load([gh])
      expect(await v2.status([gh.accountId])).toMatchObject({ locked: true, needsReentry: 0 })
      cipher.set('ok')
      expect(await v2.status([gh.accountId])).toMatchObject({ locked: false, needsReentry: 0 })
      expect(v2.get(gh)).toEqual({ ok: true, value: CANARY })
      // A later write does not turn the stored secret into "needs re-entry".
      await v2.put(gl, 'glpat-abcdefghijklmnopqrst')
      expect(v2.state(gh.accountId).state).toBe('stored')
    })

    it('CipherError kinds are distinguishable', () => {
      expect(new CipherError('locked', 'x').kind).toBe('locked')
    })
  })

  it('rebind re-encrypts a token for its account’s new host', async () => {
    const key = aesKey()
    const v1 = make(createAesGcmCipher(key))
    await v1.load([])
    await v1.put(gl, 'glpat-abcdefghijklmnopqrst')
    const moved = { ...gl, host: 'gitlab.new.test' }
    await v1.rebind(gl, moved)
    const v2 = make(createAesGcmCipher(key))
    await v2.load([moved])
    expect(v2.get(moved).ok).toBe(true)
  })
})
