import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClassifier } from '../services/diagnostics/classify'
import { createCredentialBroker, type HelperLauncher } from '../services/git/credential-broker'
import { createGitOperations, type Timeouts } from '../services/git/git-operations'
import { createGitRunner } from '../services/git/git-runner'
import { createLogger, type LogRecord, type LogSink } from '../services/logging/logger'
import { createRepositoryProber } from '../services/probes/repository-prober'
import type { CliIo } from './io'

/** What the CLI composition needs beyond the io. */
export type CliEngineOptions = {
  /** Log to stderr (redacted). Off by default: the CLI is silent but for its answer. */
  readonly verbose: boolean
  readonly timeouts?: Partial<Timeouts>
  readonly maxConcurrent?: number
  /** Secrets of this run (resolved env references): the logger scrubs them too. */
  readonly secrets?: () => readonly string[]
}

/** A log sink writing one line per record to stderr. */
function stderrSink(io: CliIo): LogSink {
  return {
    write(r: LogRecord) {
      const fields = r.fields
        ? ` ${Object.entries(r.fields)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(' ')}`
        : ''
      io.stderr(`[${r.time}] ${r.level} ${r.scope}: ${r.message}${fields}\n`)
    },
  }
}

/**
 * How git reaches the credential broker: git's own credential-cache client on Unix; on Windows
 * (no Unix sockets in git's cache client) the bundled Node relay beside this file.
 */
export function helperLauncher(platform: NodeJS.Platform = process.platform): HelperLauncher {
  if (platform !== 'win32') return { kind: 'git-cache' }
  const here = dirname(fileURLToPath(import.meta.url))
  return { kind: 'relay', command: [process.execPath, join(here, 'credential-relay.js')] }
}

/**
 * The CLI's composition root (ARCHITECTURE.md §8): the same services the app uses, without
 * Electron. git runs only through the git runner with the credential broker, with this process's
 * environment, so HTTPS_PROXY / NO_PROXY apply (the API prober's HTTP client reads the same
 * variables the same way).
 */
export function createCliEngine(io: CliIo, opts: CliEngineOptions) {
  const sink: LogSink = opts.verbose ? stderrSink(io) : { write: () => undefined }
  const logger = createLogger(sink, 'cli', opts.secrets ?? (() => []))
  const broker = createCredentialBroker({ logger, launcher: helperLauncher() })
  const runner = createGitRunner({
    broker,
    env: io.env,
    logger,
    ...(opts.maxConcurrent ? { maxConcurrent: opts.maxConcurrent } : {}),
  })
  const operations = createGitOperations({
    runner,
    classify: createClassifier(),
    logger,
    ...(opts.timeouts ? { timeouts: opts.timeouts } : {}),
  })
  return {
    logger,
    runner,
    operations,
    repositories: createRepositoryProber({ operations }),
    /** Removes the engine's private temp folder (the write-probe repository). */
    dispose: () => operations.dispose(),
  }
}

/** See {@link createCliEngine}. */
export type CliEngine = ReturnType<typeof createCliEngine>
