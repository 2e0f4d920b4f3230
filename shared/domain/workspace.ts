import { z } from 'zod'
import { AccountSchema } from './account'
import { CredentialSchema } from './credential'
import { EnvironmentSchema } from './environment'
import { ExtraSchema, RepositorySchema } from './repository'

/** An account in a workspace file: metadata only; the secret stays in the vault it came from. */
export const WorkspaceAccountSchema = AccountSchema.omit({ secret: true }).extend({
  secret: z.object({ ref: z.literal('vault'), hint: z.string(), fingerprint: z.string() }),
})
/** See {@link WorkspaceAccountSchema}. */
export type WorkspaceAccount = z.infer<typeof WorkspaceAccountSchema>

/** The current workspace file version. Older versions are migrated on read. */
export const WORKSPACE_VERSION = 1

/**
 * The workspace's own versioned JSON form (ARCHITECTURE.md §7): accounts without secrets,
 * credentials, repositories and environments; used by the CLI and for backups. `flipt` keeps the
 * top-level Flipt sections GitKeys does not model (server, authentication, …) for a faithful round trip.
 */
export const WorkspaceSchema = z.object({
  format: z.literal('gitkeys-workspace'),
  version: z.literal(WORKSPACE_VERSION),
  accounts: z.array(WorkspaceAccountSchema),
  credentials: z.array(CredentialSchema),
  repositories: z.array(RepositorySchema),
  environments: z.array(EnvironmentSchema),
  flipt: z.object({ extra: ExtraSchema, secretsFileBasePath: z.string().nullable() }).optional(),
})
/** See {@link WorkspaceSchema}. */
export type Workspace = z.infer<typeof WorkspaceSchema>

/** An empty workspace. */
export const emptyWorkspace = (): Workspace => ({
  format: 'gitkeys-workspace',
  version: WORKSPACE_VERSION,
  accounts: [],
  credentials: [],
  repositories: [],
  environments: [],
})
