import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { join } from 'node:path'
import { createApiHandler } from '../provider-api/api-handler'
import { judge, parseAuthorization, readOnlyReason, type Presented, type Verdict } from './auth-rules'
import { runHttpBackend } from './backend'
import { bodySink, createFaultBook, faultReply, startRedirectTarget } from './faults'
import { normalisePrefix, parseGitRoute, type GitRoute } from './git-route'
import { createOwned, listenLoopback, stopServer } from './lifecycle'
import { refusalReply, type GitRefusal, type ReplyContext, type WireReply } from './provider-texts'
import { buildRepo, repoPathOnDisk } from './repo-factory'
import type { CredentialSpec, Flavor, GitServer, GitServerOptions, RepoSpec, RequestRecord } from './types'

/** Per origin: how many requests arrived and how many carried an Authorization header (vector 26). */
function authorizationByOrigin(records: readonly RequestRecord[]) {
  const out: Record<string, { requests: number; withAuthorization: number }> = {}
  for (const r of records) {
    const o = (out[r.origin] ??= { requests: 0, withAuthorization: 0 })
    o.requests++
    if (r.authorizationPresent) o.withAuthorization++
  }
  return out
}

/** Writes a canned reply (status, headers, body). */
function send(res: ServerResponse, reply: WireReply): void {
  res.writeHead(reply.status, reply.headers as Record<string, string | string[]>)
  res.end(reply.body)
}

/** The record of one request, with secrets reduced to facts. */
function recordOf(
  seq: number,
  origin: string,
  req: IncomingMessage,
  url: URL,
  route: GitRoute | null,
  p: Presented,
  v: Verdict | null,
): RequestRecord {
  const basicUser = p.scheme === 'basic' ? p.username : null
  return {
    seq,
    origin,
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.search.slice(1),
    service: route?.service ?? null,
    authScheme: p.scheme,
    authorizationPresent: req.headers.authorization !== undefined,
    username: v?.tokenInUsername ? '<token>' : basicUser,
    passwordMatched: v !== null && v.index !== null,
    credentialIndex: v?.index ?? null,
    headerNames: Object.keys(req.headers),
    status: 0,
    outcome: 'pending',
  }
}

/**
 * Starts a provider-faithful git smart-HTTP server on 127.0.0.1 (ARCHITECTURE.md §9): real
 * `git http-backend` over bare repositories built from `repos`, behind the flavor's username rules,
 * realms, status codes and wire texts (provider-texts.ts cites each), with optional faults and a
 * second origin for redirects. It closes itself after `idleTimeoutMs` without requests.
 */
