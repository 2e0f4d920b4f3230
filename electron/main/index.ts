import { readFile } from 'node:fs/promises'
import { release } from 'node:os'
import { join } from 'node:path'
import { app, BrowserWindow, protocol, session } from 'electron'
import { createDispatcher } from '../services/dispatcher'
import { createServices } from '../services/create-services'
import { createLogger } from '../services/logging/logger'
import { registerIpc } from './ipc/register-ipc'
import { createIpcEventSink } from './ipc/send-event'
import { fileLogSink } from './platform/file-log-sink'
import { APP_SCHEME, APP_START_URL, isAppUrl, mimeType, resolveBundlePath } from './window/app-protocol'
import { CONTENT_SECURITY_POLICY } from './window/csp'
import { installNavigationGuards, installPermissionGuards } from './window/guards'
import { mainWindowOptions } from './window/window-options'

// Composition root: create services → register IPC → create window (ARCHITECTURE.md §2).

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
// Tests (tests/electron) isolate the app data directory; a packaged build ignores the override.
if (!app.isPackaged && process.env.GITKEYS_USER_DATA_DIR)
  app.setPath('userData', process.env.GITKEYS_USER_DATA_DIR)
const isOwnUrl = (url: string): boolean => isAppUrl(url, devServerUrl)

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

let mainWindow: BrowserWindow | null = null

function serveBundle(): void {
  const root = join(import.meta.dirname, '../renderer')
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveBundlePath(root, request.url)
    if (!file) return new Response('Not found', { status: 404 })
    try {
      const body = await readFile(file)
      return new Response(body, {
        headers: { 'content-type': mimeType(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
      })
    } catch {
      return new Response('Not found', { status: 404 })
    }
  })
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(join(import.meta.dirname, '../preload/index.cjs'), app))
  installNavigationGuards(win.webContents, { isAppUrl: isOwnUrl, openExternal: () => undefined })
  if (app.isPackaged) win.webContents.on('devtools-opened', () => win.webContents.closeDevTools())
  win.once('ready-to-show', () => win.show())
  win.on('closed', () => {
    mainWindow = null
  })
  void win.loadURL(devServerUrl ?? APP_START_URL)
  return win
}

async function start(): Promise<void> {
  await app.whenReady()
  const logger = createLogger(fileLogSink(join(app.getPath('userData'), 'logs')))
  installPermissionGuards(session.defaultSession)
  app.on('web-contents-created', (_e, contents) => {
    installNavigationGuards(contents, { isAppUrl: isOwnUrl, openExternal: () => undefined })
  })
  serveBundle()
  const events = createIpcEventSink(() => mainWindow?.webContents ?? null)
  const { handlers } = createServices({
    host: {
      appVersion: app.getVersion(),
      shell: 'electron',
      versions: process.versions,
      os: process.platform,
      arch: process.arch,
      release: release(),
    },
    logger,
  })
  void events
  registerIpc(
    createDispatcher(handlers, logger),
    {
      webContentsId: () => mainWindow?.webContents.id ?? null,
      isAppUrl: isOwnUrl,
    },
    logger,
  )
  mainWindow = createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  void start()
}
