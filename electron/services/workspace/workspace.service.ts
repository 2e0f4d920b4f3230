import type { Environment } from '@shared/domain/environment'
import type { Repository } from '@shared/domain/repository'
import { appError, type AppError } from '@shared/errors'
import { parseRemoteFor } from '@shared/providers/remote-parse'
import { applyFieldFix } from '@shared/logic/apply-fix'
import { checkEnvironment, checkRepository, uniqueId, withSingleDefault } from '@shared/logic/workspace-rules'
import { err, ok, type Result } from '@shared/result'
import type { EventSink } from '../events'
import type { Logger } from '../logging/logger'
import { StoreWriteError } from '../storage/document-store'
import type { MetadataDoc } from '../workspace/metadata-doc'
import type { ApprovedRoots } from './approved-roots'
import type { MetadataStore } from './metadata-store'

/** A repository or environment as the UI submits it: `id` empty for a new one. */
export type Draft<T> = Omit<T, 'id'> & { readonly id: string }

const refusal = (checks: ReturnType<typeof checkRepository>): AppError =>
  appError('invalid_input', checks[0]?.message ?? 'Some fields need attention.', {
    issues: checks.map((c) => ({ path: c.field, message: c.message })),
  })

function storeError(e: unknown): AppError {
  if (e instanceof StoreWriteError) return appError(e.code, e.message, { hint: 'Nothing was changed.' })
  throw e
}

