import { extname, resolve, sep } from 'node:path'

/** The scheme and host the UI is served from: a custom protocol, never file:// (security.md §1 item 18). */
export const APP_SCHEME = 'app'
/** Host part of every app URL. */
export const APP_HOST = 'gitkeys'
/** The window's start URL. */
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`

/** True for URLs of the app's own origin (or the dev server's, during `npm run dev`). */
export function isAppUrl(raw: string, devServerUrl?: string): boolean {
  let u: URL
  try {
    u = new URL(raw)
  } catch {
    return false
  }
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '')
    return true
  if (devServerUrl) {
    try {
      return u.origin === new URL(devServerUrl).origin
    } catch {
      return false
    }
  }
  return false
}

/**
 * Maps an app:// request to a file inside the bundle, or null. Decodes once, rejects traversal,
 * backslashes, NUL and other hosts (security.md vector 14).
 */
export function resolveBundlePath(bundleRoot: string, requestUrl: string): string | null {
  let u: URL
  try {
    u = new URL(requestUrl)
  } catch {
    return null
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(u.pathname)
  } catch {
    return null
  }
  if (
    path.includes('\0') ||
    path.includes('\\') ||
    path.split('/').some((seg) => seg === '..' || seg === '.')
  )
    return null
  if (path === '/' || path === '') path = '/index.html'
  const root = resolve(bundleRoot)
  const full = resolve(root, `.${path}`)
  if (full !== root && !full.startsWith(root + sep)) return null
  return full
}

/** A Content-Type for the few kinds of file the bundle holds. */
export function mimeType(file: string): string {
  const types: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.ico': 'image/x-icon',
    '.woff2': 'font/woff2',
    '.json': 'application/json',
  }
  return types[extname(file).toLowerCase()] ?? 'application/octet-stream'
}
