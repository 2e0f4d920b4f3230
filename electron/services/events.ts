import type { EventName, EventPayloadOf } from '@shared/ipc/contract'

/** The port services push events through: IPC in the app, the WebSocket in the test bridge. */
export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void
}

/** An event sink that drops everything (the CLI). */
export const nullEventSink: EventSink = { emit: () => undefined }
