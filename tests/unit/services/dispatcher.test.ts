import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { channelNames, channels } from '@shared/ipc/contract'
import { ok } from '@shared/result'
import { createDispatcher, type Handlers } from '../../../electron/services/dispatcher'
import { createLogger, memorySink } from '../../../electron/services/logging/logger'
import { malformedPayloads } from '../../support/malformed-payloads'

function throwingHandlers(): Handlers {
  const entries = channelNames.map((c) => [c, () => Promise.reject(new Error(`boom ghp_${'a'.repeat(36)}`))])
  return Object.fromEntries(entries) as Handlers
}

describe('dispatcher', () => {
  it.each(channelNames)('%s rejects every malformed payload before its handler runs', async (channel) => {
    const called: string[] = []
    const handlers = Object.fromEntries(
      channelNames.map((c) => [c, () => (called.push(c), Promise.resolve(ok({})))]),
    ) as unknown as Handlers
    const d = createDispatcher(handlers, createLogger(memorySink()))
    for (const payload of malformedPayloads(channels[channel].request)) {
      const r = await d.dispatch(channel, payload)
      expect(r.ok, `payload ${JSON.stringify(payload)?.slice(0, 80)}`).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('invalid_input')
    }
    expect(called).toEqual([])
  })

  it('refuses unknown channels, including prototype names', async () => {
    const d = createDispatcher(throwingHandlers(), createLogger(memorySink()))
    for (const name of ['nope:x', '__proto__', 'constructor', 'toString', 42, null]) {
      const r = await d.dispatch(name, {})
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.code).toBe('unknown_channel')
    }
  })

  it('turns a thrown handler into `internal` and logs the channel but not the message', async () => {
    const sink = memorySink()
    const d = createDispatcher(throwingHandlers(), createLogger(sink))
    const r = await d.dispatch('app:info', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(sink.records)).toContain('app:info')
    expect(JSON.stringify(sink.records)).not.toContain('ghp_')
  })

  it('passes responses through the response schema, stripping what the contract does not declare', async () => {
    const info = {
      appName: 'GitKeys',
      appVersion: '1',
      runtimes: { node: '20' },
      git: { found: false, reason: 'x' },
      platform: { os: 'linux', arch: 'x64', release: '6' },
      shell: 'cli',
      token: 'ghp_SHOULD_NOT_LEAVE',
    }
    const handlers = { 'app:info': () => Promise.resolve(ok(info)) } as unknown as Handlers
    const r = await createDispatcher(handlers, createLogger(memorySink())).dispatch('app:info', {})
    expect(r.ok).toBe(true)
    expect(JSON.stringify(r)).not.toContain('SHOULD_NOT_LEAVE')
  })

  it('answers `internal` when a handler returns something outside its response schema', async () => {
    const handlers = { 'app:info': () => Promise.resolve(ok({ bogus: true })) } as unknown as Handlers
    const r = await createDispatcher(handlers, createLogger(memorySink())).dispatch('app:info', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('leaves Object.prototype unpolluted', async () => {
    const d = createDispatcher(throwingHandlers(), createLogger(memorySink()))
    for (const c of channelNames) {
      await d.dispatch(c, JSON.parse('{"__proto__":{"polluted":1}}'))
      await d.dispatch(c, { constructor: { prototype: { polluted: 1 } } })
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(z.object({}).safeParse({}).success).toBe(true)
  })
})
