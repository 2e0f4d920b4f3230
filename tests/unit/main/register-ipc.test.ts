import { beforeEach, describe, expect, it, vi } from 'vitest'
import { channelNames, channels } from '@shared/ipc/contract'
import { ok } from '@shared/result'
import { malformedPayloads } from '../../support/malformed-payloads'

type Handler = (event: unknown, payload: unknown) => unknown
const registered = new Map<string, Handler>()

vi.mock('electron', () => {
  const ipcMain = {
    handle: (c: string, h: Handler) => registered.set(c, h),
    removeHandler: (c: string) => registered.delete(c),
  }
  return { default: { ipcMain }, ipcMain }
})

const { registerIpc } = await import('../../../electron/main/ipc/register-ipc')
const { createDispatcher } = await import('../../../electron/services/dispatcher')
const { createLogger, memorySink } = await import('../../../electron/services/logging/logger')
const { isAppUrl } = await import('../../../electron/main/window/app-protocol')

const frame = { url: 'app://gitkeys/index.html', parent: null }
const good = { sender: { id: 1, mainFrame: frame }, senderFrame: frame }
const fakeEvents = [
  { sender: { id: 1 }, senderFrame: null },
  { sender: { id: 2, mainFrame: frame }, senderFrame: frame },
  { sender: { id: 1, mainFrame: frame }, senderFrame: { url: 'https://evil.example/', parent: null } },
  { sender: { id: 1, mainFrame: frame }, senderFrame: { url: 'app://gitkeys/index.html', parent: frame } },
]

describe('registerIpc', () => {
  const calls: string[] = []
  beforeEach(() => {
    registered.clear()
    calls.length = 0
    const handlers = Object.fromEntries(
      channelNames.map((c) => [c, () => (calls.push(c), Promise.resolve(ok({})))]),
    )
    const logger = createLogger(memorySink())
    registerIpc(createDispatcher(handlers as never, logger), { webContentsId: () => 1, isAppUrl }, logger)
  })

  it('registers exactly the contract channels', () => {
    expect([...registered.keys()].sort()).toEqual([...channelNames].sort())
  })

  it.each(channelNames)(
    '%s refuses untrusted senders (fake events) before anything runs',
    async (channel) => {
      const h = registered.get(channel)
      expect(h).toBeDefined()
      for (const e of fakeEvents) {
        expect(await h?.(e, {})).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } })
      }
      expect(calls).toEqual([])
    },
  )

  it.each(channelNames)('%s refuses malformed payloads from the trusted window', async (channel) => {
    const h = registered.get(channel)
    for (const p of malformedPayloads(channels[channel].request)) {
      expect(await h?.(good, p)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(calls).toEqual([])
  })
})
