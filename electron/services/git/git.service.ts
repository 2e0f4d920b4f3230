import type { ConnectionResult, GitProgressEvent, OperationResult } from '@shared/domain/git-operation'
import { appError, type AppError } from '@shared/errors'
import { gitUsernameFor } from '@shared/providers/git-username'
import { err, ok, type Result } from '@shared/result'
import type { AccountsService } from '../accounts/accounts.service'
import type { ActivitySink } from '../activity/activity.service'
import type { EventSink } from '../events'
import type { MetadataStore } from '../workspace/metadata-store'
import type { GitOperations, Target } from './git-operations'

/** Long operations the UI can start and cancel. */
export type LongOp = 'clone' | 'fetch' | 'pull' | 'push'

/**
 * Glue between the UI and git operations: resolves a repository's account and token in main,
 * streams progress as `git:progress` events, and keeps a registry so any operation can be cancelled.
 */
export function createGitService(deps: {
  readonly metadata: MetadataStore
  readonly accounts: AccountsService
  readonly operations: GitOperations
  readonly events: EventSink
  readonly activity?: ActivitySink
}) {
  const running = new Map<string, AbortController>()

  function target(repositoryId: string): Result<Target, AppError> {
    const repository = deps.metadata.get().repositories.find((r) => r.id === repositoryId)
    if (!repository) return err(appError('not_found', 'That repository no longer exists.'))
    if (!repository.accountId) return ok({ repository, account: null, token: null, username: '' })
    const s = deps.accounts.secretFor(repository.accountId)
    if (!s.ok) return s
    const user = gitUsernameFor(s.value.account)
    if (user.mode === 'bearer' || user.username === null)
      return err(
        appError('unsupported', `${user.explanation}`, {
          hint: 'git can send a Bearer-only token only as an extra header, which every process git starts could read. Use a personal token for git.',
        }),
      )
    if (!user.usable)
      return err(
        appError('invalid_input', user.warning ?? user.explanation, {
          hint: 'Edit the account and fill in its username.',
        }),
      )
    return ok({ repository, account: s.value.account, token: s.value.token, username: user.username })
  }

  async function tracked<T>(operationId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const ac = new AbortController()
    running.set(operationId, ac)
    try {
      return await work(ac.signal)
    } finally {
      running.delete(operationId)
    }
  }

  const progress = (e: GitProgressEvent): void => deps.events.emit('git:progress', e)

  function recordConnection(op: 'test' | 'probe', t: Target, r: Result<ConnectionResult, AppError>): void {
    deps.activity?.record({
      op,
      subject: t.repository.id,
      accountId: t.account?.id ?? null,
      fingerprint: t.account?.secret.fingerprint ?? null,
      outcome: !r.ok ? (r.error.code === 'cancelled' ? 'cancelled' : 'failed') : r.value.ok ? 'ok' : 'failed',
      category: r.ok ? (r.value.failure?.category ?? null) : null,
      ms: r.ok ? r.value.ms : null,
      detail: r.ok ? (r.value.failure?.title ?? 'connected') : r.error.message,
    })
  }

  return {
    /** ls-remote through the broker. */
    async test(repositoryId: string, operationId: string): Promise<Result<ConnectionResult, AppError>> {
      const t = target(repositoryId)
      if (!t.ok) return t
      progress({ operationId, repositoryId, op: 'test', stage: 'connecting', percent: 0, done: false })
      const r = await tracked(operationId, (signal) => deps.operations.testConnection(t.value, signal))
      recordConnection('test', t.value, r)
      progress({ operationId, repositoryId, op: 'test', stage: 'done', percent: 100, done: true })
      return r
    },

    /** push --dry-run of a throwaway ref. */
    async probeWrite(repositoryId: string, operationId: string): Promise<Result<ConnectionResult, AppError>> {
      const t = target(repositoryId)
      if (!t.ok) return t
      const r = await tracked(operationId, (signal) => deps.operations.writeProbe(t.value, signal))
      recordConnection('probe', t.value, r)
      return r
    },

    /** clone / fetch / pull / push with progress events. */
    async run(
      op: LongOp,
      repositoryId: string,
      operationId: string,
    ): Promise<Result<OperationResult, AppError>> {
      const t = target(repositoryId)
      if (!t.ok) return t
      const onProgress = (p: { stage: string; percent: number }): void =>
        progress({ operationId, repositoryId, op, stage: p.stage, percent: p.percent, done: false })
      progress({ operationId, repositoryId, op, stage: 'starting', percent: 0, done: false })
      const r = await tracked(operationId, (signal) =>
        op === 'clone'
          ? deps.operations.clone(t.value, onProgress, signal)
          : deps.operations.sync(op, t.value, onProgress, signal),
      )
      progress({
        operationId,
        repositoryId,
        op,
        stage: r.ok ? r.value.ended : 'failed',
        percent: 100,
        done: true,
      })
      deps.activity?.record({
        op,
        subject: repositoryId,
        accountId: t.value.account?.id ?? null,
        fingerprint: t.value.account?.secret.fingerprint ?? null,
        outcome: r.ok
          ? r.value.ok
            ? 'ok'
            : r.value.ended === 'cancelled'
              ? 'cancelled'
              : 'failed'
          : 'failed',
        category: r.ok ? (r.value.failure?.category ?? null) : null,
        ms: r.ok ? r.value.ms : null,
        detail: r.ok ? r.value.summary : r.error.message,
      })
      return r
    },

    /** Cancels a running operation; true when there was one. */
    cancel(operationId: string): boolean {
      const ac = running.get(operationId)
      ac?.abort()
      return Boolean(ac)
    },
  }
}

/** See {@link createGitService}. */
export type GitService = ReturnType<typeof createGitService>
