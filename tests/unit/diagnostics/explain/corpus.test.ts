import { describe, expect, it } from 'vitest'
import { ErrorCategorySchema, type ErrorCategory } from '@shared/domain/provider'
import { explain } from '@shared/diagnostics/explain/explain'
import { explainProviderOf, isHeldOut, loadCorpus, type CorpusEntry } from './corpus.fixture'

type Tally = { n: number; top1: number; top3: number }
const NOW = new Date('2026-09-15T12:00:00Z')

function score(
  entries: readonly CorpusEntry[],
  withProvider: boolean,
): { total: Tally; misses: string[]; byCat: Map<ErrorCategory, Tally> } {
  const total: Tally = { n: 0, top1: 0, top3: 0 }
  const byCat = new Map<ErrorCategory, Tally>()
  const misses: string[] = []
  for (const e of entries) {
    const provider = withProvider ? explainProviderOf(e) : undefined
    const x = explain(e.text, provider ? { provider, now: NOW } : { now: NOW })
    const top3 = x.candidates.slice(0, 3).map((c) => c.category)
    const t = byCat.get(e.category) ?? { n: 0, top1: 0, top3: 0 }
    for (const tally of [t, total]) {
      tally.n++
      if (x.category === e.category) tally.top1++
      if (top3.includes(e.category)) tally.top3++
    }
    byCat.set(e.category, t)
    if (x.category !== e.category) misses.push(`${e.id}: want ${e.category}, got ${top3.join(' > ')}`)
  }
  return { total, misses, byCat }
}

const pct = (a: number, n: number): string =>
  n === 0 ? '   -  ' : `${((100 * a) / n).toFixed(1).padStart(5)}%`

function print(title: string, r: ReturnType<typeof score>): void {
  const rows = ErrorCategorySchema.options
    .filter((c) => r.byCat.has(c))
    .map((c) => {
      const t = r.byCat.get(c) ?? { n: 0, top1: 0, top3: 0 }
      return `  ${c.padEnd(28)} n=${String(t.n).padStart(3)}  top1 ${pct(t.top1, t.n)}  top3 ${pct(t.top3, t.n)}`
    })
  console.log(
    [
      `${title}`,
      ...rows,
      `  ${'TOTAL'.padEnd(28)} n=${String(r.total.n).padStart(3)}  top1 ${pct(r.total.top1, r.total.n)}  top3 ${pct(r.total.top3, r.total.n)}`,
      ...(r.misses.length > 0 ? ['  misses:', ...r.misses.map((m) => `    ${m}`)] : []),
    ].join('\n'),
  )
}

describe('explainer corpus', () => {
  const corpus = loadCorpus()
  const dev = corpus.filter((e) => !isHeldOut(e))
  const held = corpus.filter(isHeldOut)

  it('is a corpus of real, sourced messages covering every category and provider', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60)
    expect(new Set(corpus.map((e) => e.id)).size).toBe(corpus.length)
    for (const c of ErrorCategorySchema.options) {
      expect(corpus.filter((e) => e.category === c).length, c).toBeGreaterThanOrEqual(2)
    }
    for (const p of [
      'github',
      'gitlab',
      'bitbucket_cloud',
      'bitbucket_server',
      'azure_devops_services',
      'azure_devops_server',
      'gitea',
      'flipt',
      'generic',
    ]) {
      expect(
        corpus.some((e) => e.provider === p),
        p,
      ).toBe(true)
    }
    // anonymised: no token-shaped strings survive in the fixture
    for (const e of corpus)
      expect(e.text, e.id).not.toMatch(
        /gh[pousr]_[A-Za-z0-9]{30,}|glpat-[A-Za-z0-9_-]{20}|ATBB[A-Za-z0-9]{28}/,
      )
  })

  // The held-out lines (ids `h-…`) were collected after the rules were written. Scored blind, before
  // any change: top-1 20/27 (74.1%), top-3 23/27 (85.2%). Four of its misses then led to general
  // vocabulary (curl proxy/reset wording, libgit2 auth replays, a host with "@"), so the set is no
  // longer blind; the floors below stay at the blind level.
  it('meets the accuracy floors on the rule-writing set and on the held-out set (text only)', () => {
    const d = score(dev, false)
    const h = score(held, false)
    const all = score(corpus, false)
    print('explainer corpus, text only: rule-writing set', d)
    print('explainer corpus, text only: held-out set (collected after the rules)', h)
    print('explainer corpus, text only: all', all)
    expect(d.total.top1 / d.total.n).toBeGreaterThanOrEqual(0.88)
    expect(d.total.top3 / d.total.n).toBeGreaterThanOrEqual(0.97)
    expect(h.total.n).toBeGreaterThanOrEqual(20)
    expect(h.total.top1 / h.total.n).toBeGreaterThanOrEqual(0.74)
    expect(h.total.top3 / h.total.n).toBeGreaterThanOrEqual(0.85)
    expect(all.total.top1 / all.total.n).toBeGreaterThanOrEqual(0.85)
    expect(all.total.top3 / all.total.n).toBeGreaterThanOrEqual(0.95)
  })

  it('does at least as well when the provider is known', () => {
    const text = score(corpus, false)
    const hinted = score(corpus, true)
    print('explainer corpus, provider given', hinted)
    expect(hinted.total.top3).toBeGreaterThanOrEqual(text.total.top3 - 2)
    expect(hinted.total.top1 / hinted.total.n).toBeGreaterThanOrEqual(0.8)
  })

  it('names the right provider whenever it names one', () => {
    let named = 0
    let detected = 0
    let right = 0
    for (const e of corpus) {
      const want = explainProviderOf(e)
      if (!want) continue
      named++
      const got = explain(e.text).provider
      if (got === null) continue
      detected++
      if (got === want) right++
    }
    console.log(
      `provider detection: named ${detected}/${named} texts (${pct(detected, named).trim()}), right ${right}/${detected} (${pct(right, detected).trim()})`,
    )
    expect(right / detected).toBeGreaterThanOrEqual(0.95)
    expect(detected / named).toBeGreaterThanOrEqual(0.7)
  })
})
