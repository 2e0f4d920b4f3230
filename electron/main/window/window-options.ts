import type { BrowserWindowConstructorOptions } from 'electron'

/** The main window's options: sandboxed, isolated, no Node, DevTools only in development. */
export function mainWindowOptions(
  preloadPath: string,
  opts: { readonly isPackaged: boolean },
): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 620,
    show: false,
    title: 'GitKeys',
    backgroundColor: '#10141a',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: !opts.isPackaged,
    },
  }
}
