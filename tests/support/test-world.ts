import { mkdtemp, rm } from 'node:fs/promises'
import { release, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { EventName, EventPayloadOf } from '@shared/ipc/contract'
import { createDispatcher, type Dispatcher } from '../../electron/services/dispatcher'
import { createServices } from '../../electron/services/create-services'
import type { EventSink } from '../../electron/services/events'
import { createLogger, type LogRecord, type LogSink } from '../../electron/services/logging/logger'
import { appendFileSync, mkdirSync } from 'node:fs'

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

/** A JSON-lines log file sink, as the app writes one (so canary sweeps can grep it). */
function fileSink(dir: string): LogSink & { readonly records: LogRecord[] } {
  mkdirSync(dir, { recursive: true })
  const records: LogRecord[] = []
  return {
    records,
    write(r) {
      records.push(r)
      appendFileSync(join(dir, 'gitkeys.log'), `${JSON.stringify(r)}\n`)
    },
  }
}

/** Everything a test needs: isolated dirs, the real services and their dispatcher. */
export type TestWorld = {
  readonly root: string
  readonly home: string
  readonly appData: string
  readonly env: NodeJS.ProcessEnv
  readonly dispatcher: Dispatcher
  readonly events: ReturnType<typeof forwardingEventSink>
  readonly logs: LogRecord[]
  dispose(): Promise<void>
}

/** Creates a world in a fresh temp directory; git is isolated from the developer's own config. */
export async function createTestWorld(): Promise<TestWorld> {
  const root = await mkdtemp(join(tmpdir(), 'gitkeys-test-'))
  const home = join(root, 'home')
  const appData = join(root, 'app-data')
  mkdirSync(home, { recursive: true })
  mkdirSync(appData, { recursive: true })
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
  }
  const sink = fileSink(join(appData, 'logs'))
  const logger = createLogger(sink)
  const events = forwardingEventSink()
  const { handlers } = createServices({
    host: {
      appVersion: '0.1.0',
      shell: 'bridge',
      versions: process.versions,
      os: process.platform,
      arch: process.arch,
      release: release(),
    },
    logger,
  })
  return {
    root,
    home,
    appData,
    env,
    dispatcher: createDispatcher(handlers, logger),
    events,
    logs: sink.records,
    dispose: () => rm(root, { recursive: true, force: true }),
  }
}
