import { tmpdir } from 'node:os'

/**
 * The part of the `electron` module electron-store touches (it does `const {app, ipcMain, shell} =
 * electron`), for running the electron-store adapter under plain Node in a child process. The
 * adapter always passes an explicit `cwd`, so `getPath` is only a default.
 */
export const app = {
  getPath: (_name: string): string => tmpdir(),
  getVersion: (): string => '0.1.0',
  getName: (): string => 'GitKeys',
}
/** electron-store registers one listener; nothing ever sends to it here. */
export const ipcMain = { on: (): void => undefined, handle: (): void => undefined }
/** Only `openInEditor` uses it, which GitKeys never calls. */
export const shell = { openPath: (): Promise<string> => Promise.resolve('') }

const electron = { app, ipcMain, shell }
// electron-store does `import electron from 'electron'`: the stand-in must have a default export.
// eslint-disable-next-line no-restricted-syntax
export default electron
