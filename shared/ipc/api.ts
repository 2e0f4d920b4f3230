import type { Result } from '../result'
import type { Channel, EventName, EventPayloadOf, RequestOf, ResponseOf } from './contract'
import { channelNames, eventNames } from './contract'

/** What the renderer sees as `window.gitkeys`: one named function per channel and per event. */
export type GitkeysApi = {
  readonly invoke: { readonly [C in Channel]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>> }
  readonly on: { readonly [E in EventName]: (listener: (payload: EventPayloadOf<E>) => void) => () => void }
}

/** A transport: how calls and events move (Electron IPC in the app, a WebSocket in tests). */
export interface ApiTransport {
  invoke(channel: Channel, request: unknown): Promise<unknown>
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void
}

/**
 * Builds the frozen API object from the contract's names. There is no generic `invoke(anyChannel)`:
 * only the contract's functions exist, and listeners receive the payload alone.
 */
export function buildGitkeysApi(transport: ApiTransport): GitkeysApi {
  const invoke: Record<string, (request: unknown) => Promise<unknown>> = {}
  for (const name of channelNames) invoke[name] = (request: unknown) => transport.invoke(name, request)
  const on: Record<string, (listener: (payload: unknown) => void) => () => void> = {}
  for (const name of eventNames) {
    on[name] = (listener: (payload: unknown) => void) => {
      if (typeof listener !== 'function') throw new TypeError(`on['${String(name)}'] needs a function`)
      return transport.subscribe(name, (payload) => listener(payload))
    }
  }
  return Object.freeze({ invoke: Object.freeze(invoke), on: Object.freeze(on) }) as unknown as GitkeysApi
}
