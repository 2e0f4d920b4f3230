import type { SecretState } from '@shared/domain/account'
import type { VaultStatus } from '@shared/domain/vault'
import { appError, type AppError } from '@shared/errors'
import { err, ok, type Result } from '@shared/result'
import type { Logger } from '../logging/logger'
import type { DocumentStore } from '../storage/document-store'
import { StoreWriteError } from '../storage/document-store'
import { CipherError, type SecretCipher } from './cipher'
import { openEnvelope, sealEnvelope, type SecretBinding } from './envelope'
import { parseVaultDoc, type VaultDoc } from './vault-doc'

type Held = { binding: SecretBinding; token: string }
type Problem = { file: string; reason: string; backup: string | null }

/** The vault (ARCHITECTURE.md §4): secrets by account id, encrypted one by one, main-process only. */
export type Vault = ReturnType<typeof createVault>

/**
 * Creates the vault over a cipher and a document store. Policy: never persist with a weak or
 * missing key without an explicit opt-in (secrets stay in memory for the session, and the status
 * says why); a secret that fails to decrypt or whose binding differs marks the account "needs
 * re-entry" and is kept on disk untouched; a locked keyring is retried, nothing is deleted.
 *
 * Retrying (security.md vector 45(e)) needs no timer: every write and every status first persists
 * what was kept for the session and opens what a locked keyring held back, if anything waits. It
 * costs nothing when nothing waits and one refused attempt while the keyring stays locked;
 * `onChange` then says the status changed, so the UI's vault banner can follow.
 */
