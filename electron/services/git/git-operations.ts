import { createHash, randomBytes } from 'node:crypto'
import { lstat, mkdir, mkdtemp, readdir, realpath, rename, rm, rmdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join } from 'node:path'
import type { ConnectionResult, Failure, OperationResult } from '@shared/domain/git-operation'
import type { ErrorCategory, ProviderId } from '@shared/domain/provider'
import type { Repository } from '@shared/domain/repository'
import type { Fix } from '@shared/domain/finding'
import { appError, type AppError } from '@shared/errors'
import { isLoopbackHost } from '@shared/logic/host'
import { findUnsafeChars } from '@shared/logic/text-safety'
import { err, ok, type Result } from '@shared/result'
import type { Logger } from '../logging/logger'
import type { StoredAccount } from '../workspace/metadata-doc'
import type { CredentialGrant } from './credential-broker'
import { hopOf, hopsFor } from './connection-hops'
import { riskyConfigLines } from './risky-config'
import type { GitProgress, GitRunner, GitRunResult } from './git-runner'

/** Explains git's stderr (shared/diagnostics/explain), injected. */
export type Classify = (
  stderr: string,
  ctx: { readonly provider: ProviderId | null; readonly account: StoredAccount | null },
) => { category: ErrorCategory; title: string; detail: string; fixes: Fix[] }

/** Everything an operation needs about where and as whom. */
export type Target = {
  readonly repository: Repository
  readonly account: StoredAccount | null
  readonly token: string | null
  /** The username git sends with the token (provider rules). */
  readonly username: string
}

/** Limits per operation kind. */
export type Timeouts = { readonly connectMs: number; readonly transferMs: number; readonly idleMs: number }

const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 30_000, transferMs: 30 * 60_000, idleMs: 30_000 }

type Remote = {
  readonly url: string
  readonly protocol: 'https' | 'http'
  readonly host: string
  readonly origin: string
}

/** Reads the transport facts of an already-validated remote; only https, or http to loopback. */
export function remoteOf(raw: string): Result<Remote, AppError> {
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    return err(
      appError('invalid_input', 'The remote is not an https URL.', { hint: 'Use the HTTPS clone URL.' }),
    )
  }
  const protocol = u.protocol === 'https:' ? 'https' : u.protocol === 'http:' ? 'http' : null
  if (!protocol)
    return err(
      appError('unsupported', `GitKeys runs git over https only (got ${u.protocol}).`, {
        hint: 'Use the HTTPS clone URL.',
      }),
    )
  const host = u.port ? `${u.hostname}:${u.port}` : u.hostname
  if (protocol === 'http' && !isLoopbackHost(host))
    return err(
      appError('unsupported', 'Plain http is allowed only for local mirrors on this computer.', {
        hint: 'Use the https:// clone URL.',
      }),
    )
  if (u.username || u.password)
    return err(
      appError('invalid_input', 'The remote URL contains credentials.', {
        hint: 'Remove them; GitKeys supplies the token from the bound account.',
      }),
    )
  return ok({ url: u.toString(), protocol, host, origin: `${u.protocol}//${u.host}` })
}

/**
 * Test connection, write probe, clone, fetch, pull and push (ARCHITECTURE.md §5). Results are typed;
 * a failure carries one of the explainer's categories and the hop it broke.
 */
