import type { ChildProcess } from 'node:child_process'
import { rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import type { Server } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Everything a test server owns that must go when it closes: sockets, children, timers, its temp dir. */
export type Owned = {
  readonly dir: string
  track(child: ChildProcess): void
  timer(fn: () => void, ms: number): NodeJS.Timeout
  interval(fn: () => void, ms: number): NodeJS.Timeout
  /** Call on every request: pushes back the idle deadline. */
  touch(): void
  readonly closed: Promise<void>
  isClosed(): boolean
  close(): Promise<void>
}

/**
 * Kills a child we spawned as a process-group leader (`detached: true`) together with its own
 * children (http-backend → receive-pack → hooks), by its id only.
 */
function killGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    child.kill('SIGKILL')
  }
}

/** Synchronous clean-ups of servers still open when the process ends before close() ran. */
const atExit = new Set<() => void>()
let exitHookInstalled = false

function runExitCleanups(): void {
  for (const fn of atExit) fn()
  atExit.clear()
}

/**
 * Vitest ends fork workers with SIGTERM, which skips 'exit' handlers. On SIGTERM we clean up, drop
 * our listener and re-raise the signal, so the process still terminates the default way.
 */
function onSigterm(): void {
  runExitCleanups()
  process.removeListener('SIGTERM', onSigterm)
  if (process.listenerCount('SIGTERM') === 0) process.kill(process.pid, 'SIGTERM')
}

function onProcessExit(cleanup: () => void): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true
    process.once('exit', runExitCleanups)
    process.on('SIGTERM', onSigterm)
  }
  atExit.add(cleanup)
  return () => atExit.delete(cleanup)
}

/** Lifetime defaults: a forgotten server closes itself (unref'd timers never keep Node alive). */
export const DEFAULT_IDLE_MS = 5 * 60_000
/** See {@link DEFAULT_IDLE_MS}. */
export const DEFAULT_MAX_LIFETIME_MS = 15 * 60_000

/** Listens on 127.0.0.1 port 0 only, and unrefs the server and each accepted socket. */
export async function listenLoopback(server: Server, sockets: Set<Socket>): Promise<string> {
  server.on('connection', (socket: Socket) => {
    socket.unref()
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  server.unref()
  const { port } = server.address() as AddressInfo
  return `http://127.0.0.1:${port}`
}

/** Stops a server: destroys its sockets (hung ones included) and waits for the listener to close. */
export async function stopServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy()
  sockets.clear()
  await new Promise<void>((resolve) => server.close(() => resolve()))
}

/**
 * Creates the owned-resources registry with a temp directory. `onClose` runs once (from `close()`,
 * the idle timer or the lifetime timer) before children are killed and the directory removed.
 */
export async function createOwned(opts: {
  prefix: string
  idleMs?: number
  maxLifetimeMs?: number
  onClose: () => Promise<void>
}): Promise<Owned> {
  const dir = await mkdtemp(join(tmpdir(), opts.prefix))
  const children = new Set<ChildProcess>()
  const timers = new Set<NodeJS.Timeout>()
  let closing: Promise<void> | null = null
  let markClosed: () => void = () => undefined
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve
  })
  const idleMs = opts.idleMs ?? DEFAULT_IDLE_MS

  const forgetExitHook = onProcessExit(() => {
    for (const c of children) killGroup(c)
    rmSync(dir, { recursive: true, force: true })
  })
  const close = (): Promise<void> => {
    closing ??= (async () => {
      forgetExitHook()
      clearTimeout(idle)
      clearTimeout(life)
      for (const t of timers) clearTimeout(t)
      timers.clear()
      await opts.onClose().catch(() => undefined)
      for (const c of children) killGroup(c)
      children.clear()
      await rm(dir, { recursive: true, force: true, maxRetries: 3 })
      markClosed()
    })()
    return closing
  }
  const expire = () => void close()
  let idle = setTimeout(expire, idleMs).unref()
  const life = setTimeout(expire, opts.maxLifetimeMs ?? DEFAULT_MAX_LIFETIME_MS).unref()

  return {
    dir,
    track(child) {
      children.add(child)
      child.once('exit', () => children.delete(child))
    },
    timer(fn, ms) {
      const t = setTimeout(() => {
        timers.delete(t)
        fn()
      }, ms).unref()
      timers.add(t)
      return t
    },
    interval(fn, ms) {
      const t = setInterval(fn, ms).unref()
      timers.add(t)
      return t
    },
    touch() {
      if (closing) return
      clearTimeout(idle)
      idle = setTimeout(expire, idleMs).unref()
    },
    closed,
    isClosed: () => closing !== null,
    close,
  }
}
