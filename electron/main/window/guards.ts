/**
 * Navigation, window-open, webview and permission guards (security.md §1 items 5, 11-14). Typed over
 * the few members they use, so tests drive them with fake webContents and sessions.
 */

/** An event that can be cancelled. */
export type Preventable = { preventDefault(): void }

/** The webContents members the guards use. */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: Preventable, url: string) => void): unknown
  on(event: 'will-frame-navigate', listener: (e: Preventable & { url: string }) => void): unknown
  on(event: 'will-attach-webview', listener: (e: Preventable) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/** The session members the guards use. */
export interface GuardableSession {
  setPermissionRequestHandler(
    handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void
  setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void
}

/** Cancels every navigation away from the app; `window.open` is denied and at most handed to `openExternal`. */
export function installNavigationGuards(
  contents: GuardableContents,
  deps: { readonly isAppUrl: (url: string) => boolean; readonly openExternal: (url: string) => void },
): void {
  const guard = (e: Preventable, url: string): void => {
    if (!deps.isAppUrl(url)) e.preventDefault()
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-frame-navigate', (e) => guard(e, e.url))
  contents.on('will-attach-webview', (e) => e.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    deps.openExternal(url)
    return { action: 'deny' }
  })
}

/** Denies every permission request and check: GitKeys needs no camera, notifications prompt or clipboard read. */
export function installPermissionGuards(session: GuardableSession): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
