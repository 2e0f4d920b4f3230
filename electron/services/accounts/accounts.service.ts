import { createHash } from 'node:crypto'
import type { Account, AccountFields } from '@shared/domain/account'
import type { Deployment, ProviderId } from '@shared/domain/provider'
import type { TokenAnalysis } from '@shared/domain/token-analysis'
import { appError, type AppError } from '@shared/errors'
import { normalizeHost } from '@shared/logic/host'
import { secretHint } from '@shared/logic/redact'
import { apiUrlProblem } from '@shared/providers/api-url-check'
import { tokenTextProblem } from '@shared/logic/token-text'
import { err, ok, type Result } from '@shared/result'
import type { ActivitySink } from '../activity/activity.service'
import type { EventSink } from '../events'
import type { Logger } from '../logging/logger'
import { StoreWriteError } from '../storage/document-store'
import type { SecretBinding } from '../vault/envelope'
import type { Vault } from '../vault/vault.service'
import type { MetadataDoc, StoredAccount } from '../workspace/metadata-doc'
import type { MetadataStore } from '../workspace/metadata-store'
import { newAccountId } from './account-id'

/** Offline token analysis (shared/providers), injected so the service stays testable. */
export type TokenAnalyzer = (
  raw: string,
  ctx: { provider?: ProviderId; host?: string; deployment?: Deployment; tokenKind?: string },
) => TokenAnalysis & { readonly cleaned?: string }

/** What binds to an account: shown before it is removed. */
export type AccountUsage = {
  readonly repositories: readonly string[]
  readonly environments: readonly string[]
  readonly credentials: readonly string[]
}

/** A short, one-way fingerprint of a secret: matches reports and rotations without revealing it. */
export function fingerprint(token: string): string {
  return `sha256:${createHash('sha256').update(token).digest('hex').slice(0, 12)}`
}

const binding = (a: Pick<StoredAccount, 'id' | 'provider' | 'host'>): SecretBinding => ({
  accountId: a.id,
  provider: a.provider,
  host: a.host,
})

function writeError(e: unknown): AppError {
  if (e instanceof StoreWriteError)
    return appError(e.code, e.message, {
      hint: e.code === 'disk_full' ? 'Free some disk space and try again; nothing was changed.' : undefined,
    })
  throw e
}

