import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron'
import type { Dialogs } from '../../services/create-services'

/** Native dialogs (the only user of Electron's `dialog`). */
export function createDialogs(window: () => BrowserWindow | null): Dialogs {
  const openDialog = async (options: OpenDialogOptions): Promise<string | null> => {
    const win = window()
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    return r.canceled ? null : (r.filePaths[0] ?? null)
  }
  return {
    chooseFolder: (title, defaultPath) =>
      openDialog({
        title,
        properties: ['openDirectory', 'createDirectory'],
        ...(defaultPath ? { defaultPath } : {}),
      }),
    openFile: (title) =>
      openDialog({
        title,
        properties: ['openFile'],
        filters: [
          { name: 'Flipt configuration', extensions: ['yml', 'yaml', 'json'] },
          { name: 'All files', extensions: ['*'] },
        ],
      }),
    async saveFile(title, defaultName) {
      const options: SaveDialogOptions = {
        title,
        defaultPath: defaultName,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }
      const win = window()
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options)
      return r.canceled || !r.filePath ? null : r.filePath
    },
  }
}
