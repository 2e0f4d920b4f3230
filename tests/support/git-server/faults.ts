import { createServer, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { Owned } from './lifecycle'
import { listenLoopback, stopServer } from './lifecycle'
import type { WireReply } from './provider-texts'
import type { Fault, FaultRule, GitService, RequestRecord } from './types'

/** The request facts a fault rule matches on. */
export type FaultTarget = {
  readonly method: string
  readonly path: string
  readonly service: GitService | null
}

/** Faults that replace the answer before authentication. */
export type PreAuthFault = Extract<Fault, { kind: 'hang' | 'status500' | 'hugeStderr' | 'redirect' }>
/** Faults that act on the real answer after authentication. */
export type PostAuthFault = Extract<Fault, { kind: 'slowDrip' | 'truncate' | 'reset' | 'redirect' }>

const PRE_AUTH = new Set<Fault['kind']>(['hang', 'status500', 'hugeStderr'])
const isPreAuth = (f: Fault) => PRE_AUTH.has(f.kind) || (f.kind === 'redirect' && f.when === 'beforeAuth')
const PACK_ONLY = new Set<Fault['kind']>(['truncate', 'reset'])

/** A truncate/reset rule with no narrowing waits for an answer that carries a pack, and cuts inside it. */
export const seeksPack = (rule: FaultRule) =>
  PACK_ONLY.has(rule.kind) && !rule.path && !rule.service && !rule.method

function matches(rule: FaultRule, t: FaultTarget): boolean {
  if (rule.method && rule.method !== t.method) return false
  if (rule.service && rule.service !== t.service) return false
  if (seeksPack(rule) && (t.method !== 'POST' || t.service !== 'git-upload-pack')) return false
  if (rule.path === undefined) return true
  return typeof rule.path === 'string' ? t.path.includes(rule.path) : rule.path.test(t.path)
}

/** Holds the rules and counts uses, so `times` limits work. */
export function createFaultBook(initial: readonly FaultRule[]) {
  let rules = [...initial]
  let used = new Map<FaultRule, number>()
  const take = (t: FaultTarget, pre: boolean): FaultRule | null => {
    for (const rule of rules) {
      if (isPreAuth(rule) !== pre || !matches(rule, t)) continue
      const n = used.get(rule) ?? 0
      if (rule.times !== undefined && n >= rule.times) continue
      used.set(rule, n + 1)
      return rule
    }
    return null
  }
  return {
    set(next: readonly FaultRule[]) {
      rules = [...next]
      used = new Map()
    },
    preAuth: (t: FaultTarget) => take(t, true) as (PreAuthFault & FaultRule) | null,
    postAuth: (t: FaultTarget) => take(t, false) as (PostAuthFault & FaultRule) | null,
    /** Gives a use back, for a pack-seeking rule whose answer carried no pack. */
    refund(rule: FaultRule) {
      used.set(rule, Math.max(0, (used.get(rule) ?? 1) - 1))
    },
  }
}

/** The canned answer of a `status500` or `hugeStderr` fault. */
export function faultReply(f: Extract<Fault, { kind: 'status500' | 'hugeStderr' }>): WireReply {
  if (f.kind === 'status500')
    return { status: 500, headers: { 'content-type': 'text/plain' }, body: 'Internal Server Error\n' }
  return {
    status: f.status ?? 403,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: hugeBody(f.lines ?? 5000),
  }
}

/** A long `remote:` body: each line looks like a server log line, about 120 bytes. */
export function hugeBody(lines: number): string {
  const out: string[] = []
  for (let i = 0; i < lines; i++)
    out.push(
      `noise ${String(i).padStart(6, '0')}: the upstream service logged a very long diagnostic line here`.padEnd(
        118,
        '.',
      ),
    )
  return `${out.join('\n')}\n`
}

/** Where the body of a real answer goes: straight to the client, or through a fault. */
export type BodySink = { write(chunk: Buffer): void; end(): void }

/** Where to cut: `afterBytes`, else half way through the pack (pack-seeking rules) or the body; null: no pack. */
function cutPoint(all: Buffer, fault: PostAuthFault & FaultRule): number | null {
  if (fault.kind !== 'truncate' && fault.kind !== 'reset') return null
  if (fault.afterBytes !== undefined) return Math.min(all.length, fault.afterBytes)
  if (!seeksPack(fault)) return Math.floor(all.length / 2)
  const pack = all.indexOf('PACK')
  return pack < 0 ? null : pack + Math.floor((all.length - pack) / 2)
}

/**
 * Passes the body through, or buffers it and then drips, truncates or resets as the fault says.
 * `refund` is called when a pack-seeking fault met an answer without a pack (it passes unharmed).
 */
export function bodySink(
  res: ServerResponse,
  fault: (PostAuthFault & FaultRule) | null,
  owned: Owned,
  refund: () => void,
): BodySink {
  if (!fault || fault.kind === 'redirect')
    return { write: (c) => void res.write(c), end: () => void res.end() }
  const parts: Buffer[] = []
  return {
    write: (c) => void parts.push(c),
    end() {
      const all = Buffer.concat(parts)
      if (fault.kind === 'slowDrip') {
        const step = Math.max(1, fault.bytes ?? 32)
        let at = 0
        const tick = owned.interval(() => {
          if (res.destroyed || at >= all.length) {
            clearInterval(tick)
            if (!res.destroyed) res.end()
            return
          }
          res.write(all.subarray(at, at + step))
          at += step
        }, fault.everyMs ?? 20)
        return
      }
      const cut = cutPoint(all, fault)
      if (cut === null) {
        refund()
        res.end(all)
        return
      }
      if (fault.kind === 'truncate') {
        res.end(all.subarray(0, cut))
        return
      }
      // resetAndDestroy sends a TCP RST, so the client sees "Connection reset by peer".
      res.write(all.subarray(0, cut), () => res.socket?.resetAndDestroy())
    },
  }
}

/**
 * The second origin that redirects point at: it records every request (Authorization presence,
 * header names; never values) and answers a 401 challenge or a 404.
 */
export async function startRedirectTarget(owned: Owned) {
  const requests: RequestRecord[] = []
  const sockets = new Set<Socket>()
  let respond: 'challenge' | 'notFound' = 'challenge'
  const server = createServer((req, res) => {
    owned.touch()
    const url = new URL(req.url ?? '/', 'http://x')
    const auth = req.headers.authorization
    const status = respond === 'challenge' ? 401 : 404
    requests.push({
      seq: requests.length + 1,
      origin,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.search.slice(1),
      service: null,
      authScheme: auth ? 'other' : 'none',
      authorizationPresent: auth !== undefined,
      username: null,
      passwordMatched: false,
      credentialIndex: null,
      headerNames: Object.keys(req.headers),
      status,
      outcome: 'redirect-target',
    })
    req.resume()
    if (status === 401) res.writeHead(401, { 'www-authenticate': 'Basic realm="elsewhere"' }).end()
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n')
  })
  const origin = await listenLoopback(server, sockets)
  return {
    origin,
    requests,
    respondWith(mode: 'challenge' | 'notFound') {
      respond = mode
    },
    stop: () => stopServer(server, sockets),
  }
}
