import type { EventName, EventPayloadOf } from '@shared/ipc/contract'
import { events } from '@shared/ipc/contract'
import type { EventSink } from '../../services/events'

/** The webContents members used to push events. */
export interface EventTarget {
  isDestroyed(): boolean
  send(channel: string, payload: unknown): void
}

/** Pushes contract events to the window; payloads pass their schema first, so nothing else leaves main. */
export function createIpcEventSink(target: () => EventTarget | null): EventSink {
  return {
    emit<E extends EventName>(event: E, payload: EventPayloadOf<E>) {
      const wc = target()
      if (!wc || wc.isDestroyed()) return
      const schema = events[event] as { parse(v: unknown): unknown }
      wc.send(event, schema.parse(payload))
    },
  }
}
