import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import {
  connect,
  createServer as createNetServer,
  type AddressInfo,
  type Server,
  type Socket,
} from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A throwaway CA and a server certificate it signed, for api.example.test, localhost and 127.0.0.1. */
export type TestPki = {
  readonly dir: string
  readonly caPem: string
  readonly caPath: string
  readonly key: string
  readonly cert: string
  dispose(): void
}

/** True when the `openssl` command works here (the tests generate their CA with it). */
export function opensslWorks(): boolean {
  try {
    return /OpenSSL/i.test(execFileSync('openssl', ['version'], { encoding: 'utf8' }))
  } catch {
    return false
  }
}

/** Generates a CA and a leaf certificate with `openssl` (EC P-256, valid for two days). */
export function makePki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'gitkeys-pki-'))
  const run = (args: string[]): void => void execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  run([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '2',
    '-subj',
    '/CN=GitKeys Test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ])
  run(['req', ...ec, '-keyout', 'srv.key', '-out', 'srv.csr', '-subj', '/CN=api.example.test'])
  writeFileSync(
    join(dir, 'ext.cnf'),
    'subjectAltName=DNS:api.example.test,DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' +
      'keyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n',
  )
  run([
    'x509',
    '-req',
    '-in',
    'srv.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'srv.pem',
    '-days',
    '2',
    '-extfile',
    'ext.cnf',
  ])
  return {
    dir,
    caPem: readFileSync(join(dir, 'ca.pem'), 'utf8'),
    caPath: join(dir, 'ca.pem'),
    key: readFileSync(join(dir, 'srv.key'), 'utf8'),
    cert: readFileSync(join(dir, 'srv.pem'), 'utf8'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  }
}

/** What a test server saw of one request. */
export type SeenRequest = {
  readonly path: string
  readonly authorization: string | null
  readonly host: string
}

/** A local server (https with the test PKI, or http) that records requests and answers with `handler`. */
export type TestServer = {
  readonly port: number
  readonly origin: string
  readonly seen: SeenRequest[]
  close(): Promise<void>
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void

async function listen(server: Server, sockets: Set<Socket>): Promise<number> {
  server.on('connection', (s: Socket) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

const closer = (server: Server, sockets: Set<Socket>) => () =>
  new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy()
    server.close(() => resolve())
  })

/** Serves `handler` on loopback with the server `create` makes, noting each request's path, Authorization and Host. */
async function serve(
  scheme: 'http' | 'https',
  create: (listener: Handler) => Server,
  handler: Handler,
): Promise<TestServer> {
  const seen: SeenRequest[] = []
  const sockets = new Set<Socket>()
  const server = create((req, res) => {
    seen.push({
      path: req.url ?? '',
      authorization: req.headers.authorization ?? null,
      host: req.headers.host ?? '',
    })
    handler(req, res)
  })
  const port = await listen(server, sockets)
  return { port, origin: `${scheme}://127.0.0.1:${port}`, seen, close: closer(server, sockets) }
}

/** Starts an HTTPS server with the test certificate. */
export function startHttps(pki: TestPki, handler: Handler): Promise<TestServer> {
  return serve('https', (l) => createHttpsServer({ key: pki.key, cert: pki.cert }, l), handler)
}

/** Starts a plain HTTP server on loopback. */
export function startHttp(handler: Handler): Promise<TestServer> {
  return serve('http', (l) => createHttpServer(l), handler)
}

/** What the proxy saw of one CONNECT. */
export type SeenConnect = { readonly target: string; readonly proxyAuthorization: string | null }

/** A local CONNECT proxy: records targets and Proxy-Authorization, tunnels every host to 127.0.0.1. */
export type TestProxy = {
  readonly port: number
  readonly url: string
  readonly seen: SeenConnect[]
  close(): Promise<void>
}

/**
 * Starts a CONNECT proxy on 127.0.0.1. Any target host is tunnelled to 127.0.0.1 on the target's
 * port, so tests can use names that do not resolve here (the client must not resolve them itself).
 * `requireAuth` answers 407 unless `Proxy-Authorization: Basic base64(user:pass)` matches;
 * `refuse` answers 502 to every CONNECT.
 */
export async function startProxy(opts: { requireAuth?: string; refuse?: boolean } = {}): Promise<TestProxy> {
  const seen: SeenConnect[] = []
  const sockets = new Set<Socket>()
  const server = createNetServer((client) => {
    let head = ''
    const onData = (d: Buffer): void => {
      head += d.toString('latin1')
      const end = head.indexOf('\r\n\r\n')
      if (end < 0) return
      client.off('data', onData)
      const lines = head.slice(0, end).split('\r\n')
      const [method, target = ''] = (lines[0] ?? '').split(' ')
      const auth = lines.find((l) => /^proxy-authorization:/i.test(l))?.replace(/^[^:]+:\s*/, '') ?? null
      seen.push({ target, proxyAuthorization: auth })
      if (method !== 'CONNECT') return void client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n')
      if (opts.refuse) return void client.end('HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n')
      if (opts.requireAuth && auth !== `Basic ${Buffer.from(opts.requireAuth).toString('base64')}`)
        return void client.end(
          'HTTP/1.1 407 Proxy Authentication Required\r\nproxy-authenticate: Basic realm="test"\r\ncontent-length: 0\r\n\r\n',
        )
      const port = Number(target.split(':').pop())
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        const rest = Buffer.from(head.slice(end + 4), 'latin1')
        if (rest.length > 0) upstream.write(rest)
        client.pipe(upstream).pipe(client)
      })
      upstream.on('error', () => client.destroy())
      client.on('error', () => upstream.destroy())
      sockets.add(upstream)
    }
    client.on('data', onData)
  })
  const port = await listen(server, sockets)
  return { port, url: `http://127.0.0.1:${port}`, seen, close: closer(server, sockets) }
}
