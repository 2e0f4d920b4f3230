import { readFile } from 'node:fs/promises'
import { release } from 'node:os'
import { join } from 'node:path'
import { app, BrowserWindow, protocol, session } from 'electron'
import { createTokenAnalyzer } from '../services/accounts/token-analyzer'
import { createServices } from '../services/create-services'
import { createDispatcher } from '../services/dispatcher'
import type { HelperLauncher } from '../services/git/credential-broker'
import { createLogger, memorySink, teeSink } from '../services/logging/logger'
import { relay } from '../credential-helper/relay'
import { registerIpc } from './ipc/register-ipc'
import { createIpcEventSink } from './ipc/send-event'
import { copyToClipboard } from './platform/clipboard.adapter'
import { createDialogs } from './platform/dialog.adapter'
import { openExternal } from './platform/shell.adapter'
import { fileLogSink } from './platform/file-log-sink'
import { nativeNotifier } from './platform/notification.adapter'
import { createElectronDocumentStore } from './platform/metadata-store'
import { createSafeStorageCipher } from './platform/safe-storage.adapter'
import { APP_SCHEME, APP_START_URL, isAppUrl, mimeType, resolveBundlePath } from './window/app-protocol'
import { CONTENT_SECURITY_POLICY } from './window/csp'
import { installNavigationGuards, installPermissionGuards } from './window/guards'
import { mainWindowOptions } from './window/window-options'

// Composition root: create services → register IPC → create window (ARCHITECTURE.md §2).

const RELAY_FLAG = '--gitkeys-credential-relay'

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
// Tests (tests/electron) isolate the app data directory; a packaged build ignores the override.
if (!app.isPackaged && process.env.GITKEYS_USER_DATA_DIR)
  app.setPath('userData', process.env.GITKEYS_USER_DATA_DIR)
const isOwnUrl = (url: string): boolean => isAppUrl(url, devServerUrl)

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

/**
 * Where git's own credential-cache client cannot reach the broker (Windows builds of git without
 * Unix sockets), git runs this app in relay mode: the RunAsNode fuse is off, so the app binary relays
 * for itself instead of running as Node.
 */
function helperLauncher(): HelperLauncher | undefined {
  if (process.platform !== 'win32') return undefined
  return {
    kind: 'relay',
    command: [process.execPath, ...(app.isPackaged ? [] : [app.getAppPath()]), RELAY_FLAG],
  }
}

async function start(): Promise<void> {
  await app.whenReady()
  const userData = app.getPath('userData')
  let known: () => readonly string[] = () => []
  const tail = memorySink(200)
  const logger = createLogger(teeSink(fileLogSink(join(userData, 'logs')), tail), 'app', () => known())
  installPermissionGuards(session.defaultSession)
  app.on('web-contents-created', (_e, contents) => {
    installNavigationGuards(contents, { isAppUrl: isOwnUrl, openExternal: () => undefined })
  })
  serveBundle()
  const services = await createServices({
    host: {
      appVersion: app.getVersion(),
      shell: 'electron',
      versions: process.versions,
      os: process.platform,
      arch: process.arch,
      release: release(),
    },
    logger,
    events: createIpcEventSink(() => mainWindow?.webContents ?? null),
    cipher: createSafeStorageCipher(),
    stores: {
      metadata: createElectronDocumentStore(userData, 'metadata'),
      vault: createElectronDocumentStore(userData, 'vault'),
      activity: createElectronDocumentStore(userData, 'activity'),
    },
    notifier: nativeNotifier,
    logTail: () => tail.records,
    analyze: createTokenAnalyzer(),
    dialogs: createDialogs(() => mainWindow),
    desktop: { copyText: copyToClipboard, openExternal },
    env: process.env,
    ...(helperLauncher() ? { helper: helperLauncher() } : {}),
  })
  known = services.knownSecrets
  registerIpc(
    createDispatcher(services.handlers, logger),
    { webContentsId: () => mainWindow?.webContents.id ?? null, isAppUrl: isOwnUrl },
    logger,
  )
  app.on('before-quit', () => void services.dispose())
  mainWindow = createWindow()
  // Expiry reminders at start and every six hours while the app runs.
  void services.notifier.check()
  setInterval(() => void services.notifier.check(), 6 * 60 * 60 * 1000).unref()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow()
  })
}

async function runRelay(): Promise<void> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  const argv = process.argv.slice(process.argv.indexOf(RELAY_FLAG) + 1)
  await relay(argv, Buffer.concat(chunks).toString('utf8'), (t) => process.stdout.write(t))
  app.exit(0)
}

if (process.argv.includes(RELAY_FLAG)) {
  void runRelay()
} else {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
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
}
