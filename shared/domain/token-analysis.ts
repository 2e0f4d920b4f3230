import { z } from 'zod'
import { FindingSchema } from './finding'
import { ProviderIdSchema } from './provider'

/**
 * What GitKeys learns from a token without the network and without keeping it: provider, kind,
 * checksum state, shape problems. Computed in main; secret-free, so it may cross IPC.
 * `checksum`: `valid`/`invalid` where the provider embeds one we can verify, `none` where the
 * format has none, `unknown` where a checksum exists but is not confirmed on real tokens (Azure).
 */
export const TokenAnalysisSchema = z.object({
  provider: ProviderIdSchema.nullable(),
  kind: z.string().nullable(),
  kindLabel: z.string().nullable(),
  checksum: z.enum(['valid', 'invalid', 'none', 'unknown']),
  length: z.number().int().nonnegative(),
  hint: z.string(),
  /** Facts read from the token itself: a GitLab routing payload, an Azure PAT's creation month. */
  facts: z.record(z.string(), z.string()),
  findings: z.array(FindingSchema),
})
/** See {@link TokenAnalysisSchema}. */
export type TokenAnalysis = z.infer<typeof TokenAnalysisSchema>
