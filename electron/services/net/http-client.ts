import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { connect as netConnect, isIP, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import { isLoopbackHost } from '@shared/logic/host'
import { err, ok, type Result } from '@shared/result'
import type { Logger } from '../logging/logger'
import { connectFailure, failureOf, timeoutFailure, type NetFailure, type NetStage } from './net-errors'
import { chooseProxy, type ProxyEndpoint, type ProxySettings } from './proxy-config'
import { trustFor, type TlsSettings, type TlsTrust } from './tls-settings'

export type { NetFailure } from './net-errors'
export type { TlsSettings } from './tls-settings'

/** One API call. Only GET and HEAD: probes never change anything on the server. */
export type HttpRequest = {
  readonly url: string
  readonly method?: 'GET' | 'HEAD'
  readonly headers?: Readonly<Record<string, string>>
  readonly timeoutMs?: number
  readonly signal?: AbortSignal
  /** TLS settings for this call; otherwise the client's per-host settings apply. */
  readonly tls?: TlsSettings
  readonly maxBytes?: number
}

/** An HTTP answer. Header names are lowercase; repeated headers are joined with ", ". */
export type HttpResponse = {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  /** The body was longer than the size cap and was cut there. */
  readonly truncated: boolean
  /** The URL that answered (same-origin redirects are followed). */
  readonly url: string
  /** The origin of a cross-origin redirect, which is never followed with the credentials. */
  readonly redirectedTo: string | null
  readonly ms: number
  readonly via: 'direct' | 'proxy'
  /** Certificate verification was off for this host (`insecureSkipTls`). */
  readonly insecure: boolean
}

/** Client settings: proxy (configured or from the environment), per-host TLS, limits. */
export type HttpClientOptions = ProxySettings & {
  /** TLS settings per `host[:port]` (the URL's `host`). */
  readonly tlsFor?: (host: string) => TlsSettings | undefined
  readonly timeoutMs?: number
  readonly maxBytes?: number
  readonly maxRedirects?: number
  readonly logger?: Logger
}

type Answer = {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: string
  readonly truncated: boolean
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])

const flatten = (res: IncomingMessage): Record<string, string> => {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(res.headers)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v
  }
  return out
}

const bare = (hostname: string): string => hostname.replace(/^\[|\]$/g, '')

type AttemptInput = {
  readonly url: URL
  readonly method: 'GET' | 'HEAD'
  readonly headers: Readonly<Record<string, string>>
  readonly trust: TlsTrust
  readonly proxy: ProxyEndpoint | null
  readonly timeoutMs: number
  readonly maxBytes: number
  readonly signal: AbortSignal | undefined
}

/** One request/response on a fresh connection (direct, or tunnelled through the proxy with CONNECT). */
function attempt(a: AttemptInput): Promise<Result<Answer, NetFailure>> {
  return new Promise((resolve) => {
    const { url, proxy } = a
    const host = bare(url.hostname)
    const https = url.protocol === 'https:'
    const port = url.port ? Number(url.port) : https ? 443 : 80
    const owned: Array<ClientRequest | Socket> = []
    let stage: NetStage = proxy ? 'proxy' : 'target'
    let settled = false
    const finish = (r: Result<Answer, NetFailure>): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      a.signal?.removeEventListener('abort', onAbort)
      for (const o of owned) o.destroy()
      resolve(r)
    }
    const fail = (e: unknown): void =>
      finish(err(failureOf(e, stage, stage === 'proxy' && proxy ? proxy.display : url.host)))
    const timer = setTimeout(
      () => finish(err(timeoutFailure(url.host, a.timeoutMs, proxy !== null))),
      Math.max(1, a.timeoutMs),
    )
    const onAbort = (): void =>
      finish(err({ category: 'other', code: 'CANCELLED', message: 'The request was cancelled.' }))
    if (a.signal?.aborted) return onAbort()
    a.signal?.addEventListener('abort', onAbort, { once: true })

    const secure = (socket?: Socket): Socket => {
      const s = tlsConnect({
        ...(socket ? { socket } : { port }),
        host,
        ...(isIP(host) === 0 ? { servername: host } : {}),
        ...(a.trust.ca ? { ca: a.trust.ca } : {}),
        rejectUnauthorized: a.trust.rejectUnauthorized,
      })
      owned.push(s)
      return s
    }

    const send = (connection: () => Socket): void => {
      stage = 'target'
      const req = httpRequest({
        method: a.method,
        path: `${url.pathname}${url.search}`,
        headers: { ...a.headers, host: url.host, connection: 'close' },
        createConnection: connection,
      })
      owned.push(req)
      req.on('error', fail)
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        let size = 0
        const answer = (truncated: boolean): Answer => ({
          status: res.statusCode ?? 0,
          headers: flatten(res),
          body: Buffer.concat(chunks).toString('utf8'),
          truncated,
        })
        res.on('data', (c: Buffer) => {
          if (settled) return
          if (size + c.length > a.maxBytes) {
            chunks.push(c.subarray(0, a.maxBytes - size))
            size = a.maxBytes
            finish(ok(answer(true)))
            return
          }
          chunks.push(c)
          size += c.length
        })
        res.on('end', () => finish(ok(answer(false))))
        res.on('error', fail)
      })
      req.end()
    }

    if (!proxy) {
      send(() => {
        if (https) return secure()
        const s = netConnect(port, host)
        owned.push(s)
        return s
      })
      return
    }
    const target = `${url.hostname}:${port}`
    const connect = httpRequest({
      method: 'CONNECT',
      path: target,
      headers: {
        host: target,
        ...(proxy.auth
          ? { 'proxy-authorization': `Basic ${Buffer.from(proxy.auth).toString('base64')}` }
          : {}),
      },
      createConnection: () => {
        const s = netConnect(proxy.port, proxy.host)
        owned.push(s)
        return s
      },
    })
    owned.push(connect)
    connect.on('error', fail)
    connect.on('connect', (res: IncomingMessage, socket: Socket) => {
      owned.push(socket)
      res.resume()
      const status = res.statusCode ?? 0
      if (status < 200 || status > 299) {
        finish(err(connectFailure(status, proxy.display, target)))
        return
      }
      send(() => secure(socket))
    })
    connect.end()
  })
}

