import { z } from 'zod'

/** Every error code a caller may see. Add a code here before returning it anywhere. */
export const AppErrorCodeSchema = z.enum([
  'invalid_input',
  'untrusted_sender',
  'unknown_channel',
  'internal',
  'not_found',
  'conflict',
  'vault_unavailable',
  'needs_reentry',
  'git_failed',
  'git_missing',
  'timeout',
  'cancelled',
  'io',
  'disk_full',
  'corrupt_store',
  'unsupported',
  'busy',
])
/** One of {@link AppErrorCodeSchema}. */
export type AppErrorCode = z.infer<typeof AppErrorCodeSchema>

/** A field-level problem in a request: where it is and what to do about it. */
export const FieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
})
/** See {@link FieldIssueSchema}. */
export type FieldIssue = z.infer<typeof FieldIssueSchema>

/** An error as data: what happened, and what the person can do next. Never carries a secret. */
export const AppErrorSchema = z.object({
  code: AppErrorCodeSchema,
  message: z.string(),
  hint: z.string().optional(),
  issues: z.array(FieldIssueSchema).optional(),
  category: z.string().optional(),
})
/** See {@link AppErrorSchema}. */
export type AppError = z.infer<typeof AppErrorSchema>

/** Builds an {@link AppError}. */
export function appError(
  code: AppErrorCode,
  message: string,
  extra: Omit<AppError, 'code' | 'message'> = {},
): AppError {
  return { code, message, ...extra }
}
