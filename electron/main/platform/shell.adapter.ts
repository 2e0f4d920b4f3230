import { shell } from 'electron'

/**
 * Opens a URL in the user's browser (the only `shell` user). Only `https:` is ever opened
 * (security.md vector 10); callers build URLs from the provider catalog, which also pins the host.
 */
export async function openExternal(url: string): Promise<boolean> {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  if (u.protocol !== 'https:' || u.username || u.password) return false
  await shell.openExternal(u.toString())
  return true
}