/**
 * A small HTTP(S) client for the online probes (no dependencies): a deadline and cancellation per
 * request, a custom CA bundle per host added to Node's roots, an explicit per-host "skip TLS
 * verification", the configured or environment proxy with NO_PROXY (https through a CONNECT
 * tunnel, Basic proxy auth from the proxy URL), a response size cap, and errors mapped to the
 * explainer's categories. Plain http only to loopback hosts. Redirects are followed only within
 * the same origin, so credentials are never sent to another host.
 */
export function createHttpClient(opts: HttpClientOptions = {}) {
  const log = opts.logger?.child('http')
  const env = opts.env ?? {}
  const warned = new Set<string>()

  return {
    /** Sends one GET/HEAD; never throws. */
    async request(req: HttpRequest): Promise<Result<HttpResponse, NetFailure>> {
      const started = performance.now()
      const timeoutMs = req.timeoutMs ?? opts.timeoutMs ?? 15_000
      const deadline = started + timeoutMs
      let url: URL
      try {
        url = new URL(req.url)
      } catch {
        return err({ category: 'other', code: 'BAD_URL', message: 'The API address is not a URL.' })
      }
      if (url.username || url.password)
        return err({ category: 'other', code: 'BAD_URL', message: 'The API address contains credentials.' })
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.host)))
        return err({
          category: 'other',
          code: 'INSECURE_URL',
          message: `GitKeys sends tokens over https only (plain http only to this computer); got ${url.protocol}//${url.host}.`,
        })
      const origin = url.origin
      const headers = { 'user-agent': 'GitKeys', accept: 'application/json', ...req.headers }
      for (let hop = 0; ; hop++) {
        const tls = req.tls ?? opts.tlsFor?.(url.host)
        const trust: TlsTrust | { readonly error: string } =
          url.protocol === 'https:' ? await trustFor(tls, env) : { ca: undefined, rejectUnauthorized: true }
        if ('error' in trust)
          return err({ category: 'tls_certificate', code: 'CA_UNREADABLE', message: trust.error })
        const insecure = url.protocol === 'https:' && !trust.rejectUnauthorized
        if (insecure && !warned.has(url.host)) {
          warned.add(url.host)
          log?.warn('TLS certificate verification is off for this host', { host: url.host })
        }
        const choice = chooseProxy(url, opts)
        if (choice.kind === 'invalid')
          return err({ category: 'proxy', code: 'PROXY_INVALID', message: choice.message })
        const proxy = choice.kind === 'proxy' ? choice.proxy : null
        const r = await attempt({
          url,
          method: req.method ?? 'GET',
          headers,
          trust,
          proxy,
          timeoutMs: deadline - performance.now(),
          maxBytes: req.maxBytes ?? opts.maxBytes ?? 1_048_576,
          signal: req.signal,
        })
        const ms = Math.round(performance.now() - started)
        if (!r.ok) {
          log?.info('request failed', { host: url.host, code: r.error.code, ms })
          return r
        }
        const location = r.value.headers.location
        let next: URL | null = null
        if (REDIRECTS.has(r.value.status) && location) {
          try {
            next = new URL(location, url)
          } catch {
            next = null
          }
        }
        if (next && next.origin === origin && hop < (opts.maxRedirects ?? 5)) {
          url = next
          continue
        }
        log?.info('response', { host: url.host, status: r.value.status, ms, via: proxy ? 'proxy' : 'direct' })
        return ok({
          ...r.value,
          url: url.toString(),
          redirectedTo: next && next.origin !== origin ? next.origin : null,
          ms,
          via: proxy ? 'proxy' : 'direct',
          insecure,
        })
      }
    },
  }
}

/** See {@link createHttpClient}. */
export type HttpClient = ReturnType<typeof createHttpClient>
