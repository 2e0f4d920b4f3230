import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Logger } from '../logging/logger'
import { formatCredentialAnswer, parseCredentialRequest, unsafeValue } from './credential-protocol'

/** What one operation may hand to git: one secret, for one exact origin. */
export type CredentialGrant = {
  readonly protocol: 'https' | 'http'
  /** Lowercase host with `:port` only when it is not the scheme's default, as git sends it. */
  readonly host: string
  readonly username: string
  readonly secret: string
}

/** What the broker did with each request git made, for diagnosis (never holds the secret). */
export type BrokerEvent = {
  readonly action: string
  readonly protocol: string
  readonly host: string
  readonly username: string | null
  readonly outcome: 'answered' | 'refused' | 'ignored'
  readonly reason: string | null
}

/** How git reaches the broker: git's own `credential-cache` client, or our Node relay (Windows). */
export type HelperLauncher =
  { readonly kind: 'git-cache' } | { readonly kind: 'relay'; readonly command: readonly string[] }

/** One operation's credential session: the git config entries to put in its environment, and its log. */
export type BrokerSession = {
  /** `GIT_CONFIG_*` entries: the user's helper list reset, then ours. Holds no secret. */
  readonly config: ReadonlyArray<readonly [string, string]>
  readonly events: readonly BrokerEvent[]
  close(): Promise<void>
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`

/**
 * git's own cache client as a shell helper that runs it for `get` only: git also calls its helpers
 * with `store` (after every successful request, with the secret) and `erase`, which the broker
 * ignores anyway, so starting a git process to deliver them only costs time (and, for `store`, sends
 * the secret back over the socket). The relay (relay.ts) forwards only `get` the same way.
 */
const cacheHelper = (address: string): string =>
  `!f() { test "$1" = get || exit 0; exec git credential-cache --socket ${shellQuote(address)} get; }; f`

/**
 * The credential broker (ARCHITECTURE.md §5). Per operation it opens a socket at a random path
 * (the one-time nonce) inside a private 0700 directory and speaks git's credential-cache daemon
 * protocol on it, so git's built-in `credential-cache` client is the helper: no token in argv,
 * URLs, git config, environment or files. It answers only a `get` for the exact protocol, host and
 * port of the grant, only while the operation runs, and ignores `store` and `erase`.
 *
 * The directory is shared by the sessions open at the same time (made by the first, removed by the
 * last): each socket keeps its own nonce, and a burst of operations makes one directory, not one each.
 */
export function createCredentialBroker(deps: {
  readonly logger: Logger
  readonly launcher?: HelperLauncher
  readonly platform?: NodeJS.Platform
}) {
  const log = deps.logger.child('broker')
  const platform = deps.platform ?? process.platform
  const launcher: HelperLauncher = deps.launcher ?? { kind: 'git-cache' }
  /** The private folder of the sessions open now, and how many use it. */
  let folder: { readonly path: Promise<string>; users: number } | null = null

  /** Joins (or makes) the private 0700 folder; the returned release removes it after its last user. */
  async function enterFolder(): Promise<{ readonly path: string; release(): Promise<void> }> {
    const f = (folder ??= { path: mkdtemp(join(tmpdir(), 'gk-')), users: 0 })
    f.users++
    const leave = (): boolean => {
      f.users--
      if (f.users > 0) return false
      if (folder === f) folder = null
      return true
    }
    let path: string
    try {
      path = await f.path
    } catch (e: unknown) {
      leave()
      throw e
    }
    let released = false
    return {
      path,
      release: async () => {
        if (released) return
        released = true
        if (leave()) await rm(path, { recursive: true, force: true })
      },
    }
  }

  function decide(grant: CredentialGrant, text: string): { answer: string; event: BrokerEvent } {
    const req = parseCredentialRequest(text)
    const protocol = req.fields.get('protocol') ?? ''
    const host = req.fields.get('host') ?? ''
    const username = req.fields.get('username') ?? null
    const base = { action: req.action, protocol: protocol.slice(0, 20), host: host.slice(0, 253), username }
    const refuse = (reason: string) => ({
      answer: '',
      event: { ...base, outcome: 'refused' as const, reason },
    })
    if (req.action !== 'get')
      return { answer: '', event: { ...base, outcome: 'ignored', reason: `${req.action || 'no'} action` } }
    if (req.malformed) return refuse('malformed request (duplicate keys or non key=value lines)')
    if ([...req.fields.values()].some(unsafeValue))
      return refuse('control character in the request (possible injection)')
    if (host === '' || /[/@\s\\]/.test(host)) return refuse('missing or malformed host')
    if (protocol !== grant.protocol)
      return refuse(`protocol ${protocol || '(none)'} is not ${grant.protocol}`)
    if (host.toLowerCase() !== grant.host)
      return refuse(`host ${host} is not the account's host ${grant.host}`)
    return {
      answer: formatCredentialAnswer(grant.username, grant.secret),
      event: {
        ...base,
        outcome: 'answered',
        reason: username && username !== grant.username ? `URL username "${username}" replaced` : null,
      },
    }
  }

  return {
    /** Opens a session for one git operation. Close it when the operation ends, whatever happened. */
    async open(grant: CredentialGrant): Promise<BrokerSession> {
      const nonce = randomBytes(16).toString('hex')
      const dir = platform === 'win32' ? null : await enterFolder()
      const address = dir ? join(dir.path, nonce) : `\\\\.\\pipe\\gitkeys-${nonce}`
      const events: BrokerEvent[] = []
      const sockets = new Set<Socket>()
      let open = true
      const server: Server = createServer((socket) => {
        sockets.add(socket)
        socket.on('close', () => sockets.delete(socket))
        socket.on('error', () => socket.destroy())
        let text = ''
        socket.setEncoding('utf8')
        socket.on('data', (chunk: string) => {
          text += chunk
          if (text.length > 64 * 1024) socket.destroy()
        })
        socket.on('end', () => {
          if (!open) {
            socket.end()
            return
          }
          const { answer, event } = decide(grant, text)
          events.push(event)
          if (event.outcome === 'refused')
            log.warn('credential request refused', { reason: event.reason ?? '', host: event.host })
          socket.end(answer)
        })
      })
      try {
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject)
          server.listen(address, () => resolve())
        })
      } catch (e: unknown) {
        await dir?.release()
        throw e
      }
      const helper =
        launcher.kind === 'git-cache'
          ? cacheHelper(address)
          : `!${launcher.command.map(shellQuote).join(' ')} --socket ${shellQuote(address)}`
      return {
        config: [
          ['credential.helper', ''],
          ['credential.helper', helper],
          ['credential.interactive', 'false'],
        ],
        events,
        async close() {
          open = false
          for (const s of sockets) s.destroy()
          // Closing a Unix socket server unlinks its socket file, so the nonce is gone at once.
          await new Promise<void>((resolve) => server.close(() => resolve()))
          await dir?.release()
        },
      }
    },
  }
}

/** See {@link createCredentialBroker}. */
export type CredentialBroker = ReturnType<typeof createCredentialBroker>
