import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestWorld, type TestWorld } from '../support/test-world'

describe('app:info through the dispatcher', () => {
  let world: TestWorld
  beforeAll(async () => {
    world = await createTestWorld()
  })
  afterAll(() => world.dispose())

  it('reports the git that is really installed', async () => {
    const r = await world.dispatcher.dispatch('app:info', {})
    expect(r.ok).toBe(true)
    const real = /(\d+(?:\.\d+)+)/.exec(execFileSync('git', ['--version'], { encoding: 'utf8' }))?.[1]
    expect(r.ok && r.value).toMatchObject({
      appName: 'GitKeys',
      git: { found: true, version: real },
      runtimes: { node: process.versions.node },
    })
  })
})
