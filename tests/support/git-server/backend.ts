import { spawn } from 'node:child_process'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BodySink } from './faults'
import type { Owned } from './lifecycle'
import { isolatedGitEnv } from './repo-factory'

/** What `git http-backend` needs to serve one request. */
export type BackendRequest = {
  readonly projectRoot: string
  /** `/acme/widgets.git/info/refs`: the path under the project root. */
  readonly pathInfo: string
  readonly query: string
  /** The authenticated login; its presence is what enables receive-pack. */
  readonly remoteUser: string | null
}

/** Splits the CGI header block off the first chunk(s) of output. */
function splitHead(buf: Buffer): { head: string; rest: Buffer } | null {
  const crlf = buf.indexOf('\r\n\r\n')
  const lf = buf.indexOf('\n\n')
  if (crlf < 0 && lf < 0) return null
  const useCrlf = crlf >= 0 && (lf < 0 || crlf < lf)
  const at = useCrlf ? crlf : lf
  return { head: buf.subarray(0, at).toString('latin1'), rest: buf.subarray(at + (useCrlf ? 4 : 2)) }
}

function parseHead(head: string): { status: number; headers: Record<string, string> } {
  let status = 200
  const headers: Record<string, string> = {}
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon < 0) continue
    const name = line.slice(0, colon).trim()
    const value = line.slice(colon + 1).trim()
    if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10) || 500
    else headers[name] = value
  }
  return { status, headers }
}

/**
 * Runs real `git http-backend` for one request (toolchain.md §5): CGI environment from the request,
 * the request body piped to stdin, the CGI header block turned into the HTTP status and headers, the
 * rest streamed into `sink` (which may be a fault). Isolated from any user or system git config.
 */
export function runHttpBackend(
  req: IncomingMessage,
  res: ServerResponse,
  r: BackendRequest,
  sink: BodySink,
  owned: Owned,
): Promise<number> {
  const h = req.headers
  const env: NodeJS.ProcessEnv = {
    ...isolatedGitEnv(owned.dir),
    GIT_PROJECT_ROOT: r.projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    REMOTE_ADDR: req.socket.remoteAddress ?? '127.0.0.1',
    REQUEST_METHOD: req.method ?? 'GET',
    PATH_INFO: r.pathInfo,
    QUERY_STRING: r.query,
    CONTENT_TYPE: h['content-type'] ?? '',
    ...(r.remoteUser !== null && { REMOTE_USER: r.remoteUser }),
    ...(h['content-length'] !== undefined && { CONTENT_LENGTH: h['content-length'] }),
    ...(h['content-encoding'] !== undefined && { HTTP_CONTENT_ENCODING: h['content-encoding'] }),
    ...(h['git-protocol'] !== undefined && { GIT_PROTOCOL: String(h['git-protocol']) }),
  }
  // Its own process group, so close() can take down hooks started under it too.
  const cgi = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true })
  owned.track(cgi)
  req.pipe(cgi.stdin)
  cgi.stdin.on('error', () => undefined)
  cgi.stderr.resume()

  return new Promise((resolve) => {
    let pending: Buffer | null = Buffer.alloc(0)
    let status = 502
    cgi.stdout.on('data', (chunk: Buffer) => {
      if (pending === null) return sink.write(chunk)
      pending = Buffer.concat([pending, chunk])
      const split = splitHead(pending)
      if (!split) return
      pending = null
      const parsed = parseHead(split.head)
      status = parsed.status
      res.writeHead(parsed.status, parsed.headers)
      if (split.rest.length > 0) sink.write(split.rest)
    })
    cgi.on('error', () => undefined)
    cgi.on('close', () => {
      if (pending !== null && !res.headersSent) {
        res.writeHead(502, { 'content-type': 'text/plain' }).end('http-backend gave no answer\n')
        resolve(502)
        return
      }
      sink.end()
      resolve(status)
    })
  })
}
