import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'
import type { EventName, EventPayloadOf } from '@shared/ipc/contract'
import { events as eventSchemas } from '@shared/ipc/contract'
import { APP_SCHEME, mimeType, resolveBundlePath } from '../../../electron/main/window/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/window/csp'
import type { Dispatcher } from '../../../electron/services/dispatcher'
import type { EventSink } from '../../../electron/services/events'

/** A running bridge: the page URL, the per-run token, and a way to see every message that crossed. */
export type Bridge = {
  readonly url: string
  readonly wsUrl: string
  readonly token: string
  readonly events: EventSink
  /** Every response and event payload sent to the page, as JSON text (for canary sweeps). */
  readonly wire: string[]
  close(): Promise<void>
}

/**
 * Serves the built renderer and the real dispatcher on 127.0.0.1 only (ARCHITECTURE.md §3). Test
 * tooling, never shipped: it stands in for the preload where no Electron binary exists.
 */
export async function startBridge(opts: {
  rendererDir: string
  dispatcher: () => Dispatcher
}): Promise<Bridge> {
  const token = randomBytes(24).toString('hex')
  const wire: string[] = []
  const sockets = new Set<WebSocket>()

  const http: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const file = resolveBundlePath(opts.rendererDir, `${APP_SCHEME}://gitkeys${path}`)
    if (!file || req.method !== 'GET') {
      res.writeHead(404).end()
      return
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, {
          'content-type': mimeType(file),
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'cache-control': 'no-store',
        })
        res.end(body)
      },
      () => res.writeHead(404).end(),
    )
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`

  const wss = new WebSocketServer({
    server: http,
    path: '/__gitkeys_bridge',
    verifyClient: ({ origin: o, req }: { origin: string; req: { url?: string } }) => {
      const t = new URL(req.url ?? '', 'http://x').searchParams.get('token')
      return o === origin && t === token
    },
  })
  wss.on('connection', (ws) => {
    sockets.add(ws)
    ws.on('close', () => sockets.delete(ws))
    ws.on('message', (data) => {
      let msg: { id?: unknown; channel?: unknown; payload?: unknown }
      try {
        msg = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : '') as typeof msg
      } catch {
        return
      }
      if (typeof msg.id !== 'number') return
      const id = msg.id
      void opts
        .dispatcher()
        .dispatch(msg.channel, msg.payload)
        .then((result) => {
          const text = JSON.stringify({ type: 'result', id, result })
          wire.push(text)
          ws.send(text)
        })
    })
  })

  const events: EventSink = {
    emit<E extends EventName>(event: E, payload: EventPayloadOf<E>) {
      const schema = eventSchemas[event] as { parse(v: unknown): unknown }
      const text = JSON.stringify({ type: 'event', event, payload: schema.parse(payload) })
      wire.push(text)
      for (const s of sockets) s.send(text)
    },
  }

  return {
    url: `${origin}/index.html`,
    wsUrl: `ws://127.0.0.1:${port}/__gitkeys_bridge?token=${token}`,
    token,
    events,
    wire,
    async close() {
      for (const s of sockets) s.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}
