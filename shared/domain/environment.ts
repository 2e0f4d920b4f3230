import { z } from 'zod'
import { IdSchema } from './account'
import { ExtraSchema } from './repository'

/** Flipt's SCM types. */
export const ScmTypeSchema = z.enum(['github', 'gitlab', 'bitbucket', 'azure', 'gitea'])
/** See {@link ScmTypeSchema}. */
export type ScmType = z.infer<typeof ScmTypeSchema>

/**
 * An environment is a Flipt environment (flipt-v2.md §1.4): a name, whether it is the default, its
 * repository (storage) and directory, and optional SCM for merge proposals. It can also carry dFlow's
 * Application / Environment / Service labels.
 */
export const EnvironmentSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(100),
  default: z.boolean(),
  repositoryId: IdSchema,
  directory: z.string().max(500),
  scm: z
    .object({
      type: ScmTypeSchema,
      apiUrl: z.string().max(500).nullable(),
      accountId: IdSchema.nullable(),
      credentialId: IdSchema.nullable(),
    })
    .nullable(),
  dflow: z
    .object({
      application: z.string().max(100),
      environment: z.string().max(100),
      service: z.string().max(100),
    })
    .nullable(),
  extra: ExtraSchema.optional(),
})
/** See {@link EnvironmentSchema}. */
export type Environment = z.infer<typeof EnvironmentSchema>
