/** What the init script needs to know; the channel and event names come from the contract. */
export type BridgeClientConfig = {
  readonly origin: string
  readonly wsUrl: string
  readonly channels: readonly string[]
  readonly events: readonly string[]
}

/**
 * Runs in the page before its scripts (page.addInitScript) and defines `window.gitkeys` with the
 * same shape the preload exposes: frozen named functions only, listeners get the payload alone.
 * Self-contained: Playwright serialises this function's source.
 */
export function installBridgeClient(cfg: BridgeClientConfig): void {
  if (window.location.origin !== cfg.origin) return
  type Msg =
    { type: 'result'; id: number; result: unknown } | { type: 'event'; event: string; payload: unknown }
  const pending = new Map<number, (v: unknown) => void>()
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  let nextId = 1
  const ws = new WebSocket(cfg.wsUrl)
  const open = new Promise<void>((resolve) => ws.addEventListener('open', () => resolve(), { once: true }))
  ws.addEventListener('message', (m: MessageEvent<string>) => {
    const msg = JSON.parse(m.data) as Msg
    if (msg.type === 'result') {
      pending.get(msg.id)?.(msg.result)
      pending.delete(msg.id)
    } else {
      for (const l of listeners.get(msg.event) ?? []) l(msg.payload)
    }
  })
  const invoke: Record<string, (request: unknown) => Promise<unknown>> = {}
  for (const channel of cfg.channels) {
    invoke[channel] = async (request: unknown) => {
      await open
      const id = nextId++
      return new Promise((resolve) => {
        pending.set(id, resolve)
        ws.send(JSON.stringify({ id, channel, payload: request }))
      })
    }
  }
  const on: Record<string, (l: (p: unknown) => void) => () => void> = {}
  for (const event of cfg.events) {
    on[event] = (listener) => {
      const set = listeners.get(event) ?? new Set()
      const wrapped = (p: unknown): void => listener(p)
      set.add(wrapped)
      listeners.set(event, set)
      return () => set.delete(wrapped)
    }
  }
  Object.defineProperty(window, 'gitkeys', {
    value: Object.freeze({ invoke: Object.freeze(invoke), on: Object.freeze(on) }),
    writable: false,
    configurable: false,
    enumerable: false,
  })
}