export async function startGitServer<F extends Flavor>(opts: GitServerOptions<F>): Promise<GitServer> {
  const flavor: Flavor = opts.flavor
  const creds: readonly CredentialSpec[] = opts.credentials
  const prefix = normalisePrefix(opts.pathPrefix)
  const sockets = new Set<Socket>()
  const requests: RequestRecord[] = []
  const faults = createFaultBook(opts.faults ?? [])
  const stoppers: Array<() => Promise<void>> = []
  const owned = await createOwned({
    prefix: `gitkeys-${flavor}-`,
    idleMs: opts.idleTimeoutMs,
    maxLifetimeMs: opts.maxLifetimeMs,
    onClose: async () => void (await Promise.all(stoppers.map((s) => s()))),
  })
  const projectRoot = join(owned.dir, 'repos')
  const specs = new Map<string, RepoSpec>()
  try {
    for (const spec of opts.repos) {
      specs.set(spec.name, spec)
      await buildRepo(repoPathOnDisk(projectRoot, spec.name), spec, owned.dir)
    }
  } catch (e: unknown) {
    await owned.close()
    throw e
  }

  let latencyMs = opts.latencyMs ?? 0
  const redirect = await startRedirectTarget(owned)
  stoppers.push(redirect.stop)
  let origin = ''
  const api = opts.api
    ? createApiHandler({ ...opts, credentials: creds, repos: opts.repos.map((r) => r.name) })
    : null
  const context = (
    route: GitRoute | null,
    login: string,
    cred: CredentialSpec | undefined,
  ): ReplyContext => ({
    origin,
    repoName: route?.name ?? '',
    service: route?.service ?? null,
    login,
    azureBadCredentials: opts.azureBadCredentials ?? '401',
    githubTexts: opts.githubTexts ?? 'current',
    readOnlyBy: cred ? readOnlyReason(flavor, cred) : 'scope',
  })

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    owned.touch()
    const url = new URL(req.url ?? '/', origin)
    const route = parseGitRoute(flavor, prefix, url.pathname, url.searchParams)
    const presented = parseAuthorization(req.headers.authorization)
    const record = recordOf(requests.length + 1, origin, req, url, route, presented, null)
    requests.push(record)
    res.on('close', () => void (record.status = res.headersSent ? res.statusCode : 0))
    // The simulated round trip: the request is recorded on arrival and handled `latencyMs` later.
    if (latencyMs > 0) await new Promise<void>((resolve) => owned.timer(resolve, latencyMs))
    const finish = (outcome: string, reply?: WireReply) => {
      record.outcome = outcome
      req.resume()
      if (reply) send(res, reply)
    }

    const target = { method: req.method ?? 'GET', path: url.pathname, service: route?.service ?? null }
    const redirectTo = (f: { status?: number; respond?: 'challenge' | 'notFound' }) => {
      redirect.respondWith(f.respond ?? 'challenge')
      const location = `${redirect.origin}${url.pathname}${url.search}`
      return finish('redirect', { status: f.status ?? 301, headers: { location }, body: '' })
    }
    const pre = faults.preAuth(target)
    if (pre?.kind === 'redirect') return redirectTo(pre)
    if (pre?.kind === 'hang') return finish('hang')
    if (pre) return finish(pre.kind, faultReply(pre))

    if (!route) {
      const handled = api?.(req, res, url)
      if (handled) {
        Object.assign(record, handled)
        return
      }
      return finish('not_git', {
        status: 404,
        headers: { 'content-type': 'text/plain' },
        body: 'Not Found\n',
      })
    }

    const spec = specs.get(route.name)
    const anonymousRead = spec?.public === true && route.service !== 'git-receive-pack'
    const verdict = judge(flavor, creds, presented)
    Object.assign(record, recordOf(record.seq, origin, req, url, route, presented, verdict))
    const cred = verdict.index === null ? undefined : creds[verdict.index]
    const refuse = (r: GitRefusal, login = 'fixture-user') =>
      finish(r, refusalReply(flavor, r, context(route, login, cred)))
    if (!verdict.ok && !(anonymousRead && verdict.refusal === 'challenge')) return refuse(verdict.refusal)

    const login = verdict.ok ? verdict.login : null
    if (!spec || (cred?.repos && !cred.repos.includes(route.name)))
      return refuse('not_found', login ?? undefined)
    if (route.service === 'git-receive-pack' && cred?.readOnly) return refuse('read_only', login ?? undefined)

    const post = faults.postAuth(target)
    if (post?.kind === 'redirect') return redirectTo(post)
    record.outcome = post ? post.kind : 'ok'
    await runHttpBackend(
      req,
      res,
      {
        projectRoot,
        pathInfo: `/${spec.name}.git${route.suffix}`,
        query: url.search.slice(1),
        remoteUser: login,
      },
      bodySink(res, post, owned, () => {
        if (post) faults.refund(post)
        record.outcome = 'ok'
      }),
      owned,
    )
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end()
      else res.destroy()
    })
  })
  origin = await listenLoopback(server, sockets)
  stoppers.push(() => stopServer(server, sockets))

  const azure = flavor === 'azure_services' || flavor === 'azure_server'
  return {
    flavor,
    origin,
    url: (repo) => `${origin}${prefix}/${repo}${azure ? '' : '.git'}`,
    repoDir: (repo) => repoPathOnDisk(projectRoot, repo),
    requests,
    redirectTarget: { origin: redirect.origin, requests: redirect.requests },
    authorizationByOrigin: () => authorizationByOrigin([...requests, ...redirect.requests]),
    setFaults: (rules) => faults.set(rules),
    setLatency: (ms) => void (latencyMs = ms),
    closed: owned.closed,
    close: owned.close,
  }
}