export function createVault(deps: {
  readonly cipher: SecretCipher
  readonly store: DocumentStore
  readonly logger: Logger
  readonly now?: () => Date
  /** Called when a retry changed what the status reports (secrets persisted or opened). */
  readonly onChange?: () => void
}) {
  const log = deps.logger.child('vault')
  const now = deps.now ?? (() => new Date())
  let doc: VaultDoc = { version: 1, weakOptIn: null, entries: {} }
  const held = new Map<string, Held>()
  const sessionOnly = new Set<string>()
  /** Stored secrets a locked keyring would not decrypt at load: retried, never deleted. */
  const heldBack = new Map<string, SecretBinding>()
  const reentry = new Map<string, string>()
  const problems: Problem[] = []
  let locked = false
  let lastError: string | null = null
  let retrying: Promise<void> | null = null

  async function policy(): Promise<{
    persist: boolean
    reason: string | null
    weak: boolean
    backend: string
  }> {
    const s = await deps.cipher.status()
    if (!s.available)
      return {
        persist: false,
        reason: s.reason ?? 'No OS keychain is available.',
        weak: s.weak,
        backend: s.backend,
      }
    if (s.weak && !doc.weakOptIn)
      return {
        persist: false,
        weak: true,
        backend: s.backend,
        reason:
          s.reason ??
          'No OS keyring was found, so tokens are kept for this session only. Start gnome-keyring or KWallet, or choose weaker storage explicitly.',
      }
    return { persist: true, reason: null, weak: s.weak, backend: s.backend }
  }

  async function save(): Promise<void> {
    await deps.store.write(doc)
  }

  async function persist(binding: SecretBinding, token: string): Promise<SecretState> {
    const p = await policy()
    if (!p.persist) {
      sessionOnly.add(binding.accountId)
      return 'session_only'
    }
    try {
      const data = await deps.cipher.encrypt(sealEnvelope(binding, token))
      doc = {
        ...doc,
        entries: {
          ...doc.entries,
          [binding.accountId]: { data: Buffer.from(data).toString('base64'), storedAt: now().toISOString() },
        },
      }
      await save()
      locked = false
      sessionOnly.delete(binding.accountId)
      if (!waiting()) lastError = null
      return 'stored'
    } catch (e: unknown) {
      sessionOnly.add(binding.accountId)
      if (e instanceof CipherError && e.kind === 'locked') locked = true
      lastError =
        e instanceof StoreWriteError
          ? `${e.message} The token is kept for this session only.`
          : e instanceof CipherError
            ? `${e.message} The token is kept for this session only; GitKeys will try again.`
            : 'Could not store the token; it is kept for this session only.'
      log.warn('secret kept in memory only', {
        account: binding.accountId,
        error: e instanceof Error ? e.name : 'unknown',
      })
      return 'session_only'
    }
  }

  async function decryptEntry(binding: SecretBinding, data: string): Promise<void> {
    try {
      const out = await deps.cipher.decrypt(Buffer.from(data, 'base64'))
      const opened = openEnvelope(out.plaintext, binding)
      if (!opened.ok) {
        reentry.set(
          binding.accountId,
          opened.problem === 'binding_mismatch'
            ? 'The stored token belongs to another host or account; enter it again.'
            : 'The stored token is empty or unreadable; enter it again.',
        )
        return
      }
      held.set(binding.accountId, { binding, token: opened.token })
      heldBack.delete(binding.accountId)
      locked = false
      if (out.shouldReEncrypt) await persist(binding, opened.token)
    } catch (e: unknown) {
      if (e instanceof CipherError && e.kind === 'locked') {
        heldBack.set(binding.accountId, binding)
        locked = true
        lastError = 'The OS keyring is locked or unreachable; unlock it and GitKeys will try again.'
        return
      }
      heldBack.delete(binding.accountId)
      reentry.set(
        binding.accountId,
        'The stored token cannot be decrypted with this keychain; enter it again.',
      )
    }
  }

  /** Whether anything waits for the keyring: secrets kept for the session, or stored ones held back. */
  function waiting(): boolean {
    return sessionOnly.size > 0 || heldBack.size > 0
  }

  /** What the banner shows, to tell whether a retry changed it. */
  const signature = (): string =>
    `${sessionOnly.size}/${heldBack.size}/${reentry.size}/${String(locked)}/${lastError ?? ''}`

  /** One retry pass; stops at the first refusal so a still-locked keyring costs one attempt. */
  async function retryOnce(): Promise<void> {
    const before = signature()
    for (const [id, binding] of [...heldBack]) {
      const entry = doc.entries[id]
      if (!entry) {
        heldBack.delete(id)
        continue
      }
      await decryptEntry(binding, entry.data)
      if (heldBack.has(id)) break
    }
    if (sessionOnly.size > 0 && !heldBack.size && (await policy()).persist) {
      for (const id of [...sessionOnly]) {
        const h = held.get(id)
        if (!h) sessionOnly.delete(id)
        else if ((await persist(h.binding, h.token)) === 'session_only') break
      }
    }
    if (!waiting()) {
      locked = false
      lastError = null
    }
    if (signature() !== before) deps.onChange?.()
  }

  /** Retries what waits for the keyring, one pass at a time; free when nothing waits. */
  function retry(): Promise<void> {
    if (!waiting()) return Promise.resolve()
    retrying ??= retryOnce().finally(() => {
      retrying = null
    })
    return retrying
  }

  return {
    /** Reads the vault file and decrypts every secret that has an account. Orphans are kept, not deleted. */
    async load(bindings: readonly SecretBinding[]): Promise<void> {
      const r = await deps.store.read()
      if (r.kind === 'corrupt') {
        problems.push({ file: deps.store.path, reason: r.reason, backup: r.backup })
        log.error('vault file was corrupt and has been moved aside', { backup: r.backup ?? 'none' })
      } else if (r.kind === 'ok') {
        const parsed = parseVaultDoc(r.data)
        if (parsed.ok) doc = parsed.doc
        else
          problems.push({
            file: deps.store.path,
            reason: parsed.reason,
            backup: await deps.store.moveAside(parsed.reason),
          })
      }
      await Promise.all(
        bindings.map((b) => {
          const entry = doc.entries[b.accountId]
          return entry ? decryptEntry(b, entry.data) : Promise.resolve()
        }),
      )
    },

    /** The state of one account's secret. */
    state(accountId: string): { state: SecretState; reason: string | null } {
      const why = reentry.get(accountId)
      if (why) return { state: 'needs_reentry', reason: why }
      if (sessionOnly.has(accountId) && held.has(accountId)) return { state: 'session_only', reason: null }
      if (held.has(accountId)) return { state: 'stored', reason: null }
      if (heldBack.has(accountId)) return { state: 'stored', reason: 'The keyring is locked.' }
      return { state: 'missing', reason: null }
    },

    /** Stores (or replaces) a secret; returns where it ended up. A write that lands retries what waits. */
    async put(binding: SecretBinding, token: string): Promise<SecretState> {
      held.set(binding.accountId, { binding, token })
      heldBack.delete(binding.accountId)
      reentry.delete(binding.accountId)
      const state = await persist(binding, token)
      if (state === 'stored') await retry()
      return state
    },

    /** The secret for a binding, for main-process use only (the git broker, probes). */
    get(binding: SecretBinding): Result<string, AppError> {
      const h = held.get(binding.accountId)
      if (!h && heldBack.has(binding.accountId))
        return err(appError('vault_unavailable', 'The OS keyring is locked; unlock it and retry.'))
      if (reentry.has(binding.accountId) || (!h && doc.entries[binding.accountId] && !locked))
        return err(appError('needs_reentry', 'This account needs its token entered again.'))
      if (!h && locked)
        return err(appError('vault_unavailable', 'The OS keyring is locked; unlock it and retry.'))
      if (!h) return err(appError('not_found', 'This account has no token.'))
      if (h.binding.host !== binding.host || h.binding.provider !== binding.provider)
        return err(
          appError('needs_reentry', 'The token is bound to another host; enter it again for this one.'),
        )
      return ok(h.token)
    },

    /** Moves a secret to a new binding (an account's host was edited) by re-encrypting it. */
    async rebind(from: SecretBinding, to: SecretBinding): Promise<SecretState> {
      const h = held.get(from.accountId)
      if (!h) return this.state(from.accountId).state
      return this.put(to, h.token)
    },

    /** Deletes a secret from memory and disk. */
    async remove(accountId: string): Promise<void> {
      held.delete(accountId)
      sessionOnly.delete(accountId)
      heldBack.delete(accountId)
      reentry.delete(accountId)
      if (doc.entries[accountId]) {
        const entries = { ...doc.entries }
        delete entries[accountId]
        doc = { ...doc, entries }
        await save()
      }
    },

    /**
     * Tries again to persist session-only secrets and to open those a locked keyring held back
     * (keyring unlocked, opt-in given). Free when nothing waits; concurrent calls share one pass.
     */
    retryPending: (): Promise<void> => retry(),

    /** Records the explicit opt-in to weak (basic_text) storage and persists what was session-only. */
    async allowWeakStorage(): Promise<void> {
      await deps.cipher.enableWeakStorage?.()
      doc = { ...doc, weakOptIn: now().toISOString() }
      await save()
      log.warn('weak secret storage enabled by the user')
      // A pass that started before the opt-in saw the old policy: wait for it, then run a fresh one.
      if (retrying) await retrying
      await retry()
    },

    /** The vault's status for the UI, after retrying what waits for the keyring. */
    async status(accountIds: readonly string[]): Promise<VaultStatus> {
      await retry()
      return this.currentStatus(accountIds)
    },

    /** The vault's status as it stands, without a retry (what {@link createVault}'s `onChange` reports). */
    async currentStatus(accountIds: readonly string[]): Promise<VaultStatus> {
      const p = await policy()
      const known = new Set(accountIds)
      return {
        backend: p.backend,
        persistent: p.persist,
        weak: p.weak,
        weakOptIn: doc.weakOptIn,
        reason: p.reason ?? lastError,
        locked: locked || heldBack.size > 0,
        sessionOnly: [...sessionOnly].filter((id) => known.has(id)).length,
        needsReentry: [...reentry.keys()].filter((id) => known.has(id)).length,
        orphaned: Object.keys(doc.entries).filter((id) => !known.has(id)).length,
        storeProblems: [...problems],
      }
    },

    /** Every live secret, so logs and reports can redact exact values. */
    knownSecrets(): string[] {
      return [...held.values()].map((h) => h.token)
    },
  }
}
