import { analyzeToken } from '@shared/providers/token-analysis'
import { normalizeTokenInput } from '@shared/providers/token-input'
import type { TokenAnalyzer } from './accounts.service'

/** The real analyzer: offline analysis plus the cleaned token (quotes, `Bearer `, whitespace removed). */
export function createTokenAnalyzer(now: () => Date = () => new Date()): TokenAnalyzer {
  return (raw, ctx) => ({
    ...analyzeToken(raw, { ...ctx, now: now() }),
    cleaned: normalizeTokenInput(raw).token,
  })
}
