import { z } from 'zod'
import { ExplainProviderSchema } from '../diagnostics/explain/explain.types'
import { ProbeFactsSchema } from '../diagnostics/diagnose.types'
import { FindingSchema, FixSchema } from './finding'
import { HopSchema } from './git-operation'
import { ErrorCategorySchema } from './provider'

/** What the Doctor checks. */
export const DoctorScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.enum(['account', 'repository', 'environment']), id: z.string().min(1).max(64) }),
])

/** A Doctor run as the UI shows it. */
export const DoctorResultSchema = z.object({
  findings: z.array(FindingSchema),
  probes: z.array(ProbeFactsSchema),
  paths: z.array(z.object({ repositoryId: z.string(), hops: z.array(HopSchema), online: z.boolean() })),
  online: z.boolean(),
  ranAt: z.string(),
})
/** See {@link DoctorResultSchema}. */
export type DoctorResult = z.infer<typeof DoctorResultSchema>

/** Progress of an online Doctor run: probes finished out of all, and the one that just finished. */
export const DoctorProgressSchema = z.object({
  runId: z.string(),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  subject: z.string(),
})
/** See {@link DoctorProgressSchema}. */
export type DoctorProgress = z.infer<typeof DoctorProgressSchema>

/** The explainer's answer for pasted error output. */
export const ExplanationSchema = z.object({
  category: ErrorCategorySchema,
  candidates: z.array(z.object({ category: ErrorCategorySchema, score: z.number() })),
  title: z.string(),
  detail: z.string(),
  evidence: z.string(),
  fixes: z.array(FixSchema),
  provider: ExplainProviderSchema.nullable(),
})
/** See {@link ExplanationSchema}. */
export type ExplanationView = z.infer<typeof ExplanationSchema>
