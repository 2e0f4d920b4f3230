import { describe, expect, it, vi } from 'vitest'
import { installNavigationGuards, installPermissionGuards } from '../../../electron/main/window/guards'
import { APP_START_URL, isAppUrl, resolveBundlePath } from '../../../electron/main/window/app-protocol'
import { mainWindowOptions } from '../../../electron/main/window/window-options'
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window/csp'

function fakeContents() {
  const handlers = new Map<string, (...a: unknown[]) => void>()
  let openHandler: ((d: { url: string }) => { action: string }) | null = null
  return {
    on: (e: string, h: (...a: unknown[]) => void) => handlers.set(e, h),
    setWindowOpenHandler: (h: typeof openHandler) => void (openHandler = h),
    fire(e: string, ...args: unknown[]) {
      handlers.get(e)?.(...args)
    },
    open: (url: string) => openHandler?.({ url }),
  }
}
const preventable = () => ({ preventDefault: vi.fn() })

describe('window options', () => {
  it('sandboxes and isolates the renderer, with DevTools off when packaged', () => {
    const w = mainWindowOptions('/x/preload.cjs', { isPackaged: true }).webPreferences
    expect(w).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: '/x/preload.cjs',
    })
    expect(mainWindowOptions('/p', { isPackaged: false }).webPreferences?.devTools).toBe(true)
  })
  it('has a strict CSP', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/)
  })
})

describe('navigation guards (vectors 8, 9, 13)', () => {
  const setup = () => {
    const wc = fakeContents()
    const opened: string[] = []
    installNavigationGuards(wc as never, {
      isAppUrl: (u) => isAppUrl(u),
      openExternal: (u) => opened.push(u),
    })
    return { wc, opened }
  }
  it.each(['will-navigate', 'will-redirect'])(
    '%s away from the app is cancelled, inside is allowed',
    (event) => {
      const { wc } = setup()
      const bad = preventable()
      wc.fire(event, bad, 'https://evil.example/')
      expect(bad.preventDefault).toHaveBeenCalled()
      const good = preventable()
      wc.fire(event, good, APP_START_URL)
      expect(good.preventDefault).not.toHaveBeenCalled()
    },
  )
  it('will-frame-navigate of any frame away from the app is cancelled', () => {
    const { wc } = setup()
    const e = { ...preventable(), url: 'https://evil.example/frame' }
    wc.fire('will-frame-navigate', e)
    expect(e.preventDefault).toHaveBeenCalled()
  })
  it('window.open is always denied', () => {
    const { wc, opened } = setup()
    expect(wc.open('https://evil.example')).toEqual({ action: 'deny' })
    expect(wc.open(APP_START_URL)).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://evil.example', APP_START_URL])
  })
  it('<webview> attachment is prevented', () => {
    const { wc } = setup()
    const e = preventable()
    wc.fire('will-attach-webview', e)
    expect(e.preventDefault).toHaveBeenCalled()
  })
})

describe('permission guards (vector 12)', () => {
  it('denies every request and check', () => {
    let request: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | undefined
    let check: ((wc: unknown, p: string) => boolean) | undefined
    installPermissionGuards({
      setPermissionRequestHandler: (h) => void (request = h),
      setPermissionCheckHandler: (h) => void (check = h),
    })
    for (const p of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const cb = vi.fn()
      request?.(null, p, cb)
      expect(cb).toHaveBeenCalledWith(false)
      expect(check?.(null, p)).toBe(false)
    }
  })
})

describe('app:// protocol (vector 14)', () => {
  it.each(['app://gitkeys/../../etc/passwd', 'app://gitkeys/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the bundle (the URL parser collapses dot segments)',
    (url) => {
      const p = resolveBundlePath('/bundle', url)
      expect(p === null || p.startsWith('/bundle/')).toBe(true)
    },
  )
  it.each([
    'app://gitkeys/..%5c..%5cwindows',
    'app://gitkeys/a/%2e%2e%2f%2e%2e%2fetc',
    'app://gitkeys/a%00.js',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveBundlePath('/bundle', url)).toBeNull()
  })
  it('serves files inside the bundle', () => {
    expect(resolveBundlePath('/bundle', 'app://gitkeys/assets/index.js')).toBe('/bundle/assets/index.js')
    expect(resolveBundlePath('/bundle', 'app://gitkeys/')).toBe('/bundle/index.html')
  })
})
