import { appError } from '@shared/errors'
import type { GitkeysApi } from '@shared/ipc/api'
import type { Channel, EventName, EventPayloadOf, RequestOf, ResponseOf } from '@shared/ipc/contract'
import type { Result } from '@shared/result'
import { err } from '@shared/result'

declare global {
  interface Window {
    readonly gitkeys?: GitkeysApi
  }
}

/** True when the page runs inside GitKeys (preload or test bridge present). */
export const hasBridge = (): boolean => typeof window.gitkeys === 'object' && window.gitkeys !== null

/** Calls a contract channel. The only module that touches `window.gitkeys`. */
export async function call<C extends Channel>(
  channel: C,
  request: RequestOf<C>,
): Promise<Result<ResponseOf<C>>> {
  const api = window.gitkeys
  if (!api) return err(appError('internal', 'GitKeys is not connected to its main process.'))
  try {
    return await api.invoke[channel](request)
  } catch {
    return err(appError('internal', 'The main process did not answer.', { hint: 'Restart GitKeys.' }))
  }
}

/** Subscribes to a contract event; returns the unsubscribe function. */
export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayloadOf<E>) => void,
): () => void {
  const api = window.gitkeys
  if (!api) return () => undefined
  return api.on[event](listener)
}