/** Accounts: metadata in the metadata store, tokens in the vault (write-only across IPC). */
export function createAccountsService(deps: {
  readonly metadata: MetadataStore
  readonly vault: Vault
  readonly analyze: TokenAnalyzer
  readonly events: EventSink
  readonly logger: Logger
  readonly activity?: ActivitySink
  readonly now?: () => Date
}) {
  const now = deps.now ?? (() => new Date())
  const log = deps.logger.child('accounts')
  const record = (
    op: 'account_add' | 'account_rotate' | 'account_remove',
    a: StoredAccount,
    detail: string,
  ): void =>
    deps.activity?.record({
      op,
      subject: a.id,
      accountId: a.id,
      fingerprint: a.secret.fingerprint,
      outcome: 'ok',
      category: null,
      ms: null,
      detail,
    })

  const view = (a: StoredAccount): Account => ({
    ...a,
    secret: { ...a.secret, state: deps.vault.state(a.id).state },
  })
  const list = (): Account[] => deps.metadata.get().accounts.map(view)
  const emit = (): void => deps.events.emit('accounts:changed', { accounts: list() })
  const find = (id: string): StoredAccount | undefined =>
    deps.metadata.get().accounts.find((a) => a.id === id)

  function checkFields(f: AccountFields): Result<AccountFields & { host: string }, AppError> {
    const host = normalizeHost(f.host)
    if (!host)
      return err(
        appError('invalid_input', `“${f.host}” is not a host name.`, {
          hint: 'Enter only the host, like github.com or git.example.com:8443, without https:// or a path.',
          issues: [{ path: 'host', message: 'not a host name' }],
        }),
      )
    const apiProblem = apiUrlProblem(host, f.apiUrl)
    if (apiProblem)
      return err(
        appError('invalid_input', `The API URL was not accepted: ${apiProblem}`, {
          issues: [{ path: 'apiUrl', message: apiProblem }],
        }),
      )
    return ok({ ...f, host, apiUrl: f.apiUrl?.trim() || null })
  }

  function prepareToken(
    raw: string,
    f: AccountFields,
  ): Result<{ token: string; analysis: TokenAnalysis }, AppError> {
    const analysis = deps.analyze(raw, {
      provider: f.provider,
      host: f.host,
      deployment: f.deployment,
      tokenKind: f.tokenKind,
    })
    const token = analysis.cleaned ?? raw.trim()
    const problem = tokenTextProblem(token)
    if (problem)
      return err(appError('invalid_input', problem, { issues: [{ path: 'token', message: problem }] }))
    return ok({ token, analysis })
  }

  return {
    /** Every account with its live secret state. */
    list,

    /** Loads secrets for every stored account (call once after the metadata store has loaded). */
    async load(): Promise<void> {
      await deps.vault.load(deps.metadata.get().accounts.map(binding))
    },

    /** The account fields as they would be saved (normalised host, checked API URL), or why not. */
    checkFields,

    /** Offline analysis of a token being typed; secret-free. */
    analyze(raw: string, ctx: Parameters<TokenAnalyzer>[1]): TokenAnalysis {
      const { cleaned: _cleaned, ...analysis } = deps.analyze(raw, ctx)
      return analysis
    },

    /** Adds an account and stores its token in the vault. */
    async add(fields: AccountFields, rawToken: string): Promise<Result<Account, AppError>> {
      const checked = checkFields(fields)
      if (!checked.ok) return checked
      const f = checked.value
      const prepared = prepareToken(rawToken, f)
      if (!prepared.ok) return prepared
      const { token, analysis } = prepared.value
      const doc = deps.metadata.get()
      const id = newAccountId(f.provider, f.label, new Set(doc.accounts.map((a) => a.id)))
      const stamp = now().toISOString()
      const account: StoredAccount = {
        ...f,
        id,
        createdAt: stamp,
        updatedAt: stamp,
        secret: { hint: secretHint(token), fingerprint: fingerprint(token), checksum: analysis.checksum },
      }
      try {
        await deps.metadata.update((d) => ({ ...d, accounts: [...d.accounts, account] }))
      } catch (e: unknown) {
        return err(writeError(e))
      }
      await deps.vault.put(binding(account), token)
      log.info('account added', { account: id, provider: f.provider, host: f.host })
      record('account_add', account, `${f.provider} account on ${f.host}`)
      emit()
      return ok(view(account))
    },

    /** Edits an account's metadata; a host or provider change re-binds its token. */
    async update(id: string, fields: AccountFields): Promise<Result<Account, AppError>> {
      const before = find(id)
      if (!before) return err(appError('not_found', 'That account no longer exists.'))
      const checked = checkFields(fields)
      if (!checked.ok) return checked
      const next: StoredAccount = { ...before, ...checked.value, id, updatedAt: now().toISOString() }
      try {
        await deps.metadata.update((d) => ({
          ...d,
          accounts: d.accounts.map((a) => (a.id === id ? next : a)),
        }))
      } catch (e: unknown) {
        return err(writeError(e))
      }
      if (before.host !== next.host || before.provider !== next.provider)
        await deps.vault.rebind(binding(before), binding(next))
      emit()
      return ok(view(next))
    },

    /**
     * Replaces an account's token; everything bound to the account uses the new one at once. With
     * `everywhere`, other accounts that held the same old token (same fingerprint) get it too.
     */
    async rotate(
      id: string,
      rawToken: string,
      opts: { expiresAt?: string | null; everywhere?: boolean },
    ): Promise<Result<{ account: Account; alsoRotated: string[] }, AppError>> {
      const before = find(id)
      if (!before) return err(appError('not_found', 'That account no longer exists.'))
      const prepared = prepareToken(rawToken, before)
      if (!prepared.ok) return prepared
      const { token, analysis } = prepared.value
      const oldPrint = before.secret.fingerprint
      const targets = opts.everywhere
        ? deps.metadata.get().accounts.filter((a) => a.id === id || a.secret.fingerprint === oldPrint)
        : [before]
      const stamp = now().toISOString()
      const secret = { hint: secretHint(token), fingerprint: fingerprint(token), checksum: analysis.checksum }
      const ids = new Set(targets.map((t) => t.id))
      let doc: MetadataDoc
      try {
        doc = await deps.metadata.update((d) => ({
          ...d,
          accounts: d.accounts.map((a) =>
            ids.has(a.id)
              ? {
                  ...a,
                  secret,
                  updatedAt: stamp,
                  ...(opts.expiresAt !== undefined && a.id === id ? { expiresAt: opts.expiresAt } : {}),
                }
              : a,
          ),
        }))
      } catch (e: unknown) {
        return err(writeError(e))
      }
      for (const t of targets) await deps.vault.put(binding(t), token)
      log.info('token rotated', { account: id, also: targets.length - 1 })
      for (const t of targets)
        record('account_rotate', { ...t, secret }, `token replaced (was ${t.secret.fingerprint})`)
      emit()
      const updated = doc.accounts.find((a) => a.id === id)
      if (!updated) return err(appError('internal', 'The account vanished during rotation.'))
      return ok({ account: view(updated), alsoRotated: [...ids].filter((x) => x !== id) })
    },

    /** What is bound to an account. */
    usage(id: string): AccountUsage {
      const d = deps.metadata.get()
      return {
        repositories: d.repositories.filter((r) => r.accountId === id).map((r) => r.id),
        environments: d.environments.filter((e) => e.scm?.accountId === id).map((e) => e.id),
        credentials: d.credentials.filter((c) => c.accountId === id).map((c) => c.id),
      }
    },

    /** Removes an account and its token. If something uses it, `confirm` is required; bindings are cleared. */
    async remove(id: string, confirm: boolean): Promise<Result<{ unbound: AccountUsage }, AppError>> {
      const account = find(id)
      if (!account) return err(appError('not_found', 'That account no longer exists.'))
      const usage = this.usage(id)
      const used = usage.repositories.length + usage.environments.length + usage.credentials.length
      if (used > 0 && !confirm)
        return err(
          appError('conflict', `“${account.label}” is used by ${used} item${used === 1 ? '' : 's'}.`, {
            hint: 'Confirm to remove it anyway; those items will have no account until you bind another.',
          }),
        )
      try {
        await deps.metadata.update((d) => ({
          ...d,
          accounts: d.accounts.filter((a) => a.id !== id),
          repositories: d.repositories.map((r) => (r.accountId === id ? { ...r, accountId: null } : r)),
          environments: d.environments.map((e) =>
            e.scm?.accountId === id ? { ...e, scm: { ...e.scm, accountId: null } } : e,
          ),
          credentials: d.credentials.map((c) => (c.accountId === id ? { ...c, accountId: null } : c)),
        }))
      } catch (e: unknown) {
        return err(writeError(e))
      }
      await deps.vault.remove(id)
      log.info('account removed', { account: id })
      record(
        'account_remove',
        account,
        `removed; unbound ${usage.repositories.length + usage.environments.length + usage.credentials.length} item(s)`,
      )
      emit()
      return ok({ unbound: usage })
    },

    /** The token for main-process use (git broker, probes). Never crosses IPC. */
    secretFor(id: string): Result<{ account: StoredAccount; token: string }, AppError> {
      const account = find(id)
      if (!account) return err(appError('not_found', 'That account no longer exists.'))
      const t = deps.vault.get(binding(account))
      return t.ok ? ok({ account, token: t.value }) : t
    },
  }
}

/** See {@link createAccountsService}. */
export type AccountsService = ReturnType<typeof createAccountsService>
