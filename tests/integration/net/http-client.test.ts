import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type AddressInfo } from 'node:net'
import { createHttpClient } from '../../../electron/services/net/http-client'
import { createLogger, memorySink } from '../../../electron/services/logging/logger'
import {
  makePki,
  opensslWorks,
  startHttp,
  startHttps,
  startProxy,
  type TestPki,
  type TestProxy,
  type TestServer,
} from './net-fixtures'

const HAVE_OPENSSL = opensslWorks()

/** A port nothing listens on (bound, read, closed). */
async function closedPort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r))
  const port = (s.address() as AddressInfo).port
  await new Promise<void>((r) => s.close(() => r()))
  return port
}

describe.skipIf(!HAVE_OPENSSL)('http client: TLS with a private CA', () => {
  let pki: TestPki
  let server: TestServer
  beforeAll(async () => {
    pki = makePki()
    server = await startHttps(pki, (req, res) => {
      if (req.url === '/big') return void res.end('x'.repeat(200_000))
      if (req.url === '/hang') return
      if (req.url === '/moved') return void res.writeHead(302, { location: '/user' }).end()
      res.writeHead(200, { 'content-type': 'application/json', 'x-oauth-scopes': 'repo, workflow' })
      res.end(JSON.stringify({ login: 'octo', path: req.url }))
    })
  })
  afterAll(async () => {
    await server.close()
    pki.dispose()
  })

  it('rejects the private CA by default, with the tls_certificate category', async () => {
    const r = await createHttpClient().request({ url: `${server.origin}/user` })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.category).toBe('tls_certificate')
      expect(r.error.code).toMatch(/SELF_SIGNED|UNABLE_TO/)
    }
  })

  it('accepts it with the CA as PEM text for that host, added to the default roots', async () => {
    const http = createHttpClient({
      tlsFor: (h) => (h === `127.0.0.1:${server.port}` ? { caCertPem: pki.caPem } : undefined),
    })
    const r = await http.request({ url: `${server.origin}/user`, headers: { authorization: 'Bearer t' } })
    expect(r.ok && r.value.status).toBe(200)
    if (r.ok) {
      expect(JSON.parse(r.value.body)).toEqual({ login: 'octo', path: '/user' })
      expect(r.value.headers['x-oauth-scopes']).toBe('repo, workflow')
      expect(r.value.insecure).toBe(false)
      expect(r.value.via).toBe('direct')
    }
    expect(server.seen.at(-1)?.authorization).toBe('Bearer t')
  })

  it('accepts it with the CA as a file path given per request; the other host setting does not leak', async () => {
    const http = createHttpClient({ tlsFor: () => undefined })
    const r = await http.request({
      url: `https://localhost:${server.port}/x`,
      tls: { caCertPath: pki.caPath },
    })
    expect(r.ok && r.value.status).toBe(200)
  })

  it('an unreadable or empty CA bundle is a tls_certificate failure that names the file', async () => {
    const http = createHttpClient()
    const r1 = await http.request({ url: `${server.origin}/`, tls: { caCertPath: '/nonexistent/ca.pem' } })
    expect(!r1.ok && r1.error).toMatchObject({ category: 'tls_certificate', code: 'CA_UNREADABLE' })
    const r2 = await http.request({ url: `${server.origin}/`, tls: { caCertPem: 'not a certificate' } })
    expect(!r2.ok && r2.error.category).toBe('tls_certificate')
  })

  it('insecureSkipTls connects anyway, flags the response and logs a warning once', async () => {
    const sink = memorySink()
    const http = createHttpClient({ tlsFor: () => ({ insecureSkipTls: true }), logger: createLogger(sink) })
    const a = await http.request({ url: `${server.origin}/a` })
    const b = await http.request({ url: `${server.origin}/b` })
    expect(a.ok && a.value.insecure).toBe(true)
    expect(b.ok && b.value.status).toBe(200)
    expect(sink.records.filter((r) => r.level === 'warn')).toHaveLength(1)
  })

  it('follows a same-origin redirect, caps the body size, and times out a silent server', async () => {
    const http = createHttpClient({ tlsFor: () => ({ caCertPem: pki.caPem }) })
    const moved = await http.request({ url: `${server.origin}/moved` })
    expect(moved.ok && moved.value.url).toBe(`${server.origin}/user`)
    const big = await http.request({ url: `${server.origin}/big`, maxBytes: 1000 })
    expect(big.ok && big.value.truncated).toBe(true)
    expect(big.ok && big.value.body.length).toBe(1000)
    const started = Date.now()
    const hang = await http.request({ url: `${server.origin}/hang`, timeoutMs: 400 })
    expect(!hang.ok && hang.error).toMatchObject({ category: 'network_dns', code: 'TIMEOUT' })
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('an AbortSignal cancels a request in flight', async () => {
    const http = createHttpClient({ tlsFor: () => ({ caCertPem: pki.caPem }) })
    const ac = new AbortController()
    const pending = http.request({ url: `${server.origin}/hang`, signal: ac.signal, timeoutMs: 10_000 })
    setTimeout(() => ac.abort(), 50)
    const r = await pending
    expect(!r.ok && r.error.code).toBe('CANCELLED')
  })
})

