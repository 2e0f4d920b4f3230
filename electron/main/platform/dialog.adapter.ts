import { dialog, type BrowserWindow } from 'electron'
import type { Dialogs } from '../../services/create-services'

/** Native dialogs (the only user of Electron's `dialog`). */
export function createDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async chooseFolder(title, defaultPath) {
      const win = window()
      const options = {
        title,
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
        ...(defaultPath ? { defaultPath } : {}),
      }
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
  }
}
