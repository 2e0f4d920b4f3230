import { z } from 'zod'
import { ErrorCategorySchema } from './provider'
import { FixSchema } from './finding'

/** The hops of a connection, in the order the Doctor draws them. */
export const HopIdSchema = z.enum(['proxy', 'tls', 'host', 'auth', 'repository', 'branch', 'write'])
/** See {@link HopIdSchema}. */
export type HopId = z.infer<typeof HopIdSchema>

/** One hop's outcome in a connection test. */
export const HopSchema = z.object({
  id: HopIdSchema,
  status: z.enum(['ok', 'failed', 'warning', 'skipped']),
  detail: z.string(),
})
/** See {@link HopSchema}. */
export type Hop = z.infer<typeof HopSchema>

/** Why an operation failed, as the explainer puts it. */
export const FailureSchema = z.object({
  category: ErrorCategorySchema,
  title: z.string(),
  detail: z.string(),
  fixes: z.array(FixSchema),
  /** git's own words (redacted), for the curious and for bug reports. */
  stderr: z.string(),
})
/** See {@link FailureSchema}. */
export type Failure = z.infer<typeof FailureSchema>

/** The outcome of test-connection or the write probe. */
export const ConnectionResultSchema = z.object({
  ok: z.boolean(),
  hops: z.array(HopSchema),
  failure: FailureSchema.nullable(),
  ms: z.number(),
  /** Branches on the remote (test connection), when it answered. */
  branches: z.array(z.string()),
})
/** See {@link ConnectionResultSchema}. */
export type ConnectionResult = z.infer<typeof ConnectionResultSchema>

/** The outcome of clone / fetch / pull / push. */
export const OperationResultSchema = z.object({
  ok: z.boolean(),
  op: z.enum(['clone', 'fetch', 'pull', 'push']),
  ended: z.enum(['done', 'failed', 'cancelled', 'timeout']),
  failure: FailureSchema.nullable(),
  ms: z.number(),
  summary: z.string(),
})
/** See {@link OperationResultSchema}. */
export type OperationResult = z.infer<typeof OperationResultSchema>

/** A progress event of a running operation. */
export const GitProgressEventSchema = z.object({
  operationId: z.string(),
  repositoryId: z.string(),
  op: z.enum(['test', 'probe', 'clone', 'fetch', 'pull', 'push']),
  stage: z.string(),
  percent: z.number().min(0).max(100),
  done: z.boolean(),
})
/** See {@link GitProgressEventSchema}. */
export type GitProgressEvent = z.infer<typeof GitProgressEventSchema>

/**
 * Words for a progress stage. simple-git names a stage by the first word of git's meter
 * (`receiving`, `resolving`, …), and every server-side meter (`remote: Counting objects`) as `remote:`;
 * the bar restarts at each stage, so the stage's name is what makes the percentage mean something.
 */
const STAGE_LABEL: Readonly<Record<string, string>> = {
  starting: 'Starting',
  connecting: 'Connecting',
  remote: 'Server preparing the pack',
  enumerating: 'Enumerating objects',
  counting: 'Counting objects',
  compressing: 'Compressing objects',
  receiving: 'Receiving objects',
  resolving: 'Resolving deltas',
  writing: 'Writing objects',
  updating: 'Checking out files',
  checking: 'Checking connectivity',
}

/** A human label for a progress stage; an unknown stage is shown as git named it, capitalised. */
export function gitStageLabel(stage: string): string {
  const key = stage.trim().replace(/:$/, '').toLowerCase()
  const known = STAGE_LABEL[key]
  if (known) return known
  return key === '' ? 'Working' : key.charAt(0).toUpperCase() + key.slice(1)
}
