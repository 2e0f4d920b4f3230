import type { ConnectionResult, Failure, Hop, HopId } from '@shared/domain/git-operation'
import type { ErrorCategory } from '@shared/domain/provider'
import type { AppError } from '@shared/errors'
import type { Result } from '@shared/result'
import type { GitOperations, Target } from '../git/git-operations'

/** One checked step of a repository probe. */
export type StepVerdict = { readonly status: Hop['status']; readonly detail: string }

/**
 * The facts a repository probe adds (ARCHITECTURE.md §6, probes only add facts): authentication
 * and branch from `ls-remote`, push rights from `push --dry-run` of a throwaway ref. `failure` is
 * the first failing step as the explainer put it; `ms` is the wall time of both git runs.
 */
export type RepositoryProbe = {
  readonly subject: string
  readonly ok: boolean
  readonly category: ErrorCategory | null
  readonly ms: number
  readonly auth: StepVerdict
  readonly branch: StepVerdict
  readonly write: StepVerdict
  readonly failure: Pick<Failure, 'category' | 'title' | 'detail' | 'fixes'> | null
}

/** Hops before the repository is reached: when one fails, the write probe cannot tell anything new. */
const BEFORE_REPOSITORY: readonly HopId[] = ['proxy', 'tls', 'host', 'auth', 'repository']

const NOT_RUN: StepVerdict = { status: 'skipped', detail: 'Not reached.' }

function step(r: ConnectionResult, id: HopId): StepVerdict {
  const hop = r.hops.find((h) => h.id === id)
  return hop ? { status: hop.status, detail: hop.detail } : NOT_RUN
}

function fromError(e: AppError): NonNullable<RepositoryProbe['failure']> {
  const category: ErrorCategory =
    e.code === 'unsupported' && /https/.test(e.message) ? 'ssh_instead_of_https' : 'other'
  return { category, title: e.message, detail: e.hint ?? '', fixes: e.hint ? [{ label: e.hint }] : [] }
}

/**
 * Probes a repository with real git through the broker: test connection, then (unless the
 * repository was not reached) the write probe. Many probes may run at once; the git runner's
 * concurrency limit decides how many git processes actually do.
 */
export function createRepositoryProber(deps: { readonly operations: GitOperations }) {
  return {
    /** Probes one target; never throws. */
    async probe(subject: string, target: Target, signal?: AbortSignal): Promise<RepositoryProbe> {
      const started = performance.now()
      const elapsed = (): number => Math.round(performance.now() - started)
      const failed = (e: AppError, auth: StepVerdict = NOT_RUN): RepositoryProbe => {
        const failure = fromError(e)
        return {
          subject,
          ok: false,
          category: failure.category,
          ms: elapsed(),
          auth,
          branch: NOT_RUN,
          write: NOT_RUN,
          failure,
        }
      }
      const test: Result<ConnectionResult, AppError> = await deps.operations.testConnection(target, signal)
      if (!test.ok) return failed(test.error)
      const t = test.value
      const unreached = !t.ok && t.hops.some((h) => h.status === 'failed' && BEFORE_REPOSITORY.includes(h.id))
      const write = unreached ? null : await deps.operations.writeProbe(target, signal)
      if (write && !write.ok)
        return { ...failed(write.error), auth: step(t, 'auth'), branch: step(t, 'branch') }
      const w = write?.value ?? null
      const failure = t.failure ?? w?.failure ?? null
      return {
        subject,
        ok: t.ok && (w?.ok ?? false),
        category: failure?.category ?? null,
        ms: elapsed(),
        auth: step(t, 'auth'),
        branch: step(t, 'branch'),
        write: w ? (w.ok ? step(w, 'write') : failedStep(w)) : NOT_RUN,
        failure: failure
          ? { category: failure.category, title: failure.title, detail: failure.detail, fixes: failure.fixes }
          : null,
      }
    },
  }
}

/** The failed hop of a write probe (auth or write), shown as the write step. */
function failedStep(w: ConnectionResult): StepVerdict {
  const hop = w.hops.find((h) => h.status === 'failed')
  return { status: 'failed', detail: hop ? `${hop.id}: ${hop.detail}` : (w.failure?.title ?? 'failed') }
}

/** See {@link createRepositoryProber}. */
export type RepositoryProber = ReturnType<typeof createRepositoryProber>
