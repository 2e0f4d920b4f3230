import { createServer } from 'node:http'
import type { Socket } from 'node:net'
import { createFaultBook, faultReply } from '../git-server/faults'
import { createOwned, listenLoopback, stopServer } from '../git-server/lifecycle'
import type {
  AzureBadCredentials,
  CredentialSpec,
  FaultRule,
  Flavor,
  RequestRecord,
} from '../git-server/types'
import { createApiHandler } from './api-handler'

/** Options of {@link startProviderApi}; `F` is inferred from `flavor` so credential kinds type-check. */
export type ProviderApiOptions<F extends Flavor = Flavor> = {
  readonly flavor: F
  readonly credentials: readonly CredentialSpec<F>[]
  /** Repository names the provider has (`acme/widgets`), for repository and installation endpoints. */
  readonly repos?: readonly string[]
  readonly azureBadCredentials?: AzureBadCredentials
  /** Version reported by Gitea `/api/v1/version` and Bitbucket DC application-properties. */
  readonly version?: string
  /** Only `hang`, `status500` and `hugeStderr` apply to API calls. */
  readonly faults?: readonly FaultRule[]
  readonly idleTimeoutMs?: number
  readonly maxLifetimeMs?: number
}

/** A running introspection API emulator on 127.0.0.1. */
export type ProviderApi = {
  readonly flavor: Flavor
  /** `http://127.0.0.1:PORT`; put any prefix (GHES `/api/v3`, GitLab relative root, Azure org) after it. */
  readonly origin: string
  readonly requests: readonly RequestRecord[]
  setFaults(rules: readonly FaultRule[]): void
  readonly closed: Promise<void>
  close(): Promise<void>
}

/**
 * Starts the flavor's online-introspection emulator (providers.md §5) alone on its own origin, as
 * api.github.com or api.bitbucket.org are separate hosts. For self-hosted shapes (GHES `/api/v3`,
 * GitLab `/api/v4`, Gitea `/api/v1`, Bitbucket DC `/rest`, Azure `/{org}/_apis`) the git server can
 * serve the same handler on its own origin with `api: true`.
 */
export async function startProviderApi<F extends Flavor>(opts: ProviderApiOptions<F>): Promise<ProviderApi> {
  const sockets = new Set<Socket>()
  const requests: RequestRecord[] = []
  const faults = createFaultBook(opts.faults ?? [])
  const stoppers: Array<() => Promise<void>> = []
  const owned = await createOwned({
    prefix: `gitkeys-api-${opts.flavor}-`,
    idleMs: opts.idleTimeoutMs,
    maxLifetimeMs: opts.maxLifetimeMs,
    onClose: async () => void (await Promise.all(stoppers.map((s) => s()))),
  })
  const handler = createApiHandler({ ...opts, credentials: opts.credentials })
  let origin = ''

  const server = createServer((req, res) => {
    owned.touch()
    const url = new URL(req.url ?? '/', origin)
    const record: RequestRecord = {
      seq: requests.length + 1,
      origin,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search.slice(1),
      service: null,
      authScheme: 'none',
      authorizationPresent: req.headers.authorization !== undefined,
      username: null,
      passwordMatched: false,
      credentialIndex: null,
      headerNames: Object.keys(req.headers),
      status: 0,
      outcome: 'pending',
    }
    requests.push(record)
    res.on('close', () => void (record.status = res.headersSent ? res.statusCode : 0))
    const fault = faults.preAuth({ method: record.method, path: url.pathname, service: null })
    if (fault?.kind === 'hang') {
      record.outcome = 'hang'
      return
    }
    if (fault && fault.kind !== 'redirect') {
      record.outcome = fault.kind
      req.resume()
      const reply = faultReply(fault)
      res.writeHead(reply.status, reply.headers as Record<string, string>).end(reply.body)
      return
    }
    const fields = handler(req, res, url)
    if (fields) Object.assign(record, fields)
    else {
      record.outcome = 'unknown_endpoint'
      req.resume()
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}')
    }
  })
  origin = await listenLoopback(server, sockets)
  stoppers.push(() => stopServer(server, sockets))

  return {
    flavor: opts.flavor,
    origin,
    requests,
    setFaults: (rules) => faults.set(rules),
    closed: owned.closed,
    close: owned.close,
  }
}
