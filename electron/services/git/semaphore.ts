/** Limits how many tasks run at once; the rest wait in order. */
export function createSemaphore(limit: number) {
  let active = 0
  const waiting: Array<() => void> = []
  const release = (): void => {
    active--
    waiting.shift()?.()
  }
  return {
    /** Runs `task` when a slot is free; `first` puts it ahead of the tasks already waiting. */
    async run<T>(task: () => Promise<T>, first = false): Promise<T> {
      if (active >= limit)
        await new Promise<void>((resolve) => (first ? waiting.unshift(resolve) : waiting.push(resolve)))
      active++
      try {
        return await task()
      } finally {
        release()
      }
    },
    /** How many tasks are running and waiting (for tests and the activity view). */
    load: () => ({ active, waiting: waiting.length }),
  }
}