export function createGitOperations(deps: {
  readonly runner: GitRunner
  readonly classify: Classify
  readonly logger: Logger
  readonly timeouts?: Partial<Timeouts>
  /** The configured proxy (Settings), applied to git like the system one; null uses the environment. */
  readonly proxy?: () => { readonly url: string; readonly noProxy: string | null } | null
}) {
  const t: Timeouts = { ...DEFAULT_TIMEOUTS, ...deps.timeouts }
  const log = deps.logger.child('git-ops')

  function prepare(target: Target): Result<{ remote: Remote; grant: CredentialGrant | undefined }, AppError> {
    const r = remoteOf(target.repository.remote)
    if (!r.ok) return r
    const remote = r.value
    if (target.account && target.account.host !== remote.host)
      return err(
        appError(
          'conflict',
          `The repository is on ${remote.host}, but the bound account “${target.account.label}” is for ${target.account.host}.`,
          {
            hint: 'Bind an account for this host; GitKeys never sends a token to another host.',
          },
        ),
      )
    const grant =
      target.account && target.token
        ? { protocol: remote.protocol, host: remote.host, username: target.username, secret: target.token }
        : undefined
    return ok({ remote, grant })
  }

  function failureOf(run: GitRunResult, target: Target, timeoutMs: number): Failure {
    if (run.ended === 'timeout')
      return {
        category: 'network_dns',
        title: 'The server did not answer in time',
        detail: `Nothing came back within ${Math.round(timeoutMs / 1000)} s. The host may be unreachable, behind a proxy, or overloaded.`,
        fixes: [
          { label: 'Check that the host is reachable from this computer and whether a proxy is needed.' },
        ],
        stderr: run.stderr.slice(-4000),
      }
    const refused = run.broker.find((e) => e.outcome === 'refused')
    const c = deps.classify(
      `${run.stderr}${refused ? `\n(credential request refused: ${refused.reason})` : ''}`,
      {
        provider: target.account?.provider ?? null,
        account: target.account,
      },
    )
    return { ...c, stderr: run.stderr.slice(-4000) }
  }

  // A private folder for what operations share: the write-probe repository and CA files written from PEM.
  let scratch: Promise<string> | null = null
  const scratchDir = (): Promise<string> => (scratch ??= mkdtemp(join(tmpdir(), 'gitkeys-ops-')))
  let probe: Promise<Result<string, AppError>> | null = null

  /** One local repository with one empty commit, made once and reused by every write probe. */
  function probeRepo(): Promise<Result<string, AppError>> {
    probe ??= (async () => {
      const dir = join(await scratchDir(), 'probe')
      // Both steps go ahead of queued runs: every write probe waits on them (a doctor run queues all tests first).
      const init = await deps.runner.run({ args: ['init', '-q', '--', dir], timeoutMs: 10_000, urgent: true })
      const commit = init.ok
        ? await deps.runner.run({
            args: [
              '-c',
              'user.name=GitKeys',
              '-c',
              'user.email=write-probe@gitkeys.invalid',
              'commit',
              '-q',
              '--allow-empty',
              '-m',
              'GitKeys write probe (never pushed)',
            ],
            cwd: dir,
            timeoutMs: 10_000,
            urgent: true,
          })
        : init
      if (!commit.ok) {
        probe = null
        return err(
          appError('git_failed', 'Could not prepare the write probe locally.', {
            hint: commit.stderr.slice(0, 200),
          }),
        )
      }
      return ok(dir)
    })()
    return probe
  }

  /** A CA given as PEM text is written once (by content) to the private folder and handed to git as a path. */
  async function caPathOf(r: Repository): Promise<string | null> {
    if (r.caCertPath) return r.caCertPath
    if (!r.caCertPem) return null
    const file = join(
      await scratchDir(),
      `ca-${createHash('sha256').update(r.caCertPem).digest('hex').slice(0, 16)}.pem`,
    )
    await writeFile(file, r.caCertPem, { mode: 0o600 })
    return file
  }

  const network = async (target: Target, remote: Remote) => {
    const proxy = deps.proxy?.() ?? null
    return {
      origin: remote.origin,
      caCertPath: await caPathOf(target.repository),
      insecureSkipTls: target.repository.insecureSkipTls,
      proxy: proxy?.url ?? null,
      noProxy: proxy?.noProxy ?? null,
    }
  }

  return {
    /** ls-remote: proves the network path, authentication, the repository and the branch in one round trip. */
    async testConnection(target: Target, signal?: AbortSignal): Promise<Result<ConnectionResult, AppError>> {
      const p = prepare(target)
      if (!p.ok) return p
      const { remote, grant } = p.value
      const run = await deps.runner.run({
        args: ['ls-remote', '--heads', '--', remote.url],
        grant,
        network: await network(target, remote),
        allowHttp: remote.protocol === 'http',
        timeoutMs: t.connectMs,
        idleTimeoutMs: Math.min(t.idleMs, t.connectMs),
        signal,
      })
      if (run.ended === 'cancelled') return err(appError('cancelled', 'The test was cancelled.'))
      if (!run.ok) {
        const failure = failureOf(run, target, t.connectMs)
        return ok({
          ok: false,
          hops: hopsFor(
            hopOf(failure.category, false),
            { [hopOf(failure.category, false)]: failure.title },
            false,
          ),
          failure,
          ms: run.ms,
          branches: [],
        })
      }
      const branches = run.stdout
        .split('\n')
        .map((l) => /\trefs\/heads\/(.+)$/.exec(l)?.[1])
        .filter((b): b is string => Boolean(b))
      const branch = target.repository.branch
      const has = branches.includes(branch)
      const failure: Failure | null = has
        ? null
        : {
            category: 'branch_not_found',
            title: `Branch “${branch}” does not exist on the remote`,
            detail: branches.length
              ? `The remote has ${branches.length} branch${branches.length === 1 ? '' : 'es'}: ${branches.slice(0, 8).join(', ')}${branches.length > 8 ? '…' : ''}.`
              : 'The remote repository is empty. Flipt creates the branch with its first commit.',
            fixes: branches.length
              ? [
                  {
                    label: `Use one of the existing branches (${branches.slice(0, 3).join(', ')})`,
                    action: { kind: 'set_field', subject: 'branch', value: branches[0] ?? 'main' },
                  },
                ]
              : [{ label: 'Keep the branch: Flipt pushes an initial commit to an empty repository.' }],
            stderr: '',
          }
      return ok({
        ok: has,
        hops: hopsFor(
          has ? null : 'branch',
          {
            host: remote.host,
            auth: target.account ? `as ${target.username}` : 'anonymous',
            repository: 'found',
            branch: has ? branch : `${branch} missing`,
          },
          false,
        ),
        failure,
        ms: run.ms,
        branches,
      })
    },

    /** `push --dry-run` of a throwaway ref: proves push rights without writing anything. */
    async writeProbe(target: Target, signal?: AbortSignal): Promise<Result<ConnectionResult, AppError>> {
      const p = prepare(target)
      if (!p.ok) return p
      const { remote, grant } = p.value
      const dir = await probeRepo()
      if (!dir.ok) return dir
      const ref = `refs/heads/gitkeys-write-probe-${randomBytes(4).toString('hex')}`
      const run = await deps.runner.run({
        args: ['push', '--dry-run', '--porcelain', '--', remote.url, `HEAD:${ref}`],
        cwd: dir.value,
        grant,
        network: await network(target, remote),
        allowHttp: remote.protocol === 'http',
        timeoutMs: t.connectMs,
        idleTimeoutMs: Math.min(t.idleMs, t.connectMs),
        signal,
      })
      if (run.ended === 'cancelled') return err(appError('cancelled', 'The probe was cancelled.'))
      if (run.ok)
        return ok({
          ok: true,
          hops: hopsFor(null, { write: 'push allowed (dry run, nothing written)' }, true),
          failure: null,
          ms: run.ms,
          branches: [],
        })
      const failure = failureOf(run, target, t.connectMs)
      const hop = hopOf(failure.category, true)
      return ok({
        ok: false,
        hops: hopsFor(hop, { [hop]: failure.title }, true),
        failure,
        ms: run.ms,
        branches: [],
      })
    },

    /**
     * Clones into a hidden sibling of the destination and renames it into place only on success, so
     * a cancelled or failed clone leaves nothing that looks complete (security.md vectors 40-42).
     */
    async clone(
      target: Target,
      onProgress: (p: GitProgress) => void,
      signal?: AbortSignal,
    ): Promise<Result<OperationResult, AppError>> {
      const p = prepare(target)
      if (!p.ok) return p
      const dest = target.repository.localPath
      const checked = await checkDestination(dest)
      if (!checked.ok) return checked
      const { remote, grant } = p.value
      const staging = join(checked.value.parent, `.gitkeys-clone-${randomBytes(6).toString('hex')}`)
      const run = await deps.runner.run({
        args: ['clone', '--progress', '--branch', target.repository.branch, '--', remote.url, staging],
        grant,
        network: await network(target, remote),
        allowHttp: remote.protocol === 'http',
        timeoutMs: t.transferMs,
        idleTimeoutMs: t.idleMs,
        signal,
        onProgress,
      })
      if (!run.ok) {
        await rm(staging, { recursive: true, force: true })
        const ended = run.ended === 'cancelled' ? 'cancelled' : run.ended === 'timeout' ? 'timeout' : 'failed'
        return ok({
          ok: false,
          op: 'clone',
          ended,
          failure: ended === 'cancelled' ? null : failureOf(run, target, t.transferMs),
          ms: run.ms,
          summary:
            ended === 'cancelled'
              ? 'Clone cancelled; nothing was left behind.'
              : 'Clone failed; nothing was left behind.',
        })
      }
      try {
        if (checked.value.existsEmpty) await rmdir(checked.value.path)
        await rename(staging, checked.value.path)
      } catch (e: unknown) {
        await rm(staging, { recursive: true, force: true })
        return err(
          appError('io', `The clone finished but could not be moved to ${checked.value.path}.`, {
            hint: e instanceof Error ? e.message : undefined,
          }),
        )
      }
      log.info('cloned', { repository: target.repository.id, ms: run.ms })
      return ok({
        ok: true,
        op: 'clone',
        ended: 'done',
        failure: null,
        ms: run.ms,
        summary: `Cloned into ${checked.value.path}`,
      })
    },

    /** Removes the shared private folder (the probe repository, CA files). */
    async dispose(): Promise<void> {
      const dir = scratch ? await scratch : null
      scratch = null
      probe = null
      if (dir) await rm(dir, { recursive: true, force: true })
    },

    /** fetch / pull (fast-forward only) / push in the bound local path, after checking its origin. */
    async sync(
      op: 'fetch' | 'pull' | 'push',
      target: Target,
      onProgress: (p: GitProgress) => void,
      signal?: AbortSignal,
    ): Promise<Result<OperationResult, AppError>> {
      const p = prepare(target)
      if (!p.ok) return p
      const cwd = target.repository.localPath
      if (!cwd)
        return err(
          appError('invalid_input', 'This repository has no local path yet.', {
            hint: 'Choose a folder and clone it first.',
          }),
        )
      const inside = await deps.runner.run({
        args: ['rev-parse', '--is-inside-work-tree'],
        cwd,
        timeoutMs: 10_000,
      })
      if (!inside.ok || inside.stdout.trim() !== 'true') {
        if (/dubious ownership/i.test(inside.stderr))
          return err(
            appError(
              'conflict',
              `git refuses to work in ${cwd}: it is owned by another user (dubious ownership).`,
              {
                hint: 'Fix the folder’s owner. GitKeys never adds safe.directory exceptions for you.',
              },
            ),
          )
        return err(
          appError('not_found', `${cwd} is not a clone of this repository.`, { hint: 'Clone it first.' }),
        )
      }
      const origin = await deps.runner.run({
        args: ['config', '--get', 'remote.origin.url'],
        cwd,
        timeoutMs: 10_000,
      })
      if (!origin.ok || origin.stdout.trim() === '')
        return err(
          appError('not_found', `${cwd} is not a clone of this repository (it has no origin).`, {
            hint: 'Clone it first.',
          }),
        )
      const local = await deps.runner.run({ args: ['config', '--local', '--list'], cwd, timeoutMs: 10_000 })
      const risky = riskyConfigLines(local.stdout)
      if (risky.length > 0)
        return err(
          appError(
            'conflict',
            `The clone at ${cwd} has configuration that runs commands or redirects credentials: ${[...new Set(risky)].join(', ')}.`,
            {
              hint: `GitKeys will not run git there. Remove them with \`git config --local --unset-all <key>\` if you did not set them yourself.`,
            },
          ),
        )
      const current = remoteOf(origin.stdout.trim())
      if (!current.ok || current.value.url !== p.value.remote.url)
        return err(
          appError('conflict', `The clone at ${cwd} fetches from another remote.`, {
            hint: 'GitKeys only sends this account’s token to the repository you configured. Fix remote.origin.url or choose another folder.',
          }),
        )
      const branch = target.repository.branch
      const args =
        op === 'fetch'
          ? ['fetch', '--progress', '--', 'origin']
          : op === 'pull'
            ? ['pull', '--ff-only', '--progress', '--', 'origin', branch]
            : ['push', '--progress', '--', 'origin', branch]
      const run = await deps.runner.run({
        args,
        cwd,
        grant: p.value.grant,
        network: await network(target, p.value.remote),
        allowHttp: p.value.remote.protocol === 'http',
        timeoutMs: t.transferMs,
        idleTimeoutMs: t.idleMs,
        signal,
        onProgress,
      })
      const ended = run.ok
        ? 'done'
        : run.ended === 'cancelled'
          ? 'cancelled'
          : run.ended === 'timeout'
            ? 'timeout'
            : 'failed'
      return ok({
        ok: run.ok,
        op,
        ended,
        failure: run.ok || ended === 'cancelled' ? null : failureOf(run, target, t.transferMs),
        ms: run.ms,
        summary: run.ok ? `${op} finished` : `${op} ${ended}`,
      })
    },
  }
}

