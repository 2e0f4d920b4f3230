import { ErrorCategorySchema, type ErrorCategory } from '../../domain/provider'
import type { Candidate, ExplainProvider, Signal, SignalHit, Weights } from './explain.types'
import { ACCESS_SIGNALS } from './signals-access.table'
import { AUTH_SIGNALS } from './signals-auth.table'
import { TRANSPORT_SIGNALS } from './signals-transport.table'

/** Every signal the explainer knows, across families. */
export const ALL_SIGNALS: readonly Signal[] = [...AUTH_SIGNALS, ...ACCESS_SIGNALS, ...TRANSPORT_SIGNALS]

/** What `other` gets when nothing speaks: an unknown text is "other", not a guess. */
export const OTHER_PRIOR = 0.25
/** A signal tied to one provider counts this much when the text is known to be another's. */
export const OFF_PROVIDER_FACTOR = 0.4
/** The first line counts this much of the last: in concatenated output the last command decides. */
export const FIRST_LINE_FACTOR = 0.75

/** Raw evidence per category, with the hits that produced it. */
export type RawScores = Record<ErrorCategory, number>

/** A zeroed score table. */
export function emptyScores(): RawScores {
  const out = {} as RawScores
  for (const c of ErrorCategorySchema.options) out[c] = 0
  return out
}

/** Adds `weights × factor` into `into`. */
export function addWeights(into: RawScores, weights: Weights, factor: number): void {
  for (const c of ErrorCategorySchema.options) {
    const w = weights[c]
    if (w !== undefined) into[c] += w * factor
  }
}

function affinity(signal: Signal, provider: ExplainProvider | null): number {
  if (!signal.providers || provider === null || provider === 'generic') return 1
  return signal.providers.includes(provider) ? 1 : OFF_PROVIDER_FACTOR
}

/**
 * Matches every signal against the lines. A signal counts once, on its latest line (repeated
 * retries do not add up), scaled by how late that line is and by provider affinity.
 */
export function scoreLines(
  lines: readonly string[],
  provider: ExplainProvider | null,
): { readonly raw: RawScores; readonly hits: readonly SignalHit[] } {
  const raw = emptyScores()
  const hits: SignalHit[] = []
  const n = lines.length
  for (const signal of ALL_SIGNALS) {
    for (let i = n - 1; i >= 0; i--) {
      const text = lines[i] ?? ''
      signal.pattern.lastIndex = 0
      const match = signal.pattern.exec(text)
      if (!match) continue
      const recency = n <= 1 ? 1 : FIRST_LINE_FACTOR + (1 - FIRST_LINE_FACTOR) * (i / (n - 1))
      const base = signal.weigh ? signal.weigh(match) : signal.weights
      const factor = recency * affinity(signal, provider)
      const weights: Weights = Object.fromEntries(
        Object.entries(base).map(([c, w]) => [c, (w ?? 0) * factor]),
      )
      addWeights(raw, base, factor)
      hits.push({ signal, line: i, text, weights })
      break
    }
  }
  raw.other += OTHER_PRIOR
  return { raw, hits }
}

/** Ranks categories: scores are raw / (total + 1), so they stay in 0..1 and grow with evidence. */
export function rank(raw: RawScores, max = 6): readonly Candidate[] {
  const total = ErrorCategorySchema.options.reduce((s, c) => s + raw[c], 0)
  return ErrorCategorySchema.options
    .filter((c) => raw[c] > 0)
    .map((c) => ({ category: c, score: Math.round((raw[c] / (total + 1)) * 1000) / 1000, raw: raw[c] }))
    .sort((a, b) => b.raw - a.raw)
    .slice(0, max)
    .map(({ category, score }) => ({ category, score }))
}
