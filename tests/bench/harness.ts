import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'

/** One benchmark figure: what was measured, what it is compared with, and the budget it must meet. */
export type Figure = {
  readonly id: string
  readonly label: string
  readonly value: number
  readonly unit: string
  /** What the figure is compared with, in words and numbers ("raw git loop 812 ms, ratio 0.41"). */
  readonly comparedWith: string
  /** The budget: the run fails loudly past it. */
  readonly budget: { readonly max?: number; readonly min?: number }
}

const OUT = join(process.cwd(), '.test-artifacts', 'bench.jsonl')

/** Records a figure for `npm run bench` to print, and says whether it is within budget. */
export function recordFigure(f: Figure): boolean {
  mkdirSync(join(process.cwd(), '.test-artifacts'), { recursive: true })
  appendFileSync(OUT, `${JSON.stringify(f)}\n`)
  const within =
    (f.budget.max === undefined || f.value <= f.budget.max) &&
    (f.budget.min === undefined || f.value >= f.budget.min)
  console.log(
    `${within ? 'ok  ' : 'FAIL'} ${f.label}: ${f.value} ${f.unit} (budget ${f.budget.max !== undefined ? `≤ ${f.budget.max}` : `≥ ${f.budget.min ?? '-'}`}; ${f.comparedWith})`,
  )
  return within
}

/** Median of a list of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2
}

/** Times `fn` over `runs` runs after one warm-up; returns the median in milliseconds. */
export async function timeMedian(fn: () => unknown, runs = 5): Promise<number> {
  await fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  return Math.round(median(times) * 100) / 100
}