/** See {@link createGitOperations}. */
export type GitOperations = ReturnType<typeof createGitOperations>

/** Checks a clone destination: absolute, no UNC, not a symlink, absent or an empty directory, parent exists. */
export async function checkDestination(
  dest: string | null,
): Promise<Result<{ path: string; parent: string; existsEmpty: boolean }, AppError>> {
  const bad = (message: string, hint?: string) =>
    err(appError('invalid_input', message, { hint, issues: [{ path: 'localPath', message }] }))
  if (!dest) return bad('Choose a local folder to clone into.')
  if (findUnsafeChars(dest).length > 0)
    return bad(
      'The folder name contains a control, line-separator or bidi character.',
      'Choose a plain folder name.',
    )
  if (/^(\\\\|\/\/)/.test(dest))
    return bad('Network (UNC) paths are not allowed as clone destinations.', 'Choose a local folder.')
  if (!isAbsolute(dest)) return bad('Use a full folder path.')
  let parent: string
  try {
    parent = await realpath(dirname(dest))
  } catch {
    return bad(`The folder ${dirname(dest)} does not exist.`, 'Create it first or choose another location.')
  }
  const path = join(parent, basename(dest))
  try {
    const st = await lstat(path)
    if (st.isSymbolicLink()) return bad(`${path} is a symbolic link; GitKeys will not clone through it.`)
    if (!st.isDirectory()) return bad(`${path} exists and is not a folder.`)
    if ((await readdir(path)).length > 0)
      return bad(`${path} is not empty; nothing was overwritten.`, 'Choose an empty or new folder.')
    return ok({ path, parent, existsEmpty: true })
  } catch (e: unknown) {
    if ((e as { code?: string }).code !== 'ENOENT') return bad(`${path} cannot be read.`)
    await mkdir(parent, { recursive: true })
    return ok({ path, parent, existsEmpty: false })
  }
}
