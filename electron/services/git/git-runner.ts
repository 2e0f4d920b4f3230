import { simpleGit, type SimpleGitProgressEvent } from 'simple-git'
import { redact } from '@shared/logic/redact'
import type { Logger } from '../logging/logger'
import type { BrokerEvent, CredentialBroker, CredentialGrant } from './credential-broker'
import { baseGitEnv, GIT_ENV_ALLOWED, safetyConfig, withConfig } from './git-env'
import { createOutputBuffer } from './output-buffer'
import { createSemaphore } from './semaphore'

/** The oldest git GitKeys runs with: it carries the CVE-2024-52006 / CVE-2025-48384 fixes on most distros. */
export const MINIMUM_GIT = '2.39.5'

/** What we learn from `git --version`. */
export type GitVersion =
  | {
      readonly found: true
      readonly version: string
      readonly meetsMinimum: boolean
      readonly minimum: string
    }
  | { readonly found: false; readonly reason: string }

/** Progress of a long operation, as git reports it. */
export type GitProgress = {
  readonly stage: string
  readonly percent: number
  readonly processed: number
  readonly total: number
}

/** Per-host network settings: custom CA bundle, TLS verification, proxy. */
export type NetworkSettings = {
  readonly origin: string
  readonly caCertPath?: string | null
  readonly insecureSkipTls?: boolean
  readonly proxy?: string | null
  /** Hosts that bypass the proxy (curl's NO_PROXY syntax). */
  readonly noProxy?: string | null
}

/** One git invocation. User values in `args` must already sit after `--` (the operations ensure it). */
export type GitRun = {
  readonly args: readonly string[]
  readonly cwd?: string
  readonly grant?: CredentialGrant
  readonly network?: NetworkSettings
  readonly timeoutMs: number
  readonly idleTimeoutMs?: number
  readonly signal?: AbortSignal
  readonly onProgress?: (p: GitProgress) => void
  readonly allowHttp?: boolean
  readonly extraConfig?: ReadonlyArray<readonly [string, string]>
  /** Goes ahead of the waiting runs: a short local step that other runs wait on (the write-probe repository). */
  readonly urgent?: boolean
}

/** How a run ended. stderr is redacted; the broker log says what git asked for. */
export type GitRunResult = {
  readonly ok: boolean
  readonly ended: 'exit' | 'timeout' | 'cancelled' | 'spawn_error'
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
  readonly broker: readonly BrokerEvent[]
}

/** Compares dotted version strings numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0)
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/**
 * simple-git options for one instance. Unsafe flags are enabled only for what the broker design
 * needs: GIT_CONFIG_COUNT (to carry config without argv), credential.helper (to reset the user's
 * helpers and install ours), askpass (we set GIT_ASKPASS and core.askPass to empty, which turns
 * every askpass fallback off) and fsmonitor (we set core.fsmonitor=false so a repository's own
 * fsmonitor command never runs, security.md vector 31). We only ever set these keys to safe values.
 */
function gitOptions(
  timeoutMs: number,
  extra: { baseDir?: string; abort?: AbortSignal; progress?: (e: SimpleGitProgressEvent) => void },
) {
  return {
    ...(extra.baseDir ? { baseDir: extra.baseDir } : {}),
    ...(extra.abort ? { abort: extra.abort } : {}),
    ...(extra.progress ? { progress: extra.progress } : {}),
    timeout: { block: timeoutMs },
    allowEnvironment: GIT_ENV_ALLOWED,
    unsafe: {
      allowUnsafeAskPass: true,
      allowUnsafeConfigEnvCount: true,
      allowUnsafeCredentialHelper: true,
      allowUnsafeFsMonitor: true,
    },
  }
}

/** Runs `git --version` (really) and reports whether it meets {@link MINIMUM_GIT}. */
export async function gitVersion(parentEnv: NodeJS.ProcessEnv = process.env): Promise<GitVersion> {
  try {
    const out = await simpleGit(gitOptions(10_000, {})).env(baseGitEnv(parentEnv)).raw(['--version'])
    const m = /git version (\d+(?:\.\d+)+)/.exec(out)
    if (!m?.[1]) return { found: false, reason: `Unexpected answer from git: ${out.trim().slice(0, 80)}` }
    const version = m[1]
    return {
      found: true,
      version,
      minimum: MINIMUM_GIT,
      meetsMinimum: compareVersions(version, MINIMUM_GIT) >= 0,
    }
  } catch (e: unknown) {
    const msg = e instanceof Error ? e.message : String(e)
    return {
      found: false,
      reason: /ENOENT|not found/i.test(msg) ? 'git is not installed or not on PATH.' : msg.slice(0, 200),
    }
  }
}