describe.skipIf(!HAVE_OPENSSL)('http client: proxies and NO_PROXY', () => {
  let pki: TestPki
  let server: TestServer
  let open: TestProxy
  let authed: TestProxy
  let refusing: TestProxy
  beforeAll(async () => {
    pki = makePki()
    server = await startHttps(pki, (_req, res) => void res.writeHead(200).end('{"ok":true}'))
    open = await startProxy()
    authed = await startProxy({ requireAuth: 'alice:s3cr3t-pw' })
    refusing = await startProxy({ refuse: true })
  })
  afterAll(async () => {
    await Promise.all([server.close(), open.close(), authed.close(), refusing.close()])
    pki.dispose()
  })
  const apiUrl = () => `https://api.example.test:${server.port}/user`
  const tlsFor = () => ({ caCertPem: pki.caPem })

  it('tunnels https through a configured proxy with CONNECT; the name is resolved by the proxy, not here', async () => {
    const before = open.seen.length
    const r = await createHttpClient({ proxy: open.url, tlsFor }).request({ url: apiUrl() })
    expect(r.ok && r.value.status).toBe(200)
    expect(r.ok && r.value.via).toBe('proxy')
    expect(open.seen.slice(before)).toEqual([
      { target: `api.example.test:${server.port}`, proxyAuthorization: null },
    ])
  })

  it('sends Basic proxy credentials from the proxy URL userinfo', async () => {
    const r = await createHttpClient({
      proxy: `http://alice:s3cr3t-pw@127.0.0.1:${authed.port}`,
      tlsFor,
    }).request({
      url: apiUrl(),
    })
    expect(r.ok && r.value.status).toBe(200)
    expect(authed.seen.at(-1)?.proxyAuthorization).toBe(
      `Basic ${Buffer.from('alice:s3cr3t-pw').toString('base64')}`,
    )
  })

  it('a 407 is a proxy failure whose message never shows the proxy password', async () => {
    const r = await createHttpClient({
      proxy: `http://alice:wrong-pw@127.0.0.1:${authed.port}`,
      tlsFor,
    }).request({
      url: apiUrl(),
    })
    expect(!r.ok && r.error).toMatchObject({ category: 'proxy', code: 'PROXY_407' })
    expect(JSON.stringify(r)).not.toContain('wrong-pw')
    expect(JSON.stringify(r)).toContain('alice:***@')
  })

  it('a refused CONNECT and an unreachable proxy are proxy failures', async () => {
    const refused = await createHttpClient({ proxy: refusing.url, tlsFor }).request({ url: apiUrl() })
    expect(!refused.ok && refused.error).toMatchObject({ category: 'proxy', code: 'PROXY_502' })
    const down = await createHttpClient({ proxy: `http://127.0.0.1:${await closedPort()}`, tlsFor }).request({
      url: apiUrl(),
    })
    expect(!down.ok && down.error).toMatchObject({ category: 'proxy', code: 'ECONNREFUSED' })
  })

  it('a certificate that does not name the host fails as tls_certificate through the tunnel', async () => {
    const r = await createHttpClient({ proxy: open.url, tlsFor }).request({
      url: `https://other.example.test:${server.port}/`,
    })
    expect(!r.ok && r.error).toMatchObject({
      category: 'tls_certificate',
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    })
  })

  it('reads HTTPS_PROXY and prefers the lowercase https_proxy, as curl does', async () => {
    const before = open.seen.length
    const env = { HTTPS_PROXY: refusing.url, https_proxy: open.url }
    const r = await createHttpClient({ env, tlsFor }).request({ url: apiUrl() })
    expect(r.ok && r.value.via).toBe('proxy')
    expect(open.seen.length).toBe(before + 1)
    const upper = await createHttpClient({ env: { HTTPS_PROXY: refusing.url }, tlsFor }).request({
      url: apiUrl(),
    })
    expect(!upper.ok && upper.error.code).toBe('PROXY_502')
  })

  it.each([
    ['exact host', 'api.example.test'],
    ['leading-dot suffix', '.example.test'],
    ['wildcard suffix', '*.example.test'],
    ['star', '*'],
    ['host with the right port', 'api.example.test:PORT'],
    ['a list with spaces', 'intranet.corp, api.example.test'],
  ])('NO_PROXY %s goes direct (and then fails to resolve the test name here)', async (_name, entry) => {
    const before = refusing.seen.length
    const env = { https_proxy: refusing.url, NO_PROXY: entry.replace('PORT', String(server.port)) }
    const r = await createHttpClient({ env, tlsFor, timeoutMs: 5000 }).request({ url: apiUrl() })
    expect(refusing.seen.length).toBe(before)
    expect(!r.ok && r.error.category).toBe('network_dns')
  })

  it.each([
    ['another host', 'example.org'],
    ['a partial label', 'ample.test'],
    ['another port', 'api.example.test:1'],
  ])('NO_PROXY %s still uses the proxy', async (_name, entry) => {
    const r = await createHttpClient({ env: { https_proxy: open.url, no_proxy: entry }, tlsFor }).request({
      url: apiUrl(),
    })
    expect(r.ok && r.value.via).toBe('proxy')
  })

  it('loopback targets never go through the proxy', async () => {
    const r = await createHttpClient({ proxy: refusing.url, tlsFor }).request({ url: `${server.origin}/` })
    expect(r.ok && r.value.via).toBe('direct')
  })

  it('a proxy with an unsupported scheme is reported, not bypassed', async () => {
    const r = await createHttpClient({ proxy: 'socks5://127.0.0.1:1080', tlsFor }).request({ url: apiUrl() })
    expect(!r.ok && r.error).toMatchObject({ category: 'proxy', code: 'PROXY_INVALID' })
  })
})

