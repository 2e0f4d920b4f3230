import { isIP } from 'node:net'
import { isLoopbackHost } from '@shared/logic/host'

/**
 * Which proxy a request goes through (ARCHITECTURE.md §5, issue 4 "corporate networks"): a
 * configured proxy URL, else the `https_proxy` / `http_proxy` / `all_proxy` environment variables
 * (lowercase first, as curl and therefore git read them), minus the hosts `NO_PROXY` lists.
 */

/** Proxy settings: a configured URL (wins over the environment), a NO_PROXY list, and the environment. */
export type ProxySettings = {
  readonly proxy?: string | null
  readonly noProxy?: string | null
  readonly env?: NodeJS.ProcessEnv
}

/** A usable proxy: where it listens and the Basic credentials from its userinfo (never printed). */
export type ProxyEndpoint = {
  readonly host: string
  readonly port: number
  /** `user:password`, percent-decoded, or null. */
  readonly auth: string | null
  /** The proxy URL with any password replaced by `***`, for messages. */
  readonly display: string
}

/** The decision for one URL. */
export type ProxyChoice =
  | { readonly kind: 'direct'; readonly reason: 'none' | 'no_proxy' | 'loopback' }
  | { readonly kind: 'proxy'; readonly proxy: ProxyEndpoint }
  | { readonly kind: 'invalid'; readonly message: string }

const envOf = (env: NodeJS.ProcessEnv, ...names: string[]): string | null => {
  for (const n of names) {
    const v = env[n]
    if (typeof v === 'string' && v.trim() !== '') return v.trim()
  }
  return null
}

/** Shows a proxy URL with the password hidden. */
export function displayProxy(raw: string): string {
  return raw.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)?([^@/]*)@/i,
    (_m, scheme: string | undefined, info: string) => {
      const user = info.split(':')[0] ?? ''
      return `${scheme ?? ''}${user ? `${user}:***` : '***'}@`
    },
  )
}

/** Parses a proxy URL; a bare `host:port` means http, as in curl. Only http proxies are supported. */
export function parseProxyUrl(raw: string): ProxyEndpoint | { readonly error: string } {
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`
  const display = displayProxy(text)
  let u: URL
  try {
    u = new URL(text)
  } catch {
    return { error: `the proxy address ${display} is not a URL` }
  }
  if (u.protocol !== 'http:')
    return {
      error: `the proxy ${display} uses ${u.protocol.replace(':', '')}; only http:// proxies are supported`,
    }
  if (!u.hostname) return { error: `the proxy address ${display} has no host` }
  const auth =
    u.username || u.password ? `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}` : null
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : 80,
    auth,
    display,
  }
}

function ipv4ToInt(ip: string): number | null {
  const parts = ip.split('.')
  if (parts.length !== 4) return null
  let n = 0
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null
    n = n * 256 + Number(p)
  }
  return n
}

function cidrMatch(host: string, entry: string): boolean {
  const [base, bitsText] = entry.split('/')
  const bits = Number(bitsText)
  const a = ipv4ToInt(host)
  const b = ipv4ToInt(base ?? '')
  if (a === null || b === null || !Number.isInteger(bits) || bits < 0 || bits > 32) return false
  if (bits === 0) return true
  const shift = 32 - bits
  return Math.floor(a / 2 ** shift) === Math.floor(b / 2 ** shift)
}

/**
 * True when NO_PROXY says to go direct for `host:port`. Entries are separated by commas or
 * spaces: `*` (everything), an exact host, a domain that also covers its subdomains (`example.com`,
 * `.example.com`, `*.example.com`), an IPv4 CIDR block, each optionally with `:port`.
 */
export function noProxyMatches(list: string, host: string, port: number): boolean {
  const h = host
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
  for (const raw of list.split(/[\s,]+/)) {
    let entry = raw.trim().toLowerCase()
    if (entry === '') continue
    if (entry === '*') return true
    let entryPort: number | null = null
    const portMatch = /^(.*[^:]):(\d+)$/.exec(entry)
    if (portMatch && !entry.startsWith('[') && (portMatch[1] ?? '').split(':').length === 1) {
      entry = portMatch[1] ?? ''
      entryPort = Number(portMatch[2])
    } else if (/^\[.*\]:\d+$/.test(entry)) {
      const close = entry.lastIndexOf(']')
      entryPort = Number(entry.slice(close + 2))
      entry = entry.slice(1, close)
    }
    entry = entry.replace(/^\[|\]$/g, '')
    if (entryPort !== null && entryPort !== port) continue
    if (entry.includes('/')) {
      if (cidrMatch(h, entry)) return true
      continue
    }
    const domain = entry.replace(/^\*?\./, '').replace(/\.$/, '')
    if (domain === '') continue
    if (h === domain) return true
    if (isIP(h) === 0 && h.endsWith(`.${domain}`)) return true
  }
  return false
}

/** Decides the proxy for a URL. Loopback hosts always go direct: a proxy cannot reach them. */
export function chooseProxy(url: URL, settings: ProxySettings): ProxyChoice {
  const env = settings.env ?? {}
  const https = url.protocol === 'https:'
  const raw =
    settings.proxy ??
    (https
      ? envOf(env, 'https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY')
      : envOf(env, 'http_proxy', 'HTTP_PROXY', 'all_proxy', 'ALL_PROXY'))
  if (!raw) return { kind: 'direct', reason: 'none' }
  const port = url.port ? Number(url.port) : https ? 443 : 80
  if (isLoopbackHost(url.hostname)) return { kind: 'direct', reason: 'loopback' }
  const noProxy = settings.noProxy ?? envOf(env, 'no_proxy', 'NO_PROXY')
  if (noProxy && noProxyMatches(noProxy, url.hostname, port)) return { kind: 'direct', reason: 'no_proxy' }
  const parsed = parseProxyUrl(raw)
  if ('error' in parsed) return { kind: 'invalid', message: parsed.error }
  return { kind: 'proxy', proxy: parsed }
}
