import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { ActivityInput } from '../../../electron/services/activity/activity.service'
import { createTestWorld } from '../../support/test-world'

const entry = (n: number): ActivityInput => ({
  op: 'export',
  subject: `entry ${n}`,
  accountId: null,
  fingerprint: null,
  outcome: 'ok',
  category: null,
  ms: null,
  detail: 'background write',
})

describe('a test world disposed while background writes run', () => {
  it('waits for the writes queued before, and a write after it fails quietly instead of rejecting', async () => {
    const world = await createTestWorld()
    const restarted = await world.restart()
    for (let i = 0; i < 30; i++) world.services.activity.record(entry(i))
    const disposing = restarted.dispose()
    // Queued after dispose began: it still lands before the folder goes.
    world.services.activity.record(entry(29))
    await disposing
    expect(existsSync(world.root)).toBe(false)
    // An operation that ends after the world is gone still records; its write finds no folder.
    world.services.activity.record(entry(30))
    await world.services.activity.flush()
    expect(world.logs.map((r) => r.message)).toContain('activity log could not be written')
    expect(existsSync(world.root)).toBe(false)
  })
})
