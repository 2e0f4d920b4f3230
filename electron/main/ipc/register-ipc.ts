import { ipcMain } from 'electron'
import { appError } from '@shared/errors'
import { channelNames } from '@shared/ipc/contract'
import { err } from '@shared/result'
import type { Dispatcher } from '../../services/dispatcher'
import type { Logger } from '../../services/logging/logger'
import { isTrustedSender, type SenderEvent } from './trusted-sender'

/** Binds every contract channel to `ipcMain.handle`, behind the sender check and the dispatcher. */
export function registerIpc(
  dispatcher: Dispatcher,
  trusted: { readonly webContentsId: () => number | null; readonly isAppUrl: (url: string) => boolean },
  logger: Logger,
): () => void {
  for (const channel of channelNames) {
    ipcMain.handle(channel, (event: SenderEvent, payload: unknown) => {
      if (!isTrustedSender(event, { webContentsId: trusted.webContentsId(), isAppUrl: trusted.isAppUrl })) {
        logger.warn('rejected IPC from an untrusted sender', { channel })
        return err(appError('untrusted_sender', 'Request refused.'))
      }
      return dispatcher.dispatch(channel, payload)
    })
  }
  return () => channelNames.forEach((c) => ipcMain.removeHandler(c))
}
