import { appendFileSync, mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { release, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EventName, EventPayloadOf } from '@shared/ipc/contract'
import { createTokenAnalyzer } from '../../electron/services/accounts/token-analyzer'
import { createServices, type Services } from '../../electron/services/create-services'
import { createDispatcher, type Dispatcher } from '../../electron/services/dispatcher'
import type { EventSink } from '../../electron/services/events'
import type { Timeouts } from '../../electron/services/git/git-operations'
import { createLogger, type LogRecord, type LogSink } from '../../electron/services/logging/logger'
import { createFileStore } from '../../electron/services/storage/file-store'
import { createAesGcmCipher, type SecretCipher } from '../../electron/services/vault/cipher'
import { aesKey } from './fake-ciphers'
import { isolatedGitEnv } from './git-env'

/** A forwarding event sink: services get it at creation, the transport attaches later. */
export function forwardingEventSink(): EventSink & {
  attach(target: EventSink | null): void
  readonly seen: unknown[]
} {
  let target: EventSink | null = null
  const seen: unknown[] = []
  return {
    seen,
    attach(t) {
      target = t
    },
    emit<E extends EventName>(event: E, payload: EventPayloadOf<E>) {
      seen.push({ event, payload })
      target?.emit(event, payload)
    },
  }
}

/** What the sessions of one world (the first and every restart) share: its services, and its end. */
type Lifetime = { disposed: boolean; readonly sessions: Services[] }

/**
 * A JSON-lines log file sink, as the app writes one (so canary sweeps can grep it). Once the world
 * is disposed and its folder removed, records stay in memory only: a background write that ends
 * later and logs its failure must not throw ENOENT from here.
 */
function fileSink(dir: string, life: Lifetime): LogSink & { readonly records: LogRecord[] } {
  mkdirSync(dir, { recursive: true })
  const records: LogRecord[] = []
  return {
    records,
    write(r) {
      records.push(r)
      if (!life.disposed) appendFileSync(join(dir, 'gitkeys.log'), `${JSON.stringify(r)}\n`)
    },
  }
}

/** Answers a test scripts for the native dialogs, and what the app asked. */
export type ScriptedDialogs = {
  next: string | null
  nextSave: string | null
  nextOpen: string | null
  readonly asked: string[]
}

/** What the app did with the desktop: clipboard writes and opened URLs. */
export type RecordedDesktop = { readonly clipboard: string[]; readonly opened: string[] }

/** Everything a test needs: isolated dirs, the real services and their dispatcher. */
export type TestWorld = {
  readonly root: string
  readonly home: string
  readonly appData: string
  readonly env: NodeJS.ProcessEnv
  readonly dispatcher: Dispatcher
  readonly services: Services
  readonly events: ReturnType<typeof forwardingEventSink>
  readonly logs: LogRecord[]
  readonly dialogs: ScriptedDialogs
  readonly desktop: RecordedDesktop
  /** Native notifications the app sent. */
  readonly notifications: ReadonlyArray<{ readonly title: string; readonly body: string }>
  /** Restarts the services over the same data directory (a new app session). */
  restart(): Promise<TestWorld>
  /** Waits for every session's background writes, then removes the world's folder. */
  dispose(): Promise<void>
}

/** Options for a world: the cipher (a basic_text stand-in, say) and short git timeouts. */
export type WorldOptions = {
  readonly cipher?: SecretCipher
  readonly timeouts?: Partial<Timeouts>
  readonly key?: Buffer
  /** Extra environment for git (a PATH with a recording wrapper, proxies). */
  readonly env?: NodeJS.ProcessEnv
}

async function build(root: string, opts: WorldOptions, key: Buffer, life: Lifetime): Promise<TestWorld> {
  const home = join(root, 'home')
  const appData = join(root, 'app-data')
  mkdirSync(home, { recursive: true })
  mkdirSync(appData, { recursive: true })
  const env = { ...isolatedGitEnv(home), ...opts.env }
  const sink = fileSink(join(appData, 'logs'), life)
  let known: () => readonly string[] = () => []
  const logger = createLogger(sink, 'app', () => known())
  const events = forwardingEventSink()
  const dialogs: ScriptedDialogs = { next: null, nextSave: null, nextOpen: null, asked: [] }
  const desktop: RecordedDesktop = { clipboard: [], opened: [] }
  const notifications: Array<{ title: string; body: string }> = []
  const services = await createServices({
    host: {
      appVersion: '0.1.0',
      shell: 'bridge',
      versions: process.versions,
      os: process.platform,
      arch: process.arch,
      release: release(),
    },
    logger,
    events,
    cipher: opts.cipher ?? createAesGcmCipher(key),
    stores: {
      metadata: createFileStore(join(appData, 'metadata.json')),
      vault: createFileStore(join(appData, 'vault.json')),
      activity: createFileStore(join(appData, 'activity.json')),
    },
    notifier: { notify: (title, body) => void notifications.push({ title, body }) },
    logTail: () => sink.records,
    analyze: createTokenAnalyzer(),
    dialogs: {
      chooseFolder(title) {
        dialogs.asked.push(title)
        return Promise.resolve(dialogs.next)
      },
      saveFile(title) {
        dialogs.asked.push(title)
        return Promise.resolve(dialogs.nextSave)
      },
      openFile(title) {
        dialogs.asked.push(title)
        return Promise.resolve(dialogs.nextOpen)
      },
    },
    desktop: {
      copyText(text) {
        desktop.clipboard.push(text)
        return Promise.resolve()
      },
      openExternal(url) {
        desktop.opened.push(url)
        return Promise.resolve(true)
      },
    },
    env,
    timeouts: { connectMs: 15_000, idleMs: 10_000, transferMs: 60_000, ...opts.timeouts },
  })
  known = services.knownSecrets
  life.sessions.push(services)
  const world: TestWorld = {
    root,
    home,
    appData,
    env,
    dispatcher: createDispatcher(services.handlers, logger),
    services,
    events,
    logs: sink.records,
    dialogs,
    desktop,
    notifications,
    restart: () => build(root, opts, key, life),
    async dispose() {
      // Every session shares the folder: all their pending writes land before it goes.
      for (const s of life.sessions) await s.dispose()
      life.disposed = true
      await rm(root, { recursive: true, force: true, maxRetries: 3 })
    },
  }
  return world
}

/** Creates a world in a fresh temp directory; git is isolated from the developer's own config. */
export async function createTestWorld(opts: WorldOptions = {}): Promise<TestWorld> {
  const root = await mkdtemp(join(tmpdir(), 'gitkeys-test-'))
  return build(root, opts, opts.key ?? aesKey(), { disposed: false, sessions: [] })
}