describe('http client: transport policy and network errors', () => {
  let server: TestServer
  let other: TestServer
  beforeAll(async () => {
    other = await startHttp((_req, res) => void res.writeHead(401).end())
    server = await startHttp((req, res) => {
      if (req.url === '/away') return void res.writeHead(301, { location: `${other.origin}/user` }).end()
      res.writeHead(200).end('ok')
    })
  })
  afterAll(async () => {
    await Promise.all([server.close(), other.close()])
  })

  it('allows plain http only to loopback hosts', async () => {
    const http = createHttpClient()
    const local = await http.request({ url: `${server.origin}/` })
    expect(local.ok && local.value.body).toBe('ok')
    const remote = await http.request({ url: 'http://api.example.test/user' })
    expect(!remote.ok && remote.error.code).toBe('INSECURE_URL')
    const creds = await http.request({ url: `http://u:p@127.0.0.1:${server.port}/` })
    expect(!creds.ok && creds.error.code).toBe('BAD_URL')
  })

  it('never follows a redirect to another origin, so the token is not sent there', async () => {
    const r = await createHttpClient().request({
      url: `${server.origin}/away`,
      headers: { authorization: 'Bearer secret-token' },
    })
    expect(r.ok && r.value.status).toBe(301)
    expect(r.ok && r.value.redirectedTo).toBe(other.origin)
    expect(other.seen).toEqual([])
  })

  it('maps a refused connection and an unknown host to network_dns', async () => {
    const refused = await createHttpClient().request({ url: `http://127.0.0.1:${await closedPort()}/` })
    expect(!refused.ok && refused.error).toMatchObject({ category: 'network_dns', code: 'ECONNREFUSED' })
    const dns = await createHttpClient({ timeoutMs: 5000 }).request({ url: 'https://no-such-host.invalid/' })
    expect(!dns.ok && dns.error.category).toBe('network_dns')
  })
})
