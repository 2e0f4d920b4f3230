import { describe, expect, it } from 'vitest'
import { createSemaphore } from '../../../../electron/services/git/semaphore'

/** A task that runs until `finish()` is called, recording when it started. */
function gate(name: string, started: string[]) {
  let finish: () => void = () => undefined
  const done = new Promise<void>((resolve) => (finish = resolve))
  return { task: async () => void (started.push(name), await done), finish: () => finish() }
}

describe('semaphore', () => {
  it('runs at most `limit` tasks; the rest start in order as slots free up', async () => {
    const started: string[] = []
    const s = createSemaphore(1)
    const [a, b, c] = [gate('a', started), gate('b', started), gate('c', started)]
    const runs = [s.run(a.task), s.run(b.task), s.run(c.task)]
    await Promise.resolve()
    expect(started).toEqual(['a'])
    expect(s.load()).toEqual({ active: 1, waiting: 2 })
    a.finish()
    await runs[0]
    await new Promise((r) => setImmediate(r))
    expect(started).toEqual(['a', 'b'])
    b.finish()
    c.finish()
    await Promise.all(runs)
    expect(started).toEqual(['a', 'b', 'c'])
  })

  it('a task run with `first` goes ahead of the tasks already waiting', async () => {
    const started: string[] = []
    const s = createSemaphore(1)
    const [a, b, urgent] = [gate('a', started), gate('b', started), gate('urgent', started)]
    const runs = [s.run(a.task), s.run(b.task), s.run(urgent.task, true)]
    await Promise.resolve()
    a.finish()
    await runs[0]
    await new Promise((r) => setImmediate(r))
    expect(started).toEqual(['a', 'urgent'])
    urgent.finish()
    b.finish()
    await Promise.all(runs)
    expect(started).toEqual(['a', 'urgent', 'b'])
    expect(s.load()).toEqual({ active: 0, waiting: 0 })
  })
})
