import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron'
import { buildGitkeysApi, type GitkeysApi } from '@shared/ipc/api'

/**
 * Builds `window.gitkeys` from the contract over ipcRenderer and exposes it. Nothing else is
 * exposed: no ipcRenderer, no generic invoke, and listeners never see the IpcRendererEvent.
 */
export function exposeGitkeys(
  bridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>,
): GitkeysApi {
  const api = buildGitkeysApi({
    invoke: (channel, request) => ipc.invoke(channel, request),
    subscribe: (event, listener) => {
      const handler = (_e: IpcRendererEvent, payload: unknown): void => listener(payload)
      ipc.on(event, handler)
      return () => {
        ipc.removeListener(event, handler)
      }
    },
  })
  bridge.exposeInMainWorld('gitkeys', api)
  return api
}
