import { describe, expect, it } from 'vitest'
import { explain } from '@shared/diagnostics/explain/explain'
import { loadCorpus } from '../unit/diagnostics/explain/corpus.fixture'
import { recordFigure, timeMedian } from './harness'

const TEXTS = 1000
const BUDGET_MS = 2000
const ESC = '\u001b'

/** The corpus texts, then noisy variants of them (colours, CRLF, progress meters, a log envelope). */
function workload(): readonly string[] {
  const base = loadCorpus().map((e) => e.text)
  const variants: ((t: string) => string)[] = [
    (t) => t,
    (t) =>
      t
        .split('\n')
        .map((l) => `${ESC}[31m${l}${ESC}[0m`)
        .join('\r\n'),
    (t) =>
      `Receiving objects:  10% (1/10)\rReceiving objects: 100% (10/10), done.\n${t}\nResolving deltas: 100% (3/3), done.`,
    (t) =>
      t
        .split('\n')
        .map((l) => `2026-09-15T10:00:00.000Z ##[error]${l}`)
        .join('\n'),
    (t) => JSON.stringify({ level: 'error', msg: 'sync failed', error: t }),
  ]
  const out: string[] = []
  for (let i = 0; out.length < TEXTS; i++) {
    const text = base[i % base.length] ?? ''
    const variant = variants[Math.floor(i / base.length) % variants.length] ?? ((t: string) => t)
    out.push(variant(text))
  }
  return out
}

describe('bench: explain', () => {
  it(`explains ${TEXTS} texts within ${BUDGET_MS} ms`, async () => {
    const texts = workload()
    const now = new Date('2026-09-15T12:00:00Z')
    const ms = await timeMedian(() => {
      for (const t of texts) explain(t, { now })
    }, 5)
    const perText = Math.round((ms / texts.length) * 1000) / 1000
    const ok = recordFigure({
      id: 'explain.1000_texts',
      label: `explain over ${texts.length} corpus texts and noisy variants`,
      value: ms,
      unit: 'ms',
      comparedWith: `per text ${perText} ms (median of 5 runs after a warm-up)`,
      budget: { max: BUDGET_MS },
    })
    expect(ok).toBe(true)
  })
})