/**
 * The only choke point for git (ARCHITECTURE.md §5): one simple-git instance per operation, an
 * allow-listed environment, credentials only through the broker, a total deadline and an idle
 * timeout, cancellation, progress, stderr kept (redacted) for diagnosis, and a concurrency limit.
 */
export function createGitRunner(deps: {
  readonly broker: CredentialBroker
  readonly env: NodeJS.ProcessEnv
  readonly logger: Logger
  readonly maxConcurrent?: number
}) {
  const log = deps.logger.child('git')
  const limit = createSemaphore(deps.maxConcurrent ?? 8)

  async function runNow(run: GitRun): Promise<GitRunResult> {
    const started = Date.now()
    const ac = new AbortController()
    let ended: GitRunResult['ended'] = 'exit'
    const onAbort = (): void => {
      ended = 'cancelled'
      ac.abort()
    }
    if (run.signal?.aborted)
      return { ok: false, ended: 'cancelled', stdout: '', stderr: '', ms: 0, broker: [] }
    run.signal?.addEventListener('abort', onAbort, { once: true })
    const deadline = setTimeout(() => {
      ended = 'timeout'
      ac.abort()
    }, run.timeoutMs)
    const idleMs = run.idleTimeoutMs ?? Math.min(run.timeoutMs, 30_000)
    const session = run.grant ? await deps.broker.open(run.grant) : null
    const secrets = run.grant ? [run.grant.secret] : []
    let stdout = ''
    // Head and tail, bounded: git's last lines (`fatal: …`) are what diagnosis needs.
    const errOut = createOutputBuffer({ secrets })
    try {
      const config = [
        ...(session?.config ?? [['credential.helper', ''] as const]),
        ...safetyConfig(idleMs / 1000),
        ...networkConfig(run.network),
        ...(run.extraConfig ?? []),
      ]
      const base = baseGitEnv(deps.env, { allowHttp: run.allowHttp })
      if (run.network?.proxy) {
        // The loopback never goes through a configured proxy (like the API client); the user's list adds to it.
        const bypass = [run.network.noProxy, LOOPBACK_NO_PROXY].filter(Boolean).join(',')
        base.NO_PROXY = bypass
        base.no_proxy = bypass
      }
      const env = withConfig(base, config)
      const git = simpleGit(
        gitOptions(idleMs, {
          baseDir: run.cwd,
          abort: ac.signal,
          progress: run.onProgress
            ? (e) =>
                run.onProgress?.({
                  stage: e.stage,
                  percent: e.progress,
                  processed: e.processed,
                  total: e.total,
                })
            : undefined,
        }),
      )
        .env(env)
        .outputHandler((_cmd, out, err) => {
          out.on('data', (d: Buffer) => {
            if (stdout.length < 4_000_000) stdout += d.toString('utf8')
          })
          err.on('data', (d: Buffer) => {
            errOut.push(d)
          })
        })
      await git.raw([...run.args])
      return {
        ok: true,
        ended: 'exit',
        stdout,
        stderr: errOut.text(),
        ms: Date.now() - started,
        broker: session?.events ?? [],
      }
    } catch (e: unknown) {
      const kind = e instanceof Error && /timeout/i.test(e.message) && ended === 'exit' ? 'timeout' : ended
      const stderr = errOut.text()
      const fallback = e instanceof Error && stderr === '' ? e.message : ''
      log.info('git failed', { op: run.args[0] ?? '', ended: kind, ms: Date.now() - started })
      return {
        ok: false,
        ended: /ENOENT|spawn/.test(fallback) ? 'spawn_error' : kind,
        stdout,
        stderr: redact(stderr || fallback, secrets),
        ms: Date.now() - started,
        broker: session?.events ?? [],
      }
    } finally {
      clearTimeout(deadline)
      run.signal?.removeEventListener('abort', onAbort)
      await session?.close()
    }
  }

  return {
    /** Runs git under the concurrency limit. */
    run: (run: GitRun): Promise<GitRunResult> => limit.run(() => runNow(run), run.urgent === true),
    /** The running and waiting counts. */
    load: limit.load,
  }
}

/** See {@link createGitRunner}. */
export type GitRunner = ReturnType<typeof createGitRunner>

/** Hosts that never use a configured proxy. */
const LOOPBACK_NO_PROXY = 'localhost,127.0.0.1,::1'

function networkConfig(n: NetworkSettings | undefined): Array<readonly [string, string]> {
  if (!n) return []
  const scope = `http.${n.origin.replace(/\/?$/, '/')}`
  const out: Array<readonly [string, string]> = []
  if (n.caCertPath) out.push([`${scope}.sslCAInfo`, n.caCertPath])
  if (n.insecureSkipTls) out.push([`${scope}.sslVerify`, 'false'])
  if (n.proxy) out.push([`${scope}.proxy`, n.proxy])
  return out
}
