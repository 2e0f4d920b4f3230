import { z } from 'zod'
import { ErrorCategorySchema } from './provider'

/** What an activity entry records. */
export const ActivityOpSchema = z.enum([
  'test',
  'probe',
  'clone',
  'fetch',
  'pull',
  'push',
  'export',
  'import',
  'account_add',
  'account_rotate',
  'account_remove',
  'doctor',
])
/** See {@link ActivityOpSchema}. */
export type ActivityOp = z.infer<typeof ActivityOpSchema>

/**
 * One operation in the activity log: which account and token fingerprint served it, the outcome and
 * its category. Redacted before it is stored; never holds a secret.
 */
export const ActivityEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  op: ActivityOpSchema,
  subject: z.string(),
  accountId: z.string().nullable(),
  fingerprint: z.string().nullable(),
  outcome: z.enum(['ok', 'failed', 'cancelled']),
  category: ErrorCategorySchema.nullable(),
  ms: z.number().nullable(),
  detail: z.string(),
})
/** See {@link ActivityEntrySchema}. */
export type ActivityEntry = z.infer<typeof ActivityEntrySchema>