/** Repositories (Flipt storages) and environments, validated with the same rules the UI shows live. */
export function createWorkspaceService(deps: {
  readonly metadata: MetadataStore
  readonly roots: ApprovedRoots
  readonly events: EventSink
  readonly logger: Logger
}) {
  const log = deps.logger.child('workspace')
  const snapshot = (d: MetadataDoc = deps.metadata.get()) => ({
    repositories: [...d.repositories],
    environments: [...d.environments],
    credentials: [...d.credentials],
  })
  const emit = (d: MetadataDoc): void => deps.events.emit('workspace:changed', snapshot(d))

  return {
    /** Repositories, environments and Flipt credentials (no secrets live here). */
    get: () => snapshot(),

    /** Adds or replaces a repository after validating it against its bound account. */
    async saveRepository(draft: Draft<Repository>): Promise<Result<Repository, AppError>> {
      const d = deps.metadata.get()
      const isNew = draft.id === ''
      const bound = d.accounts.find((a) => a.id === draft.accountId)
      const id = isNew
        ? uniqueId(
            parseRemoteFor(draft.remote, bound)?.repo ?? 'repository',
            new Set(d.repositories.map((r) => r.id)),
            'repository',
          )
        : draft.id
      const repo: Repository = { ...draft, id }
      if (!isNew && !d.repositories.some((r) => r.id === id))
        return err(appError('not_found', 'That repository no longer exists.'))
      const account = repo.accountId ? (d.accounts.find((a) => a.id === repo.accountId) ?? null) : null
      if (repo.accountId && !account)
        return err(
          appError('invalid_input', 'The bound account no longer exists.', {
            issues: [{ path: 'accountId', message: 'unknown account' }],
          }),
        )
      const errors = checkRepository(repo, {
        account,
        others: d.repositories.filter((r) => r.id !== id),
      }).filter((c) => c.severity === 'error')
      if (errors.length > 0) return err(refusal(errors))
      const before = d.repositories.find((r) => r.id === id)
      if (
        repo.localPath &&
        repo.localPath !== before?.localPath &&
        !(await deps.roots.contains(repo.localPath))
      )
        return err(
          appError(
            'invalid_input',
            'Choose the local folder with “Browse…”: GitKeys only clones into folders you picked.',
            {
              issues: [{ path: 'localPath', message: 'not inside a folder you picked' }],
            },
          ),
        )
      try {
        const next = await deps.metadata.update((m) => ({
          ...m,
          repositories: isNew
            ? [...m.repositories, repo]
            : m.repositories.map((r) => (r.id === id ? repo : r)),
        }))
        emit(next)
      } catch (e: unknown) {
        return err(storeError(e))
      }
      log.info(isNew ? 'repository added' : 'repository saved', { repository: id })
      return ok(repo)
    },

    /** Removes a repository; environments stored in it must be removed or moved first unless confirmed. */
    async removeRepository(
      id: string,
      confirm: boolean,
    ): Promise<Result<{ environments: string[] }, AppError>> {
      const d = deps.metadata.get()
      if (!d.repositories.some((r) => r.id === id))
        return err(appError('not_found', 'That repository no longer exists.'))
      const envs = d.environments.filter((e) => e.repositoryId === id).map((e) => e.id)
      if (envs.length > 0 && !confirm)
        return err(
          appError('conflict', `Environments ${envs.join(', ')} are stored in this repository.`, {
            hint: 'Confirm to remove them together.',
          }),
        )
      try {
        const next = await deps.metadata.update((m) => ({
          ...m,
          repositories: m.repositories.filter((r) => r.id !== id),
          environments: withSingleDefault(
            m.environments.filter((e) => e.repositoryId !== id),
            null,
          ),
        }))
        emit(next)
      } catch (e: unknown) {
        return err(storeError(e))
      }
      return ok({ environments: envs })
    },

    /** Adds or replaces an environment; keeps exactly one default across all environments. */
    async saveEnvironment(draft: Draft<Environment>): Promise<Result<Environment, AppError>> {
      const d = deps.metadata.get()
      const isNew = draft.id === ''
      const id = isNew
        ? uniqueId(draft.name, new Set(d.environments.map((e) => e.id)), 'environment')
        : draft.id
      const env: Environment = { ...draft, id }
      if (!isNew && !d.environments.some((e) => e.id === id))
        return err(appError('not_found', 'That environment no longer exists.'))
      if (env.scm?.accountId && !d.accounts.some((a) => a.id === env.scm?.accountId))
        return err(
          appError('invalid_input', 'The SCM account no longer exists.', {
            issues: [{ path: 'scm.accountId', message: 'unknown account' }],
          }),
        )
      const others = d.environments.filter((e) => e.id !== id)
      const errors = checkEnvironment(env, { repositories: d.repositories, others }).filter(
        (c) => c.severity === 'error',
      )
      if (errors.length > 0) return err(refusal(errors))
      try {
        const next = await deps.metadata.update((m) => {
          const list = isNew ? [...m.environments, env] : m.environments.map((e) => (e.id === id ? env : e))
          return { ...m, environments: withSingleDefault(list, env.default ? id : null) }
        })
        emit(next)
        return ok(next.environments.find((e) => e.id === id) ?? env)
      } catch (e: unknown) {
        return err(storeError(e))
      }
    },

    /** Removes an environment; another becomes the default if it was. */
    async removeEnvironment(id: string): Promise<Result<{ removed: string }, AppError>> {
      if (!deps.metadata.get().environments.some((e) => e.id === id))
        return err(appError('not_found', 'That environment no longer exists.'))
      try {
        const next = await deps.metadata.update((m) => ({
          ...m,
          environments: withSingleDefault(
            m.environments.filter((e) => e.id !== id),
            null,
          ),
        }))
        emit(next)
      } catch (e: unknown) {
        return err(storeError(e))
      }
      return ok({ removed: id })
    },

    /**
     * Applies one field of a Doctor fix (`storage.<id>.remote`…). Only the changed field is judged, so a
     * config imported with several problems can be mended one fix at a time without losing anything.
     */
    async applyFix(subject: string, value: string): Promise<Result<{ subject: string }, AppError>> {
      const d = deps.metadata.get()
      const target = applyFieldFix(subject, value, d)
      if (!target) return err(appError('unsupported', `GitKeys cannot change ${subject} itself.`))
      const field = subject.split('.').slice(2).join('.')
      const fieldOf: Record<string, string> = {
        remote: 'remote',
        branch: 'branch',
        poll_interval: 'pollInterval',
        ca_cert_path: 'caCertPath',
        'scm.api_url': 'scm.apiUrl',
        directory: 'directory',
        name: 'name',
      }
      const checks =
        'repository' in target
          ? checkRepository(target.repository, {
              account: d.accounts.find((a) => a.id === target.repository.accountId) ?? null,
              others: d.repositories.filter((r) => r.id !== target.repository.id),
            })
          : checkEnvironment(target.environment, {
              repositories: d.repositories,
              others: d.environments.filter((e) => e.id !== target.environment.id),
            })
      const bad = checks.filter((c) => c.severity === 'error' && c.field === (fieldOf[field] ?? field))
      if (bad.length > 0) return err(refusal(bad))
      try {
        const next = await deps.metadata.update((m) =>
          'repository' in target
            ? {
                ...m,
                repositories: m.repositories.map((r) =>
                  r.id === target.repository.id ? target.repository : r,
                ),
              }
            : {
                ...m,
                environments: m.environments.map((e) =>
                  e.id === target.environment.id ? target.environment : e,
                ),
              },
        )
        emit(next)
      } catch (e: unknown) {
        return err(storeError(e))
      }
      log.info('doctor fix applied', { subject })
      return ok({ subject })
    },
  }
}

/** See {@link createWorkspaceService}. */
export type WorkspaceService = ReturnType<typeof createWorkspaceService>
