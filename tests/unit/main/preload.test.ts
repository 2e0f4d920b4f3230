import { describe, expect, it, vi } from 'vitest'
import { channelNames, eventNames } from '@shared/ipc/contract'
import { exposeGitkeys } from '../../../electron/preload/expose'

type Listener = (e: unknown, payload: unknown) => void

function fakes() {
  const exposed: Record<string, unknown> = {}
  const listeners = new Map<string, Set<Listener>>()
  const bridge = { exposeInMainWorld: (k: string, v: unknown) => void (exposed[k] = v) }
  const ipc = {
    invoke: vi.fn((channel: string, payload: unknown) => Promise.resolve({ channel, payload })),
    on: (c: string, l: Listener) => (listeners.set(c, (listeners.get(c) ?? new Set()).add(l)), ipc),
    removeListener: (c: string, l: Listener) => (listeners.get(c)?.delete(l), ipc),
  }
  return { exposed, listeners, bridge, ipc }
}

describe('preload', () => {
  it('exposes one frozen `gitkeys` object with only the contract functions', () => {
    const f = fakes()
    exposeGitkeys(f.bridge, f.ipc as never)
    expect(Object.keys(f.exposed)).toEqual(['gitkeys'])
    const api = f.exposed.gitkeys as { invoke: Record<string, unknown>; on: Record<string, unknown> }
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(Object.keys(api.invoke).sort()).toEqual([...channelNames].sort())
    expect(Object.keys(api.on).sort()).toEqual([...eventNames].sort())
    expect(Object.values(api.invoke).every((v) => typeof v === 'function')).toBe(true)
    expect(Object.isFrozen(api) && Object.isFrozen(api.invoke) && Object.isFrozen(api.on)).toBe(true)
    expect('send' in api || 'ipcRenderer' in api || 'invokeAny' in api).toBe(false)
  })

  it('invokes the named channel with the one payload', async () => {
    const f = fakes()
    const api = exposeGitkeys(f.bridge, f.ipc as never)
    await api.invoke['app:info']({})
    expect(f.ipc.invoke).toHaveBeenCalledWith('app:info', {})
  })

  it.each(eventNames.length ? eventNames : (['(no events yet)'] as const))(
    'hands %s listeners the payload only, never the IpcRendererEvent',
    (event) => {
      if (!eventNames.length) return
      const f = fakes()
      const api = exposeGitkeys(f.bridge, f.ipc as never)
      const got: unknown[][] = []
      const off = (api.on as Record<string, (l: (...a: unknown[]) => void) => () => void>)[event]?.(
        (...args) => got.push(args),
      )
      const fakeEvent = { sender: { send: () => 0 }, ports: [] }
      for (const l of f.listeners.get(event) ?? []) l(fakeEvent, { n: 1 })
      expect(got).toEqual([[{ n: 1 }]])
      off?.()
      expect(f.listeners.get(event)?.size ?? 0).toBe(0)
    },
  )
})
