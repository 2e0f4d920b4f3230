import { normalizeHostPort } from '../providers/url-parts'

/**
 * Normalises a host as typed by a person: lowercase, IDN to punycode, default ports dropped.
 * Returns null for anything that is not a bare host[:port] (schemes, paths, userinfo, spaces).
 */
export function normalizeHost(input: string): string | null {
  const raw = input.trim()
  if (raw === '' || /[\s/@\\?#]/.test(raw) || raw.includes('://')) return null
  let u: URL
  try {
    u = new URL(`https://${raw}`)
  } catch {
    return null
  }
  if (u.username || u.password || u.pathname !== '/' || u.search || u.hash) return null
  if (!/^[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/.test(u.hostname)) return null
  const host = u.port ? `${u.hostname}:${u.port}` : u.hostname
  // Remote URLs are compared in normalizeHostPort's form; a host it refuses (`a..b`, `-a.com`) could never match one.
  return normalizeHostPort(host) === host ? host : null
}

/** True for the loopback hosts where plain http is allowed (local mirrors and tests): exactly 127.0.0.1, ::1, localhost. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/:\d+$/, '')
  return h === 'localhost' || h === '127.0.0.1' || h === '[::1]'
}
